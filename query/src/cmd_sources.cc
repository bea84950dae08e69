// evkb-query sources BENEFIT: what are the sources for this benefit?
#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "command_util.h"
#include "query/commands.h"
#include "query/render.h"
#include "query/reports.h"
#include "sources_ranked.h"

namespace query {
namespace {

// `concepts` and everything below them, the given ones first.
std::vector<std::string> WithDescendants(const kb::Lexicon& lex,
                                         const std::vector<std::string>& concepts) {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  auto add = [&](const std::string& id) {
    if (seen.insert(id).second) out.push_back(id);
  };
  for (const std::string& c : concepts) add(c);
  for (const std::string& c : concepts) {
    if (lex.FindConcept(c) == nullptr) continue;
    for (const std::string& d : lex.Descendants(c)) add(d);
  }
  return out;
}

// The by_object lists a bounded report reads for `concepts` (closed under
// narrower concepts): a concept whose object group the store keeps with
// the members the lexicon gives it is read as that group, standing for its
// whole subtree; the rest are read one by one. Concepts are taken broadest
// first, so a group is used before any list below it, and the lists read
// cover disjoint sets of concepts, as the merge of several requires.
std::vector<std::string> IndexObjects(kb::Store* store, const kb::Lexicon& lex,
                                      const std::vector<std::string>& concepts) {
  std::vector<std::pair<size_t, std::string>> by_depth;
  for (const std::string& c : concepts) {
    const size_t depth = lex.FindConcept(c) == nullptr ? 0 : lex.Ancestors(c).size();
    by_depth.emplace_back(depth, c);
  }
  std::stable_sort(by_depth.begin(), by_depth.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::unordered_set<std::string> covered;
  std::vector<std::string> out, members;
  for (const auto& [depth, c] : by_depth) {
    if (covered.count(c) != 0) continue;
    if (lex.FindConcept(c) != nullptr && store->ObjectGroup(c, &members)) {
      std::vector<std::string> subtree = lex.Descendants(c);
      subtree.push_back(c);
      std::sort(subtree.begin(), subtree.end());
      if (subtree == members) {
        out.push_back(kb::ObjectGroupName(c));
        covered.insert(subtree.begin(), subtree.end());
        continue;
      }
    }
    out.push_back(c);
    covered.insert(c);
  }
  return out;
}

}  // namespace

kb::Status BuildSourcesReport(kb::Store* store, const kb::Lexicon& lexicon, Judge* judge,
                              const std::string& benefit, const std::vector<std::string>& concepts,
                              SourcesReport* out, size_t limit) {
  *out = SourcesReport{};
  out->limit = limit;
  out->benefit = benefit;
  out->concepts = WithDescendants(lexicon, concepts);
  const std::unordered_set<std::string> objects(out->concepts.begin(), out->concepts.end());

  if (limit > 0) {
    // Verdicts from the claims' summaries; works and articles from the
    // by_object index.
    kb::Status s = judge->VerdictsAbout(out->concepts, &out->claims);
    if (!s.ok()) return s;
    out->totals.claims = out->claims.size();
    ClaimObjects claim_objects;
    claim_objects.reserve(out->claims.size());
    for (const ClaimVerdict& c : out->claims) claim_objects.emplace(c.claim().id, c.claim().object);
    return RankSourcesFromIndex(store, IndexObjects(store, lexicon, out->concepts), claim_objects,
                                limit, out);
  }

  std::map<std::string, kb::Claim> claims;
  for (const std::string& c : out->concepts) {
    std::vector<std::string> ids;
    kb::Status s = store->ClaimsByConcept(c, &ids);
    if (!s.ok()) return s;
    for (const std::string& id : ids) {
      if (claims.count(id) > 0) continue;
      kb::Claim claim;
      s = store->GetClaim(id, &claim);
      if (s.IsNotFound()) continue;
      if (!s.ok()) return s;
      if (objects.count(claim.object) > 0) claims.emplace(id, std::move(claim));
    }
  }

  // The judgements read every assertion of these claims; the works and
  // articles behind them come from the same reads. Claims are kept as
  // indexes into `ids` (sorted), so sorting indexes sorts claim ids.
  std::vector<std::string> ids;
  ids.reserve(claims.size());
  for (const auto& [id, claim] : claims) ids.push_back(id);
  std::unordered_map<std::string_view, uint32_t> claim_index;
  for (size_t k = 0; k < ids.size(); ++k) claim_index.emplace(ids[k], static_cast<uint32_t>(k));
  struct WorkEntry {
    kb::Work work;
    std::vector<uint32_t> claims;
  };
  std::unordered_map<std::string, std::vector<uint32_t>> source_claims;
  std::unordered_map<std::string, WorkEntry> work_claims;
  std::vector<Judgement> judged;
  kb::Status s = judge->JudgeClaims(
      ids, &judged, [&](const kb::Assertion& a, const std::vector<const kb::Work*>& works) {
        auto c = claim_index.find(a.claim_id);
        if (c == claim_index.end()) return;
        source_claims[a.source_id].push_back(c->second);
        for (const kb::Work* w : works) {
          auto [it, added] = work_claims.try_emplace(w->id);
          if (added) it->second.work = *w;
          it->second.claims.push_back(c->second);
        }
      });
  if (!s.ok()) return s;
  for (const Judgement& j : judged) {
    out->claims.push_back(MakeClaimVerdict(j.claim, j.verdict, j.confidence));
  }
  // Sorted by id, or (a work's, as a bounded report lists them) by object, then id.
  auto claim_ids = [&](std::vector<uint32_t>& v, bool by_object) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    if (by_object) {
      std::stable_sort(v.begin(), v.end(), [&](uint32_t a, uint32_t b) {
        return claims.at(ids[a]).object < claims.at(ids[b]).object;
      });
    }
    std::vector<std::string> named;
    named.reserve(v.size());
    for (uint32_t k : v) named.push_back(ids[k]);
    return named;
  };

