#include "ingest/normalizer.h"

#include <catch2/catch.hpp>
#include <numeric>
#include <string>
#include <vector>

namespace {

std::vector<uint32_t> Identity(const std::string& s) {
  std::vector<uint32_t> v(s.size() + 1);
  std::iota(v.begin(), v.end(), 0u);
  return v;
}

ingest::Normalized Run(const std::string& s) { return ingest::Normalize(s, Identity(s)); }

}  // namespace

TEST_CASE("Normalizer: mappings", "[ingest]") {
  struct Case {
    const char* input;
    const char* expected;
  };
  const Case cases[] = {
      {"plain ascii", "plain ascii"},
      {"  padded\t\n text  ", "padded text"},
      {"\u201Csmart\u201D and \u2018single\u2019", "\"smart\" and 'single'"},
      {"it\u2019s", "it's"},
      {"en\u2013dash em\u2014dash minus\u22123 fig\u2012ure", "en-dash em-dash minus-3 fig-ure"},
      {"non\u00A0breaking thin\u2009space ideo\u3000space", "non breaking thin space ideo space"},
      {"zero\u200Bwidth\u200Djoin\uFEFFbom soft\u00ADhyphen", "zerowidthjoinbom softhyphen"},
      {"\uFB01ne \uFF21\uFF22 \u2460", "fine AB 1"},  // ligature, full width, circled digit
      {"ellipsis\u2026", "ellipsis..."},
      {"cafe\u0301", "caf\u00E9"},  // composed
      {"a \u00A0 \u2003 b", "a b"},
      {"", ""},
      {" \u200B ", ""},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.input);
    ingest::Normalized n = Run(c.input);
    CHECK(n.text == c.expected);
    CHECK(n.offsets.size() == n.text.size() + 1);
  }
}

TEST_CASE("Normalizer: offsets point at the original code points", "[ingest]") {
  struct Case {
    std::string input;
    size_t out_index;   // byte in the normalised text
    uint32_t original;  // its offset in the input
  };
  const std::string dash = "a\u2014b";       // a, 3-byte em dash, b
  const std::string lig = "x \uFB01t";       // "x fit": ligature at byte 2
  const std::string quote = "  \u201Chi\u201D";  // leading spaces trimmed
  const Case cases[] = {
      {dash, 0, 0}, {dash, 1, 1}, {dash, 2, 4},
      {lig, 2, 2},  {lig, 3, 2},  {lig, 4, 5},
      {quote, 0, 2}, {quote, 1, 5}, {quote, 3, 7},
      {"a   b", 1, 1}, {"a   b", 2, 4},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.input << " index " << c.out_index);
    ingest::Normalized n = Run(c.input);
    REQUIRE(c.out_index < n.text.size());
    CHECK(n.offsets[c.out_index] == c.original);
  }
  // The end offset is just past the last kept character of the original.
  CHECK(Run("ab  ").offsets.back() == 2);
  CHECK(Run(dash).offsets.back() == 5);
}

TEST_CASE("Normalizer: composes with the reader's offsets", "[ingest]") {
  // The text came from raw bytes 100.. (say, inside HTML).
  std::string text = "x\u00A0y";
  std::vector<uint32_t> offsets = {100, 101, 101, 110, 111};
  ingest::Normalized n = ingest::Normalize(text, offsets);
  REQUIRE(n.text == "x y");
  CHECK(n.offsets == std::vector<uint32_t>{100, 101, 110, 111});
}

TEST_CASE("Normalizer: every offset is monotonic and in range", "[ingest]") {
  std::string s = "\u201CFoam\u201D rolling\u2014does it\u00A0work? \uFB01ne\u2026 caf\u0065\u0301 \u2460";
  ingest::Normalized n = Run(s);
  for (size_t i = 0; i + 1 < n.offsets.size(); ++i) {
    CHECK(n.offsets[i] <= n.offsets[i + 1]);
    CHECK(n.offsets[i] < s.size());
  }
  CHECK(n.offsets.back() <= s.size());
}
