#include "citations/mention_finder.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "citations/reference_parser.h"
#include "test_paths.h"

namespace {

using citations::InTextMention;
using citations::MentionFinder;
using citations::MentionKind;
using citations::StudyTypeCue;

std::vector<StudyTypeCue> Cues() {
  return {{"systematic_review", 1, {"systematic review"}},
          {"meta_analysis", 1, {"meta-analysis", "meta analysis"}},
          {"rct", 2, {"randomized controlled trial", "randomised controlled trial"}},
          {"cadaver", 3, {"cadaver", "cadaveric"}},
          {"narrative_review", 4, {"narrative review"}}};
}

// A compact, readable summary of one mention for table comparison:
// "AY Pearcey+ 2015", "NUM 1,2", "AN Fairclough+ 4,5", "AO Falvey",
// "DESC 2019 review? v=..." etc. "+" marks et al.
std::string Summary(const InTextMention& m) {
  static const char* kKind[] = {"AY", "NUM", "AN", "AO", "DESC", "EXP"};
  std::ostringstream o;
  o << kKind[static_cast<int>(m.kind)];
  for (size_t i = 0; i < m.authors.size(); ++i) o << (i ? "&" : " ") << m.authors[i];
  if (m.et_al) o << "+";
  if (m.year) o << " " << m.year;
  for (size_t i = 0; i < m.numbers.size(); ++i) o << (i ? "," : " ") << m.numbers[i];
  if (!m.study_type.empty() && m.kind == MentionKind::kDescriptive) o << " t=" << m.study_type;
  if (!m.person.empty()) o << " p=" << m.person;
  if (!m.venue.empty()) o << " v=" << m.venue;
  if (!m.affiliation.empty()) o << " a=" << m.affiliation;
  return o.str();
}

std::vector<std::string> Summaries(const std::string& text) {
  MentionFinder finder(Cues());
  std::vector<std::string> out;
  for (const InTextMention& m : finder.Find(text)) {
    // Every span points into the input and holds the mention's text.
    REQUIRE(m.begin <= m.end);
    REQUIRE(m.end <= text.size());
    CHECK(text.substr(m.begin, m.end - m.begin) == m.text);
    out.push_back(Summary(m));
  }
  return out;
}

struct Case {
  const char* text;
  std::vector<std::string> want;
};

}  // namespace

