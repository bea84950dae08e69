// The by_object index (kb/FORMAT.md, "Indexes"): after every kind of write
// it must equal the index made afresh from the records (Verify compares the
// two), its ranked lists must come out in the sources report's order,
// Verify must notice a missing, stray or stale entry of each kind, and a
// schema-3 database gets the index on its first writable open.
#include <rocksdb/db.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "kb/store.h"
#include "kb_test_util.h"
#include "key_codec.h"
#include "store_rocksdb.h"

using kb_test::MakeClaim;
using kb_test::MakeRecord;
using kb_test::MakeWork;
using kb_test::WithLevel;

namespace {

const std::vector<kb::Claim>& Claims() {
  static const std::vector<kb::Claim> claims = {
      MakeClaim("foam_rolling", "reduces", "doms"),
      MakeClaim("massage", "reduces", "doms"),
      MakeClaim("stretching", "reduces", "doms"),
      MakeClaim("foam_rolling", "improves", "range_of_motion"),
      MakeClaim("massage", "improves", "range_of_motion"),
      MakeClaim("foam_rolling", "breaks_down", "scar_tissue"),
  };
  return claims;
}

std::vector<kb::Work> Works(int level_shift) {
  std::vector<kb::Work> works;
  for (int i = 0; i < 5; ++i) {
    works.push_back(
        WithLevel(MakeWork("Author" + std::to_string(i), 2010 + i, "Study " + std::to_string(i)),
                  1 + (i + level_shift) % 4));
  }
  return works;
}

// Article `i` (content `version`): a varying subset of the claims, each
// assertion linking one or two of a varying subset of the works; every
// work of the subset is mentioned, so some are cited without a link.
kb::SourceRecord Article(int i, int version, int level_shift = 0) {
  const std::vector<kb::Work> all = Works(level_shift);
  std::vector<kb::Claim> claims;
  std::vector<kb::Work> works;
  for (size_t k = 0; k < Claims().size(); ++k) {
    if ((i + version + static_cast<int>(k)) % 3 != 0) claims.push_back(Claims()[k]);
  }
  for (size_t k = 0; k < all.size(); ++k) {
    if ((i * 7 + version + static_cast<int>(k)) % 4 != 1) works.push_back(all[k]);
  }
  kb::SourceRecord r =
      MakeRecord("art" + std::to_string(i % 10) + "/" + std::to_string(i) + ".md",
                 "content " + std::to_string(i) + " v" + std::to_string(version), claims, works);
  for (size_t k = 0; k < r.assertions.size(); ++k) {
    auto& links = r.assertions[k].works;
    if (links.empty()) continue;
    std::vector<kb::WorkLink> keep = {links[(k + i) % links.size()]};
    if ((k + i) % 2 == 0) keep.push_back(links[(k + i + 1) % links.size()]);
    if ((k + i) % 5 == 0) keep.clear();
    links = keep;
  }
  return r;
}

void Put(kb::Store* store, const kb::SourceRecord& r) {
  kb::PutOutcome outcome;
  REQUIRE(store->PutSource(r, &outcome).ok());
}

// The works and sources of claims about any of `objects`, ranked from the
// assertions with public reads only: what the index must hold. `linking`
// (if given) gets each work's claims by object, then by id.
void Fresh(kb::Store* store, const std::set<std::string>& objects,
           std::vector<kb::ObjectWork>* works, std::vector<kb::ObjectSource>* sources,
           std::map<std::string, std::vector<std::string>>* linking = nullptr) {
  std::map<std::string, std::set<std::string>> work_claims, source_claims;
  std::map<std::string, std::string> object_of;
  REQUIRE(store
              ->ForEachAssertion([&](const kb::Assertion& a) {
                kb::Claim c;
                REQUIRE(store->GetClaim(a.claim_id, &c).ok());
                if (objects.count(c.object) == 0) return true;
                object_of[c.id] = c.object;
                source_claims[a.source_id].insert(a.claim_id);
                for (const kb::WorkLink& l : a.works) work_claims[l.work_id].insert(a.claim_id);
                return true;
              })
              .ok());
  works->clear();
  if (linking != nullptr) linking->clear();
  for (const auto& [id, claims] : work_claims) {
    if (linking != nullptr) {
      std::vector<std::string>& ids = (*linking)[id];
      ids.assign(claims.begin(), claims.end());
      std::stable_sort(ids.begin(), ids.end(), [&](const std::string& a, const std::string& b) {
        return object_of[a] < object_of[b];
      });
    }
    kb::ObjectWork w;
    w.work_id = id;
    kb::Work stored;
    REQUIRE(store->GetWork(id, &stored).ok());
    w.level = stored.level;
    w.claims = static_cast<uint32_t>(claims.size());
    std::vector<std::string> citing;
    REQUIRE(store->SourcesCitingWork(id, &citing).ok());
    w.citing = static_cast<uint32_t>(citing.size());
    works->push_back(w);
  }
  std::sort(works->begin(), works->end(), [](const kb::ObjectWork& a, const kb::ObjectWork& b) {
    if (a.level != b.level) return a.level < b.level;
    if (a.claims != b.claims) return a.claims > b.claims;
    if (a.citing != b.citing) return a.citing > b.citing;
    return a.work_id < b.work_id;
  });
  sources->clear();
  for (const auto& [id, claims] : source_claims) {
    kb::Source src;
    REQUIRE(store->GetSource(id, &src).ok());
    kb::ObjectSource& s = sources->emplace_back();
    s.source_id = id;
    s.path = src.path;
    s.claims = static_cast<uint32_t>(claims.size());
    s.claim_ids.assign(claims.begin(), claims.end());
    s.claims_listed = true;
  }
  std::sort(sources->begin(), sources->end(),
            [](const kb::ObjectSource& a, const kb::ObjectSource& b) {
              if (a.claims != b.claims) return a.claims > b.claims;
              return a.path < b.path;
            });
}

// The lists under `object` (a claim object, or a group's name standing for
// `members`) against the ones made afresh.
void CheckObject(kb::Store* store, const std::string& object,
                 const std::set<std::string>& members) {
  std::vector<kb::ObjectWork> want_works, works;
  std::vector<kb::ObjectSource> want_sources, sources;
  std::map<std::string, std::vector<std::string>> linking;
  Fresh(store, members, &want_works, &want_sources, &linking);
  REQUIRE(store->WorksForObject(object, 0, &works).ok());
  REQUIRE(store->SourcesForObject(object, 0, &sources).ok());
  REQUIRE(works.size() == want_works.size());
  for (size_t i = 0; i < works.size(); ++i) {
    CHECK(works[i].work_id == want_works[i].work_id);
    CHECK(works[i].level == want_works[i].level);
    CHECK(works[i].claims == want_works[i].claims);
    CHECK(works[i].citing == want_works[i].citing);
  }
  REQUIRE(sources.size() == want_sources.size());
  for (size_t i = 0; i < sources.size(); ++i) {
    CHECK(sources[i].source_id == want_sources[i].source_id);
    CHECK(sources[i].path == want_sources[i].path);
    CHECK(sources[i].claims == want_sources[i].claims);
    CHECK(sources[i].claims_listed);
    CHECK(sources[i].claim_ids == want_sources[i].claim_ids);
  }
  kb::ObjectTotals totals;
  REQUIRE(store->ObjectTotalsFor(object, &totals).ok());
  CHECK(totals.works == want_works.size());
  CHECK(totals.sources == want_sources.size());
  std::vector<kb::ObjectWork> head;
  REQUIRE(store->WorksForObject(object, 3, &head).ok());
  CHECK(head.size() == std::min<size_t>(3, works.size()));
  // Page by page, a page ending inside a tie group or at its end.
  for (size_t page : {1, 2, 3}) {
    CAPTURE(page);
    std::vector<kb::ObjectWork> paged, next;
    do {
      REQUIRE(
          store->WorksForObjectAfter(object, paged.empty() ? nullptr : &paged.back(), page, &next)
              .ok());
      REQUIRE(next.size() <= page);
      paged.insert(paged.end(), next.begin(), next.end());
    } while (next.size() == page);
    REQUIRE(paged.size() == want_works.size());
    for (size_t i = 0; i < paged.size(); ++i) {
      CHECK(paged[i].work_id == want_works[i].work_id);
      CHECK(paged[i].citing == want_works[i].citing);
    }
  }
  // The claims linking each work, all read together (one work twice), whole
  // and cut short.
  std::vector<std::string> work_ids;
  for (const kb::ObjectWork& w : want_works) work_ids.push_back(w.work_id);
  if (!work_ids.empty()) work_ids.push_back(work_ids.front());
  for (size_t limit : {0, 1, 2}) {
    CAPTURE(limit);
    std::vector<std::vector<std::string>> got;
    REQUIRE(store->ClaimsLinkingWorks(work_ids, object, limit, &got).ok());
    REQUIRE(got.size() == work_ids.size());
    for (size_t k = 0; k < work_ids.size(); ++k) {
      std::vector<std::string> want = linking[work_ids[k]];
      if (limit != 0 && want.size() > limit) want.resize(limit);
      CHECK(got[k] == want);
    }
  }
  // The claims of each listed source (one source twice), from its index entries.
  std::vector<std::string> source_ids;
  for (const kb::ObjectSource& s : want_sources) source_ids.push_back(s.source_id);
  if (!source_ids.empty()) source_ids.push_back(source_ids.front());
  std::vector<std::vector<std::string>> asserted;
  REQUIRE(store->ClaimsOfSources(source_ids, &asserted).ok());
  REQUIRE(asserted.size() == source_ids.size());
  for (size_t k = 0; k < source_ids.size(); ++k) {
    std::vector<kb::Assertion> assertions;
    REQUIRE(store->AssertionsForSource(source_ids[k], &assertions).ok());
    std::set<std::string> want;
    for (const kb::Assertion& a : assertions) want.insert(a.claim_id);
    CHECK(asserted[k] == std::vector<std::string>(want.begin(), want.end()));
  }
}

void CheckAll(kb::Store* store) {
  CHECK(kb_test::CheckConsistency(store).empty());
  for (const char* object : {"doms", "range_of_motion", "scar_tissue", "pain"}) {
    CheckObject(store, object, {object});
  }
  for (const char* concept_id : {"pain", "soreness", "mobility", "doms"}) {
    std::vector<std::string> members;
    if (!store->ObjectGroup(concept_id, &members)) continue;
    CAPTURE(concept_id);
    CheckObject(store, kb::ObjectGroupName(concept_id), {members.begin(), members.end()});
  }
}

// pain > soreness > doms, mobility > range_of_motion, scar_tissue alone;
// `moved`: doms and range_of_motion right under pain, mobility a leaf.
std::vector<kb::Concept> Hierarchy(bool moved) {
  auto concept_of = [](const std::string& id, const std::string& parent) {
    kb::Concept c;
    c.id = id;
    c.kind = "outcome";
    c.labels = {id};
    c.parent = parent;
    return c;
  };
  return {concept_of("pain", ""),
          concept_of("soreness", "pain"),
          concept_of("doms", moved ? "pain" : "soreness"),
          concept_of("mobility", ""),
          concept_of("range_of_motion", moved ? "pain" : "mobility"),
          concept_of("scar_tissue", "")};
}

std::vector<std::string> Members(kb::Store* store, const std::string& concept_id) {
  std::vector<std::string> members;
  if (!store->ObjectGroup(concept_id, &members)) members = {"(no group)"};
  return members;
}

}  // namespace

