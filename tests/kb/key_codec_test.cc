#include "key_codec.h"

#include <catch2/catch.hpp>
#include <set>

TEST_CASE("KeyCodec: big-endian integers round trip and sort numerically", "[kb]") {
  const uint32_t values[] = {0, 1, 255, 256, 65535, 1u << 24, 0xffffffffu};
  std::string prev;
  for (uint32_t v : values) {
    std::string enc;
    kb::PutBE32(&enc, v);
    REQUIRE(enc.size() == 4);
    uint32_t back = 0;
    REQUIRE(kb::GetBE32(enc, &back));
    CHECK(back == v);
    CHECK(prev < enc);  // byte order is numeric order
    prev = enc;
  }
  std::string enc64;
  kb::PutBE64(&enc64, 0x0102030405060708ull);
  uint64_t back64 = 0;
  REQUIRE(kb::GetBE64(enc64, &back64));
  CHECK(back64 == 0x0102030405060708ull);
  uint32_t v;
  CHECK_FALSE(kb::GetBE32("abc", &v));
}

TEST_CASE("KeyCodec: assertion keys round trip", "[kb]") {
  struct Case {
    std::string claim, source;
    uint32_t begin, end;
  } cases[] = {
      {"c0123456789abcdef", "s0123456789abcdef", 0, 0},
      {"c1", "s2", 1234, 1310},
      {"c1", "s2", 0xffffffffu, 0},
      {"c", "s", 256, 0x00000a00},  // zero bytes inside the integers
  };
  for (const Case& c : cases) {
    std::string key = kb::AssertionKey(c.claim, c.source, c.begin, c.end);
    CHECK(kb::StartsWith(key, kb::AssertionPrefixForClaim(c.claim)));
    std::string claim, source;
    uint32_t b = 1, e = 1;
    REQUIRE(kb::ParseAssertionKey(key, &claim, &source, &b, &e));
    CHECK(claim == c.claim);
    CHECK(source == c.source);
    CHECK(b == c.begin);
    CHECK(e == c.end);

    std::string by_source = kb::BySourceAssertionKey(c.source, c.claim, c.begin, c.end);
    CHECK(kb::StartsWith(by_source, kb::BySourcePrefix(c.source, kb::kBySourceAssertionTag)));
    std::string back;
    REQUIRE(kb::BySourceToAssertionKey(by_source, &back));
    CHECK(back == key);
  }
  std::string claim, source;
  uint32_t b, e;
  CHECK_FALSE(kb::ParseAssertionKey("short", &claim, &source, &b, &e));
}

TEST_CASE("KeyCodec: assertions of one claim sort by source, then span", "[kb]") {
  std::vector<std::string> in_order = {
      kb::AssertionKey("c1", "s1", 5, 9),     kb::AssertionKey("c1", "s1", 300, 301),
      kb::AssertionKey("c1", "s2", 0, 1),     kb::AssertionKey("c2", "s0", 0, 1),
  };
  for (size_t i = 1; i < in_order.size(); ++i) CHECK(in_order[i - 1] < in_order[i]);
  // A claim id that extends another is not inside its prefix.
  CHECK_FALSE(kb::StartsWith(kb::AssertionKey("c12", "s1", 0, 0), kb::AssertionPrefixForClaim("c1")));
}

TEST_CASE("KeyCodec: index keys", "[kb]") {
  std::string work_key = kb::BySourceWorkKey("s1", "w9");
  std::string work_id;
  REQUIRE(kb::ParseBySourceWorkKey(work_key, &work_id));
  CHECK(work_id == "w9");
  std::string akey;
  CHECK_FALSE(kb::BySourceToAssertionKey(work_key, &akey));
  CHECK_FALSE(kb::ParseBySourceWorkKey(kb::BySourceAssertionKey("s1", "c1", 0, 0), &work_id));

  CHECK(kb::SuffixAfterSeparator(kb::ByConceptKey("doms", "c1")) == "c1");
  CHECK(kb::StartsWith(kb::ByConceptKey("doms", "c1"), kb::ByConceptPrefix("doms")));
  CHECK_FALSE(kb::StartsWith(kb::ByConceptKey("doms_x", "c1"), kb::ByConceptPrefix("doms")));
  CHECK(kb::SuffixAfterSeparator(kb::ByWorkKey("w1", "s3")) == "s3");
  CHECK(kb::StartsWith(kb::MentionKey("s1", 3, 4), kb::MentionPrefix("s1")));
  CHECK(kb::MentionKey("s1", 3, 4) < kb::MentionKey("s1", 256, 0));
}

