#include "kb_test_util.h"

#include <stdlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <set>

#include "key_codec.h"
#include "store_rocksdb.h"
#include "value_codec.h"

namespace kb_test {

namespace fs = std::filesystem;
using kb::Cf;

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "evkb-kb-test-XXXXXX").string();
  REQUIRE(mkdtemp(tmpl.data()) != nullptr);
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

kb::Claim MakeClaim(const std::string& subject, const std::string& relation, const std::string& object) {
  kb::Claim c;
  c.subject = subject;
  c.relation = relation;
  c.object = object;
  c.id = kb::ClaimId(subject, relation, object);
  c.text = subject + " " + relation + " " + object;
  return c;
}

kb::Work MakeWork(const std::string& family, int year, const std::string& title, const std::string& doi) {
  kb::Work w;
  w.authors.push_back(kb::Author{family, "A."});
  w.year = year;
  w.title = title;
  w.doi = doi;
  w.container = "Journal of Tests";
  w.id = kb::WorkId(w);
  w.label = kb::WorkLabel(w);
  return w;
}

kb::SourceRecord MakeRecord(const std::string& path, const std::string& content,
                            const std::vector<kb::Claim>& claims, const std::vector<kb::Work>& works) {
  kb::SourceRecord r;
  r.source.id = kb::ContentId(content);
  r.source.path = path;
  r.source.title = "Title of " + path;
  r.source.kind = "txt";
  r.source.length = content.size();
  r.claims = claims;
  r.works = works;
  for (size_t i = 0; i < claims.size(); ++i) {
    kb::Assertion a;
    a.claim_id = claims[i].id;
    a.source_id = r.source.id;
    a.sentence = claims[i].text + ".";
    a.span_begin = static_cast<uint32_t>(10 * i);
    a.span_end = static_cast<uint32_t>(10 * i + 5);
    a.mechanisms = {"neurological"};
    for (const kb::Work& w : works) a.works.push_back(kb::WorkLink{w.id, kb::LinkKind::kDirect});
    r.assertions.push_back(a);
  }
  for (size_t i = 0; i < works.size(); ++i) {
    kb::Mention m;
    m.source_id = r.source.id;
    m.text = works[i].label;
    m.span_begin = static_cast<uint32_t>(1000 + 10 * i);
    m.span_end = static_cast<uint32_t>(1005 + 10 * i);
    m.work_id = works[i].id;
    r.mentions.push_back(m);
  }
  return r;
}

namespace {

std::unique_ptr<kb::Store> OpenOrFail(const kb::StoreOptions& options, const std::string& path) {
  std::unique_ptr<kb::Store> store;
  kb::Status s = kb::Store::Open(options, path, &store);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return store;
}

}  // namespace

std::unique_ptr<kb::Store> OpenWritable(const std::string& path) {
  return OpenOrFail(kb::StoreOptions(), path);
}

std::unique_ptr<kb::Store> OpenReadOnly(const std::string& path) {
  kb::StoreOptions options;
  options.read_only = true;
  return OpenOrFail(options, path);
}

namespace {

using Entries = std::set<std::string>;

Entries Keys(kb::RocksStore* rs, Cf cf) {
  Entries keys;
  kb::Status s = rs->ScanPrefix(cf, "", [&](std::string_view k, std::string_view) {
    keys.emplace(k);
    return true;
  });
  REQUIRE(s.ok());
  return keys;
}

std::string Printable(std::string_view key) {
  std::string out;
  for (char c : key) out += (c >= 32 && c < 127) ? c : '.';
  return out;
}

}  // namespace