TEST_CASE("Store: by_object follows ingest, replace, level changes and deletion", "[kb]") {
  // With concepts stored, the object groups too: a group's lists are its
  // members' lists merged, a claim or source counted once however many
  // members it touches (CheckAll).
  const bool groups = GENERATE(false, true);
  CAPTURE(groups);
  kb_test::TempDir dir;
  auto store = kb_test::OpenWritable(dir.Sub("db"));
  if (groups) {
    REQUIRE(store->PutConcepts(Hierarchy(false)).ok());
    CHECK(Members(store.get(), "pain") == std::vector<std::string>{"doms", "pain", "soreness"});
    CHECK(Members(store.get(), "soreness") == std::vector<std::string>{"doms", "soreness"});
    CHECK(Members(store.get(), "mobility") ==
          std::vector<std::string>{"mobility", "range_of_motion"});
    CHECK(Members(store.get(), "doms") == std::vector<std::string>{"(no group)"});
    CHECK(Members(store.get(), "scar_tissue") == std::vector<std::string>{"(no group)"});
  }
  for (int i = 0; i < 24; ++i) Put(store.get(), Article(i, 0));
  CheckAll(store.get());
  {
    std::vector<kb::ObjectSource> sources;
    REQUIRE(store->SourcesForObject("doms", 0, &sources).ok());
    CHECK(sources.size() > 10);
  }
  if (groups) {
    kb::ObjectTotals group, doms;
    REQUIRE(store->ObjectTotalsFor(kb::ObjectGroupName("pain"), &group).ok());
    REQUIRE(store->ObjectTotalsFor("doms", &doms).ok());
    CHECK(group.sources == doms.sources);  // pain and soreness have no claims here
    REQUIRE(store->ObjectTotalsFor(kb::ObjectGroupName("mobility"), &group).ok());
    CHECK(group.works > 0);
  }
  // Replacements: other claims, other links, other works (some works lose
  // their last citing source and go).
  for (int i = 0; i < 24; i += 3) Put(store.get(), Article(i, 1));
  CheckAll(store.get());
  // Works rewritten with other levels move in every object's ranking.
  for (int i = 1; i < 24; i += 5) Put(store.get(), Article(i, 2, /*level_shift=*/1));
  CheckAll(store.get());
  // Articles citing nothing any more.
  for (int i = 2; i < 24; i += 4) {
    kb::SourceRecord r = Article(i, 3);
    r.works.clear();
    r.mentions.clear();
    for (kb::Assertion& a : r.assertions) a.works.clear();
    Put(store.get(), r);
  }
  CheckAll(store.get());
}

