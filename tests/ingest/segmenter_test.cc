#include "ingest/segmenter.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

namespace {

std::vector<std::string> Split(const std::string& text, bool join_wrapped = false) {
  ingest::SegmenterOptions options;
  options.join_wrapped_lines = join_wrapped;
  std::unique_ptr<ingest::Segmenter> segmenter;
  REQUIRE(ingest::Segmenter::Create(options, &segmenter).ok());
  std::vector<std::string> out;
  for (const ingest::SentenceSpan& s : segmenter->Split(text)) {
    REQUIRE(s.begin < s.end);
    REQUIRE(s.end <= text.size());
    out.push_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

using Sentences = std::vector<std::string>;

}  // namespace

TEST_CASE("Segmenter: abbreviations do not end sentences", "[ingest]") {
  struct Case {
    const char* input;
    Sentences expected;
  };
  const Case cases[] = {
      {"Cheatham et al. found that rolling helped. Others disagreed.",
       {"Cheatham et al. found that rolling helped.", "Others disagreed."}},
      {"The review by Smith et al. The authors were cautious.",
       {"The review by Smith et al.", "The authors were cautious."}},
      {"Dr. Smith rolls daily. Prof. Jones does not.",
       {"Dr. Smith rolls daily.", "Prof. Jones does not."}},
      {"S.W. Cheatham wrote the review. It was cited often.",
       {"S.W. Cheatham wrote the review.", "It was cited often."}},
      {"Cheatham, S. W. Kolber and M. Cain reviewed it.",
       {"Cheatham, S. W. Kolber and M. Cain reviewed it."}},
      {"Pearcey, G.E.P. Bradbury-Squires ran the trial.",
       {"Pearcey, G.E.P. Bradbury-Squires ran the trial."}},
      {"Work the soft tissue, e.g. the calves, slowly.",
       {"Work the soft tissue, e.g. the calves, slowly."}},
      {"Use firm pressure, i.e. about seven out of ten.",
       {"Use firm pressure, i.e. about seven out of ten."}},
      {"Published in J. Sports Sci. 2015;33:1-9. Later work agreed.",
       {"Published in J. Sports Sci. 2015;33:1-9.", "Later work agreed."}},
      {"See Int. J. Sports Phys. Ther. for details.",
       {"See Int. J. Sports Phys. Ther. for details."}},
      {"See Fig. 3 and p. 12 for the data.", {"See Fig. 3 and p. 12 for the data."}},
      {"Rolling vs. stretching was compared. Rolling won.",
       {"Rolling vs. stretching was compared.", "Rolling won."}},
      {"Mr. and Mrs. Lee tried it.", {"Mr. and Mrs. Lee tried it."}},
      {"Soreness fell by 2.5 points. That is small.",
       {"Soreness fell by 2.5 points.", "That is small."}},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.input);
    CHECK(Split(c.input) == c.expected);
  }
}

TEST_CASE("Segmenter: punctuation, quotes, lists and ellipses", "[ingest]") {
  struct Case {
    const char* input;
    Sentences expected;
  };
  const Case cases[] = {
      {"Does it work? Maybe. It helps!", {"Does it work?", "Maybe.", "It helps!"}},
      {"He asked, \"Why roll?\" Nobody knew.", {"He asked, \"Why roll?\"", "Nobody knew."}},
      {"\"Stop!\" she said.", {"\"Stop!\" she said."}},
      {"It rained.Then it stopped.", {"It rained.", "Then it stopped."}},
      {"Write to a.b@example.org. We reply.", {"Write to a.b@example.org.", "We reply."}},
      {"1. Roll the calf 2. Roll the quads", {"1. Roll the calf", "2. Roll the quads"}},
      {"\u2022 Warm up \u2022 Roll gently", {"\u2022 Warm up", "\u2022 Roll gently"}},
      {"I waited... and waited.", {"I waited... and waited."}},
      {"It stopped.... Then rain.", {"It stopped....", "Then rain."}},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.input);
    CHECK(Split(c.input) == c.expected);
  }
}

TEST_CASE("Segmenter: line breaks and white space", "[ingest]") {
  CHECK(Split("Heading line\nBody starts here.") == Sentences{"Heading line", "Body starts here."});
  CHECK(Split("A wrapped \nline of text.") == Sentences{"A wrapped \nline of text."});
  CHECK(Split("A wrapped\nline of text.") == Sentences{"A wrapped", "line of text."});
  CHECK(Split("A wrapped\nline of text.", true) == Sentences{"A wrapped\nline of text."});
  CHECK(Split("   One.   Two.   ") == Sentences{"One.", "Two."});
  CHECK(Split("").empty());
  CHECK(Split(" \n\t ").empty());
}

TEST_CASE("Segmenter: spans index the given UTF-8 text", "[ingest]") {
  const std::string text = "Caf\u00E9 culture\u2014fine. \u201CRolling\u201D helps. Na\u00EFve claims.";
  Sentences s = Split(text);
  REQUIRE(s.size() == 3);
  CHECK(s[0] == "Caf\u00E9 culture\u2014fine.");
  CHECK(s[2] == "Na\u00EFve claims.");
}
