#include "citations/grading.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "citations/reference_parser.h"
#include "test_paths.h"

namespace {

using citations::ClassifyStudy;
using citations::Reference;
using citations::StudyTypeCue;

std::vector<StudyTypeCue> Cues() {
  return {{"systematic_review", 1, {"systematic review"}},
          {"meta_analysis", 1, {"meta-analysis", "meta analysis"}},
          {"rct", 2, {"randomized controlled trial", "randomised controlled trial", "randomized"}},
          {"guideline", 2, {"guideline", "position stand"}},
          {"cohort", 3, {"cohort", "prospective study"}},
          {"cadaver", 3, {"cadaver", "cadaveric"}},
          {"lab", 3, {"laboratory", "in vitro"}},
          {"narrative_review", 4, {"narrative review"}},
          {"expert_opinion", 5, {"opinion", "commentary", "editorial"}}};
}

Reference Journal(std::string title) {
  Reference r;
  r.title = std::move(title);
  r.container = "Journal of Sport Rehabilitation";
  r.volume = "28";
  return r;
}

}  // namespace

TEST_CASE("Grading: study types and levels", "[citations]") {
  struct Row {
    Reference ref;
    const char* context;
    const char* type;
    int level;
  };
  Reference web;
  web.title = "Why you should be rolling";
  web.container = "American Council on Exercise";
  Reference url_only;
  url_only.url = "https://example.org/rolling";
  const std::vector<Row> table = {
      {Journal("Rolling and range of motion: a systematic review"), "", "systematic_review", 1},
      {Journal("Rolling for soreness: a meta-analysis"), "", "meta_analysis", 1},
      {Journal("Rolling for soreness: a randomized controlled trial"), "", "rct", 2},
      {Journal("A cohort of runners"), "", "cohort", 3},
      {Journal("Iliotibial band stiffness"), "a cadaver study", "cadaver", 3},
      {Journal("Rolling and fascia: a review"), "", "narrative_review", 4},
      {Journal("Pressure under a roller"), "", "unknown", 3},
      {Journal("Why I roll: an editorial"), "", "expert_opinion", 5},
      {Journal("Position stand on warm-ups"), "", "guideline", 2},
      {web, "", "web", 5},
      {url_only, "", "web", 5},
  };
  for (const Row& row : table) {
    INFO(row.ref.title << " / " << row.context);
    citations::Grade g = ClassifyStudy(row.ref, row.context, Cues());
    CHECK(g.type == row.type);
    CHECK(g.level == row.level);
  }
  // The context of a descriptive mention: "A 2019 review" without "systematic".
  Reference none;
  CHECK(ClassifyStudy(none, "A 2019 review published in the Journal of Sport Rehabilitation",
                      Cues()).type == "narrative_review");
  CHECK(ClassifyStudy(none, "", Cues()).type == "unknown");
}

TEST_CASE("Grading: venues meet across abbreviations", "[citations]") {
  struct Pair {
    const char* a;
    const char* b;
    bool same;
  };
  const std::vector<Pair> table = {
      {"J Sports Sci Med", "Journal of Sports Science and Medicine", true},
      {"Int J Sports Phys Ther", "The International Journal of Sports Physical Therapy", true},
      {"J Athl Train", "Journal of Athletic Training", true},
      {"Journal of Sports Rehabilitation", "Journal of Sport Rehabilitation", true},
      {"J. Appl. Phys.", "Journal of Applied Physics", true},
      {"Journal of Sport Rehabilitation", "British Journal of Sports Medicine", false},
      {"J Athl Train", "Journal of Sport Rehabilitation", false},
      {"", "Journal of Sport Rehabilitation", false},
  };
  for (const Pair& p : table) {
    INFO(p.a << " | " << p.b);
    CHECK(citations::SameVenue(p.a, p.b) == p.same);
    if (p.same) CHECK(citations::VenueKey(p.a) == citations::VenueKey(p.b));
  }
}

TEST_CASE("Grading: title similarity", "[citations]") {
  CHECK(citations::TitleSimilarity("The effects of rolling", "the Effect of Rolling!") == 1.0);
  CHECK(citations::TitleSimilarity("Rolling the calf", "Stretching the hamstring") == 0.0);
  double partial = citations::TitleSimilarity("Rolling the calf muscles", "Rolling the calf");
  CHECK(partial > 0.5);
  CHECK(partial < 1.0);
  CHECK(citations::FoldedKey("St\xC3\xB6ggl, T.") == "stoggl t");
}

TEST_CASE("Grading: SameWork across styles", "[citations]") {
  Reference harvard = citations::ParseReference(
      "Baker, A.B., Ortiz, C. and Lund, M. (2016) The effects of rolling on hip range of "
      "motion: a systematic review. The International Journal of Sports Physical Therapy, "
      "11(4), p 512.");
  Reference vancouver = citations::ParseReference(
      "Baker A, Ortiz C, Lund M. The effect of rolling on hip range of motion: A systematic "
      "review. Int J Sports Phys Ther; 11(4):512-20.");
  Reference other = citations::ParseReference(
      "Baker A, Lund M. Rolling and sprint speed in youth football. Int J Sports Phys Ther; "
      "14(2):101-9.");
  Reference doi_a, doi_b;
  doi_a.doi = "10.1000/ABC";
  doi_b.doi = "10.1000/abc";
  CHECK(citations::SameWork(harvard, vancouver));
  CHECK(citations::SameWork(vancouver, harvard));
  CHECK_FALSE(citations::SameWork(harvard, other));
  CHECK(citations::SameWork(doi_a, doi_b));
  doi_b.doi = "10.1000/abd";
  CHECK_FALSE(citations::SameWork(doi_a, doi_b));
}

TEST_CASE("Grading: seed 001 and seed 004 cite the same Cheatham review", "[citations]") {
  const std::string a = "seeds/001_6ff787a7e6a2a864.txt", b = "seeds/004_a1fb67ab75a3e9c4.txt";
  if (!evkb_test::HaveShared(a) || !evkb_test::HaveShared(b)) {
    WARN("skipped: seeds not found");
    return;
  }
  auto find = [](const std::string& rel, const std::string& start) {
    std::ifstream in(evkb_test::SharedDir() + "/" + rel);
    for (std::string line; std::getline(in, line);)
      if (line.rfind(start, 0) == 0) return citations::ParseReference(line);
    return Reference{};
  };
  Reference harvard = find(a, "Cheatham");
  Reference vancouver = find(b, "Cheatham");
  Reference pearcey = find(a, "Pearcey");
  Reference junker = find(b, "Junker");
  REQUIRE_FALSE(harvard.title.empty());
  REQUIRE_FALSE(vancouver.title.empty());
  CHECK(harvard.year == 2015);
  CHECK(vancouver.year == 0);
  CHECK(citations::SameWork(harvard, vancouver));
  CHECK(citations::SameVenue(harvard.container, vancouver.container));
  CHECK_FALSE(citations::SameWork(harvard, pearcey));
  CHECK_FALSE(citations::SameWork(vancouver, junker));
}