TEST_CASE("Store: works tied on level and claims are ranked by citing sources", "[kb]") {
  // Article i links work i from the one claim about doms and cites the
  // works after it too: every work backs one claim at the same level, and
  // work i is cited by i + 1 articles. Work ids are hashes, so id order is
  // not citing order; a new citing article moves a work up its tie group
  // without rewriting its rank key.
  kb_test::TempDir dir;
  auto store = kb_test::OpenWritable(dir.Sub("db"));
  std::vector<kb::Work> works;
  for (int i = 0; i < 6; ++i) {
    works.push_back(WithLevel(MakeWork("Tie" + std::to_string(i), 2020, "Tied study"), 2));
  }
  auto article = [&](int i, const std::string& content) {
    kb::SourceRecord r = MakeRecord("tie/" + std::to_string(i) + ".md", content,
                                    {MakeClaim("foam_rolling", "reduces", "doms")},
                                    {works.begin() + i, works.end()});
    r.assertions[0].works = {{works[static_cast<size_t>(i)].id, kb::LinkKind::kDirect}};
    return r;
  };
  for (int i = 0; i < 6; ++i) Put(store.get(), article(i, "tie " + std::to_string(i)));
  std::vector<kb::ObjectWork> listed;
  REQUIRE(store->WorksForObject("doms", 0, &listed).ok());
  REQUIRE(listed.size() == works.size());
  for (size_t i = 0; i < listed.size(); ++i) {
    CAPTURE(i);
    CHECK(listed[i].work_id == works[works.size() - 1 - i].id);
    CHECK(listed[i].citing == works.size() - i);
    CHECK(listed[i].claims == 1);
  }
  std::vector<std::string> by_id;
  for (const kb::Work& w : works) by_id.push_back(w.id);
  std::sort(by_id.begin(), by_id.end());
  CHECK(by_id !=
        std::vector<std::string>({listed[0].work_id, listed[1].work_id, listed[2].work_id,
                                  listed[3].work_id, listed[4].work_id, listed[5].work_id}));
  // Two more articles citing work 0 (and linking nothing): it goes from
  // last to the middle, where id order decides against work 2.
  for (int k = 0; k < 2; ++k) {
    kb::SourceRecord r = MakeRecord("tie/more" + std::to_string(k) + ".md",
                                    "more " + std::to_string(k), {}, {works[0]});
    Put(store.get(), r);
  }
  REQUIRE(store->WorksForObject("doms", 0, &listed).ok());
  REQUIRE(listed.size() == works.size());
  CHECK(listed[0].work_id == works[5].id);
  CHECK(listed[5].work_id == works[1].id);
  const std::string first_of_3 = std::min(works[0].id, works[2].id);
  CHECK(listed[3].work_id == first_of_3);
  CHECK(listed[3].citing == 3);
  CHECK(listed[4].citing == 3);
  CheckAll(store.get());
}

