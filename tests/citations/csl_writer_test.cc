#include "citations/csl_writer.h"

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace {

citations::CslEntry Entry() {
  citations::CslEntry e;
  e.id = "baker2016";
  e.type = "systematic_review";
  e.ref.authors = {{"Baker", "A. B."}, {"St\xC3\xB6" "ckl", "T."}};
  e.ref.year = 2016;
  e.ref.title = "Rolling \"fast\" & slow: 50% of {runners}\\_#$";
  e.ref.container = "Journal of Sport Rehabilitation";
  e.ref.volume = "11";
  e.ref.issue = "4";
  e.ref.pages = "512-520";
  e.ref.doi = "10.1000/xyz_1";
  e.ref.pmid = "123";
  return e;
}

}  // namespace

TEST_CASE("CslWriter: CSL-JSON parses back with every field", "[citations]") {
  citations::CslEntry web;
  web.id = "acsm";
  web.type = "web";
  web.ref.authors = {{"American Council on Exercise", ""}};
  web.ref.title = "When to roll\n\ttab\x01";
  web.ref.url = "https://example.org/roll";
  std::string json = citations::ToCslJson({Entry(), web});
  rapidjson::Document d;
  d.Parse(json.c_str());
  REQUIRE_FALSE(d.HasParseError());
  REQUIRE(d.IsArray());
  REQUIRE(d.Size() == 2);
  const auto& a = d[0];
  CHECK(std::string(a["id"].GetString()) == "baker2016");
  CHECK(std::string(a["type"].GetString()) == "article-journal");
  CHECK(std::string(a["author"][1]["family"].GetString()) == "St\xC3\xB6" "ckl");
  CHECK(a["issued"]["date-parts"][0][0].GetInt() == 2016);
  CHECK(std::string(a["title"].GetString()) == Entry().ref.title);
  CHECK(std::string(a["container-title"].GetString()) == "Journal of Sport Rehabilitation");
  CHECK(std::string(a["volume"].GetString()) == "11");
  CHECK(std::string(a["issue"].GetString()) == "4");
  CHECK(std::string(a["page"].GetString()) == "512-520");
  CHECK(std::string(a["DOI"].GetString()) == "10.1000/xyz_1");
  CHECK(std::string(a["PMID"].GetString()) == "123");
  const auto& b = d[1];
  CHECK(std::string(b["type"].GetString()) == "webpage");
  CHECK(std::string(b["title"].GetString()) == "When to roll\n\ttab\x01");
  CHECK_FALSE(b.HasMember("issued"));
  CHECK(std::string(b["URL"].GetString()) == "https://example.org/roll");

  d.Parse(citations::ToCslJson({}).c_str());
  REQUIRE_FALSE(d.HasParseError());
  CHECK(d.Size() == 0);
}

TEST_CASE("CslWriter: BibTeX escapes specials", "[citations]") {
  std::string bib = citations::ToBibtex({Entry()});
  CHECK(bib.rfind("@article{baker2016,", 0) == 0);
  CHECK(bib.find("author = {Baker, A. B. and St{\xC3\xB6}ckl, T.}") != std::string::npos);
  CHECK(bib.find("title = {Rolling \"fast\" \\& slow: 50\\% of \\{runners\\}"
                 "\\textbackslash{}\\_\\#\\$}") != std::string::npos);
  CHECK(bib.find("pages = {512--520}") != std::string::npos);
  CHECK(bib.find("doi = {10.1000/xyz\\_1}") != std::string::npos);
  CHECK(bib.find("year = {2016}") != std::string::npos);
  // Braces stay balanced whatever the input.
  int depth = 0;
  for (size_t i = 0; i < bib.size(); ++i) {
    if (bib[i] == '\\') {
      ++i;
      continue;
    }
    if (bib[i] == '{') ++depth;
    if (bib[i] == '}') --depth;
    CHECK(depth >= 0);
  }
  CHECK(depth == 0);

  citations::CslEntry org;
  org.ref.authors = {{"Harvard Health Publishing", ""}};
  org.ref.title = "Is rolling worth it?";
  std::string misc = citations::ToBibtex({org});
  CHECK(misc.rfind("@misc{ref1,", 0) == 0);
  CHECK(misc.find("author = {{Harvard Health Publishing}}") != std::string::npos);
}
