// Audit: judges every claim of an article against the KB without storing the
// article, one finding per judged sentence (DESIGN.md "Verdicts"), and renders
// the findings as text, JSON (CLI.md), schema.org ClaimReview or HTML.
#ifndef EVKB_QUERY_AUDIT_H_
#define EVKB_QUERY_AUDIT_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/document.h"
#include "ingest/pipeline.h"
#include "kb/lexicon.h"
#include "kb/model.h"
#include "kb/status.h"
#include "kb/verdict.h"
#include "query/judge.h"

namespace query {

// Declaration order is severity order, most serious first.
enum class FindingKind { kMyth, kContested, kUnsupported, kConsistent, kUnknown };
inline constexpr size_t kFindingKindCount = 5;

const char* FindingKindName(FindingKind k);   // "myth" | "contested" | ...
const char* FindingKindLabel(FindingKind k);  // "Myth" | "Contested" | ...
bool ParseFindingKind(std::string_view name, FindingKind* out);
// Higher is more serious: myth 4, contested 3, unsupported 2, consistent 1, unknown 0.
int Severity(FindingKind k);

// The kind rule for one claim: what it means for an article to take `stance`
// on a claim whose KB verdict is `verdict`. Affirming a refuted claim or
// denying a supported one is a myth; affirming or denying a disputed claim is
// contested; agreeing with the evidence is consistent; no evidence beyond
// uncited statements (unsupported, unknown) is unsupported.
FindingKind KindForStance(kb::Stance stance, kb::Verdict verdict);

// One judged sentence of the audited article.
struct Finding {
  FindingKind kind = FindingKind::kUnknown;
  std::string sentence;                   // as the pipeline normalised it
  uint32_t span_begin = 0, span_end = 0;  // [begin, end) bytes of Document::raw
  size_t block = 0;                       // index into Document::blocks

  // The article's claim that decided the finding; has_claim is false for
  // kUnknown (a claim-like sentence the extractor could not read).
  bool has_claim = false;
  kb::Claim claim;
  kb::Stance stance = kb::Stance::kAsserts;
  bool hedged = false;
  size_t claims_in_sentence = 0;

  // The KB's side: the best-matching claim (empty id: nothing matched).
  kb::Claim matched;
  double match = 0;
  kb::Verdict verdict = kb::Verdict::kUnknown;
  double confidence = 0;
  // The evidence that decided the kind first, then the other side.
  std::vector<Evidence> evidence;

  std::string correction;  // myths: one line from the strongest opposing evidence
  std::string note;        // e.g. "overreach: evidence is short-term"
  std::vector<std::string> unknown_terms;
};

struct AuditReport {
  ingest::Document document;      // the article as read (blocks are used by the HTML report)
  std::vector<Finding> findings;  // in document order
  size_t sentences = 0;           // sentences analysed, references excluded
  std::array<int, kFindingKindCount> counts{};  // indexed by FindingKind

