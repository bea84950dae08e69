// AuditDocument: analyse an article without storing it and judge each
// sentence's claims against the KB.
#include "query/audit.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

namespace query {
namespace {

const char kOverreachNote[] = "overreach: evidence is short-term";

bool SameStatement(const Evidence& a, const Evidence& b) {
  return a.source.id == b.source.id && a.assertion.span_begin == b.assertion.span_begin &&
         a.assertion.span_end == b.assertion.span_end;
}

// Appends up to `n` items of `from`, skipping statements already listed (a
// sentence may assert both the matched claim and a narrower one).
void AppendSome(const std::vector<Evidence>& from, size_t n, std::vector<Evidence>* to) {
  size_t added = 0;
  for (const Evidence& e : from) {
    if (added == n) break;
    const bool seen =
        std::any_of(to->begin(), to->end(), [&](const Evidence& x) { return SameStatement(x, e); });
    if (seen) continue;
    to->push_back(e);
    ++added;
  }
}

// The best match of each claim of the article, judged once however many
// sentences assert it (a match depends only on the claim's subject,
// relation and object, which its id stands for).
using MatchCache = std::unordered_map<std::string, std::vector<Judgement>>;

// Judges one of the article's assertions and fills the claim part of *f.
kb::Status JudgeAssertion(Judge* judge, const AuditOptions& options, const kb::Assertion& a,
                          const kb::Claim& claim, MatchCache* cache, Finding* f) {
  f->has_claim = true;
  f->claim = claim;
  f->stance = a.stance;
  f->hedged = a.hedged;

  auto cached = cache->find(claim.id);
  if (cached == cache->end()) {
    std::vector<Judgement> found;
    kb::Status s = judge->Match(claim, 1, &found);
    if (!s.ok()) return s;
    cached = cache->emplace(claim.id, std::move(found)).first;
  }
  const std::vector<Judgement>& matches = cached->second;
  if (matches.empty()) {
    f->kind = FindingKind::kUnsupported;
    f->verdict = kb::Verdict::kUnknown;
    return kb::Status::OK();
  }
  const Judgement& j = matches.front();
  f->matched = j.claim;
  f->match = j.match;
  f->verdict = j.verdict;
  f->confidence = j.confidence;
  f->kind = KindForStance(a.stance, j.verdict);

  const bool affirms = a.stance == kb::Stance::kAsserts;
  const std::vector<Evidence>& agreeing = affirms ? j.for_evidence : j.against_evidence;
  const std::vector<Evidence>& opposing = affirms ? j.against_evidence : j.for_evidence;

  bool overreach = false;
  if (affirms && IsTimingOverreach(a.qualifiers, j.for_evidence, options.lexicon)) {
    overreach = true;
    f->note = kOverreachNote;
    if (Severity(f->kind) < Severity(FindingKind::kContested)) f->kind = FindingKind::kContested;
  }

  // The evidence that decided the kind leads: the opposing side for a myth or
  // a dispute, the agreeing side otherwise (and for an overreach, the
  // short-term evidence the article stretches).
  const bool opposing_decides =
      !overreach && (f->kind == FindingKind::kMyth || f->kind == FindingKind::kContested);
  const std::vector<Evidence>& deciding = opposing_decides ? opposing : agreeing;
  const std::vector<Evidence>& other = opposing_decides ? agreeing : opposing;
  AppendSome(deciding, options.max_deciding_evidence, &f->evidence);
  AppendSome(other, options.max_other_evidence, &f->evidence);

  if (f->kind == FindingKind::kMyth && !opposing.empty())
    f->correction = CorrectionLine(opposing.front());
  return kb::Status::OK();
}

// The finding that should stand for the sentence: the more serious kind,
// then the closer match.
bool MoreTelling(const Finding& a, const Finding& b) {
  if (Severity(a.kind) != Severity(b.kind)) return Severity(a.kind) > Severity(b.kind);
  return a.match > b.match;
}

bool IsHeading(ingest::BlockKind k) {
  return k == ingest::BlockKind::kTitle || k == ingest::BlockKind::kHeading;
}

}  // namespace

kb::Status AuditDocument(ingest::Pipeline* pipeline, Judge* judge, const ingest::Document& doc,
                         AuditReport* report) {
  return AuditDocument(pipeline, judge, doc, AuditOptions(), report);
}

kb::Status AuditDocument(ingest::Pipeline* pipeline, Judge* judge, const ingest::Document& doc,
                         const AuditOptions& options, AuditReport* report) {
  *report = AuditReport();
  report->document = doc;

  ingest::Analysis analysis;
  kb::Status s = pipeline->Analyze(doc, &analysis);
  if (!s.ok()) return s;
  const kb::SourceRecord& record = analysis.record;
  if (report->document.title.empty()) report->document.title = record.source.title;

  std::unordered_map<std::string, const kb::Claim*> claims;
  for (const kb::Claim& c : record.claims) claims.emplace(c.id, &c);
  MatchCache matched;

  for (const ingest::SentenceAnalysis& sa : analysis.sentences) {
    if (sa.in_references) continue;
    ++report->sentences;

    Finding base;
    base.sentence = sa.text;
    base.span_begin = sa.span_begin;
    base.span_end = sa.span_end;
    base.block = sa.block;

    if (sa.assertions.empty()) {
      // A sentence that reads like a claim but yielded none: say which words
      // the lexicon did not know. Headings and instructions are not claims.
      if (!sa.claim_like || sa.instruction || IsHeading(sa.block_kind)) continue;
      base.kind = FindingKind::kUnknown;
      base.unknown_terms = sa.unknown_terms;
      report->findings.push_back(std::move(base));
      continue;
    }
    if (sa.instruction && !sa.claim_like) continue;

    bool have = false;
    Finding best;
    for (size_t index : sa.assertions) {
      if (index >= record.assertions.size()) continue;
      const kb::Assertion& a = record.assertions[index];
      auto it = claims.find(a.claim_id);
      if (it == claims.end()) continue;
      Finding f = base;
      s = JudgeAssertion(judge, options, a, *it->second, &matched, &f);
      if (!s.ok()) return s;
      if (!have || MoreTelling(f, best)) best = std::move(f);
      have = true;
    }
    if (!have) continue;
    best.claims_in_sentence = sa.assertions.size();
    best.unknown_terms = sa.unknown_terms;
    report->findings.push_back(std::move(best));
  }

  for (const Finding& f : report->findings) ++report->counts[static_cast<size_t>(f.kind)];
  return kb::Status::OK();
}

}  // namespace query
