#include "ingest/runner.h"

#include <rapidjson/stringbuffer.h>

#include <memory>

#include <algorithm>
#include <thread>

#include "analysis_queue.h"
#include "dry_run_json.h"
#include "ingest/pipeline.h"
#include "ingest/reader.h"
#include "ingest/work_resolver.h"
#include "kb/db_path.h"
#include "kb/json_out.h"
#include "kb/lexicon.h"
#include "kb/store.h"
#include "progress.h"

namespace ingest {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;
constexpr int kExitRejected = 3;
constexpr int kExitDatabase = 4;

struct Totals {
  uint64_t files = 0, ingested = 0, unchanged = 0, replaced = 0, rejected = 0, dry = 0;
  uint64_t claims = 0, works = 0, bytes = 0;
};

const char* OutcomeName(kb::PutOutcome o) {
  switch (o) {
    case kb::PutOutcome::kIngested:
      return "ingested";
    case kb::PutOutcome::kUnchanged:
      return "unchanged";
    case kb::PutOutcome::kReplaced:
      return "replaced";
  }
  return "ingested";
}

// Streams the JSON document of CLI.md: one source object at a time.
class JsonOut {
 public:
  explicit JsonOut(FILE* out) : out_(out) { std::fputs("{\"sources\":[", out_); }
  void Source(const std::string& path, const kb::SourceRecord* rec, const std::string& status,
              const std::string& error) {
    rapidjson::StringBuffer buf;
    kb::JsonWriter w(buf);
    WriteSourceReport(w, path, rec, status, error);
    if (!first_) std::fputc(',', out_);
    first_ = false;
    std::fputs(buf.GetString(), out_);
  }
  void Finish(const Totals& t) {
    std::fprintf(out_,
                 "],\"summary\":{\"files\":%llu,\"ingested\":%llu,\"unchanged\":%llu,"
                 "\"replaced\":%llu,\"rejected\":%llu,\"dry_run\":%llu,\"claims\":%llu,"
                 "\"works\":%llu}}\n",
                 static_cast<unsigned long long>(t.files), static_cast<unsigned long long>(t.ingested),
                 static_cast<unsigned long long>(t.unchanged),
                 static_cast<unsigned long long>(t.replaced),
                 static_cast<unsigned long long>(t.rejected), static_cast<unsigned long long>(t.dry),
                 static_cast<unsigned long long>(t.claims), static_cast<unsigned long long>(t.works));
  }

 private:
  FILE* out_;
  bool first_ = true;
};

int DatabaseExit(FILE* err, const std::string& db, const kb::Status& s) {
  std::fprintf(err, "evkb-ingest: %s: %s\n", db.c_str(), s.ToString().c_str());
  return kExitDatabase;
}

}  // namespace

