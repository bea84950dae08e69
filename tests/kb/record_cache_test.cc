// A reader's kept records (kb/src/record_cache.h): every read a reader
// answers from them equals the same read by a reader that keeps none,
// records it does not have included, the first time and every time after,
// whatever the cache's capacity; a top_evidence list kept for a few entries
// answers a later read for more from the index.
#include "record_cache.h"

#include <catch2/catch.hpp>

#include "kb/store.h"
#include "kb_test_util.h"
#include "store_rocksdb.h"
#include "value_codec.h"

namespace {

std::unique_ptr<kb::Store> OpenReader(const std::string& path, size_t record_cache_bytes) {
  kb::StoreOptions options;
  options.read_only = true;
  options.record_cache_bytes = record_cache_bytes;
  std::unique_ptr<kb::Store> store;
  REQUIRE(kb::Store::Open(options, path, &store).ok());
  return store;
}

std::string Ranked(const std::vector<kb::RankedAssertion>& refs) {
  std::string out;
  for (const kb::RankedAssertion& r : refs) {
    out += r.claim_id + "|" + r.source_id + "|" + std::to_string(r.span_begin) + "-" +
           std::to_string(r.span_end) + "|" + std::to_string(r.weight) + "|" +
           (r.source_known ? "known|" : "unknown|") + r.source_path + "|" + r.source_title + "\n";
  }
  return out;
}

// Every read the record cache serves, written out: claims, their
// summaries, works, sources, assertions, the claims about a few concepts,
// the sources citing each work and the claims linking it, and the
// top_evidence lists (heads
// of 1, 2, then 10, then 3 entries, so a short list kept is read again for
// a longer one and a long one kept answers a shorter read), for the ids
// given, present or not.
std::string ReadAll(kb::Store* store, const std::vector<std::string>& claim_ids,
                    const std::vector<std::string>& work_ids,
                    const std::vector<std::string>& source_ids) {
  std::string out;
  auto status = [](const kb::Status& s) { return s.ok() ? std::string("ok") : s.ToString(); };
  std::vector<std::shared_ptr<const kb::ClaimRecord>> records;
  REQUIRE(store->GetClaimRecords(claim_ids, &records).ok());
  for (size_t i = 0; i < claim_ids.size(); ++i) {
    out +=
        "claims " + claim_ids[i] + " " +
        (records[i] != nullptr ? "found " + kb::EncodeClaim(records[i]->claim, records[i]->summary)
                               : std::string("absent")) +
        "\n";
  }
  std::vector<bool> found;
  std::vector<const kb::RankedAssertion*> refs;
  std::vector<kb::RankedAssertion> tops[2];
  for (const std::string& id : claim_ids) {
    kb::Claim c;
    kb::EvidenceSummary summary;
    kb::Status s = store->GetClaim(id, &c);
    out += "claim " + id + " " + status(s) + " " + kb::EncodeClaim(c) + "\n";
    s = store->GetClaimSummary(id, &summary);
    out += "summary " + status(s) + " " + kb::EncodeClaim(kb::Claim{}, summary) + "\n";
    for (size_t n : {1, 2, 10, 3}) {
      std::vector<kb::RankedAssertion> affirming, denying;
      REQUIRE(store->TopAssertionsForClaim(id, n, &affirming, &denying).ok());
      out += "top " + std::to_string(n) + "\n" + Ranked(affirming) + "--\n" + Ranked(denying);
      std::vector<kb::RankedAssertion> alone;
      REQUIRE(store->TopAssertionsForClaim(id, n, nullptr, &alone).ok());
      CHECK(Ranked(alone) == Ranked(denying));
    }
    REQUIRE(store->TopAssertionsForClaim(id, 10, &tops[0], &tops[1]).ok());
    for (auto& side : tops) {
      for (const kb::RankedAssertion& r : side) {
        kb::Assertion a;
        s = store->GetAssertion(r, &a);
        out += "assertion " + status(s) + " " + kb::EncodeAssertion(a) + "\n";
      }
    }
  }
  std::vector<kb::RankedAssertion> all = tops[0];
  all.insert(all.end(), tops[1].begin(), tops[1].end());
  kb::RankedAssertion missing = all.empty() ? kb::RankedAssertion{} : all.front();
  missing.span_begin += 1000;
  all.push_back(missing);
  for (const kb::RankedAssertion& r : all) refs.push_back(&r);
  std::vector<kb::Assertion> assertions;
  REQUIRE(store->GetAssertions(refs, &assertions, &found).ok());
  for (size_t i = 0; i < refs.size(); ++i) {
    out += std::string("assertions ") + (found[i] ? "found " : "absent ") +
           kb::EncodeAssertion(assertions[i]) + "\n";
  }
  for (const std::string concept_id : {"foam_rolling", "doms", "no_such_concept", "doms"}) {
    std::vector<std::string> ids;
    REQUIRE(store->ClaimsByConcept(concept_id, &ids).ok());
    out += "about " + concept_id + ":";
    for (const std::string& id : ids) out += " " + id;
    out += "\n";
  }
  // Heads of 1, 2, all, then 1 again: a short list kept is read again for
  // a longer one, the whole one answers both.
  for (size_t n : {1, 2, 0, 1}) {
    std::vector<std::vector<std::string>> citing, linking;
    REQUIRE(store->SourcesCitingWorks(work_ids, n, &citing).ok());
    for (const std::string object : {"doms", "scar_tissue"}) {
      REQUIRE(store->ClaimsLinkingWorks(work_ids, object, n, &linking).ok());
      for (size_t i = 0; i < work_ids.size(); ++i) {
        out += "linking " + object + " " + std::to_string(n) + ":";
        for (const std::string& id : linking[i]) out += " " + id;
        out += "\n";
      }
    }
    for (size_t i = 0; i < work_ids.size(); ++i) {
      out += "citing " + std::to_string(n) + ":";
      for (const std::string& id : citing[i]) out += " " + id;
      out += "\n";
    }
  }
  std::vector<kb::Work> works;
  REQUIRE(store->GetWorks(work_ids, &works, &found).ok());
  for (size_t i = 0; i < work_ids.size(); ++i) {
    kb::Work w;
    kb::Status s = store->GetWork(work_ids[i], &w);
    out += "work " + status(s) + " " + kb::EncodeWork(w) + " " + (found[i] ? "found " : "absent ") +
           kb::EncodeWork(works[i]) + "\n";
  }
  std::vector<kb::Source> sources;
  REQUIRE(store->GetSources(source_ids, &sources, &found).ok());
  for (size_t i = 0; i < source_ids.size(); ++i) {
    kb::Source src;
    kb::Status s = store->GetSource(source_ids[i], &src);
    out += "source " + status(s) + " " + kb::EncodeSource(src) + " " +
           (found[i] ? "found " : "absent ") + kb::EncodeSource(sources[i]) + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("Store: a reader's kept records read as the store has them", "[kb]") {
  kb_test::TempDir dir;
  const std::string path = dir.Sub("db");
  const kb::Claim c1 = kb_test::MakeClaim("foam_rolling", "reduces", "doms");
  const kb::Claim c2 = kb_test::MakeClaim("foam_rolling", "breaks_down", "scar_tissue");
  const kb::Claim c3 = kb_test::MakeClaim("stretching", "improves", "range_of_motion");
  const kb::Work review =
      kb_test::WithLevel(kb_test::MakeWork("Wiewelhove", 2019, "A meta-analysis"), 1);
  const kb::Work blog = kb_test::WithLevel(kb_test::MakeWork("Blogger", 2020, "My view"), 5);
  std::vector<std::string> sources;
  {
    auto store = kb_test::OpenWritable(path);
    kb::PutOutcome outcome;
    const kb::SourceRecord records[] = {
        kb_test::Varied(kb_test::MakeRecord("a.md", "a1", {c1, c2, c1, c3, c1, c1}, {review})),
        kb_test::Varied(kb_test::MakeRecord("b.md", "b1", {c2, c1, c1, c1}, {blog})),
        kb_test::Varied(kb_test::MakeRecord("c.md", "c1", {c3, c1, c1}, {review, blog})),
        kb_test::Varied(
            kb_test::MakeRecord("d.md", "d1", {c1, c1, c1, c1, c1, c1, c1, c2}, {blog}))};
    for (const kb::SourceRecord& r : records) {
      REQUIRE(store->PutSource(r, &outcome).ok());
      sources.push_back(r.source.id);
    }
  }
  const std::vector<std::string> claim_ids = {c1.id, "no-such-claim", c2.id, c3.id, c1.id};
  const std::vector<std::string> work_ids = {review.id, "no-such-work", blog.id};
  sources.push_back("no-such-source");

  auto plain = OpenReader(path, 0);
  REQUIRE(static_cast<kb::RocksStore*>(plain.get())->records() == nullptr);
  const std::string want = ReadAll(plain.get(), claim_ids, work_ids, sources);
  CHECK(want.find("found") != std::string::npos);
  CHECK(want.find("absent") != std::string::npos);
  CHECK(want.find("about doms: " + c1.id) != std::string::npos);
  CHECK(want.find("linking doms 0: " + c1.id) != std::string::npos);
  CHECK(want.find("citing 2: ") != std::string::npos);
  CHECK(ReadAll(plain.get(), claim_ids, work_ids, sources) == want);

  // The default capacity keeps everything read here; one byte keeps
  // nothing for long, so most reads go to the store again.
  for (size_t capacity : {kb::StoreOptions{}.record_cache_bytes, size_t{1}}) {
    auto kept = OpenReader(path, capacity);
    REQUIRE(static_cast<kb::RocksStore*>(kept.get())->records() != nullptr);
    CHECK(ReadAll(kept.get(), claim_ids, work_ids, sources) == want);
    CHECK(ReadAll(kept.get(), claim_ids, work_ids, sources) == want);
  }
  // Writers keep none: what they read changes as they write.
  auto writer = kb_test::OpenWritable(path);
  CHECK(static_cast<kb::RocksStore*>(writer.get())->records() == nullptr);
}

TEST_CASE("RecordCache: keeps records and their absence per column family", "[kb]") {
  kb::RecordCache cache(1 << 20);
  auto w = std::make_shared<const kb::Work>(
      kb_test::MakeWork("Cheatham", 2015, "Foam rolling and range of motion"));
  std::shared_ptr<const kb::Work> got;
  CHECK_FALSE(cache.Lookup("w1", &got));
  cache.Insert("w1", w, 100);
  cache.Insert<kb::Work>("w2", nullptr, 0);
  REQUIRE(cache.Lookup("w1", &got));
  REQUIRE(got != nullptr);
  CHECK(kb::EncodeWork(*got) == kb::EncodeWork(*w));
  REQUIRE(cache.Lookup("w2", &got));
  CHECK(got == nullptr);
  // The same key in another column family is another record.
  std::shared_ptr<const kb::Source> src;
  CHECK_FALSE(cache.Lookup("w1", &src));
  // A later insert replaces what was kept; a record handed out stays whole.
  std::shared_ptr<const kb::Work> held;
  REQUIRE(cache.Lookup("w1", &held));
  auto other = std::make_shared<const kb::Work>(
      kb_test::MakeWork("Pearcey", 2015, "Foam rolling for delayed-onset muscle soreness"));
  cache.Insert("w1", other, 100);
  REQUIRE(cache.Lookup("w1", &got));
  CHECK(kb::EncodeWork(*got) == kb::EncodeWork(*other));
  CHECK(kb::EncodeWork(*held) == kb::EncodeWork(*w));
}
