// Tests for query/src/audit_evidence.cc and audit_util.cc.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "audit_test_util.h"
#include "query/audit.h"

namespace query {
namespace {

using evkb_test::MakeEvidence;

Evidence WithQualifiers(std::vector<std::string> qualifiers) {
  Evidence e =
      MakeEvidence(kb::Stance::kAsserts, "Rolling improves range of motion for a short while.",
                   "001_a.txt", "Cheatham et al. 2015", "systematic_review", 1);
  e.assertion.qualifiers = std::move(qualifiers);
  return e;
}

TEST_CASE("AuditEvidence: timing overreach table", "[audit]") {
  struct Row {
    std::vector<std::string> article;
    std::vector<std::vector<std::string>> evidence;
    bool overreach;
  };
  const std::vector<Row> table = {
      {{"long_term"}, {{"short_term"}}, true},
      {{"permanent"}, {{"short_term"}, {}}, true},
      {{"long_term", "post_exercise"}, {{"short_term", "pre_exercise"}}, true},
      {{"long_term"}, {{"short_term"}, {"long_term"}}, false},  // some evidence does reach
      {{"long_term"}, {{}}, false},                             // evidence says nothing of time
      {{"long_term"}, {}, false},
      {{"short_term"}, {{"short_term"}}, false},
      {{}, {{"short_term"}}, false},
  };
  for (const Row& r : table) {
    std::vector<Evidence> evidence;
    for (const auto& q : r.evidence) evidence.push_back(WithQualifiers(q));
    INFO("article qualifiers: " << r.article.size() << ", evidence items: " << r.evidence.size());
    CHECK(IsTimingOverreach(r.article, evidence, nullptr) == r.overreach);
  }
}

TEST_CASE("AuditEvidence: correction names the work, quotes the sentence and the source",
          "[audit]") {
  const Evidence e = MakeEvidence(
      kb::Stance::kDenies, "A 2019 review found no reliable evidence that rollers deform fascia.",
      "002_review.txt", "Journal of Sport Rehabilitation 2019", "systematic_review", 1);
  CHECK(CorrectionLine(e) ==
        "Journal of Sport Rehabilitation 2019 (systematic review): \u201cA 2019 review found no "
        "reliable "
        "evidence that rollers deform fascia.\u201d \u2014 002_review.txt");
}

TEST_CASE("AuditEvidence: correction without a work, and a long sentence trimmed", "[audit]") {
  std::string longer = "Rollers cannot deform fascia";
  while (longer.size() < 400) longer += " because fascia is very stiff";
  const Evidence e = MakeEvidence(kb::Stance::kDenies, longer + ".", "003_b.txt", "", "", 5);
  const std::string line = CorrectionLine(e);
  CHECK(line.rfind("\u201cRollers cannot deform fascia", 0) == 0);
  CHECK(line.find("\u2026\u201d \u2014 003_b.txt") != std::string::npos);
  CHECK(line.size() < 260);
  CHECK(CorrectionLine(MakeEvidence(kb::Stance::kDenies, "", "x.txt", "", "", 5)).empty());
}

TEST_CASE("AuditEvidence: Abbreviate cuts at a word and never inside UTF-8", "[audit]") {
  CHECK(Abbreviate("short", 10) == "short");
  CHECK(Abbreviate("one two three four", 12) == "one two\u2026");
  CHECK(Abbreviate("\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9", 5) == "\u00e9\u00e9\u2026");
}

TEST_CASE("AuditEvidence: SpanInBlock maps original bytes to block text", "[audit]") {
  // "Hi &amp; bye": the block text "Hi & bye" with '&' standing for 5 raw bytes.
  ingest::Block b;
  b.text = "Hi & bye";
  b.offsets = {10, 11, 12, 13, 18, 19, 20, 21, 22};
  size_t from = 0, to = 0;
  REQUIRE(SpanInBlock(b, 13, 22, &from, &to));
  CHECK(b.text.substr(from, to - from) == "& bye");
  REQUIRE(SpanInBlock(b, 0, 100, &from, &to));
  CHECK(b.text.substr(from, to - from) == "Hi & bye");
  CHECK_FALSE(SpanInBlock(b, 30, 40, &from, &to));
  CHECK_FALSE(SpanInBlock(b, 0, 10, &from, &to));
}

TEST_CASE("AuditEvidence: EscapeHtml escapes markup and quotes", "[audit]") {
  CHECK(EscapeHtml("<a href=\"x\" onclick='y'>&</a>") ==
        "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  CHECK(TodayIso().size() == 10);
}

}  // namespace
}  // namespace query