TEST_CASE("KeyCodec: work_keys cover DOI, first author and year+container", "[kb]") {
  kb::Work w;
  w.id = "wabc";
  w.authors = {{"Stöggl", "T."}};
  w.year = 2015;
  w.container = "J Sport Rehabil";
  w.doi = "10.1/ABC";
  std::vector<std::string> keys = kb::WorkIndexKeys(w);
  REQUIRE(keys.size() == 3);
  std::set<std::string> set(keys.begin(), keys.end());
  CHECK(set.count(kb::WorkKeyDoiPrefix("10.1/abc") + "wabc"));
  CHECK(set.count(kb::WorkKeyAuthorYearPrefix("STÖGGL", 2015) + "wabc"));
  // The author-and-year key sorts under the author's prefix.
  CHECK(kb::WorkKeyAuthorYearPrefix("Stöggl", 2015).rfind(kb::WorkKeyAuthorPrefix("Stöggl"), 0) == 0);
  CHECK(set.count(kb::WorkKeyYearContainerPrefix(2015, "j sport rehabil") + "wabc"));
  for (const std::string& k : keys) CHECK(kb::WorkKeyWorkId(k) == "wabc");
  CHECK(kb::StartsWith(kb::WorkKeyYearContainerPrefix(2015, "x"), kb::WorkKeyYearPrefix(2015)));

  kb::Work bare;
  bare.id = "w0";
  CHECK(kb::WorkIndexKeys(bare).empty());

  // A work with no first author ("a 2019 review in ...") is also listed
  // among the authorless works of its year and container; one with an
  // author (above) is not.
  kb::Work described;
  described.id = "wdesc";
  described.year = 2019;
  described.container = "J Sport Rehabil";
  keys = kb::WorkIndexKeys(described);
  CHECK(keys == std::vector<std::string>{
                    kb::WorkKeyAuthorlessPrefix(2019, "j sport rehabil") + "wdesc",
                    kb::WorkKeyYearContainerPrefix(2019, "J SPORT REHABIL") + "wdesc"});
  CHECK_FALSE(set.count(kb::WorkKeyAuthorlessPrefix(2015, "j sport rehabil") + "wabc"));
  CHECK(kb::WorkKeyAuthorless(w).empty());
  CHECK(kb::WorkKeyAuthorless(described) == keys[0]);
  CHECK(kb::WorkKeyWorkId(keys[0]) == "wdesc");
  described.year = 0;
  CHECK(kb::WorkIndexKeys(described).empty());
}

TEST_CASE("KeyCodec: column family names are unique and start with default", "[kb]") {
  std::set<std::string> names;
  for (int i = 0; i < kb::kNumCfs; ++i) names.insert(kb::CfSpecOf(static_cast<kb::Cf>(i)).name);
  CHECK(names.size() == static_cast<size_t>(kb::kNumCfs));
  CHECK(std::string(kb::CfSpecOf(kb::Cf::kDefault).name) == "default");
  CHECK(std::string(kb::CfSpecOf(kb::Cf::kMentions).name) == "mentions");
}

TEST_CASE("KeyCodec: by_work values list the linking assertions", "[kb]") {
  const std::vector<std::string> keys = {std::string("c1\0s1\0\0\0\0\x01\0\0\0\x09", 14), "c2"};
  std::vector<std::string> back = {"stale"};
  REQUIRE(kb::ParseByWorkLinks(kb::EncodeByWorkLinks(keys), &back));
  CHECK(back == keys);
  // A source that cites the work without a claim linking it: an empty list.
  REQUIRE(kb::ParseByWorkLinks(kb::EncodeByWorkLinks({}), &back));
  CHECK(back.empty());
  // Written before the lists were kept (empty), or cut short: unknown.
  CHECK_FALSE(kb::ParseByWorkLinks("", &back));
  std::string cut = kb::EncodeByWorkLinks(keys);
  cut.pop_back();
  CHECK_FALSE(kb::ParseByWorkLinks(cut, &back));
  CHECK(back.empty());
}
