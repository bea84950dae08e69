#include <rocksdb/db.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "kb/store.h"
#include "kb_test_util.h"
#include "key_codec.h"

using kb_test::MakeClaim;
using kb_test::MakeRecord;

namespace {

// Rewrites meta's schema version with a raw RocksDB open, as a newer evkb would.
void WriteSchemaVersion(const std::string& path, const std::string& version) {
  kb_test::EditRaw(path, [&](rocksdb::DB* db, const std::string& name, rocksdb::ColumnFamilyHandle* cf) {
    if (name == kb::CfSpecOf(kb::Cf::kMeta).name) {
      REQUIRE(db->Put(rocksdb::WriteOptions(), cf, std::string(kb::kSchemaVersionKey), version).ok());
    }
  });
}

kb::Status OpenWith(bool read_only, const std::string& path, std::unique_ptr<kb::Store>* store) {
  kb::StoreOptions options;
  options.read_only = read_only;
  return kb::Store::Open(options, path, store);
}

// Records as schema versions up to 4 stored them: compact JSON.
std::string JsonBuckets(const std::vector<kb::EvidenceSummary::Bucket>& side) {
  std::string out = "[";
  for (const kb::EvidenceSummary::Bucket& b : side) {
    if (out.size() > 1) out += ",";
    out += "[" + std::to_string(b.weight_units) + "," + (b.researched ? "true" : "false") + "," +
           std::to_string(b.count) + "]";
  }
  return out + "]";
}

std::string JsonClaimValue(const kb::Claim& c, const kb::EvidenceSummary& ev) {
  std::string m;
  for (const auto& [tag, n] : ev.mechanisms) {
    m += std::string(m.empty() ? "" : ",") + "[\"" + tag + "\"," + std::to_string(n) + "]";
  }
  return "{\"id\":\"" + c.id + "\",\"subject\":\"" + c.subject + "\",\"relation\":\"" +
         c.relation + "\",\"object\":\"" + c.object + "\",\"text\":\"" + c.text +
         "\",\"ev\":{\"a\":" + JsonBuckets(ev.affirm) + ",\"d\":" + JsonBuckets(ev.deny) +
         ",\"m\":[" + m + "]}}";
}

std::string JsonList(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += std::string(out.empty() ? "" : ",") + "\"" + s + "\"";
  return "[" + out + "]";
}

std::string JsonAssertionValue(const kb::Assertion& a) {
  std::string works;
  for (const kb::WorkLink& link : a.works) {
    works += std::string(works.empty() ? "" : ",") + "[\"" + link.work_id + "\"," +
             std::to_string(static_cast<int>(link.kind)) + "]";
  }
  return "{\"claim\":\"" + a.claim_id + "\",\"source\":\"" + a.source_id +
         "\",\"sentence\":\"" + a.sentence + "\",\"b\":" + std::to_string(a.span_begin) +
         ",\"e\":" + std::to_string(a.span_end) +
         ",\"stance\":" + std::to_string(static_cast<int>(a.stance)) +
         (a.hedged ? ",\"hedged\":true" : "") +
         ",\"attr\":" + std::to_string(static_cast<int>(a.attribution)) +
         ",\"attributed_to\":\"" + a.attributed_to + "\",\"mechanisms\":" + JsonList(a.mechanisms) +
         ",\"qualifiers\":" + JsonList(a.qualifiers) + ",\"works\":[" + works + "]}";
}

std::string RawValue(const std::string& path, kb::Cf c, const std::string& key) {
  std::string value;
  kb_test::EditRaw(path, [&](rocksdb::DB* db, const std::string& name, rocksdb::ColumnFamilyHandle* cf) {
    if (name == kb::CfSpecOf(c).name) REQUIRE(db->Get(rocksdb::ReadOptions(), cf, key, &value).ok());
  });
  return value;
}

}  // namespace

