// query/src/render_json.cc, render_export.cc, render_text.cc: the JSON
// shapes of CLI.md, checked key by key, and the text's first line.
#include <rapidjson/document.h>

#include <catch2/catch.hpp>

#include "query/render.h"
#include "query_test_util.h"

using query_test::MakeClaim;
using query_test::MakeWork;

namespace {

rapidjson::Document Parse(const std::string& json) {
  rapidjson::Document d;
  d.Parse(json.c_str(), json.size());
  INFO(json.substr(0, 400));
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

void RequireKeys(const rapidjson::Value& v, std::initializer_list<const char*> keys) {
  REQUIRE(v.IsObject());
  for (const char* k : keys) {
    INFO("key " << k);
    CHECK(v.HasMember(k));
  }
}

query::Evidence MakeEvidence(kb::Stance stance, const kb::Work* work) {
  query::Evidence e;
  e.claim = MakeClaim("foam_rolling", "reduces", "doms");
  e.assertion.claim_id = e.claim.id;
  e.assertion.stance = stance;
  e.assertion.sentence = "Foam rolling reduced soreness.";
  e.assertion.mechanisms = {"neurological"};
  e.source.id = "s0000000000000001";
  e.source.path = "seeds/001_a.txt";
  e.source.title = "An article";
  if (work != nullptr) e.works.push_back(*work);
  e.weight = 0.8;
  return e;
}

query::AskReport MakeAskReport() {
  const kb::Work trial = MakeWork("Pearcey", 2015, "rct", 2);
  query::AskReport r;
  r.question = "Does foam rolling reduce DOMS?";
  r.probes = {MakeClaim("foam_rolling", "reduces", "doms")};
  query::Judgement j;
  j.claim = r.probes[0];
  j.match = 1;
  j.verdict = kb::Verdict::kSupported;
  j.confidence = 0.63;
  j.for_evidence = {MakeEvidence(kb::Stance::kAsserts, &trial)};
  j.against_evidence = {MakeEvidence(kb::Stance::kDenies, nullptr)};
  j.mechanisms = {{"neurological", 2}};
  r.matches = {j};
  r.verdict = j.verdict;
  return r;
}

}  // namespace

TEST_CASE("RenderAskJson: the CLI.md ask shape", "[render]") {
  const rapidjson::Document d = Parse(query::RenderAskJson(MakeAskReport()));
  RequireKeys(d, {"question", "verdict", "matches", "unknown_terms"});
  CHECK(std::string(d["verdict"].GetString()) == "supported");
  const auto& m = d["matches"][0];
  RequireKeys(m, {"claim", "verdict", "confidence", "for", "against"});
  RequireKeys(m["claim"], {"id", "text", "subject", "relation", "object", "mechanisms"});
  CHECK(m["claim"]["mechanisms"]["neurological"].GetInt() == 2);
  CHECK(m["confidence"].GetDouble() == Approx(0.63));
  const auto& ev = m["for"][0];
  RequireKeys(ev, {"source", "sentence", "stance", "hedged", "mechanisms", "works"});
  RequireKeys(ev["source"], {"id", "path", "title"});
  CHECK(std::string(ev["stance"].GetString()) == "asserts");
  CHECK(ev["mechanisms"].IsArray());
  const auto& w = ev["works"][0];
  RequireKeys(w, {"id", "label", "authors", "year", "title", "container", "volume", "issue",
                  "pages", "doi", "type", "level"});
  CHECK(std::string(w["authors"][0]["family"].GetString()) == "Pearcey");
  CHECK(w["year"].GetInt() == 2015);
  CHECK(std::string(m["against"][0]["stance"].GetString()) == "denies");
  CHECK(m["against"][0]["works"].Size() == 0);
}

TEST_CASE("RenderAskJson: no match is unknown with the words not understood", "[render]") {
  query::AskReport r;
  r.question = "Does foam rolling cure diabetes?";
  r.unknown_terms = {"diabetes"};
  const rapidjson::Document d = Parse(query::RenderAskJson(r));
  CHECK(std::string(d["verdict"].GetString()) == "unknown");
  CHECK(d["matches"].Size() == 0);
  CHECK(std::string(d["unknown_terms"][0].GetString()) == "diabetes");
}

TEST_CASE("RenderSourcesJson: the CLI.md sources shape", "[render]") {
  query::SourcesReport r;
  r.benefit = "DOMS";
  r.concepts = {"doms"};
  query::SourcedWork sw;
  sw.work = MakeWork("Cheatham", 2015, "systematic_review", 1);
  sw.claims = {"c1"};
  sw.cited_by = {"s1"};
  r.works = {sw};
  query::SourcedArticle sa;
  sa.source.id = "s1";
  sa.source.path = "001_a.txt";
  sa.claims = {"c1"};
  r.sources = {sa};
  r.claims = {query::MakeClaimVerdict(MakeClaim("foam_rolling", "reduces", "doms"),
                                      kb::Verdict::kSupported, 0.5)};
  const rapidjson::Document d = Parse(query::RenderSourcesJson(r));
  RequireKeys(d, {"benefit", "concepts", "works", "sources", "claims"});
  RequireKeys(d["works"][0],
              {"id", "label", "authors", "year", "type", "level", "claims", "cited_by"});
  RequireKeys(d["sources"][0], {"id", "path", "title", "claims"});
  RequireKeys(d["claims"][0], {"id", "text", "verdict"});
  CHECK(std::string(d["claims"][0]["verdict"].GetString()) == "supported");
  CHECK(std::string(d["concepts"][0].GetString()) == "doms");
}

TEST_CASE("RenderStatsJson: the CLI.md stats shape", "[render]") {
  query::StatsReport r;
  r.counts.sources = 5;
  r.counts.claims = 30;
  r.mechanisms = {{"neurological", 2}, {"mechanical", 1}, {"psychological", 0}};
  r.verdicts = {{"supported", 3}, {"refuted", 1}, {"disputed", 0}, {"unsupported", 2}};
  const rapidjson::Document d = Parse(query::RenderStatsJson(r));
  RequireKeys(d,
              {"sources", "claims", "assertions", "works", "concepts", "mechanisms", "verdicts"});
  CHECK(d["sources"].GetUint64() == 5);
  RequireKeys(d["mechanisms"], {"neurological", "mechanical", "psychological"});
  RequireKeys(d["verdicts"], {"supported", "refuted", "disputed", "unsupported"});
  CHECK(d["verdicts"]["supported"].GetUint64() == 3);
}

TEST_CASE("RenderExportJson: the CLI.md export shape", "[render]") {
  query::GraphExport g;
  kb::Source src;
  src.id = "s1";
  src.path = "seeds/001_a.txt";
  g.sources = {src};
  const kb::Work work = MakeWork("Cheatham", 2015, "systematic_review", 1);
  g.works = {{work, {}, {"s1"}}};
  query::ClaimRow row;
  row.claim = MakeClaim("foam_rolling", "reduces", "doms");
  row.verdict = kb::Verdict::kSupported;
  row.mechanisms = {{"mechanical", 1}};
  g.claims = {row};
  kb::Assertion a;
  a.claim_id = row.claim.id;
  a.source_id = "s1";
  a.mechanisms = {"mechanical"};
  a.works = {{work.id, kb::LinkKind::kDirect}};
  g.assertions = {a};
  g.mentions = {kb::Mention{"s1", "Cheatham et al (2015)", 0, 5, work.id}};
  g.concepts = {kb::Concept{"doms", "outcome", {"DOMS"}, "pain"}};
  const rapidjson::Document d = Parse(query::RenderExportJson(g));
  RequireKeys(d, {"sources", "works", "claims", "assertions", "mentions", "concepts"});
  RequireKeys(d["sources"][0], {"id", "path", "title"});
  RequireKeys(d["works"][0], {"id", "label", "authors", "year", "type", "level", "cited_by"});
  CHECK(std::string(d["works"][0]["cited_by"][0].GetString()) == "s1");
  RequireKeys(d["claims"][0],
              {"id", "text", "subject", "relation", "object", "verdict", "mechanisms"});
  CHECK(d["claims"][0]["mechanisms"]["mechanical"].GetInt() == 1);
  RequireKeys(d["assertions"][0],
              {"claim", "source", "stance", "hedged", "sentence", "span", "mechanisms", "works"});
  CHECK(std::string(d["assertions"][0]["works"][0].GetString()) == work.id);
  RequireKeys(d["mentions"][0], {"source", "text", "span", "work"});
  RequireKeys(d["concepts"][0], {"id", "kind", "labels", "parent"});
}

TEST_CASE("RenderClaimsJson and RenderShowJson: parseable, with verdicts", "[render]") {
  query::ClaimRow row;
  row.claim = MakeClaim("foam_rolling", "reduces", "doms");
  row.verdict = kb::Verdict::kDisputed;
  const rapidjson::Document claims = Parse(query::RenderClaimsJson({row}));
  RequireKeys(claims["claims"][0], {"id", "text", "verdict", "mechanisms", "asserts", "denies"});

  query::ShowReport show;
  show.kind = "claim";
  show.judgement = MakeAskReport().matches[0];
  const rapidjson::Document d = Parse(query::RenderShowJson(show));
  RequireKeys(d, {"kind", "claim", "verdict", "for", "against"});

  query::ShowReport concept_report;
  concept_report.kind = "concept";
  concept_report.concept_def = kb::Concept{"doms", "outcome", {"DOMS"}, "pain"};
  const rapidjson::Document c = Parse(query::RenderShowJson(concept_report));
  RequireKeys(c, {"kind", "concept", "children", "claims"});
}

TEST_CASE("RenderExportDot and RenderExportGraphml: well-formed outlines", "[render]") {
  query::GraphExport g;
  kb::Source src;
  src.id = "s1";
  src.path = "a \"quoted\" <name>.txt";
  g.sources = {src};
  const std::string dot = query::RenderExportDot(g);
  CHECK(dot.rfind("digraph evkb {", 0) == 0);
  CHECK(dot.find("\\\"quoted\\\"") != std::string::npos);
  const std::string xml = query::RenderExportGraphml(g);
  CHECK(xml.find("<graphml") != std::string::npos);
  CHECK(xml.find("&lt;name&gt;") != std::string::npos);
  CHECK(xml.find("</graphml>") != std::string::npos);
}

TEST_CASE("RenderAskText: the verdict comes first; colour only when asked", "[render]") {
  const std::string plain = query::RenderAskText(MakeAskReport(), false);
  CHECK(plain.rfind("SUPPORTED", 0) == 0);
  CHECK(plain.find('\x1b') == std::string::npos);
  CHECK(plain.find("001_a.txt") != std::string::npos);
  CHECK(plain.find("Pearcey") != std::string::npos);
  CHECK(plain.find("neurological 2") != std::string::npos);
  const std::string colored = query::RenderAskText(MakeAskReport(), true);
  CHECK(colored.find('\x1b') != std::string::npos);
  CHECK(query::RenderAskText(query::AskReport{}, false).rfind("UNKNOWN", 0) == 0);
}

TEST_CASE("TrimSentence: collapses whitespace and cuts at a word", "[render]") {
  CHECK(query::TrimSentence("  a\n  b  ", 20) == "a b");
  CHECK(query::TrimSentence("one two three four", 10) == "one two\u2026");
}

TEST_CASE("Excerpt: long sentences are cut around the first anchor", "[render]") {
  const std::string s =
      "Regularly using a foam roller offers many of the benefits of a sports massage such as "
      "improving "
      "circulation and reducing scar tissue.";
  CHECK(query::Excerpt(s, {"scar tissue"}, 200) == s);
  const std::string cut = query::Excerpt(s, {"Scar Tissue"}, 60);
  CHECK(cut.rfind("\u2026", 0) == 0);
  CHECK(cut.find("scar tissue") != std::string::npos);
  // An anchor inside a word is not an anchor; without one the head is kept.
  CHECK(query::Excerpt(s, {"oam"}, 60).rfind("Regularly", 0) == 0);
}
