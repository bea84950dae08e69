// RocksStore::Verify: a full consistency check of the database, for
// `evkb-verify`, the crash tests and anyone who suspects damage. It reads
// every column family from one snapshot (when the handle supports snapshots),
// so a writer in another thread cannot make a consistent database look
// broken, and checks the invariants kb/FORMAT.md promises:
//
//   - every record decodes and its key agrees with its fields;
//   - every stored source has its path entry, and each of its assertions and
//     mentions has the index entries that go with it (by_source, by_work);
//   - no index entry (source_paths, by_source, by_work, by_concept,
//     work_keys) points at a missing record or at a record that no longer
//     has the indexed field;
//   - no assertion or mention belongs to a missing source; every claim has
//     an assertion and every work a citing source;
//   - the meta counters equal the number of records;
//   - top_evidence holds exactly one entry per assertion, under its claim,
//     side and weight with the stored works;
//   - by_object holds exactly the entries made afresh from the records
//     (object_index.h), with the same values (an 'S' entry written before
//     they listed the source's claims may be empty).
#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "claim_summaries.h"
#include "object_index.h"
#include "store_rocksdb.h"
#include "value_codec.h"

namespace kb {

namespace {

// Beyond this many problems the rest are only counted: a badly damaged
// database must not produce gigabytes of report.
constexpr size_t kMaxReported = 1000;

using KeyValues = std::map<std::string, std::string>;
using Keys = std::set<std::string>;

std::string Printable(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '\0') {
      out += '|';
    } else if (static_cast<unsigned char>(c) < 32 || c == 127) {
      out += '.';
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view Prefix(std::string_view key) { return key.substr(0, key.find('\0')); }

class Verifier {
 public:
  Verifier(const RocksStore& store, std::vector<std::string>* problems)
      : store_(store), problems_(problems) {
    snapshot_ = store_.db()->GetSnapshot();
    read_.snapshot = snapshot_;
  }
  ~Verifier() {
    if (snapshot_ != nullptr) store_.db()->ReleaseSnapshot(snapshot_);
  }

  Status Run() {
    Status s = LoadAll();
    if (!s.ok()) return s;
    CheckMeta();
    CheckSources();
    CheckClaims();
    CheckClaimSummaries();
    CheckTopEvidence();
    CheckByObject();
    CheckAssertions();
    CheckMentions();
    CheckBySource();
    CheckByWork();
    CheckByConcept();
    CheckWorks();
    CheckConcepts();
    CheckCounters();
    if (dropped_ > 0) {
      problems_->push_back("... and " + std::to_string(dropped_) + " more problems");
    }
    return Status::OK();
  }

 private:
  void Problem(const std::string& what, std::string_view key) {
    if (problems_->size() >= kMaxReported) {
      ++dropped_;
      return;
    }
    problems_->push_back(what + ": " + Printable(key));
  }

  Status Load(Cf c, KeyValues* out) {
    std::unique_ptr<rocksdb::Iterator> it(store_.db()->NewIterator(read_, store_.cf(c)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      out->emplace(it->key().ToString(), it->value().ToString());
    }
    return FromRocks(it->status(), store_.path(),
                     std::string("verifying: scanning ") + CfSpecOf(c).name);
  }

  Status Load(Cf c, Keys* out) {
    KeyValues kv;
    Status s = Load(c, &kv);
    for (auto& [k, v] : kv) out->insert(k);
    return s;
  }

  Status LoadAll() {
    for (Status s : {Load(Cf::kMeta, &meta_), Load(Cf::kSources, &sources_),
                     Load(Cf::kSourcePaths, &source_paths_), Load(Cf::kClaims, &claims_),
                     Load(Cf::kAssertions, &assertions_), Load(Cf::kBySource, &by_source_),
                     Load(Cf::kConcepts, &concepts_), Load(Cf::kByConcept, &by_concept_),
                     Load(Cf::kWorks, &works_), Load(Cf::kByWork, &by_work_),
                     Load(Cf::kWorkKeys, &work_keys_), Load(Cf::kMentions, &mentions_),
                     Load(Cf::kTopEvidence, &top_evidence_), Load(Cf::kByObject, &by_object_)}) {
      if (!s.ok()) return s;
    }
    return Status::OK();
  }

  void CheckMeta() {
    auto v = meta_.find(std::string(kSchemaVersionKey));
    int version = 0;
    if (v == meta_.end()) {
      Problem("meta has no schema version", kSchemaVersionKey);
    } else {
      const std::string& text = v->second;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), version);
      if (ec != std::errc() || end != text.data() + text.size() || version <= 0 ||
          version > kSchemaVersion) {
        Problem("unreadable or unsupported schema version '" + Printable(text) + "'",
                kSchemaVersionKey);
      }
    }
  }

  void CheckSources() {
    for (const auto& [key, value] : sources_) {
      Source s;
      if (!DecodeSource(value, &s)) {
        Problem("undecodable source record", key);
        continue;
      }
      if (s.id != key) Problem("source record with id '" + Printable(s.id) + "' under key", key);
      auto p = source_paths_.find(s.path);
      if (s.path.empty()) {
        Problem("source without a path", key);
      } else if (p == source_paths_.end()) {
        Problem("source not in source_paths", key);
      } else if (p->second != key) {
        Problem("source_paths names another source for the path of", key);
      }
    }
    for (const auto& [path, id] : source_paths_) {
      if (sources_.count(id) == 0) Problem("source_paths -> missing source", path);
    }
  }

  void CheckClaims() {
    Keys claims_with_assertions;
    for (const auto& [key, value] : assertions_) {
      std::string claim, source;
      uint32_t b = 0, e = 0;
      if (ParseAssertionKey(key, &claim, &source, &b, &e)) claims_with_assertions.insert(claim);
    }
    for (const auto& [key, value] : claims_) {
      Claim c;
      if (!DecodeClaim(value, &c)) {
        Problem("undecodable claim record", key);
        continue;
      }
      claim_concepts_[key] = {c.subject, c.object};
      if (c.id != key) Problem("claim record with id '" + Printable(c.id) + "' under key", key);
      if (claims_with_assertions.count(key) == 0) Problem("claim without assertions", key);
      if (by_concept_.count(ByConceptKey(c.subject, key)) == 0) {
        Problem("claim subject not in by_concept", key);
      }
      if (by_concept_.count(ByConceptKey(c.object, key)) == 0) {
        Problem("claim object not in by_concept", key);
      }
    }
  }

  // Each claim's stored evidence summary equals one made afresh from its
  // assertions and the stored works (kb/FORMAT.md, "Values").
  void CheckClaimSummaries() {
    std::map<std::string, int> level_of;
    for (const auto& [key, value] : works_) {
      Work w;
      if (DecodeWork(value, &w)) level_of[key] = w.level;
    }
    std::map<std::string, std::vector<Assertion>> by_claim;
    for (const auto& [key, value] : assertions_) {
      Assertion a;
      if (DecodeAssertion(value, &a)) by_claim[a.claim_id].push_back(std::move(a));
    }
    for (const auto& [key, value] : claims_) {
      EvidenceSummary stored;
      if (!DecodeClaimSummary(value, &stored)) {
        Problem("claim record without a readable evidence summary", key);
        continue;
      }
      auto a = by_claim.find(key);
      const EvidenceSummary expected =
          SummarizeAssertions(a == by_claim.end() ? std::vector<Assertion>() : a->second, level_of);
      if (!(stored == expected)) {
        Problem("claim evidence summary disagrees with its assertions", key);
      }
    }
  }

  // top_evidence equals the entries made afresh from the assertions and the
  // stored works, each valued with its source's path and title, or empty as
  // builds before those were kept wrote it (kb/FORMAT.md, "Indexes").
  void CheckTopEvidence() {
    std::map<std::string, int> level_of;
    for (const auto& [key, value] : works_) {
      Work w;
      if (DecodeWork(value, &w)) level_of[key] = w.level;
    }
    Keys expected;
    for (const auto& [key, value] : assertions_) {
      Assertion a;
      if (!DecodeAssertion(value, &a)) continue;
      std::string k = TopEvidenceKeyOf(a, WeighWithLevels(a, level_of));
      auto entry = top_evidence_.find(k);
      if (entry == top_evidence_.end()) {
        Problem("assertion missing from top_evidence", key);
      } else if (!entry->second.empty()) {
        auto src = sources_.find(a.source_id);
        Source s;
        if (src != sources_.end() && DecodeSource(src->second, &s) &&
            entry->second != TopEvidenceValue(s.path, s.title)) {
          Problem("top_evidence entry with a stale source path or title", k);
        }
      }
      expected.insert(std::move(k));
    }
    for (const auto& [key, unused] : top_evidence_) {
      if (expected.count(key) != 0) continue;
      std::string akey;
      Stance side = Stance::kAsserts;
      double weight = 0;
      if (!ParseTopEvidenceKey(key, &akey, &side, &weight)) {
        Problem("unreadable top_evidence key", key);
      } else if (assertions_.count(akey) == 0) {
        Problem("top_evidence -> missing assertion", key);
      } else {
        Problem("top_evidence entry with a stale side or weight", key);
      }
    }
  }

  void CheckByObject() {
    KeyValues expected;
    ObjectIndexBuilder builder([&](const std::string& key, const std::string& value) {
      expected[key] = value;
      return Status::OK();
    });
    for (const auto& [key, value] : works_) {
      Work w;
      if (DecodeWork(value, &w)) builder.AddWork(key, w.level);
    }
    for (const std::string& key : by_work_) builder.AddCitation(key.substr(0, key.find('\0')));
    for (const auto& [key, value] : sources_) {
      Source src;
      if (DecodeSource(value, &src)) builder.AddSource(key, src.path);
    }
    // The groups the index holds: each claim counts under its object and
    // under each group of it.
    ObjectGroups groups;
    auto recorded = meta_.find(std::string(kObjectGroupsKey));
    if (recorded != meta_.end() && !DecodeObjectGroups(recorded->second, &groups)) {
      Problem("unreadable object groups", kObjectGroupsKey);
      groups.clear();
    }
    const GroupsByObject groups_of = InvertObjectGroups(groups);
    // Claims by object, each with its assertions (whose keys start with the
    // claim id, so they are a range of assertions_).
    std::vector<std::pair<std::string, std::string>> claims;  // object, claim id
    for (const auto& [key, value] : claims_) {
      Claim c;
      if (!DecodeClaim(value, &c)) continue;
      claims.emplace_back(c.object, key);
      auto g = groups_of.find(c.object);
      if (g == groups_of.end()) continue;
      for (const std::string& name : g->second) claims.emplace_back(name, key);
    }
    std::sort(claims.begin(), claims.end());
    std::vector<Assertion> assertions;
    for (const auto& [object, claim_id] : claims) {
      assertions.clear();
      const std::string prefix = AssertionPrefixForClaim(claim_id);
      for (auto it = assertions_.lower_bound(prefix);
           it != assertions_.end() && StartsWith(it->first, prefix); ++it) {
        Assertion a;
        if (DecodeAssertion(it->second, &a)) assertions.push_back(std::move(a));
      }
      (void)builder.AddClaim(claim_id, object, assertions);
    }
    (void)builder.Finish();
    for (const auto& [key, value] : expected) {
      auto it = by_object_.find(key);
      if (it == by_object_.end()) {
        Problem("by_object entry missing", key);
        continue;
      }
      // An 'S' entry written by a build that did not list the source's
      // claims is empty, and still right.
      const bool unlisted = key[0] == kObjectSourceRankTag && it->second.empty();
      if (it->second != value && !unlisted) Problem("by_object entry with a stale value", key);
    }
    for (const auto& [key, value] : by_object_) {
      if (expected.count(key) == 0) Problem("by_object entry that no record accounts for", key);
    }
  }

  // Records that the source cites the work (through an assertion or a
  // mention): both directions of the citation index must hold it.
  void CheckCitation(const std::string& source, const std::string& work, std::string_view key,
                     const char* what) {
    if (works_.count(work) == 0) {
      Problem(std::string(what) + " -> missing work '" + Printable(work) + "'", key);
    }
    if (by_source_.count(BySourceWorkKey(source, work)) == 0) {
      Problem(std::string(what) + " cites a work missing from by_source", key);
    }
    if (by_work_.count(ByWorkKey(work, source)) == 0) {
      Problem(std::string(what) + " cites a work missing from by_work", key);
    }
  }

  void CheckAssertions() {
    for (const auto& [key, value] : assertions_) {
      std::string claim, source;
      uint32_t b = 0, e = 0;
      if (!ParseAssertionKey(key, &claim, &source, &b, &e)) {
        Problem("unparsable assertions key", key);
        continue;
      }
      if (sources_.count(source) == 0) Problem("assertion from missing source", key);
      if (claims_.count(claim) == 0) Problem("assertion of missing claim", key);
      if (by_source_.count(BySourceAssertionKey(source, claim, b, e)) == 0) {
        Problem("assertion not in by_source", key);
      }
      Assertion a;
      if (!DecodeAssertion(value, &a)) {
        Problem("undecodable assertion record", key);
        continue;
      }
      if (a.claim_id != claim || a.source_id != source || a.span_begin != b || a.span_end != e) {
        Problem("assertion record disagrees with its key", key);
      }
      for (const WorkLink& link : a.works) CheckCitation(source, link.work_id, key, "assertion");
    }
  }

  void CheckMentions() {
    for (const auto& [key, value] : mentions_) {
      Mention m;
      if (!DecodeMention(value, &m)) {
        Problem("undecodable mention record", key);
        continue;
      }
      if (MentionKey(m) != key) Problem("mention record disagrees with its key", key);
      if (sources_.count(std::string(Prefix(key))) == 0) Problem("mention of missing source", key);
      if (!m.work_id.empty()) CheckCitation(std::string(Prefix(key)), m.work_id, key, "mention");
    }
  }

  void CheckBySource() {
    for (const std::string& key : by_source_) {
      std::string source(Prefix(key));
      std::string akey, work;
      if (sources_.count(source) == 0) Problem("by_source entry of missing source", key);
      if (BySourceToAssertionKey(key, &akey)) {
        if (assertions_.count(akey) == 0) Problem("by_source -> missing assertion", key);
      } else if (ParseBySourceWorkKey(key, &work)) {
        if (works_.count(work) == 0) Problem("by_source -> missing work", key);
        if (by_work_.count(ByWorkKey(work, source)) == 0) {
          Problem("by_source work entry not in by_work", key);
        }
      } else {
        Problem("unparsable by_source key", key);
      }
    }
  }

  void CheckByWork() {
    for (const std::string& key : by_work_) {
      std::string work(Prefix(key));
      std::string source(SuffixAfterSeparator(key));
      cited_works_.insert(work);
      if (works_.count(work) == 0) Problem("by_work entry of missing work", key);
      if (sources_.count(source) == 0) Problem("by_work -> missing source", key);
      if (by_source_.count(BySourceWorkKey(source, work)) == 0) {
        Problem("by_work entry not in by_source", key);
      }
    }
  }

  void CheckByConcept() {
    for (const std::string& key : by_concept_) {
      std::string concept_id(Prefix(key));
      std::string claim(SuffixAfterSeparator(key));
      auto c = claim_concepts_.find(claim);
      if (claims_.count(claim) == 0) {
        Problem("by_concept -> missing claim", key);
      } else if (c != claim_concepts_.end() && c->second.first != concept_id &&
                 c->second.second != concept_id) {
        Problem("by_concept names a concept its claim does not have", key);
      }
    }
  }

  void CheckWorks() {
    Keys expected_keys;
    for (const auto& [key, value] : works_) {
      Work w;
      if (!DecodeWork(value, &w)) {
        Problem("undecodable work record", key);
        continue;
      }
      if (w.id != key) Problem("work record with id '" + Printable(w.id) + "' under key", key);
      w.id = key;
      if (cited_works_.count(key) == 0) Problem("work cited by no source", key);
      for (const std::string& k : WorkIndexKeys(w)) {
        expected_keys.insert(k);
        if (work_keys_.count(k) == 0) Problem("work_keys entry missing for work " + key, k);
      }
    }
    for (const std::string& key : work_keys_) {
      std::string work(WorkKeyWorkId(key));
      if (works_.count(work) == 0) {
        Problem("work_keys -> missing work", key);
      } else if (expected_keys.count(key) == 0) {
        Problem("stale work_keys entry", key);
      }
    }
  }

  void CheckConcepts() {
    for (const auto& [key, value] : concepts_) {
      Concept c;
      if (!DecodeConcept(value, &c)) {
        Problem("undecodable concept record", key);
      } else if (c.id != key) {
        Problem("concept record with id '" + Printable(c.id) + "' under key", key);
      }
    }
  }

  void CheckCounters() {
    auto check = [&](const char* entity, size_t actual) {
      auto v = meta_.find(CountKey(entity));
      uint64_t counted = 0;
      if (v == meta_.end()) {
        if (actual != 0) Problem("missing counter", CountKey(entity));
        return;
      }
      if (v->second.size() != 8 || !GetBE64(v->second, &counted)) {
        Problem("unreadable counter", CountKey(entity));
      } else if (counted != actual) {
        Problem("counter is " + std::to_string(counted) + ", data has " + std::to_string(actual),
                CountKey(entity));
      }
    };
    check("sources", sources_.size());
    check("claims", claims_.size());
    check("assertions", assertions_.size());
    check("works", works_.size());
    check("mentions", mentions_.size());
    check("concepts", concepts_.size());
  }

  const RocksStore& store_;
  std::vector<std::string>* problems_;
  const rocksdb::Snapshot* snapshot_ = nullptr;
  rocksdb::ReadOptions read_;
  size_t dropped_ = 0;

  KeyValues meta_, sources_, source_paths_, claims_, assertions_, concepts_, works_, mentions_;
  KeyValues by_object_, top_evidence_;
  Keys by_source_, by_concept_, by_work_, work_keys_;
  Keys cited_works_;
  std::map<std::string, std::pair<std::string, std::string>> claim_concepts_;
};

}  // namespace

Status RocksStore::Verify(std::vector<std::string>* problems) {
  problems->clear();
  Verifier verifier(*this, problems);
  return verifier.Run();
}

}  // namespace kb