TEST_CASE("Store::Open: a schema-6 database gains work_keys for its authorless works", "[kb]") {
  kb_test::TempDir dir;
  const std::string path = dir.Sub("db");
  // "A 2019 review in the Journal of Sport Rehabilitation", and a full
  // reference of that year and journal.
  auto work = [](std::vector<kb::Author> authors, const std::string& title) {
    kb::Work w;
    w.authors = std::move(authors);
    w.year = 2019;
    w.title = title;
    w.container = "Journal of Sport Rehabilitation";
    w.id = kb::WorkId(w);
    w.label = kb::WorkLabel(w);
    return w;
  };
  const kb::Work described = work({}, "");
  const kb::Work authored = work({kb::Author{"Wilke", "J."}}, "A review");
  const std::string key =
      kb::WorkKeyAuthorlessPrefix(2019, "Journal of Sport Rehabilitation") + described.id;
  {
    auto store = kb_test::OpenWritable(path);
    kb::PutOutcome outcome;
    REQUIRE(store
                ->PutSource(MakeRecord("a.md", "a1", {MakeClaim("foam_rolling", "reduces", "doms")},
                                       {described, authored}),
                            &outcome)
                .ok());
    std::vector<std::string> ids;
    REQUIRE(store->WorkCandidateIds(authored, &ids).ok());
    CHECK(ids == std::vector<std::string>{std::min(authored.id, described.id),
                                          std::max(authored.id, described.id)});
  }
  CHECK(RawValue(path, kb::Cf::kWorkKeys, key).empty());  // present, empty value
  // As version 6 left it: no authorless entries.
  kb_test::EditRaw(path, [&](rocksdb::DB* db, const std::string& name,
                             rocksdb::ColumnFamilyHandle* cf) {
    if (name == kb::CfSpecOf(kb::Cf::kWorkKeys).name) {
      REQUIRE(db->Delete(rocksdb::WriteOptions(), cf, key).ok());
    } else if (name == kb::CfSpecOf(kb::Cf::kMeta).name) {
      REQUIRE(db->Put(rocksdb::WriteOptions(), cf, std::string(kb::kSchemaVersionKey), "6").ok());
    }
  });
  {
    std::unique_ptr<kb::Store> store;
    REQUIRE(OpenWith(true, path, &store).ok());  // read as it is
    std::vector<std::string> ids;
    REQUIRE(store->WorkCandidateIds(authored, &ids).ok());
    CHECK(ids == std::vector<std::string>{authored.id});  // the described work is not found
  }
  {
    auto store = kb_test::OpenWritable(path);  // upgrades
    std::vector<std::string> ids;
    REQUIRE(store->WorkCandidateIds(authored, &ids).ok());
    CHECK(ids.size() == 2);
    CHECK(kb_test::CheckConsistency(store.get()).empty());
  }
  CHECK(RawValue(path, kb::Cf::kWorkKeys, key).empty());
  CHECK(RawValue(path, kb::Cf::kMeta, std::string(kb::kSchemaVersionKey)) == "7");
}

TEST_CASE("Store::Open: a database from a newer schema is refused", "[kb]") {
  kb_test::TempDir dir;
  std::string path = dir.Sub("db");
  { kb_test::OpenWritable(path); }
  WriteSchemaVersion(path, "99");
  for (bool read_only : {false, true}) {
    std::unique_ptr<kb::Store> store;
    kb::Status s = OpenWith(read_only, path, &store);
    CHECK(s.IsNotSupported());
    CHECK(s.message() == path +
                             " was written by a newer evkb (schema version 99; this build reads schema "
                             "version " + std::to_string(kb::kSchemaVersion) +
                             "); upgrade evkb to open it");
    CHECK(store == nullptr);
  }
  WriteSchemaVersion(path, "garbage");
  std::unique_ptr<kb::Store> store;
  kb::Status s = OpenWith(true, path, &store);
  CHECK(s.IsCorruption());
  CHECK_THAT(s.message(), Catch::Contains("re-ingest into a fresh --db"));
}

