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

  kb::EvidenceSummary ev;
  ev.affirm = {{150000, false, 3}, {4200000, true, 1}};
  ev.deny = {{900000, true, 70000}};
  ev.mechanisms = {{"mechanical", 2}, {"neurological", 300}};
  const std::string value = kb::EncodeClaim(k, ev);
  kb::Claim k3;
  kb::EvidenceSummary ev2, ev3;
  REQUIRE(kb::DecodeClaimWithSummary(value, &k3, &ev2));
  CHECK(k3.id == "c1");
  CHECK(k3.object == "b");
  CHECK(ev2 == ev);
  REQUIRE(kb::DecodeClaimSummary(value, &ev3));
  CHECK(ev3 == ev);
}

TEST_CASE("ValueCodec: extreme numbers and long strings round trip", "[kb]") {
  kb::Source s;
  s.ingested_at = -1;
  s.length = UINT64_MAX;
  s.title = std::string(300, 'x');  // a length of two varint bytes
  kb::Source s2;
  REQUIRE(kb::DecodeSource(kb::EncodeSource(s), &s2));
  CHECK(s2.ingested_at == -1);
  CHECK(s2.length == UINT64_MAX);
  CHECK(s2.title == s.title);

  kb::Work w;
  w.year = INT32_MIN;
  w.level = INT32_MAX;
  kb::Work w2;
  REQUIRE(kb::DecodeWork(kb::EncodeWork(w), &w2));
  CHECK(w2.year == INT32_MIN);
  CHECK(w2.level == INT32_MAX);

  kb::Assertion a;
  a.span_begin = UINT32_MAX;
  a.span_end = UINT32_MAX;
  kb::Assertion a2;
  REQUIRE(kb::DecodeAssertion(kb::EncodeAssertion(a), &a2));
  CHECK(a2.span_begin == UINT32_MAX);
}

// Databases written before schema version 5 hold JSON values; they are read
// until rewritten. These are values as those builds wrote them.
TEST_CASE("ValueCodec: JSON values of older databases are read", "[kb]") {
  kb::Source s;
  REQUIRE(kb::DecodeSource(
      R"({"id":"s1","path":"a.md","title":"T","kind":"md","ingested_at":1700000000,"length":42})", &s));
  CHECK(s.path == "a.md");
  CHECK(s.length == 42);

  kb::Claim c;
  kb::EvidenceSummary ev;
  REQUIRE(kb::DecodeClaimWithSummary(
      R"({"id":"c1","subject":"foam_rolling","relation":"reduces","object":"doms","text":"t",)"
      R"("ev":{"a":[[150000,true,2]],"m":[["neurological",1]]}})",
      &c, &ev));
  CHECK(c.object == "doms");
  REQUIRE(ev.affirm.size() == 1);
  CHECK(ev.affirm[0].count == 2);
  CHECK(ev.deny.empty());
  CHECK(ev.mechanisms.at("neurological") == 1);

  kb::Work w;
  REQUIRE(kb::DecodeWork(
      R"({"id":"w1","authors":[["Cheatham","S. W."]],"et_al":true,"year":2015,"type":"systematic_review","level":1,"resolved":true})",
      &w));
  CHECK(w.authors.at(0).family == "Cheatham");
  CHECK(w.level == 1);

  kb::Assertion a;
  REQUIRE(kb::DecodeAssertion(
      R"({"claim":"c1","source":"s1","sentence":"x","b":3,"e":9,"stance":1,"works":[["w1",2]]})", &a));
  CHECK(a.stance == kb::Stance::kDenies);
  CHECK(a.works.at(0).kind == kb::LinkKind::kBibliography);

  kb::Mention m;
  REQUIRE(kb::DecodeMention(R"({"source":"s1","text":"[3]","b":5,"e":8,"work":"w1"})", &m));
  CHECK(m.work_id == "w1");
  kb::Concept k;
  REQUIRE(kb::DecodeConcept(R"({"id":"doms","kind":"outcome","labels":["DOMS"]})", &k));
  CHECK(k.labels.at(0) == "DOMS");

  // A JSON claim record from before version 2 has no summary.
  CHECK_FALSE(kb::DecodeClaimSummary(R"({"id":"c1"})", &ev));
}

TEST_CASE("ValueCodec: cut, padded or mistyped binary values are rejected", "[kb]") {
  kb::Assertion a;
  a.claim_id = "c1";
  a.source_id = "s1";
  a.sentence = "Rolling may help.";
  a.works = {{"w1", kb::LinkKind::kContext}};
  const std::string value = kb::EncodeAssertion(a);
  kb::Assertion out;
  REQUIRE(kb::DecodeAssertion(value, &out));
  for (size_t n = 0; n < value.size(); ++n) {
    INFO(n);
    CHECK_FALSE(kb::DecodeAssertion(value.substr(0, n), &out));
  }
  CHECK_FALSE(kb::DecodeAssertion(value + '\0', &out));
  // Another record's value, even one that would parse field by field.
  kb::Source src;
  CHECK_FALSE(kb::DecodeSource(value, &src));
  kb::Claim claim;
  CHECK_FALSE(kb::DecodeClaim(kb::EncodeMention(kb::Mention{}), &claim));

  // An enum out of range: the stance byte follows three strings and two spans.
  std::string bad_stance = value;
  const size_t stance_at = 1 + (1 + 2) + (1 + 2) + (1 + a.sentence.size()) + 1 + 1;
  REQUIRE(bad_stance[stance_at] == 0);
  bad_stance[stance_at] = 2;
  CHECK_FALSE(kb::DecodeAssertion(bad_stance, &out));

  // A list longer than the bytes left.
  kb::Concept concept_record{"doms", "outcome", {}, ""};
  std::string long_list = kb::EncodeConcept(concept_record);
  const size_t count_at = 1 + (1 + 4) + (1 + 7);
  REQUIRE(long_list[count_at] == 0);
  long_list[count_at] = 0x7f;
  kb::Concept c;
  CHECK_FALSE(kb::DecodeConcept(long_list, &c));

  // A summary bucket counting nothing.
  kb::EvidenceSummary ev;
  ev.affirm = {{1, false, 1}};
  std::string zero = kb::EncodeClaim(kb::Claim{}, ev);
  const size_t bucket_count_at = 1 + 5 + 1 + 1 + 1;
  REQUIRE(zero[bucket_count_at] == 1);
  zero[bucket_count_at] = 0;
  CHECK_FALSE(kb::DecodeClaimSummary(zero, &ev));

  // An unterminated varint.
  kb::Mention m;
  CHECK_FALSE(kb::DecodeMention(std::string("\x05\xff\xff", 3), &m));
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
