// The report builders of sources, claims, show, stats and export on a real
// store in a temp dir.
#include "query/reports.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "query/judge.h"
#include "query_test_util.h"

using kb::Stance;
using query_test::MakeClaim;
using query_test::MakeWork;
using query_test::Statement;

namespace {

struct Fixture {
  query_test::TempDir dir;
  kb::Lexicon lex = query_test::FixtureLexicon();
  query_test::FixtureStore kb{dir.path() + "/db"};
  query::Judge judge{kb.store(), &lex};
  const kb::Work review = MakeWork("Cheatham", 2015, "systematic_review", 1);
  const kb::Work trial = MakeWork("Pearcey", 2015, "rct", 2);
  std::string source_a, source_b;

  Fixture() {
    Statement doms{MakeClaim("foam_rolling", "reduces", "doms"),
                   Stance::kAsserts,
                   kb::Attribution::kAuthor,
                   {trial},
                   {"neurological"},
                   ""};
    Statement soreness{MakeClaim("foam_rolling", "reduces", "soreness"),
                       Stance::kAsserts,
                       kb::Attribution::kAuthor,
                       {review},
                       {},
                       ""};
    Statement scar{MakeClaim("foam_rolling", "breaks_down", "scar_tissue"),
                   Stance::kAsserts,
                   kb::Attribution::kAuthor,
                   {},
                   {"mechanical"},
                   ""};
    kb.AddSource("001_a.txt", {doms, soreness, scar});
    source_a = kb.last_source();
    Statement denial{MakeClaim("foam_rolling", "breaks_down", "adhesions"),
                     Stance::kDenies,
                     kb::Attribution::kAuthor,
                     {review},
                     {},
                     ""};
    kb.AddSource("002_b.txt", {denial});
    source_b = kb.last_source();
  }
};

}  // namespace

TEST_CASE("BuildSourcesReport: works behind the benefit and its narrower concepts", "[reports]") {
  Fixture f;
  query::SourcesReport r;
  REQUIRE(
      query::BuildSourcesReport(f.kb.store(), f.lex, &f.judge, "soreness", {"soreness"}, &r).ok());
  CHECK(r.concepts == std::vector<std::string>{"soreness", "doms", "cramp"});
  REQUIRE(r.claims.size() == 2);
  REQUIRE(r.works.size() == 2);
  CHECK(r.works[0].work.id == f.review.id);  // level 1 before level 2
  CHECK(r.works[1].work.id == f.trial.id);
  std::vector<std::string> cited_by = r.works[0].cited_by;
  std::sort(cited_by.begin(), cited_by.end());
  std::vector<std::string> both = {f.source_a, f.source_b};
  std::sort(both.begin(), both.end());
  CHECK(cited_by == both);
  REQUIRE(r.sources.size() == 1);
  CHECK(r.sources[0].source.path == "001_a.txt");
  CHECK(r.sources[0].claims.size() == 2);
}

TEST_CASE("BuildSourcesReport: no concept, no claims", "[reports]") {
  Fixture f;
  query::SourcesReport r;
  REQUIRE(query::BuildSourcesReport(f.kb.store(), f.lex, &f.judge, "diabetes", {}, &r).ok());
  CHECK(r.claims.empty());
  CHECK(r.works.empty());
}

TEST_CASE("BuildClaimRows: filters combine", "[reports]") {
  Fixture f;
  std::vector<query::ClaimRow> rows;
  REQUIRE(query::BuildClaimRows(f.kb.store(), f.lex, &f.judge, {}, &rows).ok());
  CHECK(rows.size() == 4);
  REQUIRE(
      query::BuildClaimRows(f.kb.store(), f.lex, &f.judge, {"mechanical", "", "", ""}, &rows).ok());
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].claim.object == "scar_tissue");
  CHECK(rows[0].verdict == kb::Verdict::kRefuted);  // the adhesions denial pools in
  CHECK(rows[0].asserts == 1);
  CHECK(rows[0].denies == 0);  // own assertions only
  REQUIRE(
      query::BuildClaimRows(f.kb.store(), f.lex, &f.judge, {"", "refuted", "", ""}, &rows).ok());
  CHECK(rows.size() == 2);
  REQUIRE(
      query::BuildClaimRows(f.kb.store(), f.lex, &f.judge, {"", "", "002_b.txt", ""}, &rows).ok());
  CHECK(rows.size() == 1);
  REQUIRE(query::BuildClaimRows(f.kb.store(), f.lex, &f.judge, {"", "", "", "pain"}, &rows).ok());
  CHECK(rows.size() == 2);
  CHECK(query::BuildClaimRows(f.kb.store(), f.lex, &f.judge, {"", "true", "", ""}, &rows)
            .IsInvalidArgument());
  CHECK(query::BuildClaimRows(f.kb.store(), f.lex, &f.judge, {"", "", "nope", ""}, &rows)
            .IsNotFound());
}

TEST_CASE("BuildShowReport: claim, work, source and concept ids", "[reports]") {
  Fixture f;
  query::ShowReport r;
  REQUIRE(query::BuildShowReport(f.kb.store(), f.lex, &f.judge,
                                 kb::ClaimId("foam_rolling", "reduces", "doms"), &r)
              .ok());
  CHECK(r.kind == "claim");
  CHECK(r.judgement.verdict == kb::Verdict::kSupported);
  REQUIRE(query::BuildShowReport(f.kb.store(), f.lex, &f.judge, f.review.id, &r).ok());
  CHECK(r.kind == "work");
  CHECK(r.sources.size() == 2);
  CHECK(r.assertions.size() == 2);
  REQUIRE(query::BuildShowReport(f.kb.store(), f.lex, &f.judge, f.source_b, &r).ok());
  CHECK(r.kind == "source");
  CHECK(r.assertions.size() == 1);
  CHECK(r.works.size() == 1);
  REQUIRE(query::BuildShowReport(f.kb.store(), f.lex, &f.judge, "soreness", &r).ok());
  CHECK(r.kind == "concept");
  CHECK(r.children == std::vector<std::string>{"doms", "cramp"});
  CHECK(query::BuildShowReport(f.kb.store(), f.lex, &f.judge, "nothing_here", &r).IsNotFound());
}

TEST_CASE("BuildStatsReport and BuildGraphExport: counts and verdicts", "[reports]") {
  Fixture f;
  query::StatsReport s;
  REQUIRE(query::BuildStatsReport(f.kb.store(), f.lex, &f.judge, &s).ok());
  CHECK(s.counts.sources == 2);
  CHECK(s.counts.claims == 4);
  CHECK(s.mechanisms.at("neurological") == 1);
  CHECK(s.mechanisms.at("psychological") == 0);
  CHECK(s.verdicts.at("supported") == 2);
  CHECK(s.verdicts.at("refuted") == 2);
  CHECK(s.verdicts.at("disputed") == 0);

  query::GraphExport g;
  REQUIRE(query::BuildGraphExport(f.kb.store(), f.lex, &f.judge, &g).ok());
  CHECK(g.sources.size() == 2);
  CHECK(g.claims.size() == 4);
  CHECK(g.assertions.size() == 4);
  CHECK(g.works.size() == 2);
  CHECK_FALSE(g.concepts.empty());
}
