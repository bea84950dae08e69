// A bounded sources report (--limit N) on a store with more works and
// articles than the limit: its lists must be the first N of the unbounded
// lists, its totals their lengths, its claims the same; with limit 0 the
// report is the unbounded one and renders without the bounded-only keys.
// The bounded report reads a broad benefit's object group when the store
// keeps it (concepts stored before or after the articles) and merges its
// concepts' lists when not: the same report either way.
#include <algorithm>
#include <catch2/catch.hpp>

#include "query/judge.h"
#include "query/render.h"
#include "query/reports.h"
#include "query_test_util.h"

using kb::Stance;
using query_test::MakeClaim;
using query_test::MakeWork;
using query_test::Says;
using query_test::Statement;

namespace {

struct Fixture {
  query_test::TempDir dir;
  kb::Lexicon lex = query_test::FixtureLexicon();
  query_test::FixtureStore kb{dir.path() + "/db"};

  // `concepts`: 0 none stored, 1 before the articles, 2 after them.
  explicit Fixture(int concepts = 0) {
    if (concepts == 1) kb.PutConcepts(lex);
    const std::vector<kb::Claim> claims = {
        MakeClaim("foam_rolling", "reduces", "doms"),
        MakeClaim("massage_ball", "reduces", "doms"),
        MakeClaim("foam_rolling", "relieves", "doms"),
        MakeClaim("foam_rolling", "reduces", "soreness"),
        MakeClaim("foam_rolling", "reduces", "cramp"),
        MakeClaim("massage_ball", "relieves", "cramp"),
        MakeClaim("foam_rolling", "breaks_down", "scar_tissue"),
    };
    const char* types[] = {"systematic_review", "rct", "cohort", "narrative_review"};
    std::vector<kb::Work> works;
    for (int i = 0; i < 14; ++i) {
      works.push_back(MakeWork("Author" + std::to_string(i), 2000 + i, types[i % 4], 1 + i % 4));
    }
    for (int i = 0; i < 30; ++i) {
      std::vector<Statement> says;
      for (size_t k = 0; k < claims.size(); ++k) {
        if ((i * 3 + static_cast<int>(k)) % 4 == 0) continue;
        std::vector<kb::Work> cited;
        for (size_t w = 0; w < works.size(); ++w) {
          if ((i + k * 5 + w * w) % 7 == 0) cited.push_back(works[w]);
        }
        says.push_back(
            Says(claims[k], (i + k) % 5 == 0 ? Stance::kDenies : Stance::kAsserts, cited));
      }
      kb.AddSource("a" + std::to_string((i * 11) % 30) + ".txt", says);
    }
    if (concepts == 2) kb.PutConcepts(lex);
  }
};

std::vector<std::string> WorkIds(const std::vector<query::SourcedWork>& v) {
  std::vector<std::string> out;
  for (const auto& w : v) out.push_back(w.work.id);
  return out;
}

std::vector<std::string> SourceIds(const std::vector<query::SourcedArticle>& v) {
  std::vector<std::string> out;
  for (const auto& s : v) out.push_back(s.source.id);
  return out;
}

}  // namespace

