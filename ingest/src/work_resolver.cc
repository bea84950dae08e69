#include "ingest/work_resolver.h"

#include <map>

#include "citation_linker.h"
#include "citations/grading.h"

namespace ingest {
namespace {

// Two descriptions of one work: the citations library's SameWork for
// references; a descriptive mention ("a 2019 review in the Journal of Sport
// Rehabilitation") meets a work of the same year and venue.
// `ia` and `ib` are the identities of ReferenceFromWork(a) and (b) (used
// only when both works are resolved), worked out once by the caller.
bool SameWork(const kb::Work& a, const kb::Work& b, const citations::WorkIdentity& ia,
              const citations::WorkIdentity& ib) {
  if (a.id == b.id) return true;
  if (a.resolved && b.resolved) return citations::SameWork(ia, ib);
  if (!a.resolved && !b.resolved) return false;  // equal descriptions share an id already
  const kb::Work& d = a.resolved ? b : a;
  const kb::Work& r = a.resolved ? a : b;
  if (d.type == "expert_opinion") return false;
  // Known by authors and year ("Weppler and Magnusson (2010)"): the same
  // first author and year.
  if (!d.authors.empty()) {
    return !r.authors.empty() && d.year != 0 && d.year == r.year &&
           citations::FoldedKey(d.authors[0].family) == citations::FoldedKey(r.authors[0].family);
  }
  if (d.year == 0 || d.year != r.year || d.container.empty() || r.container.empty()) return false;
  return citations::SameVenue(d.container, r.container);
}

std::string Fill(const std::string& kept, const std::string& other) {
  return kept.empty() ? other : kept;
}

// Merges `from` into `into`: known fields fill unknown ones, the more
// specific study grade wins, a full reference beats a description.
void Merge(const kb::Work& from, kb::Work* into) {
  bool from_richer = !into->resolved && from.resolved;
  if (into->authors.empty() || (from_richer && !from.authors.empty()) ||
      (from.authors.size() > into->authors.size() && from.resolved)) {
    into->authors = from.authors;
    into->et_al = from.et_al;
  }
  if (into->year == 0) into->year = from.year;
  if (from_richer && !from.title.empty()) into->title = from.title;
  into->title = Fill(into->title, from.title);
  into->container = Fill(into->container, from.container);
  into->publisher = Fill(into->publisher, from.publisher);
  into->volume = Fill(into->volume, from.volume);
  into->issue = Fill(into->issue, from.issue);
  if (into->pages.size() < from.pages.size()) into->pages = from.pages;
  into->doi = Fill(into->doi, from.doi);
  into->pmid = Fill(into->pmid, from.pmid);
  into->pmcid = Fill(into->pmcid, from.pmcid);
  into->url = Fill(into->url, from.url);
  into->affiliation = Fill(into->affiliation, from.affiliation);
  if (from.type != "unknown" && (into->type == "unknown" || from.level < into->level)) {
    into->type = from.type;
    into->level = from.level;
  }
  into->resolved = into->resolved || from.resolved;
  into->label = kb::WorkLabel(*into);
}

void Rename(const std::map<std::string, std::string>& renamed, kb::SourceRecord* record) {
  if (renamed.empty()) return;
  for (kb::Assertion& a : record->assertions) {
    std::vector<kb::WorkLink> links;
    for (kb::WorkLink l : a.works) {
      auto it = renamed.find(l.work_id);
      if (it != renamed.end()) l.work_id = it->second;
      bool dup = false;
      for (const kb::WorkLink& o : links) dup |= o.work_id == l.work_id;
      if (!dup) links.push_back(l);
    }
    a.works = std::move(links);
  }
  for (kb::Mention& m : record->mentions) {
    auto it = renamed.find(m.work_id);
    if (it != renamed.end()) m.work_id = it->second;
  }
}

citations::WorkIdentity IdentityOf(const kb::Work& work) {
  return work.resolved ? citations::IdentityOf(ReferenceFromWork(work)) : citations::WorkIdentity();
}

}  // namespace

kb::Status WorkCache::Get(kb::Store* store, const std::string& id, const Entry** out) {
  auto it = entries_.find(id);
  if (it != entries_.end()) {
    *out = &it->second;
    return kb::Status::OK();
  }
  kb::Work work;
  kb::Status s = store->GetWork(id, &work);
  if (s.IsNotFound()) return kb::Status::Corruption("work " + id + " is indexed but not stored");
  if (!s.ok()) return s;
  citations::WorkIdentity identity = IdentityOf(work);
  *out = Put(std::move(work), std::move(identity));
  return kb::Status::OK();
}

void WorkCache::Stored(const std::vector<kb::Work>& works,
                       std::vector<citations::WorkIdentity> identities) {
  for (size_t i = 0; i < works.size(); ++i) Put(works[i], std::move(identities[i]));
}

const WorkCache::Entry* WorkCache::Put(kb::Work work, citations::WorkIdentity identity) {
  if (entries_.size() >= capacity_ && entries_.count(work.id) == 0) entries_.clear();
  Entry& e = entries_[work.id];
  e.identity = std::move(identity);
  e.work = std::move(work);
  return &e;
}

kb::Status ResolveWorks(kb::Store* store, kb::SourceRecord* record, WorkCache* cache,
                        std::vector<citations::WorkIdentity>* identities) {
  WorkCache this_call;  // without the caller's: the works read for this record
  if (cache == nullptr) cache = &this_call;
  std::map<std::string, std::string> renamed;
  std::vector<kb::Work> merged;
  std::vector<citations::WorkIdentity> merged_ids;  // IdentityOf(merged[i])
  for (const kb::Work& w : record->works) {
    // Within the article first.
    const citations::WorkIdentity w_id = IdentityOf(w);
    bool done = false;
    for (size_t i = 0; i < merged.size(); ++i) {
      kb::Work& m = merged[i];
      if (SameWork(m, w, merged_ids[i], w_id)) {
        Merge(w, &m);
        if (m.resolved) merged_ids[i] = IdentityOf(m);
        if (w.id != m.id) renamed[w.id] = m.id;
        done = true;
        break;
      }
    }
    if (done) continue;
    kb::Work work = w;
    bool adopted = false;  // merged into a stored work: its identity may differ from w's
    if (store != nullptr) {
      std::vector<std::string> ids;
      kb::Status s = store->WorkCandidateIds(w, &ids);
      if (!s.ok()) return s;
      for (const std::string& id : ids) {
        const WorkCache::Entry* c = nullptr;
        s = cache->Get(store, id, &c);
        if (!s.ok()) return s;
        if (!SameWork(c->work, w, c->identity, w_id)) continue;
        kb::Work stored = c->work;
        Merge(w, &stored);
        if (w.id != stored.id) renamed[w.id] = stored.id;
        work = stored;
        adopted = true;
        break;
      }
    }
    merged_ids.push_back(adopted ? IdentityOf(work) : w_id);
    merged.push_back(std::move(work));
  }
  record->works = std::move(merged);
  if (identities != nullptr) *identities = std::move(merged_ids);
  Rename(renamed, record);
  return kb::Status::OK();
}

}  // namespace ingest
