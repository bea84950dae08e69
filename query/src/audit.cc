// AuditDocument: analyse an article without storing it and judge each
// sentence's claims against the KB.
#include "query/audit.h"

#include <algorithm>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "kb/parallel.h"

namespace query {
namespace {

const char kOverreachNote[] = "overreach: evidence is short-term";

bool SameStatement(const Evidence& a, const Evidence& b) {
  return a.source.id == b.source.id && a.assertion.span_begin == b.assertion.span_begin &&
         a.assertion.span_end == b.assertion.span_end;
}

// Appends up to `n` items of `from`, skipping statements already listed (a
// sentence may assert both the matched claim and a narrower one). False when
// `from` ran out first.
bool AppendSome(const std::vector<Evidence>& from, size_t n, std::vector<Evidence>* to) {
  size_t added = 0;
  for (const Evidence& e : from) {
    if (added == n) return true;
    const bool seen =
        std::any_of(to->begin(), to->end(), [&](const Evidence& x) { return SameStatement(x, e); });
    if (seen) continue;
    to->push_back(e);
    ++added;
  }
  return added == n;
}

// The best match of each claim of the article, judged once however many
// sentences assert it (a match depends only on the claim's subject,
// relation and object, which its id stands for), keyed by claim id and how
// many evidence items a side lists.
using MatchCache = std::unordered_map<std::string, std::vector<Judgement>>;

// How many evidence items of each side the finding for `a` can use: what it
// shows, the first opposing item for a myth's correction, and every
// affirming item when the article claims a lasting effect (the timing check
// reads them all). Listing no more than that reads fewer records.
size_t EvidenceNeeded(const AuditOptions& options, const kb::Assertion& a) {
  if (a.stance == kb::Stance::kAsserts && ClaimsLastingEffect(a.qualifiers, options.lexicon)) {
    return kMaxEvidencePerSide;
  }
  const size_t shown = std::max(options.max_deciding_evidence, options.max_other_evidence);
  return std::clamp<size_t>(shown, 1, kMaxEvidencePerSide);
}

std::string MatchKey(const kb::Claim& claim, size_t listed) {
  return claim.id + '\0' + std::to_string(listed);
}

// The best match of `claim` with `listed` evidence items a side, from the
// cache or judged now.
kb::Status MatchOnce(Judge* judge, const kb::Claim& claim, size_t listed, MatchCache* cache,
                     const std::vector<Judgement>** out) {
  const std::string key = MatchKey(claim, listed);
  auto cached = cache->find(key);
  if (cached == cache->end()) {
    std::vector<Judgement> found;
    kb::Status s = judge->Match(claim, 1, &found, listed);
    if (!s.ok()) return s;
    cached = cache->emplace(key, std::move(found)).first;
  }
  *out = &cached->second;
  return kb::Status::OK();
}

// The assertion `index` of `record` and the claim it asserts, or null when
// the index or the claim is not in the record.
const kb::Claim* AssertedClaim(const kb::SourceRecord& record,
                               const std::unordered_map<std::string, const kb::Claim*>& claims,
                               size_t index, const kb::Assertion** assertion) {
  if (index >= record.assertions.size()) return nullptr;
  *assertion = &record.assertions[index];
  auto it = claims.find((*assertion)->claim_id);
  return it == claims.end() ? nullptr : it->second;
}

// One match the audit will want: a claim and how many items a side lists.
struct MatchJob {
  const kb::Claim* claim;
  size_t listed;
  std::vector<Judgement> result;
  kb::Status status;
};

// Judges `jobs` with `judges[0]` on the calling thread and each other judge
// on a thread of its own, each taking the next job not yet taken. Returns
// the first failed job's status, in job order.
kb::Status JudgeInParallel(const std::vector<Judge*>& judges, std::vector<MatchJob>* jobs) {
  kb::ForEachJob(jobs->size(), judges.size(), [&](size_t worker, size_t i) {
    MatchJob& job = (*jobs)[i];
    job.status = judges[worker]->Match(*job.claim, 1, &job.result, job.listed);
  });
  for (const MatchJob& job : *jobs) {
    if (!job.status.ok()) return job.status;
  }
  return kb::Status::OK();
}

// Fills the verdict and evidence part of *f from `j`, whose sides list at
// most `listed` items. False when a side that could hold more ran out
// before the finding had its share of distinct statements from it.
bool FillFromJudgement(const AuditOptions& options, const kb::Assertion& a, const Judgement& j,
                       size_t listed, Finding* f) {
  f->matched = j.claim;
  f->match = j.match;
  f->verdict = j.verdict;
  f->confidence = j.confidence;
  f->kind = KindForStance(a.stance, j.verdict);
  f->note.clear();
  f->correction.clear();
  f->evidence.clear();

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
  const bool deciding_full = AppendSome(deciding, options.max_deciding_evidence, &f->evidence);
  const bool other_full = AppendSome(other, options.max_other_evidence, &f->evidence);

  if (f->kind == FindingKind::kMyth && !opposing.empty())
    f->correction = CorrectionLine(opposing.front());
  const bool cut = listed < kMaxEvidencePerSide;
  return !(cut && ((!deciding_full && deciding.size() == listed) ||
                   (!other_full && other.size() == listed)));
}

// Judges one of the article's assertions and fills the claim part of *f.
// The match lists only the evidence the finding can use (EvidenceNeeded);
// when repeated statements leave a side short, it is listed in full.
kb::Status JudgeAssertion(Judge* judge, const AuditOptions& options, const kb::Assertion& a,
                          const kb::Claim& claim, MatchCache* cache, Finding* f) {
  f->has_claim = true;
  f->claim = claim;
  f->stance = a.stance;
  f->hedged = a.hedged;

  for (size_t listed = EvidenceNeeded(options, a);; listed = kMaxEvidencePerSide) {
    const std::vector<Judgement>* matches = nullptr;
    kb::Status s = MatchOnce(judge, claim, listed, cache, &matches);
    if (!s.ok()) return s;
    if (matches->empty()) {
      f->kind = FindingKind::kUnsupported;
      f->verdict = kb::Verdict::kUnknown;
      return kb::Status::OK();
    }
    if (FillFromJudgement(options, a, matches->front(), listed, f) ||
        listed == kMaxEvidencePerSide) {
      return kb::Status::OK();
    }
  }
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

// Judges, spread over `judge` and the options' helpers, the first match
// each assertion the audit judges will want (JudgeAssertion), into *cache.
kb::Status MatchAhead(Judge* judge, const AuditOptions& options, const ingest::Analysis& analysis,
                      const std::unordered_map<std::string, const kb::Claim*>& claims,
                      MatchCache* cache) {
  std::vector<MatchJob> jobs;
  std::unordered_map<std::string, size_t> seen;
  for (const ingest::SentenceAnalysis& sa : analysis.sentences) {
    if (sa.in_references || (sa.instruction && !sa.claim_like)) continue;
    for (size_t index : sa.assertions) {
      const kb::Assertion* a = nullptr;
      const kb::Claim* claim = AssertedClaim(analysis.record, claims, index, &a);
      if (claim == nullptr) continue;
      const size_t listed = EvidenceNeeded(options, *a);
      if (seen.emplace(MatchKey(*claim, listed), jobs.size()).second) {
        jobs.push_back({claim, listed, {}, kb::Status::OK()});
      }
    }
  }
  std::vector<Judge*> judges = {judge};
  for (Judge* helper : options.helpers) {
    if (jobs.size() < (judges.size() + 1) * kMinClaimsPerAuditThread) break;
    judges.push_back(helper);
  }
  if (judges.size() == 1) return kb::Status::OK();  // judged as the findings are made
  if (kb::Status s = JudgeInParallel(judges, &jobs); !s.ok()) return s;
  for (auto& [key, i] : seen) cache->emplace(key, std::move(jobs[i].result));
  return kb::Status::OK();
}

}  // namespace

unsigned DefaultAuditThreads() {
  constexpr unsigned kMaxDefault = 4;
  return std::clamp(std::thread::hardware_concurrency(), 1u, kMaxDefault);
}

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
  if (!options.helpers.empty()) {
    if (s = MatchAhead(judge, options, analysis, claims, &matched); !s.ok()) return s;
  }

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
      const kb::Assertion* a = nullptr;
      const kb::Claim* claim = AssertedClaim(record, claims, index, &a);
      if (claim == nullptr) continue;
      Finding f = base;
      s = JudgeAssertion(judge, options, *a, *claim, &matched, &f);
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
