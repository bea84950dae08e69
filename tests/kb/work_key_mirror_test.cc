// The writer's copy of work_keys (kb/src/work_key_mirror.h): its prefix
// scans find what a scan of a set of keys finds, and a writer that has
// loaded it answers WorkCandidateIds as the database does (a reader's open
// of it) after writes that add works, give a stored work a DOI and drop
// works no source cites any more.
#include "work_key_mirror.h"

#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "kb/store.h"
#include "kb_test_util.h"

namespace {

using kb_test::MakeClaim;
using kb_test::MakeRecord;
using kb_test::MakeWork;

// prefix index -> keys found, in the order found.
using Found = std::map<size_t, std::vector<std::string>>;

Found ScanMirror(const kb::WorkKeyMirror& mirror, const std::vector<std::string>& prefixes,
                 size_t stop_after = 1000) {
  Found found;
  mirror.ScanPrefixes(prefixes, [&](size_t i, std::string_view key) {
    found[i].emplace_back(key);
    return found[i].size() < stop_after;
  });
  return found;
}

Found ScanSet(const std::set<std::string>& keys, const std::vector<std::string>& prefixes,
              size_t stop_after = 1000) {
  Found found;
  for (size_t i = 0; i < prefixes.size(); ++i) {
    for (const std::string& k : keys) {
      if (k.compare(0, prefixes[i].size(), prefixes[i]) != 0) continue;
      if (found[i].size() == stop_after) break;
      found[i].push_back(k);
    }
  }
  return found;
}

}  // namespace

TEST_CASE("WorkKeyMirror: prefix scans, changes and clearing", "[kb]") {
  kb::WorkKeyMirror mirror;
  CHECK_FALSE(mirror.loaded());
  std::set<std::string> keys = {"a:smith",  "a:smith\x01", "a:smyth", "a:sm",
                                "d:10.1/x", "y:2019",      "y:2019j", "y:2020"};
  mirror.Load({keys.begin(), keys.end()});
  REQUIRE(mirror.loaded());
  const std::vector<std::string> prefixes = {"y:2019", "a:sm", "a:smith", "zz", "", "d:10.1/x"};
  CHECK(ScanMirror(mirror, prefixes) == ScanSet(keys, prefixes));
  CHECK(ScanMirror(mirror, prefixes, 1) == ScanSet(keys, prefixes, 1));  // fn stops a prefix

  kb::WorkKeyChanges changes;
  changes.Delete("a:smyth");
  changes.Put("a:smz");
  changes.Delete("y:2019j");
  changes.Put("y:2019j");  // deleted, then put again in the same batch
  changes.Put("d:10.1/y");
  changes.Delete("d:10.1/y");
  mirror.Apply(changes);
  keys.erase("a:smyth");
  keys.insert("a:smz");
  CHECK(ScanMirror(mirror, prefixes) == ScanSet(keys, prefixes));

  mirror.Clear();
  CHECK_FALSE(mirror.loaded());
  mirror.Apply(changes);  // not loaded: nothing kept
  CHECK_FALSE(mirror.loaded());
}

TEST_CASE("WorkKeyMirror: a writer answers WorkCandidateIds as its database does", "[kb]") {
  kb_test::TempDir dir;
  const std::string path = dir.Sub("db");
  auto writer = kb_test::OpenWritable(path);
  kb::PutOutcome outcome;
  const std::vector<std::string> families = {"Cheatham", "Pearcey", "Wilke", "Behm"};
  auto work = [&](int i) {
    kb::Work w = MakeWork(families[i % families.size()], 2010 + i % 7, "Study " + std::to_string(i),
                          i % 3 == 0 ? "10.1/" + std::to_string(i) : "");
    if (i % 5 == 0) {  // authorless, known by year and venue
      w.authors.clear();
      w.container = "Journal " + std::to_string(i % 2);
      w.id = kb::WorkId(w);
    }
    return w;
  };
  for (int i = 0; i < 40; ++i) {
    kb::SourceRecord r =
        MakeRecord("s" + std::to_string(i) + ".txt", "v1 " + std::to_string(i),
                   {MakeClaim("foam_rolling", "reduces", "doms")}, {work(i), work(i + 40)});
    REQUIRE(writer->PutSource(r, &outcome).ok());
  }
  std::vector<kb::Work> probes;
  for (const std::string& f : families) {
    for (int year : {0, 2011, 2014}) {
      kb::Work p;
      p.authors = {{f, ""}};
      p.year = year;
      probes.push_back(p);
    }
  }
  for (int i : {0, 3, 9, 45, 90}) {
    kb::Work p;
    p.doi = "10.1/" + std::to_string(i);
    probes.push_back(p);
  }
  for (int year = 2010; year < 2017; ++year) {
    kb::Work p;
    p.year = year;
    probes.push_back(p);  // year alone
    p.container = "journal 1";
    probes.push_back(p);  // year and venue
  }
  auto answers = [&](kb::Store* store) {
    std::vector<std::vector<std::string>> out;
    for (const kb::Work& p : probes) {
      out.emplace_back();
      REQUIRE(store->WorkCandidateIds(p, &out.back()).ok());
    }
    return out;
  };
  auto reader_answers = [&] {
    auto reader = kb_test::OpenReadOnly(path);  // a secondary: it sees what is written
    return answers(reader.get());
  };
  const auto before = answers(writer.get());
  size_t found = 0;
  for (const auto& ids : before) found += ids.size();
  CHECK(found > 20);
  CHECK(before == reader_answers());
  for (int round = 0; round < 3; ++round) CHECK(answers(writer.get()) == before);  // now loaded

  // New works; a stored work given a DOI (its keys change); works no
  // source cites any more (a replaced source) go with their keys.
  for (int i = 80; i < 90; ++i) {
    kb::SourceRecord r = MakeRecord("n" + std::to_string(i) + ".txt", "new " + std::to_string(i),
                                    {MakeClaim("stretching", "prevents", "injury")}, {work(i)});
    REQUIRE(writer->PutSource(r, &outcome).ok());
  }
  kb::Work with_doi = work(1);
  with_doi.doi = "10.1/45";
  REQUIRE(writer
              ->PutSource(MakeRecord("doi.txt", "doi", {MakeClaim("massage", "reduces", "doms")},
                                     {with_doi}),
                          &outcome)
              .ok());
  REQUIRE(writer
              ->PutSource(MakeRecord("s2.txt", "v2", {MakeClaim("foam_rolling", "reduces", "doms")},
                                     {work(1)}),
                          &outcome)
              .ok());
  REQUIRE(outcome == kb::PutOutcome::kReplaced);

  const auto after = answers(writer.get());
  CHECK(after != before);
  CHECK(after == reader_answers());
}