TEST_CASE("Store: SourcesForObjects merges the objects' source lists", "[kb]") {
  kb_test::TempDir dir;
  auto store = kb_test::OpenWritable(dir.Sub("db"));
  for (int i = 0; i < 24; ++i) Put(store.get(), Article(i, 0));
  const std::vector<std::string> objects = {"doms", "range_of_motion", "scar_tissue", "pain"};
  // The merge made by hand from the single lists.
  std::map<std::string, kb::ObjectSource> merged;
  for (const std::string& o : objects) {
    std::vector<kb::ObjectSource> list;
    REQUIRE(store->SourcesForObject(o, 0, &list).ok());
    for (const kb::ObjectSource& s : list) {
      auto [it, added] = merged.try_emplace(s.source_id, s);
      if (!added) {
        it->second.claims += s.claims;
        it->second.claim_ids.insert(it->second.claim_ids.end(), s.claim_ids.begin(),
                                    s.claim_ids.end());
        std::sort(it->second.claim_ids.begin(), it->second.claim_ids.end());
      }
    }
  }
  std::vector<kb::ObjectSource> want;
  for (const auto& [id, s] : merged) want.push_back(s);
  std::sort(want.begin(), want.end(), [](const kb::ObjectSource& a, const kb::ObjectSource& b) {
    if (a.claims != b.claims) return a.claims > b.claims;
    if (a.path != b.path) return a.path < b.path;
    return a.source_id < b.source_id;
  });
  REQUIRE(want.size() > 5);
  REQUIRE(want.front().claims > 1);  // sources listed under several objects
  for (size_t limit : {0, 1, 5}) {
    CAPTURE(limit);
    std::vector<kb::ObjectSource> got;
    uint64_t total = 0;
    REQUIRE(store->SourcesForObjects(objects, limit, &got, &total).ok());
    CHECK(total == want.size());
    REQUIRE(got.size() == (limit == 0 ? want.size() : limit));
    for (size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i].source_id == want[i].source_id);
      CHECK(got[i].path == want[i].path);
      CHECK(got[i].claims == want[i].claims);
      CHECK(got[i].claims_listed);
      CHECK(got[i].claim_ids == want[i].claim_ids);
      CHECK(got[i].claim_ids.size() == got[i].claims);
    }
  }
}

