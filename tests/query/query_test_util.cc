#include "query_test_util.h"

#include <rocksdb/db.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <random>

#include "kb_test_util.h"
#include "key_codec.h"

namespace query_test {
namespace {

constexpr const char* kFixtureLexicon = R"({
  "concepts": [
    {"id": "soft_tissue_therapy", "kind": "intervention", "labels": ["soft tissue therapy"], "parent": null},
    {"id": "foam_rolling", "kind": "intervention", "labels": ["foam rolling", "foam roller", "SMR"],
     "parent": "soft_tissue_therapy"},
    {"id": "massage_ball", "kind": "intervention", "labels": ["massage ball"], "parent": "foam_rolling"},
    {"id": "soft_tissue", "kind": "structure", "labels": ["soft tissue"], "parent": null},
    {"id": "scar_tissue", "kind": "structure", "labels": ["scar tissue"], "parent": "soft_tissue"},
    {"id": "adhesions", "kind": "structure", "labels": ["adhesions"], "parent": "scar_tissue"},
    {"id": "fascia", "kind": "structure", "labels": ["fascia"], "parent": "soft_tissue"},
    {"id": "pain", "kind": "outcome", "labels": ["pain"], "parent": null},
    {"id": "soreness", "kind": "outcome", "labels": ["soreness"], "parent": "pain"},
    {"id": "doms", "kind": "outcome", "labels": ["DOMS", "delayed onset muscle soreness"], "parent": "soreness"},
    {"id": "cramp", "kind": "outcome", "labels": ["cramp"], "parent": "soreness"},
    {"id": "knee_pain", "kind": "outcome", "labels": ["knee pain"], "parent": "pain"}
  ],
  "relations": [
    {"id": "reduces", "family": "decrease", "label": "reduces", "cues": ["reduce"]},
    {"id": "relieves", "family": "decrease", "label": "relieves", "cues": ["relieve"]},
    {"id": "breaks_down", "family": "remodel", "label": "breaks down", "cues": ["break down"]},
    {"id": "improves", "family": "increase", "label": "improves", "cues": ["improve"]}
  ],
  "family_similarity": {"decrease": {"remodel": 0.6}}
})";

}  // namespace

kb::Lexicon FixtureLexicon() {
  kb::Lexicon lex;
  kb::Status s = kb::ParseLexicon(kFixtureLexicon, "fixture.json", &lex);
  INFO(s.ToString());
  REQUIRE(s.ok());
  s = kb::FinishLexicon(&lex);
  INFO(s.ToString());
  REQUIRE(s.ok());
  return lex;
}

TempDir::TempDir() {
  std::random_device rd;
  path_ = (std::filesystem::temp_directory_path() / ("evkb-query-test-" + std::to_string(rd())))
              .string();
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

kb::Claim MakeClaim(const std::string& subject, const std::string& relation,
                    const std::string& object) {
  kb::Claim c;
  c.id = kb::ClaimId(subject, relation, object);
  c.subject = subject;
  c.relation = relation;
  c.object = object;
  c.text = subject + " " + relation + " " + object;
  return c;
}

kb::Work MakeWork(const std::string& family, int year, const std::string& type, int level) {
  kb::Work w;
  w.authors.push_back({family, "A."});
  w.year = year;
  w.title = "A study by " + family;
  w.doi = "10.1000/" + family + std::to_string(year);
  w.type = type;
  w.level = level;
  w.id = kb::WorkId(w);
  w.label = kb::WorkLabel(w);
  return w;
}

Statement Says(const kb::Claim& c, kb::Stance stance, std::vector<kb::Work> works,
               kb::Attribution who) {
  Statement st;
  st.claim = c;
  st.stance = stance;
  st.works = std::move(works);
  st.attribution = who;
  return st;
}

FixtureStore::FixtureStore(const std::string& dir) : dir_(dir) {
  kb::StoreOptions options;
  kb::Status s = kb::Store::Open(options, dir, &store_);
  INFO(s.ToString());
  REQUIRE(s.ok());
}

void FixtureStore::PutConcepts(const kb::Lexicon& lex) {
  kb::Status s = store_->PutConcepts(lex.concepts);
  INFO(s.ToString());
  REQUIRE(s.ok());
}

void FixtureStore::EmptyValues(kb::Cf family, char tag) {
  store_.reset();
  size_t emptied = 0;
  kb_test::EditRaw(
      dir_, [&](rocksdb::DB* db, const std::string& name, rocksdb::ColumnFamilyHandle* cf) {
        if (name != kb::CfSpecOf(family).name) return;
        std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), cf));
        for (it->SeekToFirst(); it->Valid(); it->Next()) {
          if (tag != 0 && it->key()[0] != tag) continue;
          REQUIRE_FALSE(it->value().empty());
          REQUIRE(db->Put(rocksdb::WriteOptions(), cf, it->key(), "").ok());
          ++emptied;
        }
      });
  REQUIRE(emptied > 0);
  kb::Status s = kb::Store::Open(kb::StoreOptions(), dir_, &store_);
  INFO(s.ToString());
  REQUIRE(s.ok());
}

void FixtureStore::AddSource(const std::string& path, const std::vector<Statement>& statements) {
  kb::SourceRecord r;
  std::string content = path;
  for (const Statement& st : statements) content += "|" + st.claim.id + kb::StanceName(st.stance);
  r.source.id = kb::ContentId(content);
  r.source.path = path;
  r.source.title = "Article " + path;
  r.source.kind = "txt";
  r.source.length = content.size();
  uint32_t offset = 0;
  for (const Statement& st : statements) {
    bool known = false;
    for (const kb::Claim& c : r.claims) known = known || c.id == st.claim.id;
    if (!known) r.claims.push_back(st.claim);
    kb::Assertion a;
    a.claim_id = st.claim.id;
    a.source_id = r.source.id;
    a.sentence = st.sentence.empty() ? st.claim.text + "." : st.sentence;
    a.span_begin = offset;
    a.span_end = offset + static_cast<uint32_t>(a.sentence.size());
    offset = a.span_end + 1;
    a.stance = st.stance;
    a.attribution = st.attribution;
    a.mechanisms = st.mechanisms;
    for (const kb::Work& w : st.works) {
      a.works.push_back({w.id, kb::LinkKind::kDirect});
      bool have = false;
      for (const kb::Work& x : r.works) have = have || x.id == w.id;
      if (!have) r.works.push_back(w);
      kb::Mention m;
      m.source_id = r.source.id;
      m.text = w.label;
      m.span_begin = a.span_begin;
      m.span_end = a.span_begin + 1;
      m.work_id = w.id;
      r.mentions.push_back(m);
    }
    r.assertions.push_back(std::move(a));
  }
  kb::PutOutcome outcome;
  kb::Status s = store_->PutSource(r, &outcome);
  INFO(s.ToString());
  REQUIRE(s.ok());
  last_source_ = r.source.id;
}

}  // namespace query_test
