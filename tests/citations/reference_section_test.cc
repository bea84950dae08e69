#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "citations/reference_parser.h"
#include "test_paths.h"

using citations::FindReferenceSection;
using citations::LooksLikeReference;
using citations::SplitReferences;

TEST_CASE("ReferenceSection: what looks like a reference", "[citations]") {
  const std::vector<std::string> yes = {
      "Baker, A.B. and Lund, M. (2016) Rolling before sprinting. Journal of Sports Science, "
      "11(4), p 512.",
      "Keller D, Stockl T. Core training with a roller. J Sports Sci Med; 19(3):301-309.",
      "Moreau E. Neck pain in primary care. Prim Care. 2013;40(2):301-9. doi:10.1016/x.2013.1",
  };
  const std::vector<std::string> no = {
      "In 2015, Cheatham et al reviewed 14 research articles that looked at rolling and found "
      "short term improvements.",
      "Place the roller under your calf and roll slowly for 30 seconds.",
      "Thank you for signing up.",
      "",
  };
  for (const std::string& s : yes) {
    INFO(s);
    CHECK(LooksLikeReference(s));
  }
  for (const std::string& s : no) {
    INFO(s);
    CHECK_FALSE(LooksLikeReference(s));
  }
}

TEST_CASE("ReferenceSection: heading or trailing run", "[citations]") {
  std::vector<std::string> paras = {
      "Foam rolling is popular with runners.",
      "Some say it breaks up scar tissue; the evidence says otherwise.",
      "References",
      "Baker, A.B. and Lund, M. (2016) Rolling before sprinting. Journal of Sports Science, "
      "11(4), p 512.",
      "Keller D, Stockl T. Core training with a roller. J Sports Sci Med; 19(3):301-309.",
      "Share this article with a friend.",
  };
  std::vector<std::string_view> views(paras.begin(), paras.end());
  CHECK(FindReferenceSection(views) == std::vector<size_t>{3, 4});

  paras.erase(paras.begin() + 2);  // no heading: the trailing run is found
  std::vector<std::string_view> views2(paras.begin(), paras.end());
  CHECK(FindReferenceSection(views2) == std::vector<size_t>{2, 3});

  std::vector<std::string_view> prose = {views[0], views[1]};
  CHECK(FindReferenceSection(prose).empty());
}

TEST_CASE("ReferenceSection: hands back the parses it judged by", "[citations]") {
  std::vector<std::string> paras = {
      "Foam rolling is popular with runners.",
      "References",
      "  Baker, A.B. and Lund, M. (2016) Rolling before sprinting. Journal of Sports Science, "
      "11(4), p 512. ",
      "Keller D, Stockl T. Core training with a roller. J Sports Sci Med; 19(3):301-309.",
  };
  std::vector<std::string_view> views(paras.begin(), paras.end());
  std::vector<citations::Reference> parsed;
  std::vector<size_t> refs = FindReferenceSection(views, &parsed);
  CHECK(refs == FindReferenceSection(views));
  REQUIRE(refs == std::vector<size_t>{2, 3});
  REQUIRE(parsed.size() == refs.size());
  const std::vector<std::string> trimmed = {paras[2].substr(2, paras[2].size() - 3), paras[3]};
  for (size_t k = 0; k < refs.size(); ++k) {
    citations::Reference direct = citations::ParseReference(trimmed[k]);
    CHECK(parsed[k].raw == trimmed[k]);
    CHECK(parsed[k].title == direct.title);
    CHECK(parsed[k].year == direct.year);
    CHECK(parsed[k].container == direct.container);
    REQUIRE(parsed[k].authors.size() == direct.authors.size());
    CHECK(parsed[k].authors[0].family == direct.authors[0].family);
  }
}

TEST_CASE("ReferenceSection: seed 004 reference list", "[citations]") {
  const std::string rel = "seeds/004_a1fb67ab75a3e9c4.txt";
  if (!evkb_test::HaveShared(rel)) {
    WARN("skipped: " << rel << " not found");
    return;
  }
  std::ifstream in(evkb_test::SharedDir() + "/" + rel);
  std::vector<std::string> paras;
  for (std::string line; std::getline(in, line);)
    if (line.find_first_not_of(" \t\r") != std::string::npos) paras.push_back(line);
  std::vector<std::string_view> views(paras.begin(), paras.end());
  std::vector<size_t> refs = FindReferenceSection(views);
  REQUIRE(refs.size() >= 8);
  CHECK(paras[refs.front()].rfind("Manusov", 0) == 0);
  bool has_junker = false;
  for (size_t i : refs) has_junker = has_junker || paras[i].rfind("Junker", 0) == 0;
  CHECK(has_junker);
}

TEST_CASE("ReferenceSection: SplitReferences", "[citations]") {
  CHECK(SplitReferences("Baker, A. (2016) One. J Sport, 1(2), 3.\n"
                        "Lund, M. (2017) Two. J Sport, 2(1), 4.\n") ==
        std::vector<std::string>{"Baker, A. (2016) One. J Sport, 1(2), 3.",
                                 "Lund, M. (2017) Two. J Sport, 2(1), 4."});
  // Blank-line-separated blocks, each wrapped over lines.
  CHECK(SplitReferences("Baker, A. (2016) One long title\nthat wraps. J Sport, 1(2), 3.\n\n"
                        "Lund, M. (2017) Two. J Sport,\n2(1), 4.\n") ==
        std::vector<std::string>{"Baker, A. (2016) One long title that wraps. J Sport, 1(2), 3.",
                                 "Lund, M. (2017) Two. J Sport, 2(1), 4."});
  // A DOI split after "https://" is rejoined.
  std::vector<std::string> doi =
      SplitReferences("Lee, A. (2020) Rolling. J Bodyw Mov Ther, https://\ndoi.org/10.1016/j.x.1");
  REQUIRE(doi.size() == 1);
  CHECK(doi[0] == "Lee, A. (2020) Rolling. J Bodyw Mov Ther, https://doi.org/10.1016/j.x.1");
  CHECK(SplitReferences("").empty());
}

TEST_CASE("ReferenceSection: a 100,000-entry list stays bounded", "[citations]") {
  std::string text;
  for (int i = 0; i < 100000; ++i)
    text += "Author" + std::to_string(i) + ", A. (2001) Title number " + std::to_string(i) +
            ". Journal of Tests, " + std::to_string(i % 90 + 1) + "(2), 10-20.\n";
  auto start = std::chrono::steady_clock::now();
  std::vector<std::string> entries = SplitReferences(text);
  REQUIRE(entries.size() == 100000);
  double split_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(split_seconds < 10.0);
  // Parsing is per entry; every 10th keeps a Debug build quick.
  size_t parsed = 0, with_year = 0;
  for (size_t i = 0; i < entries.size(); i += 10, ++parsed)
    with_year += citations::ParseReference(entries[i]).year == 2001;
  CHECK(with_year == parsed);
}