std::vector<std::string> CheckConsistency(kb::Store* store) {
  auto* rs = dynamic_cast<kb::RocksStore*>(store);
  REQUIRE(rs != nullptr);
  std::vector<std::string> problems;
  auto problem = [&](const std::string& what, std::string_view key) {
    problems.push_back(what + ": " + Printable(key));
  };
  Entries sources = Keys(rs, Cf::kSources), claims = Keys(rs, Cf::kClaims),
          works = Keys(rs, Cf::kWorks), assertions = Keys(rs, Cf::kAssertions),
          by_source = Keys(rs, Cf::kBySource), by_concept = Keys(rs, Cf::kByConcept),
          by_work = Keys(rs, Cf::kByWork), work_keys = Keys(rs, Cf::kWorkKeys),
          mentions = Keys(rs, Cf::kMentions);

  REQUIRE(rs->ScanPrefix(Cf::kSourcePaths, "", [&](std::string_view path, std::string_view id) {
                if (!sources.count(std::string(id))) problem("source_paths -> missing source", path);
                return true;
              }).ok());
  REQUIRE(store->ForEachSource([&](const kb::Source& s) {
                  kb::Source by_path;
                  if (!store->FindSourceByPath(s.path, &by_path).ok()) problem("source not in source_paths", s.id);
                  return true;
                }).ok());
  Entries claims_with_assertions;
  for (const std::string& key : assertions) {
    std::string claim, source;
    uint32_t b = 0, e = 0;
    REQUIRE(kb::ParseAssertionKey(key, &claim, &source, &b, &e));
    claims_with_assertions.insert(claim);
    if (!claims.count(claim)) problem("assertion of missing claim", key);
    if (!sources.count(source)) problem("assertion from missing source", key);
    if (!by_source.count(kb::BySourceAssertionKey(source, claim, b, e))) problem("assertion not in by_source", key);
  }
  Entries cited_works;
  for (const std::string& key : by_source) {
    std::string akey, work;
    std::string source(key.substr(0, key.find('\0')));
    if (!sources.count(source)) problem("by_source of missing source", key);
    if (kb::BySourceToAssertionKey(key, &akey)) {
      if (!assertions.count(akey)) problem("by_source -> missing assertion", key);
    } else if (kb::ParseBySourceWorkKey(key, &work)) {
      if (!works.count(work)) problem("by_source -> missing work", key);
      if (!by_work.count(kb::ByWorkKey(work, source))) problem("by_source work not in by_work", key);
    } else {
      problem("unparsable by_source key", key);
    }
  }
  for (const std::string& key : by_work) {
    std::string work(key.substr(0, key.find('\0')));
    std::string source(kb::SuffixAfterSeparator(key));
    cited_works.insert(work);
    if (!works.count(work)) problem("by_work of missing work", key);
    if (!sources.count(source)) problem("by_work -> missing source", key);
    if (!by_source.count(kb::BySourceWorkKey(source, work))) problem("by_work not in by_source", key);
  }
  REQUIRE(store->ForEachClaim([&](const kb::Claim& c) {
                  if (!claims_with_assertions.count(c.id)) problem("claim without assertions", c.id);
                  if (!by_concept.count(kb::ByConceptKey(c.subject, c.id))) problem("claim subject not indexed", c.id);
                  if (!by_concept.count(kb::ByConceptKey(c.object, c.id))) problem("claim object not indexed", c.id);
                  return true;
                }).ok());
  for (const std::string& key : by_concept) {
    std::string concept_id(key.substr(0, key.find('\0')));
    std::string claim_id(kb::SuffixAfterSeparator(key));
    kb::Claim c;
    if (!store->GetClaim(claim_id, &c).ok()) {
      problem("by_concept -> missing claim", key);
    } else if (c.subject != concept_id && c.object != concept_id) {
      problem("by_concept names a concept the claim lacks", key);
    }
  }
  Entries expected_work_keys;
  REQUIRE(store->ForEachWork([&](const kb::Work& w) {
                  if (!cited_works.count(w.id)) problem("work cited by no source", w.id);
                  for (const std::string& k : kb::WorkIndexKeys(w)) {
                    expected_work_keys.insert(k);
                    if (!work_keys.count(k)) problem("work key missing", k);
                  }
                  return true;
                }).ok());
  for (const std::string& key : work_keys) {
    if (!expected_work_keys.count(key)) problem("stale work_keys entry", key);
  }
  REQUIRE(store->ForEachMention([&](const kb::Mention& m) {
                  if (!sources.count(m.source_id)) problem("mention of missing source", m.text);
                  if (!m.work_id.empty() && !works.count(m.work_id)) problem("mention -> missing work", m.text);
                  return true;
                }).ok());

  kb::StoreCounts counts;
  REQUIRE(store->Counts(&counts).ok());
  auto check = [&](const char* name, uint64_t counted, size_t actual) {
    if (counted != actual) {
      problems.push_back(std::string("count/") + name + " is " + std::to_string(counted) + ", data has " +
                         std::to_string(actual));
    }
  };
  check("sources", counts.sources, sources.size());
  check("claims", counts.claims, claims.size());
  check("assertions", counts.assertions, assertions.size());
  check("works", counts.works, works.size());
  check("mentions", counts.mentions, mentions.size());
  check("concepts", counts.concepts, Keys(rs, Cf::kConcepts).size());
  // And the store's own check, which also compares every claim's evidence
  // summary with one made afresh from its assertions.
  std::vector<std::string> verified;
  REQUIRE(store->Verify(&verified).ok());
  for (const std::string& p : verified) problems.push_back("Verify: " + p);
  return problems;
}

kb::Work WithLevel(kb::Work w, int level) {
  w.level = level;
  return w;
}

kb::SourceRecord Varied(kb::SourceRecord record) {
  for (size_t i = 0; i < record.assertions.size(); ++i) {
    kb::Assertion& a = record.assertions[i];
    if (i % 2 == 1) a.stance = kb::Stance::kDenies;
    if (i % 3 == 1) a.hedged = true;
    if (i % 3 == 2) a.attribution = kb::Attribution::kExpert;
    if (i % 4 == 3) a.mechanisms = {"mechanical", "psychological"};
  }
  return record;
}

std::vector<kb::Work> StoredWorksOf(kb::Store* store, const kb::Assertion& a) {
  std::vector<kb::Work> works;
  for (const kb::WorkLink& link : a.works) {
    kb::Work w;
    if (store->GetWork(link.work_id, &w).ok()) works.push_back(w);
  }
  return works;
}

void CheckRefusedAsOlder(const std::string& path, int version) {
  kb::StoreOptions ro;
  ro.read_only = true;
  std::unique_ptr<kb::Store> store;
  kb::Status s = kb::Store::Open(ro, path, &store);
  CHECK(s.IsNotSupported());
  CHECK(s.message() == path + " was written by an older evkb (schema version " + std::to_string(version) +
                           "; this build reads schema versions " +
                           std::to_string(kb::kOldestReadableSchemaVersion) + " to " +
                           std::to_string(kb::kSchemaVersion) +
                           "); run evkb-ingest --upgrade --db " + path + " once to upgrade it");
}

void EditRaw(const std::string& path,
             const std::function<void(rocksdb::DB* db, const std::string& cf_name,
                                      rocksdb::ColumnFamilyHandle* cf)>& edit) {
  std::vector<std::string> names;
  REQUIRE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path, &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const std::string& n : names) descriptors.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  REQUIRE(rocksdb::DB::Open(rocksdb::DBOptions(), path, descriptors, &handles, &db).ok());
  for (size_t i = 0; i < names.size(); ++i) edit(db, names[i], handles[i]);
  for (rocksdb::ColumnFamilyHandle* h : handles) REQUIRE(db->DestroyColumnFamilyHandle(h).ok());
  delete db;
}

}  // namespace kb_test