TEST_CASE("Store::Verify: a missing, stray or stale by_object entry is reported", "[kb]") {
  kb_test::TempDir dir;
  auto store = kb_test::OpenWritable(dir.Sub("db"));
  for (int i = 0; i < 6; ++i) Put(store.get(), Article(i, 0));
  REQUIRE(kb_test::CheckConsistency(store.get()).empty());
  auto* rs = dynamic_cast<kb::RocksStore*>(store.get());
  REQUIRE(rs != nullptr);
  // One entry of each kind.
  std::map<char, std::pair<std::string, std::string>> first;
  REQUIRE(rs->ScanPrefix(kb::Cf::kByObject, "", [&](std::string_view key, std::string_view value) {
              first.try_emplace(key[0], std::string(key), std::string(value));
              return true;
            }).ok());
  const std::string tags = {kb::kObjectLinkTag,     kb::kObjectWorkCountTag,  kb::kObjectCitedTag,
                            kb::kObjectWorkRankTag, kb::kObjectSourceRankTag, kb::kObjectTotalsTag};
  REQUIRE(first.size() == tags.size());
  rocksdb::ColumnFamilyHandle* cf = rs->cf(kb::Cf::kByObject);
  for (char tag : tags) {
    const auto& [key, value] = first.at(tag);
    CAPTURE(tag);
    std::vector<std::string> problems;
    REQUIRE(rs->db()->Delete(rocksdb::WriteOptions(), cf, key).ok());
    REQUIRE(store->Verify(&problems).ok());
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::StartsWith("by_object entry missing: "));

    problems.clear();
    REQUIRE(rs->db()->Put(rocksdb::WriteOptions(), cf, key, value + "x").ok());
    REQUIRE(store->Verify(&problems).ok());
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::StartsWith("by_object entry with a stale value: "));

    problems.clear();
    REQUIRE(rs->db()->Put(rocksdb::WriteOptions(), cf, key, value).ok());
    REQUIRE(rs->db()->Put(rocksdb::WriteOptions(), cf, key + "9", value).ok());
    REQUIRE(store->Verify(&problems).ok());
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::StartsWith("by_object entry that no record accounts for: "));
    REQUIRE(rs->db()->Delete(rocksdb::WriteOptions(), cf, key + "9").ok());
  }
  CHECK(kb_test::CheckConsistency(store.get()).empty());
}