TEST_CASE("Store::Open: a schema-4 database (JSON values) is read as it is", "[kb]") {
  kb_test::TempDir dir;
  const std::string path = dir.Sub("db");
  const kb::Claim claim = MakeClaim("foam_rolling", "reduces", "doms");
  const kb::Work review = kb_test::WithLevel(kb_test::MakeWork("Wilke", 2019, "A review"), 1);
  kb::Claim stored_claim;
  kb::EvidenceSummary summary;
  std::vector<kb::Assertion> assertions;
  {
    auto store = kb_test::OpenWritable(path);
    kb::PutOutcome outcome;
    REQUIRE(store->PutSource(kb_test::Varied(MakeRecord("a.md", "a1", {claim, claim}, {review})),
                             &outcome)
                .ok());
    std::vector<std::shared_ptr<const kb::ClaimRecord>> records;
    REQUIRE(store->GetClaimRecords({claim.id}, &records).ok());
    REQUIRE(records.at(0) != nullptr);
    stored_claim = records[0]->claim;
    summary = records[0]->summary;
    REQUIRE(store->AssertionsForClaim(claim.id, &assertions).ok());
    REQUIRE(assertions.size() == 2);
  }
  REQUIRE(RawValue(path, kb::Cf::kClaims, claim.id)[0] != '{');
  // Make it look as version 4 left it: the claim and its assertions in JSON.
  kb_test::EditRaw(path, [&](rocksdb::DB* db, const std::string& name, rocksdb::ColumnFamilyHandle* cf) {
    if (name == kb::CfSpecOf(kb::Cf::kClaims).name) {
      REQUIRE(db->Put(rocksdb::WriteOptions(), cf, claim.id, JsonClaimValue(stored_claim, summary)).ok());
    } else if (name == kb::CfSpecOf(kb::Cf::kAssertions).name) {
      for (const kb::Assertion& a : assertions) {
        REQUIRE(db->Put(rocksdb::WriteOptions(), cf, kb::AssertionKey(a), JsonAssertionValue(a)).ok());
      }
    } else if (name == kb::CfSpecOf(kb::Cf::kMeta).name) {
      REQUIRE(db->Put(rocksdb::WriteOptions(), cf, std::string(kb::kSchemaVersionKey), "4").ok());
    }
  });
  auto check_reads = [&](kb::Store* store) {
    std::vector<std::shared_ptr<const kb::ClaimRecord>> records;
    REQUIRE(store->GetClaimRecords({claim.id}, &records).ok());
    REQUIRE(records.at(0) != nullptr);
    CHECK(records[0]->claim.text == stored_claim.text);
    CHECK(records[0]->summary == summary);
    std::vector<kb::Assertion> read;
    REQUIRE(store->AssertionsForClaim(claim.id, &read).ok());
    REQUIRE(read.size() == assertions.size());
    for (size_t i = 0; i < read.size(); ++i) {
      CHECK(read[i].sentence == assertions[i].sentence);
      CHECK(read[i].stance == assertions[i].stance);
      CHECK(read[i].works == assertions[i].works);
    }
    const std::vector<std::string> problems = kb_test::CheckConsistency(store);
    std::string listed;
    for (const std::string& p : problems) listed += p + "\n";
    INFO(listed);
    CHECK(problems.empty());
  };
  {
    std::unique_ptr<kb::Store> store;
    REQUIRE(OpenWith(true, path, &store).ok());  // no upgrade needed to read
    check_reads(store.get());
  }
  {
    auto store = kb_test::OpenWritable(path);  // writes the version, rewrites nothing
    check_reads(store.get());
  }
  CHECK(RawValue(path, kb::Cf::kMeta, std::string(kb::kSchemaVersionKey)) ==
        std::to_string(kb::kSchemaVersion));
  CHECK(RawValue(path, kb::Cf::kClaims, claim.id)[0] == '{');
  {
    // Another article asserting the claim rewrites its record in the new form.
    auto store = kb_test::OpenWritable(path);
    kb::PutOutcome outcome;
    REQUIRE(store->PutSource(MakeRecord("b.md", "b1", {claim}, {}), &outcome).ok());
    CHECK(kb_test::CheckConsistency(store.get()).empty());
  }
  CHECK(RawValue(path, kb::Cf::kClaims, claim.id)[0] != '{');
}