TEST_CASE("MentionFinder: author-year variants", "[citations]") {
  const std::vector<Case> cases = {
      {"Another piece of research by Pearcey et al (2015) found less soreness.",
       {"AY Pearcey+ 2015"}},
      {"Rolling reduced soreness (Pearcey et al., 2015).", {"AY Pearcey+ 2015"}},
      {"In 2015, Cheatham et al reviewed 14 research articles.", {"AY Cheatham+ 2015"}},
      {"Hall & Smith (2018) confirmed it.", {"AY Hall&Smith 2018"}},
      {"Brown and Miller (1998) showed gains.", {"AY Brown&Miller 1998"}},
      {"Warm-ups matter (Behm, 2019; ACSM, 2021).", {"AY Behm 2019", "AY ACSM 2021"}},
      {"Damaged PDF text (Skellam, 1951;Turchin, 1998).", {"AY Skellam 1951", "AY Turchin 1998"}},
      {"As shown before (Behm et al., 2021b).", {"AY Behm+ 2021"}},
      {"Two groups agree (Jonsen et al., 2003, 2005).", {"AY Jonsen+ 2003", "AY Jonsen+ 2005"}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(Summaries(c.text) == c.want);
  }
}

TEST_CASE("MentionFinder: numeric and author-numeric", "[citations]") {
  const std::vector<Case> cases = {
      {"Rollers help [1].", {"NUM 1"}},
      {"Common in runners (1,2).", {"NUM 1,2"}},
      {"Up to 24% in cyclists,(2,3) and more.", {"NUM 2,3"}},
      {"Seen in the lower limbs (1-5).", {"NUM 1,2,3,4,5"}},
      {"Seen in the lower limbs (1\xE2\x80\x93" "3, 7).", {"NUM 1,2,3,7"}},
      {"Fairclough et al (4,5) suggest otherwise.", {"AN Fairclough+ 4,5"}},
      {"As described by Proske and Morgan (30).", {"AN Proske&Morgan 30"}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(Summaries(c.text) == c.want);
  }
}

TEST_CASE("MentionFinder: author-only, descriptive and experts", "[citations]") {
  const std::vector<Case> cases = {
      {"Cheatham et al found short-term gains.", {"AO Cheatham+"}},
      {"A recent study by Falvey showed no lengthening.", {"AO Falvey"}},
      {"A 2019 review published in the Journal of Sport Rehabilitation found no evidence.",
       {"DESC 2019 t=narrative_review v=Journal of Sport Rehabilitation"}},
      {"A cadaver study from the University of Vermont measured the force.",
       {"DESC t=cadaver a=University of Vermont"}},
      {"A systematic review published in the British Journal of Sports Medicine found that.",
       {"DESC t=systematic_review v=British Journal of Sports Medicine"}},
      {"Physiotherapist and lecturer Professor Roger Kerry talked about rollers to the "
       "Huffington Post and stated that pressure hurts.",
       {"EXP p=Professor Roger Kerry v=Huffington Post"}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(Summaries(c.text) == c.want);
  }
}

TEST_CASE("MentionFinder: ordinary prose is not a citation", "[citations]") {
  const std::vector<std::string> prose = {
      "The idea took hold sometime in the early 2000s and stuck.",
      "Roll each muscle for 20 minutes (2 sets of 30 s).",
      "About 85% of adults (85%) report back pain at some point.",
      "Place the roller under your calf (see photo) and roll slowly.",
      "It was 2015 when the craze began.",
      "Stretching is often recommended in a warm-up.1",
      "(age \xC2\xBC 22.1 6 2.5 years, height \xC2\xBC 177.0 6 7.5 cm",
      "The study was small.",
      "",
      "((((2015",
      "(((((((((((((((((((((((((((((((((((((((((((((((((((",
      "[[[[[[[[1",
      "( , ; ) [ ] et al et al (",
      "Journal of Athletic Training, 50 (1), p. 5-13.",
  };
  for (const std::string& text : prose) {
    INFO(text);
    CHECK(Summaries(text).empty());
  }
}

TEST_CASE("MentionFinder: pathological input stays bounded", "[citations]") {
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "((((2015 Smith et al (";
  for (int i = 0; i < 20000; ++i) big += "[1-999] ";
  MentionFinder finder(Cues());
  auto start = std::chrono::steady_clock::now();
  std::vector<InTextMention> found = finder.Find(big);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 20.0);
  for (const InTextMention& m : found) CHECK(m.end <= big.size());
}

TEST_CASE("MentionFinder: LinkMention by name, year and number", "[citations]") {
  std::vector<citations::Reference> refs(4);
  refs[0].authors = {{"Cheatham", "S.W."}};
  refs[0].year = 2015;
  refs[1].authors = {{"Pearcey", "G.E.P"}};
  refs[1].year = 2015;
  refs[2].authors = {{"St\xC3\xB6ggl", "T"}};  // no year, as in Vancouver lists
  refs[3].authors = {{"American College of Sports Medicine", ""}};
  refs[3].year = 2021;
  MentionFinder finder(Cues());
  auto link = [&](const std::string& text) {
    std::vector<InTextMention> ms = finder.Find(text);
    REQUIRE(ms.size() == 1);
    return citations::LinkMention(ms[0], refs);
  };
  CHECK(link("In 2015, Cheatham et al reviewed it.") == 0);
  CHECK(link("Pearcey et al (2015) found it.") == 1);
  CHECK(link("PEARCEY et al (2016) found it.") == -1);
  CHECK(link("Stoggl et al found it.") == 2);
  CHECK(link("Stoggl et al (2019) found it.") == 2);
  CHECK(link("as guidelines say (ACSM, 2021).") == 3);
  CHECK(link("as shown [2].") == 1);
  CHECK(link("as shown [9].") == -1);
}

TEST_CASE("MentionFinder: the 37 citation forms seen in the wild", "[citations]") {
  const std::string rel = "data/citation_forms.tsv";
  if (!evkb_test::HaveShared(rel)) {
    WARN("skipped: " << evkb_test::SharedDir() << "/" << rel << " not found");
    return;
  }
  // Rows that are in-text forms: the mentions expected, in order.
  const std::map<int, std::vector<std::string>> mentions = {
      {1, {"AN Fairclough+ 4,5"}},
      {2, {"NUM 1,2"}},
      {3, {"NUM 2,3"}},
      {4, {"DESC Pepper+ 2021 t=rct v=International Journal of Sports Physical Therapy"}},
      {5, {"DESC 2017 v=International Journal of Sports Physical Therapy"}},
      {6, {"DESC t=systematic_review v=British Journal of Sports Medicine"}},
      {7, {"DESC v=Journal of Sports Rehabilitation"}},
      {8, {"DESC v=Medicine & Science in Sports & Exercise", "EXP p=David Behm"}},
      {9, {"DESC v=International Journal of Sports Physical Therapy"}},
      {10, {"AO Falvey"}},
      {11, {"AO Hall&Smith"}},
      {15, {"NUM 1", "NUM 1,3"}},
      {17, {"NUM 1", "NUM 3"}},
      {18, {}},  // a flattened superscript ("exercise.1") is not recoverable
      {19, {"NUM 1,2", "NUM 3"}},
      {20, {"NUM 5,29", "NUM 14,29"}},
      {21, {"NUM 1,2,3,4,5"}},
      {22, {"AN Proske&Morgan 30", "AN Tee+ 37", "NUM 37"}},
      {23, {"AY Chaitow 2011", "AY Ingber 2008"}},
      {24, {"AY Behm 2019", "AY American Heart Association 2020", "AY ACSM 2021",
            "AY Behm+ 2021", "AY Bengtsson+ 2018"}},
      {25, {"AY Andersen 2006", "AY Bassey+ 1989", "AY Brown&Miller 1998"}},
      {26, {"AO Marti+", "AO Taunton+"}},
      {27, {"AO Gillinick+"}},
      {36, {"AY Skellam 1951", "AY Turchin 1998", "AY Jonsen+ 2003", "AY Jonsen+ 2005"}},
      {37, {}},
  };
  // Rows that are reference entries or identifier lines:
  // family|year|container|volume|issue|pages|doi|pmid|pmcid|url ("*" = any).
  const std::map<int, std::string> references = {
      {12, "Hall|2018|International Journal of Sports Physical Therapy|*|*|*||||"},
      {13, "Chaudhry|2008|J Am Osteopath Assoc|||||||"},
      {14, "Pearcey|2015|Journal of athletic training|50|1|5-13||||"},
      {16, "Pearcey|2015|Journal of athletic training|50|1|5-13|10.4085/1062-6050-50.1.01|||"},
      {28, "|0|||||||*|https://www.nytimes.com/2006/05/16/health/nutrition/16run.html"},
      {29, "|2019||*||*|10.3389/fphys.2019.00376|||"},
      {30, "|0||||||31024339|PMC6465761|"},
      {31, "|0|||||10.52082/jssm.2024.684|||"},
      {32, "Skinner|0|Journal of Bodywork & Movement Therapies||||10.1016/j.jbmt.2020.01.007|||"},
      {33, "Afshari|2023|Middle East J Rehabil Health Stud|10|2|e134802|10.5812/mejrh-134802|||"},
      {34, "|2021|Int J Sports Phys Ther|16|3|651-661||||"},
      {35, "Seeber|0|International Journal of Sports Physical Therapy|15||451|10.26603/ijspt20200451|||"},
  };
  std::ifstream in(evkb_test::SharedDir() + "/" + rel);
  REQUIRE(in);
  std::string line;
  std::getline(in, line);  // header
  int rows = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string col; std::getline(ss, col, '\t');) cols.push_back(col);
    REQUIRE(cols.size() >= 3);
    int n = std::stoi(cols[0]);
    std::string text = cols[2];
    for (size_t p = text.find("\\n"); p != std::string::npos; p = text.find("\\n", p))
      text.replace(p, 2, "\n");
    ++rows;
    INFO("form " << n << ": " << text);
    if (auto it = mentions.find(n); it != mentions.end()) {
      CHECK(Summaries(text) == it->second);
      continue;
    }
    auto it = references.find(n);
    REQUIRE(it != references.end());
    citations::Reference r = citations::ParseReference(text);
    std::vector<std::string> got = {r.authors.empty() ? "" : r.authors[0].family,
                                    std::to_string(r.year), r.container, r.volume, r.issue,
                                    r.pages, r.doi, r.pmid, r.pmcid, r.url};
    std::vector<std::string> want;
    std::stringstream ws(it->second);
    for (std::string f; std::getline(ws, f, '|');) want.push_back(f);
    while (want.size() < got.size()) want.push_back("");
    for (size_t i = 0; i < got.size(); ++i) {
      INFO("field " << i);
      if (want[i] != "*") CHECK(got[i] == want[i]);
    }
  }
  CHECK(rows == 37);
}
