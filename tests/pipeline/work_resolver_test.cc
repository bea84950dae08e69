#include "ingest/work_resolver.h"

#include <catch2/catch.hpp>

#include <filesystem>

#include "ingest/pipeline.h"
#include "kb/store.h"
#include "pipeline_test_util.h"

namespace {

namespace fs = std::filesystem;

struct TempDb {
  TempDb() {
    path = (fs::temp_directory_path() / ("evkb-resolver-" + std::to_string(::getpid()) + "-" +
                                         std::to_string(counter++)))
               .string();
    fs::remove_all(path);
  }
  ~TempDb() { fs::remove_all(path); }
  std::string path;
  static inline int counter = 0;
};

kb::SourceRecord Analyse(ingest::Pipeline* p, const std::string& path, const std::string& text) {
  ingest::Analysis a;
  REQUIRE(p->Analyze(evkb_test::TextDocument(path, text), &a).ok());
  return a.record;
}

std::vector<kb::Work> AllWorks(kb::Store* store) {
  std::vector<kb::Work> out;
  REQUIRE(store->ForEachWork([&](const kb::Work& w) {
                 out.push_back(w);
                 return true;
               }).ok());
  return out;
}

// Two articles cite one review in two styles: Harvard with a year, and
// Vancouver without one. The KB holds one work, with the year, cited by both.
TEST_CASE("ResolveWorks: Harvard and Vancouver citations of one study meet", "[pipeline]") {
  std::unique_ptr<ingest::Pipeline> p;
  REQUIRE(ingest::Pipeline::Create(&evkb_test::ShippedLexicon(), &p).ok());
  TempDb db;
  std::unique_ptr<kb::Store> store;
  REQUIRE(kb::Store::Open(kb::StoreOptions(), db.path, &store).ok());

  kb::SourceRecord a = Analyse(
      p.get(), "a.txt",
      "Rolling and mobility\n\nFoam rolling improves range of motion, as Cheatham et al (2015) showed.\n\n"
      "References\n\nCheatham, S.W., Kolber, M.J., Cain, M. and Lee, M. (2015) The effects of "
      "self-myofascial release using a foam roll or roller massager on joint range of motion, muscle "
      "recovery and performance: a systematic review. The International Journal of Sports Physical "
      "Therapy, 10(6), p 827.\n");
  kb::SourceRecord b = Analyse(
      p.get(), "b.txt",
      "Back care\n\nRolling may improve range of motion.\n\nReferences\n\nCheatham S, Kolber M, Cain M, "
      "Lee M. The effect of self-myofascial release using a foam roll or roller massager on joint "
      "range of motion muscle recovery and performance: A systematic review. Int J Sports Phys Ther; "
      "10(6):827-38.\n");
  kb::PutOutcome outcome;
  REQUIRE(ingest::ResolveWorks(store.get(), &a).ok());
  REQUIRE(store->PutSource(a, &outcome).ok());
  REQUIRE(ingest::ResolveWorks(store.get(), &b).ok());
  REQUIRE(store->PutSource(b, &outcome).ok());

  std::vector<kb::Work> works = AllWorks(store.get());
  REQUIRE(works.size() == 1);
  CHECK(works[0].year == 2015);
  CHECK(works[0].type == "systematic_review");
  std::vector<std::string> citing;
  REQUIRE(store->SourcesCitingWork(works[0].id, &citing).ok());
  CHECK(citing.size() == 2);
}

// A descriptive mention ("a 2019 review in the Journal of X") meets the full
// reference when another article brings it.
TEST_CASE("ResolveWorks: a described review merges with its full reference", "[pipeline]") {
  std::unique_ptr<ingest::Pipeline> p;
  REQUIRE(ingest::Pipeline::Create(&evkb_test::ShippedLexicon(), &p).ok());
  TempDb db;
  std::unique_ptr<kb::Store> store;
  REQUIRE(kb::Store::Open(kb::StoreOptions(), db.path, &store).ok());
  kb::SourceRecord a = Analyse(p.get(), "described.txt",
                               "Fascia\n\nA 2019 review published in the Journal of Bodywork and Movement "
                               "Therapies found that rolling does not deform fascia.\n");
  kb::SourceRecord b = Analyse(
      p.get(), "full.txt",
      "Fascia again\n\nRolling does not deform fascia (Grant, 2019).\n\nReferences\n\nGrant, K. (2019) "
      "Rolling and fascia: a narrative review. Journal of Bodywork and Movement Therapies, 23(2), "
      "300-308.\n");
  kb::PutOutcome outcome;
  REQUIRE(ingest::ResolveWorks(store.get(), &a).ok());
  REQUIRE(store->PutSource(a, &outcome).ok());
  REQUIRE(ingest::ResolveWorks(store.get(), &b).ok());
  REQUIRE(store->PutSource(b, &outcome).ok());
  std::vector<kb::Work> works = AllWorks(store.get());
  REQUIRE(works.size() == 1);
  CHECK(works[0].resolved);
  CHECK(works[0].volume == "23");
  REQUIRE_FALSE(works[0].authors.empty());
  CHECK(works[0].authors[0].family == "Grant");
}

bool SameIdentity(const citations::WorkIdentity& a, const citations::WorkIdentity& b) {
  return a.has_doi == b.has_doi && a.doi == b.doi && a.pmid == b.pmid && a.year == b.year &&
         a.volume == b.volume && a.first_page == b.first_page && a.family == b.family &&
         a.has_title == b.has_title && a.title_words == b.title_words && a.title_key == b.title_key;
}

}  // namespace

