#include "kb/json_out.h"

#include <catch2/catch.hpp>
#include <functional>

namespace {

std::string Render(const std::function<void(kb::JsonWriter&)>& fields) {
  rapidjson::StringBuffer buf;
  kb::JsonWriter w(buf);
  w.StartObject();
  fields(w);
  w.EndObject();
  return buf.GetString();
}

}  // namespace

TEST_CASE("JsonOut: work fields, null for unknowns", "[kb]") {
  kb::Work w;
  w.id = "w1";
  w.authors = {{"Cheatham", "S. W."}, {"Kolber", ""}};
  w.et_al = true;
  w.title = "A review";
  w.type = "systematic_review";
  w.level = 1;
  CHECK(Render([&](kb::JsonWriter& j) { kb::WriteWorkFields(j, w); }) ==
        R"({"id":"w1","label":"Cheatham et al.","authors":[{"family":"Cheatham","given":"S. W."},)"
        R"({"family":"Kolber","given":null}],"year":null,"title":"A review","container":null,)"
        R"("volume":null,"issue":null,"pages":null,"doi":null,"pmid":null,"url":null,)"
        R"("type":"systematic_review","level":1,"resolved":true})");
}

TEST_CASE("JsonOut: claim, source, assertion, mention and concept fields", "[kb]") {
  kb::Claim c{"c1", "foam_rolling", "reduces", "doms", "foam rolling reduces DOMS"};
  CHECK(Render([&](kb::JsonWriter& j) { kb::WriteClaimFields(j, c); }) ==
        R"({"id":"c1","text":"foam rolling reduces DOMS","subject":"foam_rolling","relation":"reduces","object":"doms"})");

  kb::Source s;
  s.id = "s1";
  s.path = "a.txt";
  s.kind = "txt";
  s.length = 42;
  s.ingested_at = 1700000000;
  CHECK(Render([&](kb::JsonWriter& j) { kb::WriteSourceFields(j, s); }) ==
        R"({"id":"s1","path":"a.txt","title":null,"author":null,"date":null,"kind":"txt","length":42,"ingested_at":1700000000})");

  kb::Assertion a;
  a.claim_id = "c1";
  a.source_id = "s1";
  a.sentence = "It helps.";
  a.span_begin = 3;
  a.span_end = 12;
  a.stance = kb::Stance::kDenies;
  a.hedged = true;
  a.attribution = kb::Attribution::kExpert;
  a.attributed_to = "Prof. X";
  a.mechanisms = {"neurological"};
  a.works = {{"w1", kb::LinkKind::kContext}};
  CHECK(Render([&](kb::JsonWriter& j) { kb::WriteAssertionFields(j, a); }) ==
        R"({"claim":"c1","source":"s1","stance":"denies","hedged":true,"attribution":"expert",)"
        R"("attributed_to":"Prof. X","sentence":"It helps.","span":[3,12],"mechanisms":["neurological"],)"
        R"("qualifiers":[],"works":["w1"],"links":[{"work":"w1","kind":"context"}]})");

  kb::Mention m{"s1", "Pearcey et al (2015)", 0, 20, ""};
  CHECK(Render([&](kb::JsonWriter& j) { kb::WriteMentionFields(j, m); }) ==
        R"j({"source":"s1","text":"Pearcey et al (2015)","span":[0,20],"work":null})j");

  kb::Concept k{"doms", "outcome", {"DOMS", "muscle soreness"}, ""};
  CHECK(Render([&](kb::JsonWriter& j) { kb::WriteConceptFields(j, k); }) ==
        R"({"id":"doms","kind":"outcome","labels":["DOMS","muscle soreness"],"parent":null})");
}
