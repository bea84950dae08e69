#include "query/context.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace query {
namespace {

// CLI.md exit codes.
constexpr int kExitUsage = 2;
constexpr int kExitDatabase = 4;

int Fail(int code, const std::string& message) {
  std::fprintf(stderr, "evkb-query: %s\n", message.c_str());
  return code;
}

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? std::string() : std::string(v);
}

}  // namespace

std::string DefaultDbPath() {
  std::string db = Env("EVKB_DB");
  if (!db.empty()) return db;
  std::string data = Env("XDG_DATA_HOME");
  if (data.empty()) data = Env("HOME") + "/.local/share";
  return data + "/evkb/db";
}

int OpenContext(const GlobalOptions& options, Context* ctx) {
  const std::string path = options.db.empty() ? DefaultDbPath() : options.db;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Fail(kExitDatabase, "no database at " + path + ": run evkb-ingest first");
  }
  kb::StoreOptions so;
  so.read_only = true;
  so.create_if_missing = false;
  kb::Status s = kb::Store::Open(so, path, &ctx->store);
  if (!s.ok()) {
    std::string hint;
    if (s.IsBusy()) hint = " (another process holds it; retry when the ingest ends)";
    // NotSupported (a newer or an older schema) says what to do itself.
    return Fail(kExitDatabase, "cannot open database at " + path + ": " + s.message() + hint);
  }
  s = kb::LoadLexicon(options.lexicons, &ctx->lexicon);
  if (!s.ok()) {
    return Fail(kExitUsage, "lexicon: " + s.message() + " (check --lexicon or $EVKB_LEXICON)");
  }
  s = ingest::Pipeline::Create(&ctx->lexicon, &ctx->pipeline);
  if (!s.ok()) return Fail(kExitUsage, "cannot set up the extractor: " + s.message());
  return 0;
}

}  // namespace query