TEST_CASE("Store::Open: paths that are not evkb databases", "[kb]") {
  kb_test::TempDir dir;
  std::ofstream(dir.Sub("file")) << "hello";
  std::filesystem::create_directory(dir.Sub("full"));
  std::ofstream(dir.Sub("full") + "/notes.txt") << "x";
  {
    rocksdb::Options o;
    o.create_if_missing = true;
    rocksdb::DB* db = nullptr;
    REQUIRE(rocksdb::DB::Open(o, dir.Sub("plain_rocksdb"), &db).ok());
    REQUIRE(db->Put(rocksdb::WriteOptions(), "someone", "else's data").ok());
    delete db;
    // An empty RocksDB with only the default column family is what a kill
    // during evkb's own creation leaves behind.
    REQUIRE(rocksdb::DB::Open(o, dir.Sub("interrupted"), &db).ok());
    delete db;
  }
  struct Case {
    std::string path;
    bool read_only;
    kb::Status::Code code;
    std::string message;
  } cases[] = {
      {dir.Sub("file"), false, kb::Status::Code::kInvalidArgument, "is a file, not an evkb database directory"},
      {dir.Sub("full"), false, kb::Status::Code::kInvalidArgument, "is not an evkb database"},
      {dir.Sub("plain_rocksdb"), false, kb::Status::Code::kInvalidArgument, "not an evkb database"},
      {dir.Sub("missing"), true, kb::Status::Code::kNotFound, "no evkb database at"},
      {dir.Sub("interrupted"), true, kb::Status::Code::kNotFound, "creation was interrupted"},
  };
  for (const Case& c : cases) {
    std::unique_ptr<kb::Store> store;
    kb::Status s = OpenWith(c.read_only, c.path, &store);
    INFO(c.path << ": " << s.ToString());
    CHECK(s.code() == c.code);
    CHECK_THAT(s.message(), Catch::Contains(c.message));
    CHECK_THAT(s.message(), Catch::Contains(c.path));
  }
}

TEST_CASE("Store::Open: readers open while a writer holds the database", "[kb]") {
  kb_test::TempDir dir;
  std::string path = dir.Sub("db");
  auto writer = kb_test::OpenWritable(path);
  kb::SourceRecord rec = MakeRecord("a.txt", "A", {MakeClaim("x", "reduces", "y")}, {});
  kb::PutOutcome outcome;
  REQUIRE(writer->PutSource(rec, &outcome).ok());

  SECTION("a second writer is Busy") {
    std::unique_ptr<kb::Store> second;
    kb::Status s = OpenWith(false, path, &second);
    CHECK(s.IsBusy());
    CHECK_THAT(s.message(), Catch::Contains("another evkb-ingest holds it"));
  }
  SECTION("a reader becomes a secondary and sees committed data") {
    std::unique_ptr<kb::Store> reader;
    kb::Status s = OpenWith(true, path, &reader);
    INFO(s.ToString());
    REQUIRE(s.ok());
    CHECK(reader->IsSecondary());
    kb::Source src;
    CHECK(reader->GetSource(rec.source.id, &src).ok());
    kb::StoreCounts counts;
    REQUIRE(reader->Counts(&counts).ok());
    CHECK(counts.sources == 1);
    CHECK(reader->PutSource(rec, &outcome).IsInvalidArgument());
  }
  SECTION("without secondaries a reader is Busy") {
    kb::StoreOptions options;
    options.read_only = true;
    options.allow_secondary = false;
    std::unique_ptr<kb::Store> reader;
    CHECK(kb::Store::Open(options, path, &reader).IsBusy());
  }
  SECTION("an explicit secondary dir is used and left in place") {
    kb::StoreOptions options;
    options.read_only = true;
    options.secondary_dir = dir.Sub("secondary");
    std::unique_ptr<kb::Store> reader;
    REQUIRE(kb::Store::Open(options, path, &reader).ok());
    reader.reset();
    CHECK(std::filesystem::exists(dir.Sub("secondary")));
  }
}