// The writer's cache of decoded works resolves exactly as reading the store
// does: the same articles, in the same order, into two databases (one with
// a small cache that overflows, one without) give the same works, and a
// work enriched by a later article (a DOI) is seen enriched through the
// cache, so the article after it does not write the work back without it.
TEST_CASE("ResolveWorks: the work cache changes nothing", "[pipeline]") {
  std::unique_ptr<ingest::Pipeline> p;
  REQUIRE(ingest::Pipeline::Create(&evkb_test::ShippedLexicon(), &p).ok());
  const std::vector<std::pair<std::string, std::string>> articles = {
      {"a.txt",
       "Rolling\n\nFoam rolling improves range of motion (Cheatham et al., 2015).\n\nReferences\n\n"
       "Cheatham, S.W., Kolber, M.J., Cain, M. and Lee, M. (2015) Foam rolling and joint range of "
       "motion: a systematic review. The International Journal of Sports Physical Therapy, 10(6), "
       "p 827.\n"},
      {"b.txt",
       "Soreness\n\nRolling reduces DOMS, says Pearcey et al (2015).\n\nReferences\n\nPearcey, G.E., "
       "Bradbury-Squires, D.J. and Button, D.C. (2015) Foam rolling for delayed-onset muscle "
       "soreness and recovery of dynamic performance measures. Journal of Athletic Training, 50(1), "
       "5-13.\n"},
      {"c.txt",
       "Both\n\nRolling improves range of motion and eases soreness.\n\nReferences\n\nCheatham S, "
       "Kolber M, Cain M, Lee M. Foam rolling and joint range of motion: a systematic review. Int J "
       "Sports Phys Ther; 10(6):827-38. doi:10.26603/ijspt20150827\n\nPearcey GE, Bradbury-Squires "
       "DJ, Button DC. Foam rolling for delayed-onset muscle soreness and recovery of dynamic "
       "performance measures. J Athl Train. 2015;50(1):5-13.\n"},
      {"d.txt",
       "Again\n\nA 2015 review found that rolling improves range of motion (Cheatham 2015).\n\n"
       "References\n\nCheatham, S. (2015). Foam rolling and joint range of motion: a systematic "
       "review. International Journal of Sports Physical Therapy, 10(6), 827.\n"},
  };
  TempDb plain_db, cached_db;
  std::unique_ptr<kb::Store> plain, cached;
  REQUIRE(kb::Store::Open(kb::StoreOptions(), plain_db.path, &plain).ok());
  REQUIRE(kb::Store::Open(kb::StoreOptions(), cached_db.path, &cached).ok());
  ingest::WorkCache cache(2);  // overflows: starts afresh on the way
  for (const auto& [path, text] : articles) {
    INFO(path);
    kb::SourceRecord a = Analyse(p.get(), path, text);
    kb::SourceRecord b = a;
    kb::PutOutcome outcome;
    REQUIRE(ingest::ResolveWorks(plain.get(), &a).ok());
    REQUIRE(plain->PutSource(a, &outcome).ok());
    std::vector<citations::WorkIdentity> ids;
    REQUIRE(ingest::ResolveWorks(cached.get(), &b, &cache, &ids).ok());
    REQUIRE(cached->PutSource(b, &outcome).ok());
    REQUIRE(ids.size() == b.works.size());
    // The identities ResolveWorks hands over are those a cache works out
    // from the stored works, for works adopted from the store as for new ones.
    ingest::WorkCache handed, worked_out;  // worked_out: empty, reads the store
    handed.Stored(b.works, ids);
    for (const kb::Work& w : b.works) {
      const ingest::WorkCache::Entry *h = nullptr, *o = nullptr;
      REQUIRE(handed.Get(cached.get(), w.id, &h).ok());
      REQUIRE(worked_out.Get(cached.get(), w.id, &o).ok());
      CHECK(SameIdentity(h->identity, o->identity));
    }
    cache.Stored(b.works, std::move(ids));
    CHECK(cache.size() <= 2);
  }
  std::vector<kb::Work> want = AllWorks(plain.get()), got = AllWorks(cached.get());
  REQUIRE(want.size() == got.size());
  bool doi_found = false;
  for (size_t i = 0; i < want.size(); ++i) {
    CHECK(got[i].id == want[i].id);
    CHECK(got[i].doi == want[i].doi);
    CHECK(got[i].year == want[i].year);
    CHECK(got[i].title == want[i].title);
    doi_found |= got[i].doi == "10.26603/ijspt20150827";
  }
  CHECK(doi_found);
}
