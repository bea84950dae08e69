#include "claim_summaries.h"

#include "value_codec.h"

namespace kb {

WeighedStance WeighWithLevels(const Assertion& a, const std::map<std::string, int>& level_of) {
  std::vector<Work> works;
  works.reserve(a.works.size());
  for (const WorkLink& link : a.works) {
    auto it = level_of.find(link.work_id);
    if (it == level_of.end()) continue;
    Work w;
    w.id = link.work_id;
    w.level = it->second;
    works.push_back(std::move(w));
  }
  return WeighAssertion(a, works);
}

std::string TopEvidenceKeyOf(const Assertion& a, const WeighedStance& w) {
  return TopEvidenceKey(a.claim_id, w.stance, w.weight, a.source_id, a.span_begin, a.span_end);
}

EvidenceSummary SummarizeAssertions(const std::vector<Assertion>& assertions,
                                    const std::map<std::string, int>& level_of) {
  EvidenceSummary out;
  for (const Assertion& a : assertions) out.Add(WeighWithLevels(a, level_of), a.mechanisms);
  return out;
}

bool ClaimCache::Take(const std::string& claim_id, Record* out) {
  auto node = records_.extract(claim_id);
  if (node.empty()) return false;
  *out = std::move(node.mapped());
  return true;
}

void ClaimCache::Put(const std::string& claim_id, const Claim& claim, EvidenceSummary summary) {
  auto it = records_.find(claim_id);
  if (it == records_.end()) {
    if (records_.size() >= kMaxRecords) records_.clear();
    it = records_.try_emplace(claim_id).first;
  }
  it->second.claim = claim;
  it->second.summary = std::move(summary);
}

Status SummaryUpdater::OverrideWork(const Work& w, const std::string* stored) {
  new_levels_[w.id] = w.level;
  std::optional<int> level;
  if (stored != nullptr) {
    Work old;
    if (!DecodeWork(*stored, &old)) return store_->Corrupt(Cf::kWorks, w.id);
    level = old.level;
  }
  stored_levels_[w.id] = level;
  if (level.has_value() && *level != w.level) changed_works_.insert(w.id);
  return Status::OK();
}

Status SummaryUpdater::StoredLevels(const Assertion& a, std::map<std::string, int>* out) {
  out->clear();
  for (const WorkLink& link : a.works) {
    auto it = stored_levels_.find(link.work_id);
    if (it == stored_levels_.end()) {
      std::string value;
      Status s = store_->GetValue(Cf::kWorks, link.work_id, &value);
      std::optional<int> level;
      if (s.ok()) {
        Work w;
        if (!DecodeWork(value, &w)) return store_->Corrupt(Cf::kWorks, link.work_id);
        level = w.level;
      } else if (!s.IsNotFound()) {
        return s;
      }
      it = stored_levels_.emplace(link.work_id, level).first;
    }
    if (it->second.has_value()) (*out)[link.work_id] = *it->second;
  }
  return Status::OK();
}

Status SummaryUpdater::NewLevels(const Assertion& a, std::map<std::string, int>* out) {
  Status s = StoredLevels(a, out);
  if (!s.ok()) return s;
  for (const WorkLink& link : a.works) {
    auto it = new_levels_.find(link.work_id);
    if (it != new_levels_.end()) (*out)[link.work_id] = it->second;
  }
  return Status::OK();
}

Status SummaryUpdater::Load(const std::string& claim_id, Entry** out) {
  auto it = entries_.find(claim_id);
  if (it == entries_.end()) {
    Entry e;
    ClaimCache::Record cached;
    if (cache_ != nullptr && cache_->Take(claim_id, &cached)) {
      e.stored = std::move(cached.claim);
      e.summary = std::move(cached.summary);
    } else {
      std::string value;
      Status s = store_->GetValue(Cf::kClaims, claim_id, &value);
      if (s.ok()) {
        Claim c;
        if (!DecodeClaim(value, &c) || !DecodeClaimSummary(value, &e.summary)) {
          return store_->Corrupt(Cf::kClaims, claim_id);
        }
        e.stored = std::move(c);
      } else if (!s.IsNotFound()) {
        return s;
      }
    }
    it = entries_.emplace(claim_id, std::move(e)).first;
  }
  *out = &it->second;
  return Status::OK();
}

Status SummaryUpdater::IsStored(const std::string& claim_id, bool* stored) {
  Entry* e = nullptr;
  Status s = Load(claim_id, &e);
  if (s.ok()) *stored = e->stored.has_value();
  return s;
}

Status SummaryUpdater::RemoveStored(const Assertion& a) {
  Entry* e = nullptr;
  std::map<std::string, int> levels;
  Status s = Load(a.claim_id, &e);
  if (s.ok()) s = StoredLevels(a, &levels);
  if (!s.ok()) return s;
  const WeighedStance w = WeighWithLevels(a, levels);
  index_deletes_.insert(TopEvidenceKeyOf(a, w));
  if (!e->summary.Remove(w, a.mechanisms)) {
    return Status::Corruption(store_->path() + ": the evidence summary of claim " + a.claim_id +
                              " does not hold its assertion from source " + a.source_id +
                              "; run evkb-ingest on a fresh --db to rebuild");
  }
  return Status::OK();
}

void SourceListings::Know(const Source& s) { values_[s.id] = TopEvidenceValue(s.path, s.title); }

Status SourceListings::Of(const std::string& source_id, const std::string** out) {
  auto it = values_.find(source_id);
  if (it == values_.end()) {
    Source src;
    if (Status s = store_->GetSource(source_id, &src); !s.ok()) return s;
    it = values_.emplace(source_id, TopEvidenceValue(src.path, src.title)).first;
  }
  *out = &it->second;
  return Status::OK();
}

Status SummaryUpdater::AddNew(const Assertion& a) {
  Entry* e = nullptr;
  std::map<std::string, int> levels;
  const std::string* listing = nullptr;
  Status s = Load(a.claim_id, &e);
  if (s.ok()) s = NewLevels(a, &levels);
  if (s.ok()) s = listings_.Of(a.source_id, &listing);
  if (s.IsNotFound()) {
    return Status::Corruption(store_->path() + ": an assertion of source " + a.source_id +
                              " is stored but the source is not; run evkb-ingest on a fresh "
                              "--db to rebuild");
  }
  if (!s.ok()) return s;
  const WeighedStance w = WeighWithLevels(a, levels);
  index_puts_[TopEvidenceKeyOf(a, w)] = *listing;
  e->summary.Add(w, a.mechanisms);
  return Status::OK();
}

Status SummaryUpdater::Reweigh(const Assertion& a) {
  Status s = RemoveStored(a);
  if (!s.ok()) return s;
  return AddNew(a);
}

Status SummaryUpdater::Write(const std::map<std::string, const Claim*>& rewritten,
                             rocksdb::WriteBatch* batch) {
  // Every rewritten claim has a new assertion (PutSource stores no claim
  // without one), so it is among the entries.
  for (const auto& [id, e] : entries_) {
    if (forgotten_.count(id) != 0) continue;
    auto r = rewritten.find(id);
    const Claim* claim = r != rewritten.end() ? r->second : (e.stored ? &*e.stored : nullptr);
    if (claim == nullptr) {
      return Status::InvalidArgument(store_->path() + ": claim " + id +
                                     " is neither in the record nor stored");
    }
    batch->Put(store_->cf(Cf::kClaims), id, EncodeClaim(*claim, e.summary));
    if (cache_ != nullptr) written_.emplace_back(id, claim);
  }
  // A re-weighed assertion whose weight did not change is deleted and put
  // again under the same key: the put, later in the batch, wins.
  for (const std::string& k : index_deletes_) batch->Delete(store_->cf(Cf::kTopEvidence), k);
  for (const auto& [k, v] : index_puts_) batch->Put(store_->cf(Cf::kTopEvidence), k, v);
  return Status::OK();
}

void SummaryUpdater::Commit() {
  if (cache_ == nullptr) return;
  for (const std::string& id : forgotten_) cache_->Erase(id);
  for (const auto& [id, claim] : written_) cache_->Put(id, *claim, std::move(entries_[id].summary));
}

}  // namespace kb
