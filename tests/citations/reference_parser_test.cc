#include "citations/reference_parser.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace {

using citations::ParseReference;
using citations::Reference;

struct Want {
  const char* entry;
  std::vector<std::string> families;
  int year;
  const char* title;
  const char* container;
  const char* volume;
  const char* issue;
  const char* pages;
  const char* doi;
};

void Check(const Want& w) {
  INFO(w.entry);
  Reference r = ParseReference(w.entry);
  std::vector<std::string> families;
  for (const auto& a : r.authors) families.push_back(a.family);
  CHECK(families == w.families);
  CHECK(r.year == w.year);
  CHECK(r.title == w.title);
  CHECK(r.container == w.container);
  CHECK(r.volume == w.volume);
  CHECK(r.issue == w.issue);
  CHECK(r.pages == w.pages);
  CHECK(r.doi == w.doi);
  CHECK(r.raw == w.entry);
}

}  // namespace

TEST_CASE("ReferenceParser: one entry per style", "[citations]") {
  const std::vector<Want> table = {
      // Harvard, year in brackets, "p" before the page.
      {"Baker, A.B., Ortiz, C. and Lund, M. (2016) Rolling before sprinting: a systematic "
       "review. The International Journal of Sports Physical Therapy, 11(4), p 512.",
       {"Baker", "Ortiz", "Lund"}, 2016, "Rolling before sprinting: a systematic review",
       "The International Journal of Sports Physical Therapy", "11", "4", "512", ""},
      // Vancouver without a year.
      {"Keller D, St\xC3\xB6" "ckl T. Core training with a roller: a randomized controlled trial. "
       "J Sports Sci Med; 19(3):301-309.",
       {"Keller", "St\xC3\xB6" "ckl"}, 0, "Core training with a roller: a randomized controlled trial",
       "J Sports Sci Med", "19", "3", "301-309", ""},
      // AMA with a DOI.
      {"Moreau E. Assessing neck pain in primary care. Prim Care. 2013;40(2):301-9. "
       "doi:10.1016/j.pop.2013.02.004",
       {"Moreau"}, 2013, "Assessing neck pain in primary care", "Prim Care", "40", "2", "301-9",
       "10.1016/j.pop.2013.02.004"},
      // APA, "&" before the last author, DOI as URL.
      {"Ng, K. L., & Ward, P. (2020). Soreness after downhill running. Journal of Athletic "
       "Training, 55(2), 120-128. https://doi.org/10.4085/1062-6050-0000.20",
       {"Ng", "Ward"}, 2020, "Soreness after downhill running", "Journal of Athletic Training",
       "55", "2", "120-128", "10.4085/1062-6050-0000.20"},
      // Bare web reference: author, site, title.
      {"Fenn, R. American Council on Exercise. When to roll and when to rest.",
       {"Fenn"}, 0, "When to roll and when to rest", "American Council on Exercise", "", "", "",
       ""},
      // Organisation as author, title ending in "?.".
      {"Harvard Health Publishing Harvard Medical School. Is rolling worth your time?.",
       {"Harvard Health Publishing Harvard Medical School"}, 0, "Is rolling worth your time?", "",
       "", "", "", ""},
      // IEEE, quoted title, labelled locator.
      {"[4] J. R. Ota and L. Chen, \xE2\x80\x9CPressure mapping under a foam roller,\xE2\x80\x9D "
       "Journal of Biomechanics, vol. 12, no. 3, pp. 44\xE2\x80\x93" "51, 2018.",
       {"Ota", "Chen"}, 2018, "Pressure mapping under a foam roller", "Journal of Biomechanics",
       "12", "3", "44\xE2\x80\x93" "51", ""},
      // A question in the title, then a subtitle, then the journal.
      {"Varga, L. (2021). Does rolling help the hamstrings? A randomised controlled trial. "
       "Journal of Bodywork and Movement Therapies, 27, 101-108.",
       {"Varga"}, 2021, "Does rolling help the hamstrings? A randomised controlled trial",
       "Journal of Bodywork and Movement Therapies", "27", "", "101-108", ""},
      // Vancouver with "et al." and no locator.
      {"Chan H, et al. A model of fascia under load. J Am Osteopath Assoc. 2009.",
       {"Chan"}, 2009, "A model of fascia under load", "J Am Osteopath Assoc", "", "", "", ""},
  };
  for (const Want& w : table) Check(w);
}

TEST_CASE("ReferenceParser: identifiers anywhere", "[citations]") {
  Reference r = ParseReference(
      "Ito Y. Rolling and sleep. Sleep Med. 2019;7(1):1-5. PMID: 30111222 PMCID: PMC6000111 "
      "Available at: https://example.org/rolling-and-sleep.");
  CHECK(r.pmid == "30111222");
  CHECK(r.pmcid == "PMC6000111");
  CHECK(r.url == "https://example.org/rolling-and-sleep");
  CHECK(r.container == "Sleep Med");

  // A DOI URL broken over two lines is rejoined.
  r = ParseReference("Lee, A., Stone, B. Rolling the calf, Journal of Bodywork & Movement "
                     "Therapies, https://\ndoi.org/10.1016/j.jbmt.2021.02.003.");
  CHECK(r.doi == "10.1016/j.jbmt.2021.02.003");
  CHECK(r.container == "Journal of Bodywork & Movement Therapies");

  r = ParseReference("https://pubmed.ncbi.nlm.nih.gov/31024339/");
  CHECK(r.pmid == "31024339");
}

TEST_CASE("ReferenceParser: nothing is invented", "[citations]") {
  const std::vector<std::string> inputs = {"", "   ", "Foam rolling is fun.", "((((2015",
                                           "\xFF\xFE garbage \xC3", "2019"};
  for (const std::string& in : inputs) {
    INFO(in);
    Reference r = ParseReference(in);
    CHECK(r.doi.empty());
    CHECK(r.volume.empty());
    CHECK(r.pages.empty());
    CHECK(r.raw == in);
  }
  CHECK(ParseReference("Foam rolling is fun.").authors.empty());
  CHECK(ParseReference("Foam rolling is fun.").year == 0);
}

TEST_CASE("ReferenceParser: long and hostile entries stay bounded", "[citations]") {
  std::string big(200000, '(');
  Reference r = ParseReference(big);
  CHECK(r.year == 0);
  std::string names;
  for (int i = 0; i < 5000; ++i) names += "Smith, J., ";
  r = ParseReference(names + "(2010). Title. Journal, 1(2), 3-4.");
  CHECK(r.year == 2010);
  CHECK_FALSE(r.authors.empty());
}