TEST_CASE("BuildSourcesReport: a bounded report is the head of the full one", "[reports]") {
  const int concepts = GENERATE(0, 1, 2);
  CAPTURE(concepts);
  Fixture f(concepts);
  std::vector<std::string> members;
  CHECK(f.kb.store()->ObjectGroup("pain", &members) == (concepts != 0));
  for (const char* benefit : {"doms", "soreness", "scar_tissue", "pain"}) {
    CAPTURE(benefit);
    query::Judge judge(f.kb.store(), &f.lex);
    query::SourcesReport all;
    REQUIRE(
        query::BuildSourcesReport(f.kb.store(), f.lex, &judge, benefit, {benefit}, &all, 0).ok());
    REQUIRE(!all.claims.empty());
    for (size_t limit : {1, 3, 5, 8, 1000}) {
      CAPTURE(limit);
      query::Judge fresh(f.kb.store(), &f.lex);
      query::SourcesReport r;
      REQUIRE(query::BuildSourcesReport(f.kb.store(), f.lex, &fresh, benefit, {benefit}, &r, limit)
                  .ok());
      CHECK(r.concepts == all.concepts);
      CHECK(r.totals.works == all.works.size());
      CHECK(r.totals.sources == all.sources.size());
      CHECK(r.totals.claims == all.claims.size());
      const size_t nw = std::min(limit, all.works.size());
      const size_t ns = std::min(limit, all.sources.size());
      std::vector<std::string> want_works = WorkIds(all.works),
                               want_sources = SourceIds(all.sources);
      want_works.resize(nw);
      want_sources.resize(ns);
      CHECK(WorkIds(r.works) == want_works);
      CHECK(SourceIds(r.sources) == want_sources);
      for (size_t i = 0; i < r.works.size() && i < nw; ++i) {
        const query::SourcedWork& got = r.works[i];
        const query::SourcedWork& want = all.works[i];
        std::vector<std::string> claims_head = want.claims;
        if (claims_head.size() > limit) claims_head.resize(limit);
        CHECK(got.claims == claims_head);
        CHECK(got.claims_total == want.claims.size());
        CHECK(want.claims_total == want.claims.size());
        CHECK(got.cited_by_total == want.cited_by.size());
        std::vector<std::string> head = want.cited_by;
        if (head.size() > limit) head.resize(limit);
        CHECK(got.cited_by == head);
        CHECK(got.work.level == want.work.level);
      }
      for (size_t i = 0; i < r.sources.size() && i < ns; ++i) {
        CHECK(r.sources[i].claims == all.sources[i].claims);
        CHECK(r.sources[i].source.path == all.sources[i].source.path);
      }
      REQUIRE(r.claims.size() == all.claims.size());
      for (size_t i = 0; i < r.claims.size(); ++i) {
        CHECK(r.claims[i].claim().id == all.claims[i].claim().id);
        CHECK(r.claims[i].verdict == all.claims[i].verdict);
        CHECK(r.claims[i].confidence == all.claims[i].confidence);
      }
    }
  }
}

TEST_CASE("BuildSourcesReport: the fixture cuts lists short at small limits", "[reports]") {
  Fixture f;
  query::Judge judge(f.kb.store(), &f.lex);
  query::SourcesReport r;
  REQUIRE(query::BuildSourcesReport(f.kb.store(), f.lex, &judge, "pain", {"pain"}, &r, 5).ok());
  CHECK(r.concepts.size() > 1);
  CHECK(r.works.size() == 5);
  CHECK(r.sources.size() == 5);
  CHECK(r.totals.works > 5);
  CHECK(r.totals.sources > 20);
  const std::string json = query::RenderSourcesJson(r);
  CHECK(json.find("\"totals\":{\"works\":" + std::to_string(r.totals.works) +
                  ",\"sources\":" + std::to_string(r.totals.sources)) != std::string::npos);
  CHECK(json.find("\"cited_by_total\":") != std::string::npos);
  CHECK(json.find("\"claims_total\":") != std::string::npos);
  const std::string text = query::RenderSourcesText(r, false);
  CHECK(text.find("showing 5 of " + std::to_string(r.totals.sources) +
                  " articles (--limit 0 lists all)") != std::string::npos);
  // A work's claims are cut to the limit too; the text counts them all.
  bool cut = false;
  for (const query::SourcedWork& w : r.works) {
    CHECK(w.claims.size() <= 5);
    CHECK(text.find("[" + std::to_string(w.claims_total) + " claim(s), cited by " +
                    std::to_string(w.cited_by_total) + "]") != std::string::npos);
    cut = cut || w.claims_total > w.claims.size();
  }
  CHECK(cut);

  query::SourcesReport all;
  REQUIRE(query::BuildSourcesReport(f.kb.store(), f.lex, &judge, "pain", {"pain"}, &all, 0).ok());
  const std::string full = query::RenderSourcesJson(all);
  CHECK(full.find("\"totals\"") == std::string::npos);
  CHECK(full.find("\"cited_by_total\"") == std::string::npos);
  CHECK(full.find("\"claims_total\"") == std::string::npos);
  CHECK(query::RenderSourcesText(all, false).find("showing") == std::string::npos);
}

