// The seed articles (../shared/seeds, beside the checkout) through the whole
// pipeline: claim counts and each article's key claims with their stance.
#include <catch2/catch.hpp>

#include <filesystem>

#include "ingest/pipeline.h"
#include "ingest/reader.h"
#include "pipeline_test_util.h"
#include "test_paths.h"

namespace {

namespace fs = std::filesystem;

std::map<std::string, ingest::Analysis> AnalyseSeeds() {
  std::map<std::string, ingest::Analysis> out;
  std::unique_ptr<ingest::Pipeline> p;
  REQUIRE(ingest::Pipeline::Create(&evkb_test::ShippedLexicon(), &p).ok());
  std::string dir = evkb_test::SharedDir() + "/seeds";
  ingest::ReadInput(
      dir, ingest::ReaderOptions(),
      [&](ingest::Document&& doc) {
        ingest::Analysis a;
        REQUIRE(p->Analyze(doc, &a).ok());
        out[fs::path(doc.path).filename().string().substr(0, 3)] = std::move(a);
      },
      [](const ingest::ReadError& e) { FAIL(e.ToString()); });
  return out;
}

bool Asserts(const ingest::Analysis& a, const std::string& s, const std::string& r,
             const std::string& o, kb::Stance stance) {
  for (const kb::Assertion& as : a.record.assertions) {
    for (const kb::Claim& c : a.record.claims) {
      if (c.id == as.claim_id && c.subject == s && c.relation == r && c.object == o &&
          as.stance == stance) {
        return true;
      }
    }
  }
  return false;
}

TEST_CASE("Seeds: every article yields its key claims with the right stance", "[pipeline][seeds]") {
  if (!evkb_test::HaveShared("seeds")) {
    WARN("../shared/seeds is absent: seed pipeline test skipped");
    return;
  }
  std::map<std::string, ingest::Analysis> seeds = AnalyseSeeds();
  REQUIRE(seeds.size() == 5);
  constexpr kb::Stance A = kb::Stance::kAsserts, D = kb::Stance::kDenies;
  // 001: range of motion (Cheatham) and soreness (Pearcey), both cited.
  CHECK(Asserts(seeds["001"], "foam_rolling", "improves", "range_of_motion", A));
  CHECK(Asserts(seeds["001"], "foam_rolling", "reduces", "doms", A));
  // 002: rolling cannot break adhesions, nor lengthen the IT band; it is not a muscle.
  CHECK(Asserts(seeds["002"], "foam_rolling", "breaks_down", "adhesions", D));
  CHECK(Asserts(seeds["002"], "foam_rolling", "lengthens", "it_band", D));
  CHECK(Asserts(seeds["002"], "foam_rolling", "alters", "fascia", D));
  CHECK(Asserts(seeds["002"], "it_band", "is_a", "muscle", D));
  // 003: the IT band is a tendon, not a muscle.
  CHECK(Asserts(seeds["003"], "it_band", "is_a", "tendon", A));
  CHECK(Asserts(seeds["003"], "it_band", "is_a", "muscle", D));
  // 004: rolling the lower back may harm the kidneys; breaking down scar tissue (hearsay).
  CHECK(Asserts(seeds["004"], "foam_rolling", "harms", "kidneys", A));
  CHECK(Asserts(seeds["004"], "foam_rolling", "breaks_down", "scar_tissue", A));
  CHECK(Asserts(seeds["004"], "foam_rolling", "suits", "pregnancy", D));

  size_t total = 0;
  for (const auto& [tag, a] : seeds) {
    INFO(tag);
    total += a.record.claims.size();
    // The sign-off-only article 000 still says something about rolling.
    CHECK(a.record.claims.size() >= 1);
    CHECK(a.topic == "foam_rolling");
  }
  CHECK(total >= 60);
}

}  // namespace
