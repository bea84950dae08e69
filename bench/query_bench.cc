// evkb-bench-query: in-process latency of ask, sources and audit on a KB.
//
//   evkb-bench-query --db DIR [--iterations 200] [--budget-ms 0] [--audit FILE]
//                    [--threads N] [--only OP,OP...]
//
// --budget-ms caps the time spent per operation (at least 5 timed calls are
// made); 0 means no cap. --only times just the operations named (the others
// report n = 0), for profiling one of them.
//
// Opens the store read-only once (as evkb-query does), loads the lexicon and
// pipeline, then times, per call:
//   ask      BuildAskReport: ParseQuestion + Judge::Match for each probe, with
//            a fresh query::Judge (and so evidence pool) per call, as a new
//            evkb-query process has (the store's caches stay warm: RocksDB's
//            block and row caches and the records it keeps decoded)
//   ask_warm the same with one Judge reused across calls (its pool's memo
//            turns repeated questions into cache hits)
//   ask_uncached  ask on a second read-only open of the KB that keeps no
//            decoded records (StoreOptions::record_cache_bytes = 0): what
//            the store's record cache saves a question
//   match    Judge::Match alone, on the question's first probe
//   sources  Pipeline::MatchConcepts + BuildSourcesReport with the default
//            --limit (query::kDefaultSourcesLimit): the bounded report, a
//            fresh Judge per call
//   sources_warm  the same with one Judge reused
//   sources_uncached  sources, a fresh Judge per call, on the open that
//            keeps no decoded records
//   sources_all  the same with --limit 0 (every work and article, read from
//            the claims' assertions) and one Judge reused; fewer calls, it
//            is slow on a large KB
//   verdicts the claims part of sources judged claim by claim: the claims
//            whose object is the benefit (or below) and
//            Judge::JudgeClaimsWithoutEvidence on them, one Judge reused,
//            without the works and articles lists (a report judges them
//            together instead, Judge::VerdictsAbout, each claim counted once)
//   audit    ParseByName + AuditDocument of FILE (nothing stored) on
//            --threads threads (default: as evkb-query audit, one per core,
//            at most 4), fresh Judges per call
//   audit_1t the same on one thread
//   audit_warm  audit with its Judges reused (one per thread)
// cycling through a fixed set of questions and benefits built from the
// lexicon. The first pass over the set warms the caches and is not counted.
// Prints one JSON object with p50/p90/p99/max in microseconds per operation.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/reader.h"
#include "kb/store.h"
#include "query/audit.h"
#include "query/context.h"
#include "query/judge.h"
#include "query/reports.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Stats {
  std::vector<double> us;
  std::string Json(const char* name) const {
    std::vector<double> v = us;
    std::sort(v.begin(), v.end());
    auto q = [&](double p) {
      if (v.empty()) return 0.0;
      size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
      return v[std::min(i, v.size() - 1)];
    };
    double sum = 0;
    for (double x : v) sum += x;
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "\"%s\":{\"n\":%zu,\"p50_us\":%.1f,\"p90_us\":%.1f,\"p99_us\":%.1f,\"max_us\":%.1f,"
                  "\"mean_us\":%.1f}",
                  name, v.size(), q(0.5), q(0.9), q(0.99), v.empty() ? 0.0 : v.back(),
                  v.empty() ? 0.0 : sum / static_cast<double>(v.size()));
    return buf;
  }
};

double g_budget_ms = 0;
std::string g_only;  // comma-separated operation names; empty: all
constexpr size_t kMinSamples = 5;

bool Wanted(const char* op) {
  if (g_only.empty()) return true;
  const std::string list = "," + g_only + ",";
  return list.find("," + std::string(op) + ",") != std::string::npos;
}