  int Count(FindingKind k) const { return counts[static_cast<size_t>(k)]; }
};

struct AuditOptions {
  // Used to recognise timing qualifiers through the is-a hierarchy; without
  // it only the ids themselves are recognised.
  const kb::Lexicon* lexicon = nullptr;
  size_t max_deciding_evidence = 3;  // evidence items from the deciding side
  size_t max_other_evidence = 2;     // and from the other side
  // More judges, to judge the article's claims on as many more threads, each
  // judge used by one thread only (see Judge). An article with few claims
  // uses fewer of them; empty: everything on the calling thread. The
  // findings are the same either way.
  std::vector<Judge*> helpers;
};

// An article with fewer claims to judge than this per thread uses fewer of
// AuditOptions::helpers: a thread costs its start and a judge that has read
// nothing yet.
inline constexpr size_t kMinClaimsPerAuditThread = 4;

// The threads an audit uses unless told otherwise (evkb-query audit
// --threads 0): one per core, at most 4.
unsigned DefaultAuditThreads();

// Analyses `doc` with `pipeline` (nothing is stored) and judges each claim of
// each sentence with `judge`. Instructions, questions and sentences without
// claims get no finding; a claim-like sentence with no claim the extractor
// could read is kUnknown. A sentence with several claims takes the most
// serious kind. Errors from the pipeline or the store are returned as they
// come; *report is then incomplete.
kb::Status AuditDocument(ingest::Pipeline* pipeline, Judge* judge, const ingest::Document& doc,
                         AuditReport* report);
kb::Status AuditDocument(ingest::Pipeline* pipeline, Judge* judge, const ingest::Document& doc,
                         const AuditOptions& options, AuditReport* report);

// ---- Helpers of AuditDocument, exposed for tests.

// True when the KB supports the claim only for the short term while the
// article claims a lasting effect: some affirming evidence carries a
// short-term qualifier, none carries a lasting one, and `article_qualifiers`
// holds a lasting one (long_term, permanent or below them).
bool IsTimingOverreach(const std::vector<std::string>& article_qualifiers,
                       const std::vector<Evidence>& for_evidence, const kb::Lexicon* lexicon);
// True when `qualifiers` hold a lasting one (long_term, permanent or below).
bool ClaimsLastingEffect(const std::vector<std::string>& qualifiers, const kb::Lexicon* lexicon);

// One line for a myth from the strongest opposing evidence:
//   Journal of Sport Rehabilitation 2019 (systematic review): "…sentence…" — 002_x.txt
// Empty when there is no evidence.
std::string CorrectionLine(const Evidence& opposing);
// The evidence's work of the best level (first among equals); null when none.
const kb::Work* StrongestWork(const Evidence& e);
// w.label, else kb::WorkLabel(w).
std::string DisplayLabel(const kb::Work& w);
// `text` cut to at most `max` bytes at a word boundary (never inside a UTF-8
// sequence), with "…" appended when cut.
std::string Abbreviate(std::string_view text, size_t max);
// "systematic review", "randomised controlled trial", "meta-analysis", ...
std::string DescribeStudyType(std::string_view type);
// The base name of a source's path ("002_x.txt"), else its title.
std::string SourceName(const kb::Source& source);

// ---- --fail-on

enum class FailOn { kMyth, kContested, kUnsupported, kNever };
bool ParseFailOn(std::string_view name, FailOn* out);  // "myth" | ... | "never"
// 1 when some finding is at or above the level (myth > contested >
// unsupported), else 0. kUnknown and kConsistent never fail.
int AuditExitCode(const AuditReport& report, FailOn fail_on);

// ---- Renderers. Each returns the whole document for stdout.

// CLI.md "audit --format json".
std::string RenderAuditJson(const AuditReport& report);
// For people: one block per finding, a summary line last. `color` adds ANSI
// colours (the caller checks for a TTY and NO_COLOR).
std::string RenderAuditText(const AuditReport& report, bool color);
// schema.org ClaimReview JSON-LD, {"@context","@graph":[...]}, one review
// per finding that has a verdict (not kUnknown). `date` is ISO 8601 (YYYY-MM-DD).
std::string RenderClaimReview(const AuditReport& report, const std::string& date);
// One self-contained HTML page: no external resources, no scripts, a
// Content-Security-Policy that forbids network loads; all article text escaped.
std::string RenderAuditHtml(const AuditReport& report);

// ---- Text helpers shared by the renderers.

// Escapes & < > " ' for HTML text and attribute values.
std::string EscapeHtml(std::string_view text);
// Today's date in UTC, "YYYY-MM-DD".
std::string TodayIso();
// Maps the original-byte span [begin, end) to [*from, *to) in block.text.
// False when the span does not fall in the block.
bool SpanInBlock(const ingest::Block& block, uint32_t begin, uint32_t end, size_t* from,
                 size_t* to);
// At most `max` bytes from the end / start of `s`, cut at a UTF-8 character boundary.
std::string Utf8Tail(std::string_view s, size_t max);
std::string Utf8Head(std::string_view s, size_t max);

}  // namespace query

#endif  // EVKB_QUERY_AUDIT_H_