  std::vector<std::string> work_ids;
  work_ids.reserve(work_claims.size());
  for (const auto& [work_id, entry] : work_claims) work_ids.push_back(work_id);
  std::sort(work_ids.begin(), work_ids.end());
  std::vector<std::vector<std::string>> cited_by;
  if (s = store->SourcesCitingWorks(work_ids, 0, &cited_by); !s.ok()) return s;
  out->works.reserve(work_ids.size());
  for (size_t k = 0; k < work_ids.size(); ++k) {
    WorkEntry& entry = work_claims[work_ids[k]];
    SourcedWork sw;
    sw.work = std::move(entry.work);
    sw.cited_by = std::move(cited_by[k]);
    sw.cited_by_total = sw.cited_by.size();
    sw.claims = claim_ids(entry.claims, /*by_object=*/true);
    sw.claims_total = sw.claims.size();
    out->works.push_back(std::move(sw));
  }
  std::sort(out->works.begin(), out->works.end(), [](const SourcedWork& a, const SourcedWork& b) {
    if (a.work.level != b.work.level) return a.work.level < b.work.level;
    if (a.claims.size() != b.claims.size()) return a.claims.size() > b.claims.size();
    if (a.cited_by.size() != b.cited_by.size()) return a.cited_by.size() > b.cited_by.size();
    return a.work.id < b.work.id;
  });

  std::vector<std::string> source_ids;
  source_ids.reserve(source_claims.size());
  for (const auto& [source_id, claim_list] : source_claims) source_ids.push_back(source_id);
  std::sort(source_ids.begin(), source_ids.end());
  std::vector<kb::Source> sources;
  std::vector<bool> found;
  if (s = store->GetSources(source_ids, &sources, &found); !s.ok()) return s;
  out->sources.reserve(source_ids.size());
  for (size_t k = 0; k < source_ids.size(); ++k) {
    if (!found[k]) continue;
    SourcedArticle sa;
    sa.source = std::move(sources[k]);
    sa.claims = claim_ids(source_claims[source_ids[k]], /*by_object=*/false);
    out->sources.push_back(std::move(sa));
  }
  std::sort(out->sources.begin(), out->sources.end(),
            [](const SourcedArticle& a, const SourcedArticle& b) {
              if (a.claims.size() != b.claims.size()) return a.claims.size() > b.claims.size();
              return a.source.path < b.source.path;
            });
  out->totals = {out->works.size(), out->sources.size(), out->claims.size()};
  return kb::Status::OK();
}

Runner SetupSources(CLI::App* sub, const GlobalOptions* global) {
  auto benefit = std::make_shared<std::string>();
  sub->add_option("benefit", *benefit, "The benefit or outcome, in words (\"muscle soreness\")")
      ->required();
  auto format = AddFormatOption(sub, {"text", "json", "csl-json", "bibtex"});
  auto limit = std::make_shared<size_t>(kDefaultSourcesLimit);
  sub->add_option("--limit", *limit,
                  "List at most N works and N articles (and, per work, N of its claims and "
                  "N citing articles); 0 lists all")
      ->capture_default_str();
  sub->footer(
      "What are the sources for this benefit? Finds the claims whose outcome is the benefit\n"
      "(or a narrower one) and lists the research they cite, strongest evidence level first,\n"
      "and the articles that make them."
      "\n\n"
      "Works are ranked by evidence level, then by how many of the benefit's claims they\n"
      "back, then by how many articles cite them; articles by how many of its claims they\n"
      "make, then by path. --limit N keeps the first N of each list, exactly as the full\n"
      "lists start, and says how many there are in all (text: \"showing 20 of 3,412\n"
      "articles\"; json: \"totals\", and \"claims_total\" and \"cited_by_total\" per work;\n"
      "a work's claims are listed by object, then id). csl-json and bibtex export the\n"
      "first N works.\n"
      "The claims list at the end is always complete. --limit 0 lists everything, which\n"
      "on a large knowledge base reads every assertion behind the claims."
      "\n\n"
      "Examples:\n"
      "  evkb-query sources DOMS\n"
      "  evkb-query sources \"range of motion\" --limit 0 --format bibtex > rom.bib");
  return [=]() {
    Context ctx;
    if (int rc = OpenContext(*global, &ctx); rc != 0) return rc;
    Judge judge(ctx.store.get(), &ctx.lexicon);
    const std::vector<std::string> concepts = ctx.pipeline->MatchConcepts(*benefit);
    SourcesReport report;
    kb::Status s = BuildSourcesReport(ctx.store.get(), ctx.lexicon, &judge, *benefit, concepts,
                                      &report, *limit);
    if (!s.ok()) return Fail("sources", s);
    if (*format == "json") return Emit(RenderSourcesJson(report));
    if (*format == "csl-json") return Emit(RenderSourcesCslJson(report));
    if (*format == "bibtex") return Emit(RenderSourcesBibtex(report));
    return Emit(RenderSourcesText(report, global->color));
  };
}

}  // namespace query