TEST_CASE("Store::Open: a read-only open without a writer is not a secondary", "[kb]") {
  kb_test::TempDir dir;
  std::string path = dir.Sub("db");
  kb::SourceRecord rec = MakeRecord("a.txt", "A", {MakeClaim("x", "reduces", "y")}, {});
  {
    auto writer = kb_test::OpenWritable(path);
    kb::PutOutcome outcome;
    REQUIRE(writer->PutSource(rec, &outcome).ok());
  }
  std::unique_ptr<kb::Store> a, b;
  REQUIRE(OpenWith(true, path, &a).ok());
  REQUIRE(OpenWith(true, path, &b).ok());  // readers do not exclude each other
  CHECK_FALSE(a->IsSecondary());
  kb::Claim claim;
  CHECK(b->GetClaim(rec.claims[0].id, &claim).ok());
  // And a writer can still open while readers are open.
  auto writer = kb_test::OpenWritable(path);
  CHECK(writer != nullptr);
}

namespace {

// Table files of one column family by level, and their compressions, read
// with a raw RocksDB open.
struct Tables {
  std::vector<std::vector<std::string>> levels;
  std::set<std::string> compressions;
};

std::map<std::string, Tables> TablesOf(const std::string& path) {
  std::map<std::string, Tables> out;
  kb_test::EditRaw(path, [&](rocksdb::DB* db, const std::string& name, rocksdb::ColumnFamilyHandle* cf) {
    rocksdb::ColumnFamilyMetaData meta;
    db->GetColumnFamilyMetaData(cf, &meta);
    Tables& t = out[name];
    for (const rocksdb::LevelMetaData& level : meta.levels) {
      t.levels.emplace_back();
      for (const rocksdb::SstFileMetaData& f : level.files) t.levels.back().push_back(f.name);
    }
    rocksdb::TablePropertiesCollection props;
    REQUIRE(db->GetPropertiesOfAllTables(cf, &props).ok());
    for (const auto& [file, p] : props) t.compressions.insert(p->compression_name);
  });
  return out;
}

kb::SourceRecord NumberedRecord(int i) {
  const std::string n = std::to_string(i);
  return MakeRecord("a" + n + ".txt", "A" + n, {MakeClaim("x" + n, "reduces", "y")},
                    {kb_test::MakeWork("Smith", 1900 + i % 100, "Study " + n)});
}

void PutAndFlush(const std::string& path, int first, int count) {
  auto writer = kb_test::OpenWritable(path);
  for (int i = first; i < first + count; ++i) {
    kb::PutOutcome outcome;
    REQUIRE(writer->PutSource(NumberedRecord(i), &outcome).ok());
  }
  REQUIRE(writer->Flush().ok());
}

}  // namespace

TEST_CASE("Store::Open: a reader finds a stored row however often it reads it", "[kb]") {
  // A reader's row cache serves rows read before; each way of reading must
  // see a row another way put there, with the reader's decoded records
  // (which serve the records' reads before the row cache does) and without.
  kb_test::TempDir dir;
  const std::string path = dir.Sub("db");
  PutAndFlush(path, 0, 3);
  const size_t record_cache_bytes = GENERATE(size_t{0}, kb::StoreOptions{}.record_cache_bytes);
  kb::StoreOptions options;
  options.read_only = true;
  options.record_cache_bytes = record_cache_bytes;
  std::unique_ptr<kb::Store> reader;
  REQUIRE(kb::Store::Open(options, path, &reader).ok());
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 3; ++i) {
      INFO("record cache " << record_cache_bytes << ", round " << round << ", record " << i);
      const kb::SourceRecord rec = NumberedRecord(i);
      const std::string& id = rec.claims[0].id;
      std::vector<std::shared_ptr<const kb::ClaimRecord>> records;
      kb::Claim claim;
      // Alternate which way reads a row first.
      if ((round + i) % 2 == 0) {
        CHECK(reader->GetClaim(id, &claim).ok());
        REQUIRE(reader->GetClaimRecords({id}, &records).ok());
      } else {
        REQUIRE(reader->GetClaimRecords({id}, &records).ok());
        CHECK(reader->GetClaim(id, &claim).ok());
      }
      CHECK(claim.id == id);
      REQUIRE(records.size() == 1);
      REQUIRE(records[0] != nullptr);
      CHECK(records[0]->claim.id == id);
      kb::Source source;
      CHECK(reader->FindSourceByPath(rec.source.path, &source).ok());
      CHECK(source.path == rec.source.path);
    }
  }
}