TEST_CASE("BuildSourcesReport: the first merged work heads no single concept's list", "[reports]") {
  // Under "soreness": work X backs two claims about doms and two about
  // cramp (four in all); Y three about doms only, Z three about cramp only.
  // Each concept's list starts with Y or Z; merged, X comes first.
  query_test::TempDir dir;
  kb::Lexicon lex = query_test::FixtureLexicon();
  query_test::FixtureStore kb{dir.path() + "/db"};
  const bool groups = GENERATE(false, true);
  CAPTURE(groups);
  if (groups) kb.PutConcepts(lex);
  const kb::Work x = MakeWork("Xavier", 2010, "rct", 1), y = MakeWork("Young", 2011, "rct", 1),
                 z = MakeWork("Zhang", 2012, "rct", 1);
  const kb::Claim doms[] = {MakeClaim("foam_rolling", "reduces", "doms"),
                            MakeClaim("foam_rolling", "relieves", "doms"),
                            MakeClaim("massage_ball", "reduces", "doms")};
  const kb::Claim cramp[] = {MakeClaim("foam_rolling", "reduces", "cramp"),
                             MakeClaim("foam_rolling", "relieves", "cramp"),
                             MakeClaim("massage_ball", "reduces", "cramp")};
  std::vector<Statement> says;
  for (int k = 0; k < 3; ++k) {
    says.push_back(Says(doms[k], Stance::kAsserts,
                        k < 2 ? std::vector<kb::Work>{x, y} : std::vector<kb::Work>{y}));
    says.push_back(Says(cramp[k], Stance::kAsserts,
                        k < 2 ? std::vector<kb::Work>{x, z} : std::vector<kb::Work>{z}));
  }
  kb.AddSource("one.txt", says);

  query::Judge judge(kb.store(), &lex);
  query::SourcesReport all;
  REQUIRE(
      query::BuildSourcesReport(kb.store(), lex, &judge, "soreness", {"soreness"}, &all, 0).ok());
  REQUIRE(all.works.size() == 3);
  CHECK(all.works[0].work.id == x.id);
  CHECK(all.works[0].claims.size() == 4);
  for (size_t limit : {1, 2, 3}) {
    CAPTURE(limit);
    query::SourcesReport r;
    REQUIRE(query::BuildSourcesReport(kb.store(), lex, &judge, "soreness", {"soreness"}, &r, limit)
                .ok());
    std::vector<std::string> want = WorkIds(all.works);
    want.resize(limit);
    CHECK(WorkIds(r.works) == want);
    CHECK(r.totals.works == 3);
  }
}

TEST_CASE("BuildSourcesReport: articles' claims read the same with or without lists in the index",
          "[reports]") {
  const int concepts = GENERATE(0, 2);
  CAPTURE(concepts);
  Fixture f(concepts);
  auto reports = [&]() {
    std::vector<std::string> lines;
    for (const char* benefit : {"doms", "cramp", "pain"}) {
      for (size_t limit : {2, 20}) {
        query::Judge fresh(f.kb.store(), &f.lex);
        query::SourcesReport r;
        REQUIRE(
            query::BuildSourcesReport(f.kb.store(), f.lex, &fresh, benefit, {benefit}, &r, limit)
                .ok());
        for (const query::SourcedArticle& a : r.sources) {
          std::string line = std::string(benefit) + " " + a.source.path + ":";
          for (const std::string& id : a.claims) line += " " + id;
          lines.push_back(line);
        }
      }
    }
    return lines;
  };
  const std::vector<std::string> listed = reports();
  REQUIRE(listed.size() > 20);
  // As builds before the 'S' entries listed the articles' claims wrote them.
  f.kb.EmptyValues(kb::Cf::kByObject, kb::kObjectSourceRankTag);
  CHECK(reports() == listed);
  std::vector<std::string> problems;
  REQUIRE(f.kb.store()->Verify(&problems).ok());
  CHECK(problems.empty());
}