// Times fn `iterations` times (or until g_budget_ms is spent) after one
// untimed pass over `warmup` calls.
// Times nothing when `op` is not wanted (--only).
Stats Time(const char* op, size_t warmup, size_t iterations,
           const std::function<bool(size_t)>& fn) {
  Stats st;
  if (!Wanted(op)) return st;
  auto w0 = Clock::now();
  for (size_t i = 0; i < warmup; ++i) {
    if (g_budget_ms > 0 && std::chrono::duration<double, std::milli>(Clock::now() - w0).count() > g_budget_ms) break;
    if (!fn(i)) std::exit(1);
  }
  st.us.reserve(iterations);
  double spent_ms = 0;
  for (size_t i = 0; i < iterations; ++i) {
    if (g_budget_ms > 0 && i >= kMinSamples && spent_ms > g_budget_ms) break;
    auto t0 = Clock::now();
    bool ok = fn(i);
    st.us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
    spent_ms += st.us.back() / 1000;
    if (!ok) std::exit(1);
  }
  return st;
}

bool Check(const kb::Status& s, const char* what) {
  if (!s.ok()) std::fprintf(stderr, "evkb-bench-query: %s: %s\n", what, s.ToString().c_str());
  return s.ok();
}

std::vector<std::string> Questions(const kb::Lexicon& lex) {
  std::vector<std::string> q = {"Does foam rolling break up scar tissue?",
                                "Can foam rolling lengthen the IT band?",
                                "Does foam rolling reduce DOMS?",
                                "Does stretching before running prevent injury?",
                                "Does massage improve recovery?",
                                "Doesn't a foam roller improve range of motion?",
                                "Is it true that rolling flushes out lactic acid?",
                                "Does static stretching reduce performance?"};
  // And one per relation, on the first intervention and an allowed object.
  const kb::Concept* subj = nullptr;
  for (const kb::Concept& c : lex.concepts)
    if (c.kind == "intervention" && !c.labels.empty() && subj == nullptr) subj = &c;
  if (subj == nullptr) return q;
  size_t k = 0;
  for (const kb::RelationDef& r : lex.relations) {
    if (r.cues.empty()) continue;
    for (const kb::Concept& c : lex.concepts) {
      bool fits = r.object_kinds.empty() ||
                  std::find(r.object_kinds.begin(), r.object_kinds.end(), c.kind) != r.object_kinds.end();
      if (!fits || c.labels.empty() || (k++ % 7) != 0) continue;
      q.push_back("Does " + subj->labels[0] + " " + r.cues[0] + " " + c.labels[0] + "?");
      break;
    }
  }
  return q;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db, audit_path;
  size_t iterations = 200;
  unsigned threads = 0;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--db" && i + 1 < argc) db = argv[++i];
    else if (a == "--iterations" && i + 1 < argc) iterations = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--audit" && i + 1 < argc) audit_path = argv[++i];
    else if (a == "--budget-ms" && i + 1 < argc) g_budget_ms = std::strtod(argv[++i], nullptr);
    else if (a == "--only" && i + 1 < argc) g_only = argv[++i];
    else if (a == "--threads" && i + 1 < argc)
      threads = std::strtoul(argv[++i], nullptr, 10);
    else {
      std::fprintf(
          stderr,
          "usage: evkb-bench-query --db DIR [--iterations N] [--budget-ms MS] [--audit FILE]\n"
          "                        [--threads N] [--only ask,ask_uncached,ask_warm,match,"
          "sources,sources_uncached,sources_warm,sources_all,verdicts,audit,audit_1t,"
          "audit_warm]\n");
      return 2;
    }
  }
  auto t_open = Clock::now();
  query::GlobalOptions go;
  go.db = db;
  query::Context ctx;
  if (int rc = query::OpenContext(go, &ctx); rc != 0) return rc;
  double open_ms = std::chrono::duration<double, std::milli>(Clock::now() - t_open).count();
  query::Judge judge(ctx.store.get(), &ctx.lexicon);
  kb::StoreCounts counts;
  if (!Check(ctx.store->Counts(&counts), "counts")) return 1;

  const std::vector<std::string> questions = Questions(ctx.lexicon);
  const std::vector<std::string> benefits = {"DOMS", "range of motion", "flexibility", "recovery",
                                             "performance", "injury risk", "pain", "scar tissue"};
  std::vector<kb::Claim> probes;
  for (const std::string& q : questions) {
    ingest::Pipeline::Question pq;
    if (ctx.pipeline->ParseQuestion(q, &pq).ok() && !pq.claims.empty()) probes.push_back(pq.claims[0]);
  }
  if (probes.empty()) {
    std::fprintf(stderr, "evkb-bench-query: no question parsed into a claim\n");
    return 1;
  }

  size_t matches = 0;
  Stats ask = Time("ask", questions.size(), iterations, [&](size_t i) {
    query::Judge cold(ctx.store.get(), &ctx.lexicon);
    query::AskReport r;
    bool ok = Check(query::BuildAskReport(ctx.pipeline.get(), &cold, questions[i % questions.size()], &r), "ask");
    matches += r.matches.size();
    return ok;
  });
  // The same KB opened again, keeping no decoded records (only RocksDB's
  // caches), opened only when an operation needs it.
  std::unique_ptr<kb::Store> uncached;
  if (Wanted("ask_uncached") || Wanted("sources_uncached")) {
    kb::StoreOptions so;
    so.read_only = true;
    so.record_cache_bytes = 0;
    if (!Check(kb::Store::Open(so, db, &uncached), "open without a record cache")) return 1;
  }
  Stats ask_uncached = Time("ask_uncached", questions.size(), iterations, [&](size_t i) {
    query::Judge cold(uncached.get(), &ctx.lexicon);
    query::AskReport r;
    return Check(
        query::BuildAskReport(ctx.pipeline.get(), &cold, questions[i % questions.size()], &r),
        "ask");
  });
  Stats ask_warm = Time("ask_warm", questions.size(), iterations, [&](size_t i) {
    query::AskReport r;
    return Check(query::BuildAskReport(ctx.pipeline.get(), &judge, questions[i % questions.size()], &r), "ask");
  });
  Stats match = Time("match", probes.size(), iterations, [&](size_t i) {
    std::vector<query::Judgement> out;
    return Check(judge.Match(probes[i % probes.size()], query::kAskMatchesPerProbe, &out), "match");
  });
  size_t source_works = 0;
  auto sources_with = [&](query::Judge* j, size_t i, kb::Store* store) {
    const std::string& b = benefits[i % benefits.size()];
    query::SourcesReport r;
    bool ok =
        Check(query::BuildSourcesReport(store, ctx.lexicon, j, b, ctx.pipeline->MatchConcepts(b),
                                        &r, query::kDefaultSourcesLimit),
              "sources");
    source_works += r.totals.works;
    return ok;
  };
  // As many calls as `ask`: a p99 over a quarter as many (75 by default)
  // is its second-slowest call, so one stall on this shared host sets it.
  Stats sources =
      Time("sources", benefits.size(), iterations, [&](size_t i) {
        query::Judge cold(ctx.store.get(), &ctx.lexicon);
        return sources_with(&cold, i, ctx.store.get());
      });
  Stats sources_uncached = Time("sources_uncached", benefits.size(),
                                iterations, [&](size_t i) {
                                  query::Judge cold(uncached.get(), &ctx.lexicon);
                                  return sources_with(&cold, i, uncached.get());
                                });
  Stats sources_warm = Time("sources_warm", benefits.size(), iterations,
                            [&](size_t i) { return sources_with(&judge, i, ctx.store.get()); });
  Stats sources_all = Time("sources_all", benefits.size(), std::max<size_t>(iterations / 20, 8), [&](size_t i) {
    const std::string& b = benefits[i % benefits.size()];
    query::SourcesReport r;
    return Check(query::BuildSourcesReport(ctx.store.get(), ctx.lexicon, &judge, b,
                                           ctx.pipeline->MatchConcepts(b), &r, 0),
                 "sources --limit 0");
  });

  Stats verdicts = Time("verdicts", benefits.size(), std::max<size_t>(iterations / 4, 20), [&](size_t i) {
    const std::string& b = benefits[i % benefits.size()];
    std::vector<std::string> concepts = ctx.pipeline->MatchConcepts(b);
    for (size_t k = 0, n = concepts.size(); k < n; ++k) {
      if (ctx.lexicon.FindConcept(concepts[k]) == nullptr) continue;
      for (std::string& d : ctx.lexicon.Descendants(concepts[k])) concepts.push_back(std::move(d));
    }
    std::vector<std::string> ids;
    for (const std::string& c : concepts) {
      std::vector<std::string> about;
      if (!Check(ctx.store->ClaimsByConcept(c, &about), "claims by concept")) return false;
      for (std::string& id : about) {
        kb::Claim claim;
        if (!ctx.store->GetClaim(id, &claim).ok()) continue;
        if (std::find(concepts.begin(), concepts.end(), claim.object) != concepts.end()) {
          ids.push_back(std::move(id));
        }
      }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::vector<query::Judgement> judged;
    return Check(judge.JudgeClaimsWithoutEvidence(ids, &judged), "judge claims");
  });

  std::string out = "{";
  char head[512];
  std::snprintf(
      head, sizeof head,
      "\"db\":\"%s\",\"open_ms\":%.2f,\"claims\":%llu,\"assertions\":%llu,\"sources\":%llu,"
      "\"works\":%llu,\"questions\":%zu,\"mean_matches\":%.2f,\"mean_source_works\":%.1f,",
      db.c_str(), open_ms, static_cast<unsigned long long>(counts.claims),
      static_cast<unsigned long long>(counts.assertions),
      static_cast<unsigned long long>(counts.sources),
      static_cast<unsigned long long>(counts.works), questions.size(),
      static_cast<double>(matches) /
          static_cast<double>(std::max<size_t>(ask.us.size() + questions.size(), 1)),
      static_cast<double>(source_works) /
          static_cast<double>(std::max<size_t>(sources.us.size() + sources_warm.us.size(), 1)));
  out += head;
  out += ask.Json("ask") + "," + ask_uncached.Json("ask_uncached") + "," +
         ask_warm.Json("ask_warm") + "," + match.Json("match") + "," + sources.Json("sources") +
         "," + sources_uncached.Json("sources_uncached") + "," + sources_warm.Json("sources_warm") +
         "," + sources_all.Json("sources_all") + "," + verdicts.Json("verdicts");

  if (!audit_path.empty()) {
    std::ifstream in(audit_path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string bytes = ss.str();
    size_t findings = 0;
    if (threads == 0) threads = query::DefaultAuditThreads();
    // judges[0] on the calling thread, the others as AuditOptions::helpers.
    auto audit_with = [&](const std::vector<query::Judge*>& judges) {
      ingest::Document doc;
      if (!Check(ingest::ParseByName(bytes, audit_path, &doc), "read")) return false;
      query::AuditOptions ao;
      ao.lexicon = &ctx.lexicon;
      ao.helpers.assign(judges.begin() + 1, judges.end());
      query::AuditReport r;
      bool ok = Check(query::AuditDocument(ctx.pipeline.get(), judges[0], doc, ao, &r), "audit");
      findings = r.findings.size();
      return ok;
    };
    // `n` new Judges, kept in *owned.
    auto new_judges = [&](unsigned n, std::vector<std::unique_ptr<query::Judge>>* owned) {
      std::vector<query::Judge*> judges;
      for (unsigned t = 0; t < n; ++t) {
        owned->push_back(std::make_unique<query::Judge>(ctx.store.get(), &ctx.lexicon));
        judges.push_back(owned->back().get());
      }
      return judges;
    };
    auto cold_audit = [&](unsigned n) {
      std::vector<std::unique_ptr<query::Judge>> owned;
      return audit_with(new_judges(n, &owned));
    };
    const size_t audits = std::max<size_t>(iterations / 10, 10);
    Stats audit = Time("audit", 2, audits, [&](size_t) { return cold_audit(threads); });
    Stats audit_1t = Time("audit_1t", 2, audits, [&](size_t) { return cold_audit(1); });
    std::vector<std::unique_ptr<query::Judge>> warm_helpers;
    std::vector<query::Judge*> warm = new_judges(threads - 1, &warm_helpers);
    warm.insert(warm.begin(), &judge);
    Stats audit_warm = Time("audit_warm", 2, audits, [&](size_t) { return audit_with(warm); });
    char a[160];
    std::snprintf(a, sizeof a, ",\"audit_bytes\":%zu,\"audit_findings\":%zu,\"audit_threads\":%u,",
                  bytes.size(), findings, threads);
    out += a + audit.Json("audit") + "," + audit_1t.Json("audit_1t") + "," +
           audit_warm.Json("audit_warm");
  }
  out += "}\n";
  std::fputs(out.c_str(), stdout);
  return 0;
}