TEST_CASE("Store::Flush: level 0 ends as one table (two after small ingests), or in the last level",
          "[kb]") {
  kb_test::TempDir dir;
  const std::string path = dir.Sub("db");
  const std::string sources = kb::CfSpecOf(kb::Cf::kSources).name;
  // A bulk ingest into a new database: level 0 is all there is, so every
  // column family is compacted into its last level.
  PutAndFlush(path, 0, 8000);
  std::map<std::string, Tables> bulk = TablesOf(path);
  int with_tables = 0;
  for (const auto& [name, t] : bulk) {
    INFO(name);
    size_t files = 0;
    for (size_t level = 0; level + 1 < t.levels.size(); ++level) CHECK(t.levels[level].empty());
    for (const std::vector<std::string>& level : t.levels) files += level.size();
    with_tables += files > 0;
  }
  CHECK(with_tables >= 5);  // sources, claims, assertions, works, mentions at least
  const std::vector<std::string> base = bulk[sources].levels.back();
  REQUIRE_FALSE(base.empty());

  // Small ingests on top: their level-0 tables merge into one, and the
  // levels below are left alone.
  PutAndFlush(path, 8000, 1);
  const Tables flushed = TablesOf(path)[sources];
  REQUIRE(flushed.levels[0].size() == 1);  // a flush's own table, nothing to merge
  PutAndFlush(path, 8001, 1);
  PutAndFlush(path, 8002, 1);
  for (const auto& [name, t] : TablesOf(path)) {
    INFO(name);
    CHECK(t.levels[0].size() <= 1);
    // Merged and compacted tables are compressed as a flush compresses them
    // (the column family's choice; CompactFiles alone would use Snappy).
    if (!t.compressions.empty()) CHECK(t.compressions == flushed.compressions);
  }
  const Tables after = TablesOf(path)[sources];
  CHECK(after.levels[0].size() == 1);
  CHECK(after.levels.back() == base);

  // A larger ingest leaves one table in level 0 (less than an eighth of
  // the family). Small ingests after it merge only their own tables: that
  // table stays as it is, and level 0 holds at most two.
  PutAndFlush(path, 9000, 800);
  const Tables medium = TablesOf(path)[sources];
  REQUIRE(medium.levels[0].size() == 1);
  const std::string kept = medium.levels[0][0];
  for (int i = 10000; i < 10004; ++i) {
    PutAndFlush(path, i, 1);
    for (const auto& [name, t] : TablesOf(path)) {
      INFO(name << " after record " << i);
      CHECK(t.levels[0].size() <= 2);
    }
    const Tables small = TablesOf(path)[sources];
    REQUIRE(small.levels[0].size() == 2);
    CHECK(small.levels[0].back() == kept);
    CHECK(small.levels.back() == base);
  }

  std::unique_ptr<kb::Store> reader;
  REQUIRE(OpenWith(true, path, &reader).ok());
  for (int i : {0, 777, 7999, 8000, 8002, 9000, 9799, 10000, 10003}) {
    const kb::SourceRecord rec = NumberedRecord(i);
    kb::Source source;
    CHECK(reader->FindSourceByPath(rec.source.path, &source).ok());
    kb::Claim claim;
    CHECK(reader->GetClaim(rec.claims[0].id, &claim).ok());
  }
  CHECK(kb_test::CheckConsistency(reader.get()).empty());
}
