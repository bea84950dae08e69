#include "sources_ranked.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <unordered_map>

namespace query {
namespace {

// One object's ranked list (works or sources), read a page at a time.
template <typename Item>
class Cursor {
 public:
  using ReadPage = std::function<kb::Status(const Item* after, size_t n, std::vector<Item>*)>;
  Cursor(ReadPage read, size_t page) : read_(std::move(read)), page_(page) {}

  // The next entry, or null at the end of the list.
  kb::Status Peek(const Item** next) {
    if (pos_ == buf_.size() && !end_) {
      kb::Status s = read_(last_ ? &*last_ : nullptr, page_, &buf_);
      if (!s.ok()) return s;
      if (!buf_.empty()) last_ = buf_.back();  // Pop moves entries out
      pos_ = 0;
      end_ = buf_.size() < page_;
      page_ = std::min<size_t>(page_ * 4, 4096);  // a deep read soon needs more
    }
    *next = pos_ < buf_.size() ? &buf_[pos_] : nullptr;
    return kb::Status::OK();
  }
  // REQUIRES: Peek gave an entry.
  Item Pop() { return std::move(buf_[pos_++]); }

 private:
  ReadPage read_;
  size_t page_;
  std::vector<Item> buf_;
  std::optional<Item> last_;  // the last entry read, where the next page starts
  size_t pos_ = 0;
  bool end_ = false;
};

// What the merge needs to know of the items it merges (works). Lists are
// sorted by group (the level), then most claims, then the tie order (most
// citing sources, then id); the merged list likewise, with claims summed
// over the objects. (Sources are merged by Store::SourcesForObjects.)
struct WorkTraits {
  using Item = kb::ObjectWork;
  static int Group(const Item& x) { return x.level; }
  static const std::string& Id(const Item& x) { return x.work_id; }
  static bool TieBefore(const Item& a, const Item& b) {
    if (a.citing != b.citing) return a.citing > b.citing;
    return a.work_id < b.work_id;
  }
};

template <typename Traits>
bool MergedBefore(const typename Traits::Item& a, const typename Traits::Item& b) {
  if (Traits::Group(a) != Traits::Group(b)) return Traits::Group(a) < Traits::Group(b);
  if (a.claims != b.claims) return a.claims > b.claims;
  return Traits::TieBefore(a, b);
}

// The first `limit` entries of the merge of `cursors` (one per object),
// without reading the lists whole: the threshold algorithm (Fagin, Lotem
// and Naor), group by group. Each round takes entries from every list in
// turn; an entry first seen gets its claims for the other objects by point
// reads (`claims_for(id, object index)`), so its merged claims are exact.
// An entry not yet seen has, in each list still in the group, at most the
// next entry's claims and, to tie with their sum, comes after the next
// entry in each of them; so once `need` seen entries are ahead of (sum of
// the next claims, latest of the next entries), no unseen one can enter.
template <typename Traits>
kb::Status MergeTop(
    std::vector<Cursor<typename Traits::Item>>* cursors, size_t limit,
    const std::function<kb::Status(const std::string&, size_t, uint32_t*)>& claims_for,
    std::vector<typename Traits::Item>* out) {
  using Item = typename Traits::Item;
  out->clear();
  std::vector<const Item*> next(cursors->size());
  auto peek_all = [&]() {
    for (size_t i = 0; i < cursors->size(); ++i) {
      if (kb::Status s = (*cursors)[i].Peek(&next[i]); !s.ok()) return s;
    }
    return kb::Status::OK();
  };
  while (out->size() < limit) {
    if (kb::Status s = peek_all(); !s.ok()) return s;
    std::optional<int> group;
    for (const Item* x : next) {
      if (x != nullptr && (!group || Traits::Group(*x) < *group)) group = Traits::Group(*x);
    }
    if (!group) break;  // every list read to its end
    const size_t need = limit - out->size();
    std::unordered_map<std::string, Item> seen;
    std::vector<Item> ranked;
    // Entries taken from each list per round: the stopping test sorts what
    // was seen, so it runs less often as the lists are read deeper.
    size_t per_round = need;
    for (;;) {
      bool any = false;
      for (size_t i = 0; i < cursors->size(); ++i) {
        for (size_t r = 0; r < per_round; ++r) {
          if (r > 0) {
            if (kb::Status s = (*cursors)[i].Peek(&next[i]); !s.ok()) return s;
          }
          if (next[i] == nullptr || Traits::Group(*next[i]) != *group) break;
          any = true;
          Item x = (*cursors)[i].Pop();
          if (seen.count(Traits::Id(x)) != 0) continue;
          uint32_t total = x.claims;
          for (size_t j = 0; j < cursors->size(); ++j) {
            if (j == i) continue;
            uint32_t n = 0;
            if (kb::Status s = claims_for(Traits::Id(x), j, &n); !s.ok()) return s;
            total += n;
          }
          x.claims = total;
          std::string id = Traits::Id(x);
          seen.emplace(std::move(id), std::move(x));
        }
      }
      per_round *= 2;
      if (kb::Status s = peek_all(); !s.ok()) return s;
      if (!any) break;
      // The bound on entries not yet seen.
      uint64_t threshold = 0;
      const Item* latest = nullptr;
      for (const Item* x : next) {
        if (x == nullptr || Traits::Group(*x) != *group) continue;
        threshold += x->claims;
        if (latest == nullptr || Traits::TieBefore(*latest, *x)) latest = x;
      }
      if (latest == nullptr) break;  // the group is read whole
      if (seen.size() < need) continue;
      ranked.clear();
      for (const auto& [id, x] : seen) ranked.push_back(x);
      std::nth_element(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(need - 1),
                       ranked.end(), MergedBefore<Traits>);
      const Item& kth = ranked[need - 1];
      if (kth.claims > threshold || (kth.claims == threshold && !Traits::TieBefore(*latest, kth))) {
        break;
      }
    }
    ranked.clear();
    for (auto& [id, x] : seen) ranked.push_back(std::move(x));
    const size_t n = std::min(need, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(n), ranked.end(),
                      MergedBefore<Traits>);
    for (size_t k = 0; k < n; ++k) out->push_back(std::move(ranked[k]));
    if (n < ranked.size()) break;  // `limit` reached inside the group
  }
  return kb::Status::OK();
}

// The first `limit` works and sources over all of `objects`, and the totals.
kb::Status RankedLists(kb::Store* store, const std::vector<std::string>& objects, size_t limit,
                       std::vector<kb::ObjectWork>* works, std::vector<kb::ObjectSource>* sources,
                       SourcesTotals* totals) {
  kb::Status s = store->CountWorksForObjects(objects, &totals->works);
  if (!s.ok()) return s;
  if (objects.size() == 1) {
    kb::ObjectTotals t;
    if (s = store->ObjectTotalsFor(objects[0], &t); !s.ok()) return s;
    totals->sources = t.sources;
    if (s = store->WorksForObject(objects[0], limit, works); !s.ok()) return s;
    return store->SourcesForObject(objects[0], limit, sources);
  }
  // Works: a bounded merge (a work's level is the same in every list, and
  // few works share the strongest levels).
  std::vector<Cursor<kb::ObjectWork>> cursors;
  for (const std::string& o : objects) {
    cursors.emplace_back(
        [store, &o](const kb::ObjectWork* after, size_t n, std::vector<kb::ObjectWork>* page) {
          return store->WorksForObjectAfter(o, after, n, page);
        },
        limit);
  }
  s = MergeTop<WorkTraits>(
      &cursors, limit,
      [&](const std::string& id, size_t j, uint32_t* n) {
        return store->ObjectWorkClaims(id, objects[j], n);
      },
      works);
  if (!s.ok()) return s;
  // Sources: the lists read whole and merged. Their claims counts are small
  // and flat (many articles make one to three such claims), so a bounded
  // merge would read most of each list anyway; and the total needs every id.
  return store->SourcesForObjects(objects, limit, sources, &totals->sources);
}

// For each work, the first `limit` of the report's claims (`claims`: id ->
// object) with an object in `objects` that link it, by object, then by id.
// Each object's (or group's) list comes in that order, so the first
// `limit` of each are enough. An entry naming a claim the report lacks (a
// database failing Verify) is skipped, which may leave a list short.
kb::Status ClaimsLinking(kb::Store* store, const std::vector<std::string>& work_ids,
                         const std::vector<std::string>& objects, const ClaimObjects& claims,
                         size_t limit, std::vector<std::vector<std::string>>* out) {
  out->assign(work_ids.size(), {});
  std::vector<std::vector<std::string>> part;
  for (const std::string& o : objects) {
    if (kb::Status s = store->ClaimsLinkingWorks(work_ids, o, limit, &part); !s.ok()) return s;
    for (size_t k = 0; k < work_ids.size(); ++k) {
      for (std::string& id : part[k]) {
        if (claims.count(id) != 0) (*out)[k].push_back(std::move(id));
      }
    }
  }
  if (objects.size() == 1) return kb::Status::OK();
  for (std::vector<std::string>& ids : *out) {
    std::sort(ids.begin(), ids.end(), [&](const std::string& a, const std::string& b) {
      const std::string_view oa = claims.at(a), ob = claims.at(b);
      return oa != ob ? oa < ob : a < b;
    });
    if (ids.size() > limit) ids.resize(limit);
  }
  return kb::Status::OK();
}

}  // namespace

kb::Status RankSourcesFromIndex(kb::Store* store, const std::vector<std::string>& objects,
                                const ClaimObjects& claims, size_t limit, SourcesReport* out) {
  // Only objects with entries take part: a benefit whose narrower concepts
  // have no claims stays a single prefix read.
  std::vector<std::string> present;
  for (const std::string& o : objects) {
    kb::ObjectTotals t;
    if (kb::Status s = store->ObjectTotalsFor(o, &t); !s.ok()) return s;
    if (t.works > 0 || t.sources > 0) present.push_back(o);
  }
  std::vector<kb::ObjectWork> works;
  std::vector<kb::ObjectSource> sources;
  kb::Status s = RankedLists(store, present, limit, &works, &sources, &out->totals);
  if (!s.ok()) return s;

  std::vector<std::string> work_ids;
  work_ids.reserve(works.size());
  for (const kb::ObjectWork& w : works) work_ids.push_back(w.work_id);
  std::vector<std::vector<std::string>> linking;
  if (s = ClaimsLinking(store, work_ids, present, claims, limit, &linking); !s.ok()) return s;
  std::vector<std::vector<std::string>> cited;
  if (s = store->SourcesCitingWorks(work_ids, limit, &cited); !s.ok()) return s;
  out->works.clear();
  out->works.reserve(works.size());
  for (size_t k = 0; k < works.size(); ++k) {
    SourcedWork sw;
    if (s = store->GetWork(works[k].work_id, &sw.work); !s.ok()) return s;
    sw.claims = std::move(linking[k]);
    sw.claims_total = works[k].claims;
    sw.cited_by = std::move(cited[k]);
    sw.cited_by_total = works[k].citing;
    out->works.push_back(std::move(sw));
  }

  std::vector<std::string> source_ids;
  source_ids.reserve(sources.size());
  for (const kb::ObjectSource& src : sources) source_ids.push_back(src.source_id);
  std::vector<kb::Source> records;
  std::vector<bool> found;
  if (s = store->GetSources(source_ids, &records, &found); !s.ok()) return s;
  // Each source's claims come with its index entry; a database written
  // before the entries listed them has the sources' own index read.
  std::vector<std::vector<std::string>> asserted(sources.size());
  std::vector<std::string> unlisted;
  for (size_t k = 0; k < sources.size(); ++k) {
    if (sources[k].claims_listed) {
      asserted[k] = std::move(sources[k].claim_ids);
    } else {
      unlisted.push_back(source_ids[k]);
    }
  }
  if (!unlisted.empty()) {
    std::vector<std::vector<std::string>> read;
    if (s = store->ClaimsOfSources(unlisted, &read); !s.ok()) return s;
    for (size_t k = 0, next = 0; k < sources.size(); ++k) {
      if (!sources[k].claims_listed) asserted[k] = std::move(read[next++]);
    }
  }
  out->sources.clear();
  out->sources.reserve(sources.size());
  for (size_t k = 0; k < source_ids.size(); ++k) {
    if (!found[k]) {
      return kb::Status::Corruption("the by_object index names a missing source " + source_ids[k] +
                                    "; run evkb-verify, or re-ingest into a fresh --db");
    }
    SourcedArticle sa;
    sa.source = std::move(records[k]);
    for (std::string& id : asserted[k]) {
      if (claims.count(id) != 0) sa.claims.push_back(std::move(id));
    }
    out->sources.push_back(std::move(sa));
  }
  return kb::Status::OK();
}

}  // namespace query
