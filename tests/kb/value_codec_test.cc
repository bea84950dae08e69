#include "value_codec.h"

#include <catch2/catch.hpp>

TEST_CASE("ValueCodec: records round trip", "[kb]") {
  kb::Source s;
  s.id = "s1";
  s.path = "seeds/001.html";
  s.title = "Foam rolling";
  s.author = "A. Writer";
  s.date = "2019-05-01";
  s.url = "https://example.org/a";
  s.kind = "html";
  s.ingested_at = 1700000000;
  s.length = 12345;
  kb::Source s2;
  REQUIRE(kb::DecodeSource(kb::EncodeSource(s), &s2));
  CHECK(s2.id == s.id);
  CHECK(s2.path == s.path);
  CHECK(s2.url == s.url);
  CHECK(s2.ingested_at == s.ingested_at);
  CHECK(s2.length == s.length);

  kb::Work w;
  w.id = "w1";
  w.authors = {{"Cheatham", "S. W."}, {"Kolber", "M. J."}};
  w.et_al = true;
  w.year = 2015;
  w.title = "T";
  w.container = "IJSPT";
  w.volume = "10";
  w.issue = "6";
  w.pages = "827";
  w.doi = "10.1/x";
  w.pmid = "1";
  w.type = "systematic_review";
  w.level = 1;
  w.resolved = false;
  w.label = "Cheatham et al. 2015";
  kb::Work w2;
  REQUIRE(kb::DecodeWork(kb::EncodeWork(w), &w2));
  CHECK(w2.authors == w.authors);
  CHECK(w2.et_al);
  CHECK(w2.year == 2015);
  CHECK(w2.pages == "827");
  CHECK(w2.type == "systematic_review");
  CHECK(w2.level == 1);
  CHECK_FALSE(w2.resolved);
  CHECK(w2.label == w.label);

  kb::Work defaults;
  kb::Work defaults2;
  defaults2.level = 1;
  REQUIRE(kb::DecodeWork(kb::EncodeWork(defaults), &defaults2));
  CHECK(defaults2.level == 5);
  CHECK(defaults2.type == "unknown");
  CHECK(defaults2.resolved);

  kb::Assertion a;
  a.claim_id = "c1";
  a.source_id = "s1";
  a.sentence = "Rolling may help.";
  a.span_begin = 7;
  a.span_end = 24;
  a.stance = kb::Stance::kDenies;
  a.hedged = true;
  a.attribution = kb::Attribution::kAnecdote;
  a.attributed_to = "me";
  a.mechanisms = {"mechanical", "neurological"};
  a.qualifiers = {"short_term"};
  a.works = {{"w1", kb::LinkKind::kBibliography}, {"w2", kb::LinkKind::kDirect}};
  kb::Assertion a2;
  REQUIRE(kb::DecodeAssertion(kb::EncodeAssertion(a), &a2));
  CHECK(a2.claim_id == "c1");
  CHECK(a2.span_begin == 7);
  CHECK(a2.span_end == 24);
  CHECK(a2.stance == kb::Stance::kDenies);
  CHECK(a2.hedged);
  CHECK(a2.attribution == kb::Attribution::kAnecdote);
  CHECK(a2.mechanisms == a.mechanisms);
  CHECK(a2.qualifiers == a.qualifiers);
  CHECK(a2.works == a.works);

  kb::Mention m{"s1", "[3]", 5, 8, "w1"};
  kb::Mention m2;
  REQUIRE(kb::DecodeMention(kb::EncodeMention(m), &m2));
  CHECK(m2.text == "[3]");
  CHECK(m2.span_end == 8);
  CHECK(m2.work_id == "w1");

  kb::Concept c{"it_band", "structure", {"IT band", "iliotibial band"}, "fascia"};
  kb::Concept c2;
  REQUIRE(kb::DecodeConcept(kb::EncodeConcept(c), &c2));
  CHECK(c2.labels == c.labels);
  CHECK(c2.parent == "fascia");

  kb::Claim k{"c1", "a", "r", "b", "a r b"};
  kb::Claim k2;
  REQUIRE(kb::DecodeClaim(kb::EncodeClaim(k), &k2));
  CHECK(k2.relation == "r");
  CHECK(k2.text == "a r b");
}

TEST_CASE("ValueCodec: malformed values are rejected", "[kb]") {
  const char* bad[] = {"", "not json", "[]", R"({"id": 3})", R"({"stance": 7})", R"({"works": [["w1", 9]]})"};
  for (const char* v : bad) {
    INFO(v);
    kb::Assertion a;
    kb::Source s;
    CHECK_FALSE((kb::DecodeAssertion(v, &a) && kb::DecodeSource(v, &s)));
  }
  kb::Assertion a;
  CHECK_FALSE(kb::DecodeAssertion(R"({"stance": 7})", &a));
  CHECK_FALSE(kb::DecodeAssertion(R"({"works": [["w1", 9]]})", &a));
  kb::Source s;
  CHECK_FALSE(kb::DecodeSource(R"({"id": 3})", &s));
}
