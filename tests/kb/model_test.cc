#include "kb/model.h"

#include <catch2/catch.hpp>

namespace {

kb::Work WorkOf(std::vector<std::string> families, int year, bool et_al = false) {
  kb::Work w;
  for (const std::string& f : families) w.authors.push_back(kb::Author{f, ""});
  w.year = year;
  w.et_al = et_al;
  return w;
}

}  // namespace

TEST_CASE("Model: enum names round trip", "[kb]") {
  for (kb::Stance s : {kb::Stance::kAsserts, kb::Stance::kDenies}) {
    kb::Stance back;
    REQUIRE(kb::ParseStance(kb::StanceName(s), &back));
    CHECK(back == s);
  }
  for (kb::Attribution a : {kb::Attribution::kAuthor, kb::Attribution::kExpert, kb::Attribution::kStudy,
                            kb::Attribution::kHearsay, kb::Attribution::kAnecdote}) {
    kb::Attribution back;
    REQUIRE(kb::ParseAttribution(kb::AttributionName(a), &back));
    CHECK(back == a);
  }
  for (kb::LinkKind k : {kb::LinkKind::kDirect, kb::LinkKind::kContext, kb::LinkKind::kBibliography}) {
    kb::LinkKind back;
    REQUIRE(kb::ParseLinkKind(kb::LinkKindName(k), &back));
    CHECK(back == k);
  }
  kb::Stance s;
  CHECK_FALSE(kb::ParseStance("maybe", &s));
  CHECK(std::string(kb::StanceName(kb::Stance::kDenies)) == "denies");
  CHECK(std::string(kb::AttributionName(kb::Attribution::kHearsay)) == "hearsay");
  CHECK(std::string(kb::LinkKindName(kb::LinkKind::kBibliography)) == "bibliography");
}

TEST_CASE("Model: ids carry a kind prefix and 16 hex digits", "[kb]") {
  struct Case {
    std::string id;
    char prefix;
  } cases[] = {
      {kb::ContentId("hello"), 's'},
      {kb::ClaimId("foam_rolling", "reduces", "doms"), 'c'},
      {kb::WorkId(WorkOf({"Cheatham"}, 2015)), 'w'},
  };
  for (const Case& c : cases) {
    REQUIRE(c.id.size() == 17);
    CHECK(c.id[0] == c.prefix);
    CHECK(c.id.find_first_not_of("0123456789abcdef", 1) == std::string::npos);
  }
  CHECK(kb::ContentId("a") != kb::ContentId("b"));
  // Ids are keys on disk: these values must never change.
  CHECK(kb::ContentId("hello") == "s9555e8555c62dcfd");
  CHECK(kb::ClaimId("foam_rolling", "reduces", "doms") == "ca38f7e611a397bcd");
  // The canonical form separates fields, so shifting text between them changes the id.
  CHECK(kb::ClaimId("ab", "c", "d") != kb::ClaimId("a", "bc", "d"));
}

TEST_CASE("Model: WorkId is stable across formatting of the same reference", "[kb]") {
  kb::Work a = WorkOf({"Cheatham", "Kolber"}, 2015);
  a.title = "The Effects of Self-Myofascial Release Using a Foam Roll";
  kb::Work b = WorkOf({"CHEATHAM"}, 2015, true);
  b.title = "the effects of self myofascial release using a foam roll.";
  CHECK(kb::WorkId(a) == kb::WorkId(b));

  kb::Work c = a;
  c.year = 2016;
  CHECK(kb::WorkId(a) != kb::WorkId(c));

  // A DOI decides identity alone, whatever its case.
  kb::Work d1 = a, d2 = WorkOf({"Other"}, 1999);
  d1.doi = "10.1016/J.X.2015.01";
  d2.doi = "10.1016/j.x.2015.01";
  CHECK(kb::WorkId(d1) == kb::WorkId(d2));
  CHECK(kb::WorkId(d1) != kb::WorkId(a));

  kb::Work u1 = WorkOf({"Stöggl"}, 2019), u2 = WorkOf({"STÖGGL"}, 2019);
  CHECK(kb::WorkId(u1) == kb::WorkId(u2));
}

TEST_CASE("Model: WorkLabel", "[kb]") {
  kb::Work container_only;
  container_only.container = "Journal of Sport Rehabilitation";
  container_only.year = 2019;
  kb::Work title_only;
  title_only.title = "Foam rolling for runners";
  struct Case {
    kb::Work work;
    const char* label;
  } cases[] = {
      {WorkOf({"Cheatham", "Kolber", "Cain"}, 2015), "Cheatham et al. 2015"},
      {WorkOf({"Cheatham"}, 2015, true), "Cheatham et al. 2015"},
      {WorkOf({"Hall", "Smith"}, 2018), "Hall & Smith 2018"},
      {WorkOf({"Manusov"}, 2012), "Manusov 2012"},
      {WorkOf({"Junker", "Stöggl"}, 0), "Junker & Stöggl"},
      {container_only, "Journal of Sport Rehabilitation 2019"},
      {title_only, "Foam rolling for runners"},
  };
  for (const Case& c : cases) CHECK(kb::WorkLabel(c.work) == c.label);
}
