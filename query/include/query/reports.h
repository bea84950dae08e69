// What each evkb-query subcommand computes, as plain structs, and the
// functions that compute them from the store. Renderers (query/render.h)
// turn a report into text, JSON or another format; commands wire the two.
#ifndef EVKB_QUERY_REPORTS_H_
#define EVKB_QUERY_REPORTS_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "ingest/pipeline.h"
#include "kb/lexicon.h"
#include "kb/model.h"
#include "kb/status.h"
#include "kb/store.h"
#include "kb/verdict.h"
#include "query/judge.h"

namespace query {

// ---- ask

struct AskReport {
  std::string question;
  std::vector<kb::Claim> probes;             // the claims the question asks about
  kb::Stance stance = kb::Stance::kAsserts;  // kDenies for a negated question
  std::vector<Judgement> matches;            // best first, over all probes
  std::vector<std::string> unknown_terms;
  kb::Verdict verdict = kb::Verdict::kUnknown;  // the best match's
};

// The number of matches kept per probe.
inline constexpr size_t kAskMatchesPerProbe = 5;

// Parses `question` with `pipeline` and matches each probe claim.
kb::Status BuildAskReport(ingest::Pipeline* pipeline, Judge* judge, const std::string& question,
                          AskReport* out);

// ---- sources

struct SourcedWork {
  kb::Work work;
  std::vector<std::string> claims;    // ids of the benefit's claims it backs, by object, then
                                      // id (bounded: the first `limit`)
  std::vector<std::string> cited_by;  // ids of the sources citing it (bounded: the first `limit`)
  uint64_t cited_by_total = 0;        // how many sources cite it
  uint64_t claims_total = 0;          // how many of the benefit's claims it backs
};

struct SourcedArticle {
  kb::Source source;
  std::vector<std::string> claims;  // ids of the benefit's claims it asserts or denies
};

// How long the works and articles lists would be without a limit.
struct SourcesTotals {
  uint64_t works = 0, sources = 0, claims = 0;
};

struct SourcesReport {
  std::string benefit;
  std::vector<std::string> concepts;  // the benefit's concepts (matched ones first)
  // Strongest level first, then most of the benefit's claims, then most
  // citing sources, then id.
  std::vector<SourcedWork> works;
  std::vector<SourcedArticle> sources;  // most of the benefit's claims first, then by path
  std::vector<ClaimVerdict> claims;     // every one of the benefit's claims
  size_t limit = 0;                     // 0: works and sources are complete
  SourcesTotals totals;
};

// The default --limit of `evkb-query sources`.
inline constexpr size_t kDefaultSourcesLimit = 20;

// The evidence for claims whose object is one of `concepts` or below them.
// With `limit` > 0 the works and sources lists hold the first `limit` of the
// complete lists (the same order), each work's cited_by the first `limit`
// of its citing sources, and out->totals the complete lengths; they are read
// from the store's by_object index, not from the claims' assertions. With 0
// the lists are complete and read from the assertions.
kb::Status BuildSourcesReport(kb::Store* store, const kb::Lexicon& lexicon, Judge* judge,
                              const std::string& benefit, const std::vector<std::string>& concepts,
                              SourcesReport* out, size_t limit = 0);

// ---- claims

struct ClaimRow {
  kb::Claim claim;
  kb::Verdict verdict = kb::Verdict::kUnknown;
  double confidence = 0;
  std::map<std::string, int> mechanisms;  // over the claim's own assertions
  int asserts = 0, denies = 0;            // its own assertions by stance
};

struct ClaimFilter {
  std::string mechanism;   // empty: any
  std::string verdict;     // empty: any; else a VerdictName
  std::string source;      // empty: any; else a source id
  std::string concept_id;  // empty: any; else subject or object at or below it
};

// The row of one claim: its judgement (pooled) and its own assertions.
kb::Status MakeClaimRow(kb::Store* store, Judge* judge, const kb::Claim& claim, ClaimRow* out);

// Claims matching every filter, in claim id order. A source filter takes a
// source id or the path it was ingested from.
kb::Status BuildClaimRows(kb::Store* store, const kb::Lexicon& lexicon, Judge* judge,
                          const ClaimFilter& filter, std::vector<ClaimRow>* out);

// ---- show

struct ShowReport {
  std::string kind;                       // "claim" | "work" | "source" | "concept"
  Judgement judgement;                    // claim
  kb::Work work;                          // work
  kb::Source source;                      // source
  kb::Concept concept_def;                // concept
  std::vector<kb::Source> sources;        // work: citing sources
  std::vector<kb::Assertion> assertions;  // work: assertions linking it; source: its assertions
  std::vector<kb::Claim> claims;          // the claims of `assertions`; concept: claims about it
  std::vector<kb::Work> works;            // source: the works it cites
  std::vector<kb::Mention> mentions;      // source: its in-text citations
  std::vector<std::string> children;      // concept: its direct children
};

// Finds `id` as a claim, work, source (id or ingested path) or concept, in
// that order. NotFound names the id.
kb::Status BuildShowReport(kb::Store* store, const kb::Lexicon& lexicon, Judge* judge,
                           const std::string& id, ShowReport* out);

// ---- stats

struct StatsReport {
  kb::StoreCounts counts;
  std::map<std::string, uint64_t> mechanisms;  // neurological, mechanical, psychological, ...
  std::map<std::string, uint64_t> verdicts;    // supported, refuted, disputed, unsupported
};

kb::Status BuildStatsReport(kb::Store* store, const kb::Lexicon& lexicon, Judge* judge,
                            StatsReport* out);

// ---- export

struct GraphExport {
  std::vector<kb::Source> sources;
  std::vector<SourcedWork> works;  // claims left empty; cited_by filled
  std::vector<ClaimRow> claims;
  std::vector<kb::Assertion> assertions;
  std::vector<kb::Mention> mentions;
  std::vector<kb::Concept> concepts;
};

// The whole graph. Concepts come from the store, else from the lexicon.
kb::Status BuildGraphExport(kb::Store* store, const kb::Lexicon& lexicon, Judge* judge,
                            GraphExport* out);

}  // namespace query

#endif  // EVKB_QUERY_REPORTS_H_
