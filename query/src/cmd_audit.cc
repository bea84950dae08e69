// evkb-query audit INPUT: read one article, judge its claims, render.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "command_util.h"
#include "ingest/reader.h"
#include "query/audit.h"
#include "query/commands.h"
#include "query/context.h"
#include "query/judge.h"

namespace query {
namespace {

constexpr int kExitRejected = 3;  // CLI.md: input rejected

struct AuditFlags {
  std::string input;
  std::shared_ptr<std::string> format;
  std::string fail_on = "never";
  unsigned threads = 0;
};

void Error(const std::string& message) {
  std::fprintf(stderr, "evkb-query: audit: %s\n", message.c_str());
}

bool IsDatabaseError(const kb::Status& s) {
  return s.IsIOError() || s.IsCorruption() || s.IsBusy() || s.IsNotSupported();
}

// Reads the one article to audit. Returns 0, or the exit code after saying why.
int ReadArticle(const std::string& input, ingest::Document* doc) {
  if (input != "-" && !std::filesystem::exists(input)) {
    Error(input + ": no such file; give an article (.txt, .md, .html) or - for stdin");
    return kExitUsage;
  }
  std::vector<ingest::Document> docs;
  int rejected = 0;
  ingest::ReadInput(
      input, ingest::ReaderOptions(), [&](ingest::Document&& d) { docs.push_back(std::move(d)); },
      [&](const ingest::ReadError& e) {
        ++rejected;
        Error(e.ToString());
      });
  if (docs.empty()) {
    if (rejected == 0) Error(input + ": no article found; give a .txt, .md or .html file");
    return kExitRejected;
  }
  if (docs.size() > 1) {
    Error(input + ": holds " + std::to_string(docs.size()) + " articles; auditing the first, " +
          docs[0].path);
  }
  *doc = std::move(docs[0]);
  return 0;
}

int RunAudit(const AuditFlags& flags, const GlobalOptions& global) {
  const std::string& format = *flags.format;
  FailOn fail_on = FailOn::kNever;
  if (!ParseFailOn(flags.fail_on, &fail_on)) {
    Error("--fail-on " + flags.fail_on + " is not one of myth, contested, unsupported, never");
    return kExitUsage;
  }

  ingest::Document doc;
  if (int rc = ReadArticle(flags.input, &doc); rc != 0) return rc;

  Context ctx;
  if (int rc = OpenContext(global, &ctx); rc != 0) return rc;
  Judge judge(ctx.store.get(), &ctx.lexicon);
  AuditOptions options;
  options.lexicon = &ctx.lexicon;
  std::vector<std::unique_ptr<Judge>> helpers;
  const unsigned threads = flags.threads > 0 ? flags.threads : DefaultAuditThreads();
  for (unsigned i = 1; i < threads; ++i) {
    helpers.push_back(std::make_unique<Judge>(ctx.store.get(), &ctx.lexicon));
    options.helpers.push_back(helpers.back().get());
  }
  AuditReport report;
  kb::Status s = AuditDocument(ctx.pipeline.get(), &judge, doc, options, &report);
  if (!s.ok()) {
    Error(doc.path + ": " + s.ToString());
    return IsDatabaseError(s) ? kExitDatabase : kExitRejected;
  }

  std::string out;
  if (format == "json") {
    out = RenderAuditJson(report);
  } else if (format == "claimreview") {
    out = RenderClaimReview(report, TodayIso());
  } else if (format == "html") {
    out = RenderAuditHtml(report);
  } else {
    out = RenderAuditText(report, global.color);
  }
  if (int rc = Emit(out); rc != kExitOk) return rc;
  return AuditExitCode(report, fail_on);
}

}  // namespace

Runner SetupAudit(CLI::App* sub, const GlobalOptions* global) {
  auto flags = std::make_shared<AuditFlags>();
  sub->add_option("INPUT", flags->input, "Article to audit (.txt, .md, .html), or - for stdin")
      ->required();
  flags->format = AddFormatOption(sub, {"text", "json", "claimreview", "html"});
  sub->add_option(
         "--fail-on", flags->fail_on,
         "Exit 1 when a finding is at or above this level: myth, contested, unsupported or never")
      ->check(CLI::IsMember({"myth", "contested", "unsupported", "never"}))
      ->capture_default_str();
  sub->add_option("--threads", flags->threads,
                  "Threads judging the article's claims (0: one per core, at most 4); the "
                  "findings are the same with any number")
      ->capture_default_str();
  sub->footer(
      "Does this article repeat myths? Reads the article without storing it, judges each\n"
      "claim against the knowledge base and labels each sentence: myth, contested,\n"
      "unsupported, consistent or unknown, with the evidence that decided it.\n"
      "Exit 1 when a finding is at or above --fail-on (myth > contested > unsupported).\n"
      "\n"
      "Examples:\n"
      "  evkb-query audit draft.md\n"
      "  evkb-query audit draft.html --format html > report.html\n"
      "  evkb-query audit draft.md --format claimreview > claims.jsonld\n"
      "  evkb-query audit - --fail-on myth < draft.txt");
  return [flags, global] { return RunAudit(*flags, *global); };
}

}  // namespace query