TEST_CASE("Store::Open: a schema-3 database gets by_object on a writable open", "[kb]") {
  kb_test::TempDir dir;
  const std::string path = dir.Sub("db");
  {
    auto store = kb_test::OpenWritable(path);
    for (int i = 0; i < 12; ++i) Put(store.get(), Article(i, 0));
  }
  {
    // Make it look as schema version 3 left it: no by_object column family.
    bool dropped = false;
    kb_test::EditRaw(path, [&dropped](rocksdb::DB* db, const std::string& name,
                                      rocksdb::ColumnFamilyHandle* cf) {
      if (name == kb::CfSpecOf(kb::Cf::kMeta).name) {
        REQUIRE(db->Put(rocksdb::WriteOptions(), cf, std::string(kb::kSchemaVersionKey), "3").ok());
      }
      if (name == kb::CfSpecOf(kb::Cf::kByObject).name) {
        REQUIRE(db->DropColumnFamily(cf).ok());
        dropped = true;
      }
    });
    REQUIRE(dropped);
  }
  kb_test::CheckRefusedAsOlder(path, 3);
  {
    auto store = kb_test::OpenWritable(path);
    CheckAll(store.get());
    Put(store.get(), Article(3, 1));  // and it is kept in step from there
    CheckAll(store.get());
  }
  auto store = kb_test::OpenReadOnly(path);
  std::vector<kb::ObjectWork> works;
  REQUIRE(store->WorksForObject("doms", 0, &works).ok());
  CHECK(!works.empty());
}

