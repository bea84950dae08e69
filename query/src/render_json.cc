// JSON documents of ask, sources, claims, show and stats (CLI.md).
#include <cmath>

#include "json_util.h"
#include "query/render.h"

namespace query {
namespace {

// Weights and confidences to two decimals: more digits suggest a precision
// the rules do not have.
void Rounded(kb::JsonWriter& w, double x) { w.Double(std::round(x * 100) / 100); }

void WriteWork(kb::JsonWriter& w, const kb::Work& work) {
  w.StartObject();
  kb::WriteWorkFields(w, work);
  w.EndObject();
}

void WriteSourceRef(kb::JsonWriter& w, const kb::Source& s) {
  w.StartObject();
  w.Key("id");
  kb::WriteStringOrNull(w, s.id);
  w.Key("path");
  kb::WriteStringOrNull(w, s.path);
  w.Key("title");
  kb::WriteStringOrNull(w, s.title);
  w.EndObject();
}

void WriteEvidenceList(kb::JsonWriter& w, const char* key, const std::vector<Evidence>& list) {
  w.Key(key);
  w.StartArray();
  for (const Evidence& e : list) WriteEvidenceJson(w, e);
  w.EndArray();
}

void WriteJudgementFields(kb::JsonWriter& w, const Judgement& j) {
  w.Key("claim");
  WriteClaimWithMechanismsJson(w, j.claim, j.mechanisms);
  KeyStr(w, "verdict", kb::VerdictName(j.verdict));
  w.Key("confidence");
  Rounded(w, j.confidence);
  w.Key("match");
  Rounded(w, j.match);
  WriteEvidenceList(w, "for", j.for_evidence);
  WriteEvidenceList(w, "against", j.against_evidence);
  w.Key("for_count");
  w.Uint64(j.for_count);
  w.Key("against_count");
  w.Uint64(j.against_count);
}

void WriteClaimRow(kb::JsonWriter& w, const ClaimRow& row) {
  w.StartObject();
  kb::WriteClaimFields(w, row.claim);
  KeyStr(w, "verdict", kb::VerdictName(row.verdict));
  w.Key("confidence");
  Rounded(w, row.confidence);
  KeyCounts(w, "mechanisms", row.mechanisms);
  w.Key("asserts");
  w.Int(row.asserts);
  w.Key("denies");
  w.Int(row.denies);
  w.EndObject();
}

void WriteAssertion(kb::JsonWriter& w, const kb::Assertion& a) {
  w.StartObject();
  kb::WriteAssertionFields(w, a);
  w.EndObject();
}

}  // namespace

void WriteClaimWithMechanismsJson(kb::JsonWriter& w, const kb::Claim& claim,
                                  const std::map<std::string, int>& mechanisms) {
  w.StartObject();
  kb::WriteClaimFields(w, claim);
  KeyCounts(w, "mechanisms", mechanisms);
  w.EndObject();
}

void WriteEvidenceJson(kb::JsonWriter& w, const Evidence& e) {
  const kb::Assertion& a = e.assertion;
  w.StartObject();
  w.Key("source");
  WriteSourceRef(w, e.source);
  KeyStr(w, "sentence", a.sentence);
  KeyStr(w, "stance", kb::StanceName(a.stance));
  w.Key("hedged");
  w.Bool(a.hedged);
  KeyStrings(w, "mechanisms", a.mechanisms);
  w.Key("works");
  w.StartArray();
  for (const kb::Work& work : e.works) WriteWork(w, work);
  w.EndArray();
  w.Key("claim");
  w.StartObject();
  kb::WriteClaimFields(w, e.claim);
  w.EndObject();
  KeyStr(w, "attribution", kb::AttributionName(a.attribution));
  w.Key("attributed_to");
  kb::WriteStringOrNull(w, a.attributed_to);
  w.Key("span");
  w.StartArray();
  w.Uint(a.span_begin);
  w.Uint(a.span_end);
  w.EndArray();
  w.Key("weight");
  Rounded(w, e.weight);
  w.EndObject();
}

std::string RenderAskJson(const AskReport& r) {
  rapidjson::StringBuffer buf;
  kb::JsonWriter w(buf);
  w.StartObject();
  KeyStr(w, "question", r.question);
  KeyStr(w, "verdict", kb::VerdictName(r.verdict));
  w.Key("confidence");
  Rounded(w, r.matches.empty() ? 0.0 : r.matches.front().confidence);
  KeyStr(w, "stance", kb::StanceName(r.stance));
  w.Key("probes");
  w.StartArray();
  for (const kb::Claim& c : r.probes) {
    w.StartObject();
    kb::WriteClaimFields(w, c);
    w.EndObject();
  }
  w.EndArray();
  KeyStrings(w, "unknown_terms", r.unknown_terms);
  w.Key("matches");
  w.StartArray();
  for (const Judgement& j : r.matches) {
    w.StartObject();
    WriteJudgementFields(w, j);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return Finish(buf);
}

std::string RenderSourcesJson(const SourcesReport& r) {
  rapidjson::StringBuffer buf;
  kb::JsonWriter w(buf);
  w.StartObject();
  KeyStr(w, "benefit", r.benefit);
  KeyStrings(w, "concepts", r.concepts);
  w.Key("works");
  w.StartArray();
  for (const SourcedWork& sw : r.works) {
    w.StartObject();
    kb::WriteWorkFields(w, sw.work);
    KeyStrings(w, "claims", sw.claims);
    if (r.limit > 0) {
      w.Key("claims_total");
      w.Uint64(sw.claims_total);
    }
    KeyStrings(w, "cited_by", sw.cited_by);
    if (r.limit > 0) {
      w.Key("cited_by_total");
      w.Uint64(sw.cited_by_total);
    }
    w.EndObject();
  }
  w.EndArray();
  w.Key("sources");
  w.StartArray();
  for (const SourcedArticle& sa : r.sources) {
    w.StartObject();
    kb::WriteSourceFields(w, sa.source);
    KeyStrings(w, "claims", sa.claims);
    w.EndObject();
  }
  w.EndArray();
  w.Key("claims");
  w.StartArray();
  for (const ClaimVerdict& cv : r.claims) {
    w.StartObject();
    kb::WriteClaimFields(w, cv.claim());
    KeyStr(w, "verdict", kb::VerdictName(cv.verdict));
    w.Key("confidence");
    Rounded(w, cv.confidence);
    w.EndObject();
  }
  w.EndArray();
  if (r.limit > 0) {  // a bounded report says how long the lists are in all
    w.Key("totals");
    w.StartObject();
    w.Key("works");
    w.Uint64(r.totals.works);
    w.Key("sources");
    w.Uint64(r.totals.sources);
    w.Key("claims");
    w.Uint64(r.totals.claims);
    w.EndObject();
  }
  w.EndObject();
  return Finish(buf);
}

std::string RenderClaimsJson(const std::vector<ClaimRow>& rows) {
  rapidjson::StringBuffer buf;
  kb::JsonWriter w(buf);
  w.StartObject();
  w.Key("claims");
  w.StartArray();
  for (const ClaimRow& row : rows) WriteClaimRow(w, row);
  w.EndArray();
  w.EndObject();
  return Finish(buf);
}

std::string RenderShowJson(const ShowReport& r) {
  rapidjson::StringBuffer buf;
  kb::JsonWriter w(buf);
  w.StartObject();
  KeyStr(w, "kind", r.kind);
  if (r.kind == "claim") {
    WriteJudgementFields(w, r.judgement);
  } else if (r.kind == "work") {
    w.Key("work");
    WriteWork(w, r.work);
    w.Key("cited_by");
    w.StartArray();
    for (const kb::Source& s : r.sources) WriteSourceRef(w, s);
    w.EndArray();
  } else if (r.kind == "source") {
    w.Key("source");
    w.StartObject();
    kb::WriteSourceFields(w, r.source);
    w.EndObject();
    w.Key("works");
    w.StartArray();
    for (const kb::Work& work : r.works) WriteWork(w, work);
    w.EndArray();
    w.Key("mentions");
    w.StartArray();
    for (const kb::Mention& m : r.mentions) {
      w.StartObject();
      kb::WriteMentionFields(w, m);
      w.EndObject();
    }
    w.EndArray();
  } else if (r.kind == "concept") {
    w.Key("concept");
    w.StartObject();
    kb::WriteConceptFields(w, r.concept_def);
    w.EndObject();
    KeyStrings(w, "children", r.children);
  }
  if (r.kind != "claim") {
    w.Key("assertions");
    w.StartArray();
    for (const kb::Assertion& a : r.assertions) WriteAssertion(w, a);
    w.EndArray();
    w.Key("claims");
    w.StartArray();
    for (const kb::Claim& c : r.claims) {
      w.StartObject();
      kb::WriteClaimFields(w, c);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  return Finish(buf);
}

std::string RenderStatsJson(const StatsReport& r) {
  rapidjson::StringBuffer buf;
  kb::JsonWriter w(buf);
  w.StartObject();
  w.Key("sources");
  w.Uint64(r.counts.sources);
  w.Key("claims");
  w.Uint64(r.counts.claims);
  w.Key("assertions");
  w.Uint64(r.counts.assertions);
  w.Key("works");
  w.Uint64(r.counts.works);
  w.Key("mentions");
  w.Uint64(r.counts.mentions);
  w.Key("concepts");
  w.Uint64(r.counts.concepts);
  KeyCounts(w, "mechanisms", r.mechanisms);
  KeyCounts(w, "verdicts", r.verdicts);
  w.EndObject();
  return Finish(buf);
}

}  // namespace query