int RunIngest(const RunOptions& options, FILE* out, FILE* err) {
  kb::Lexicon lexicon;
  kb::Status s = kb::LoadLexicon(options.lexicons, &lexicon);
  if (!s.ok()) {
    std::fprintf(err, "evkb-ingest: lexicon: %s\n", s.message().c_str());
    return kExitUsage;
  }

  std::string db = options.db.empty() ? kb::DefaultDbPath() : options.db;
  std::unique_ptr<kb::Store> store;
  if (!options.dry_run) {
    kb::StoreOptions so;
    so.read_only = false;
    so.create_if_missing = !options.upgrade;
    if (!options.quiet) {
      so.notice = [err, &db](const std::string& what) {
        std::fprintf(err, "evkb-ingest: %s: %s\n", db.c_str(), what.c_str());
      };
    }
    s = kb::Store::Open(so, db, &store);
    if (!s.ok()) return DatabaseExit(err, db, s);
    s = store->PutConcepts(lexicon.concepts);
    if (!s.ok()) return DatabaseExit(err, db, s);
    if (options.upgrade && options.inputs.empty()) {
      // Flushed, so that readers replay no log when they open, and every
      // table rewritten in this build's format (partitioned index and
      // filters, which readers open without reading them whole).
      if (s = store->Flush(); !s.ok()) return DatabaseExit(err, db, s);
      if (s = store->Compact(); !s.ok()) return DatabaseExit(err, db, s);
      std::fprintf(err, "evkb-ingest: %s is up to date (schema version %d)\n", db.c_str(), kb::kSchemaVersion);
      return 0;
    }
  }

  bool json = options.format == "json";
  std::unique_ptr<JsonOut> jout;
  if (json) jout = std::make_unique<JsonOut>(out);
  Totals totals;
  Progress progress(options.progress.c_str(), err);
  kb::Status db_error;

  ReaderOptions ro;
  ro.max_bytes = options.max_bytes;
  auto reject = [&](const ReadError& e) {
    ++totals.files;
    ++totals.rejected;
    progress.Finish();
    std::fprintf(err, "evkb-ingest: %s\n", e.ToString().c_str());
    if (jout) jout->Source(e.path, nullptr, "rejected", e.message);
  };
  WorkCache works;  // the writer's decoded stored works
  // Runs on the queue's writer thread, in input order: resolution and the write.
  auto consume = [&](AnalysedItem&& item) {
    if (!db_error.ok()) return;
    if (item.rejected) {
      reject(item.error);
      return;
    }
    const Document& doc = item.doc;
    Analysis& analysis = item.analysis;
    kb::Status st = item.status;
    std::vector<citations::WorkIdentity> identities;  // of analysis.record.works
    if (st.ok()) st = ResolveWorks(store.get(), &analysis.record, &works, &identities);
    if (!st.ok()) {
      reject(ReadError{doc.path, 0, 0, st.message()});
      return;
    }
    ++totals.files;
    totals.bytes += doc.raw.size();
    std::string status = "dry-run";
    if (store) {
      kb::PutOutcome outcome;
      st = store->PutSource(analysis.record, &outcome);
      if (!st.ok()) {
        db_error = st;
        return;
      }
      status = OutcomeName(outcome);
      if (outcome != kb::PutOutcome::kUnchanged) {
        works.Stored(analysis.record.works, std::move(identities));
      }
      if (outcome == kb::PutOutcome::kIngested) ++totals.ingested;
      if (outcome == kb::PutOutcome::kUnchanged) ++totals.unchanged;
      if (outcome == kb::PutOutcome::kReplaced) ++totals.replaced;
    } else {
      ++totals.dry;
    }
    totals.claims += analysis.record.claims.size();
    totals.works += analysis.record.works.size();
    if (jout) {
      jout->Source(doc.path, &analysis.record, status, "");
    } else if (!options.quiet) {
      progress.Finish();
      std::fprintf(out, "%-9s  %s  (%zu claims, %zu works, %zu mentions)\n", status.c_str(),
                   doc.path.c_str(), analysis.record.claims.size(), analysis.record.works.size(),
                   analysis.record.mentions.size());
    }
    progress.Update(totals.files, totals.bytes, totals.claims, totals.rejected);
  };
  // The writer has a thread of its own and keeps a core busy; the analysis
  // threads take the others. On 2 cores one analysis thread keeps ahead of
  // the writer, and a second one only competed with it: the 100 MB corpus
  // took 36.8 / 35.8 s with one, 37.4 / 37.3 s with two.
  unsigned threads = options.threads;
  if (threads == 0) threads = std::clamp(std::thread::hardware_concurrency(), 2u, 5u) - 1;
  AnalysisQueue queue(&lexicon, threads, consume);
  s = queue.Start();
  if (!s.ok()) {
    std::fprintf(err, "evkb-ingest: %s\n", s.ToString().c_str());
    return kExitUsage;
  }
  for (const std::string& input : options.inputs) {
    ReadInput(
        input, ro, [&](Document&& doc) { queue.PushDocument(std::move(doc)); },
        [&](const ReadError& e) { queue.PushError(e); });
  }
  queue.Finish();
  if (store && db_error.ok()) db_error = store->Flush();
  progress.Finish();
  if (jout) jout->Finish(totals);
  if (!db_error.ok()) return DatabaseExit(err, db, db_error);
  if (!json) {
    std::fprintf(options.quiet ? err : out,
                 "%llu files: %llu ingested, %llu unchanged, %llu replaced, %llu rejected%s; "
                 "%llu claims, %llu works\n",
                 static_cast<unsigned long long>(totals.files),
                 static_cast<unsigned long long>(totals.ingested),
                 static_cast<unsigned long long>(totals.unchanged),
                 static_cast<unsigned long long>(totals.replaced),
                 static_cast<unsigned long long>(totals.rejected),
                 options.dry_run ? " (dry run: nothing stored)" : "",
                 static_cast<unsigned long long>(totals.claims),
                 static_cast<unsigned long long>(totals.works));
  }
  return totals.rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace ingest