TEST_CASE("Store::PutConcepts: a changed hierarchy makes by_object again", "[kb]") {
  kb_test::TempDir dir;
  const std::string path = dir.Sub("db");
  {
    // Each rebuild is announced, and its end.
    std::vector<std::string> notices;
    kb::StoreOptions so;
    so.notice = [&](const std::string& what) { notices.push_back(what); };
    std::unique_ptr<kb::Store> store;
    REQUIRE(kb::Store::Open(so, path, &store).ok());
    for (int i = 0; i < 24; ++i) Put(store.get(), Article(i, 0));
    std::vector<std::string> members;
    CHECK_FALSE(store->ObjectGroup("pain", &members));  // no concepts yet
    CHECK(notices.empty());
    REQUIRE(store->PutConcepts(Hierarchy(false)).ok());
    CHECK(Members(store.get(), "pain") == std::vector<std::string>{"doms", "pain", "soreness"});
    CheckAll(store.get());
    REQUIRE(notices.size() == 2);
    CHECK_THAT(notices[0], Catch::Contains("rebuilding"));
    CHECK_THAT(notices[1], Catch::Contains("rebuilt in"));
    REQUIRE(store->PutConcepts(Hierarchy(true)).ok());
    CHECK(Members(store.get(), "pain") ==
          std::vector<std::string>{"doms", "pain", "range_of_motion", "soreness"});
    CHECK(Members(store.get(), "soreness") == std::vector<std::string>{"(no group)"});
    CheckAll(store.get());
    CHECK(notices.size() == 4);
    REQUIRE(store->PutConcepts(Hierarchy(true)).ok());  // the same again: nothing to do
    CHECK(notices.size() == 4);
    Put(store.get(), Article(5, 1));
    CheckAll(store.get());
  }
  // What the index holds is on record: a read-only open finds the same.
  auto store = kb_test::OpenReadOnly(path);
  CHECK(Members(store.get(), "pain") ==
        std::vector<std::string>{"doms", "pain", "range_of_motion", "soreness"});
  CheckAll(store.get());
}

TEST_CASE("Store::PutSource: a claim object in the groups' namespace is refused", "[kb]") {
  kb_test::TempDir dir;
  auto store = kb_test::OpenWritable(dir.Sub("db"));
  kb::SourceRecord r = MakeRecord("odd.md", "odd", {MakeClaim("foam_rolling", "reduces",
                                                              kb::ObjectGroupName("pain"))},
                                  {});
  kb::PutOutcome outcome;
  const kb::Status s = store->PutSource(r, &outcome);
  CHECK(s.IsInvalidArgument());
  CHECK_THAT(s.ToString(), Catch::Contains("object groups"));
  kb::StoreCounts counts;
  REQUIRE(store->Counts(&counts).ok());
  CHECK(counts.sources == 0);
}

TEST_CASE("Store::Open: a schema-5 database gets object groups at its next PutConcepts", "[kb]") {
  kb_test::TempDir dir;
  const std::string path = dir.Sub("db");
  {
    auto store = kb_test::OpenWritable(path);
    for (int i = 0; i < 12; ++i) Put(store.get(), Article(i, 0));
  }
  kb_test::EditRaw(path, [](rocksdb::DB* db, const std::string& name,
                            rocksdb::ColumnFamilyHandle* cf) {
    if (name == kb::CfSpecOf(kb::Cf::kMeta).name) {
      REQUIRE(db->Put(rocksdb::WriteOptions(), cf, std::string(kb::kSchemaVersionKey), "5").ok());
    }
  });
  auto reader = kb_test::OpenReadOnly(path);
  std::vector<std::string> members;
  CHECK_FALSE(reader->ObjectGroup("pain", &members));
  CheckAll(reader.get());
  reader.reset();
  auto store = kb_test::OpenWritable(path);
  auto* rs = dynamic_cast<kb::RocksStore*>(store.get());
  REQUIRE(rs != nullptr);
  std::string version;
  REQUIRE(rs->GetValue(kb::Cf::kMeta, kb::kSchemaVersionKey, &version).ok());
  CHECK(version == std::to_string(kb::kSchemaVersion));
  REQUIRE(store->PutConcepts(Hierarchy(false)).ok());
  CHECK(Members(store.get(), "pain") == std::vector<std::string>{"doms", "pain", "soreness"});
  CheckAll(store.get());
}
