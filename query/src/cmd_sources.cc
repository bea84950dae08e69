// evkb-query sources BENEFIT: what are the sources for this benefit?
#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

#include "command_util.h"
#include "query/commands.h"
#include "query/render.h"
#include "query/reports.h"

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

template <typename T>
std::vector<std::string> Sorted(const std::set<T>& s) {
  return std::vector<std::string>(s.begin(), s.end());
}

}  // namespace

kb::Status BuildSourcesReport(kb::Store* store, const kb::Lexicon& lexicon, Judge* judge,
                              const std::string& benefit, const std::vector<std::string>& concepts,
                              SourcesReport* out) {
  *out = SourcesReport{};
  out->benefit = benefit;
  out->concepts = WithDescendants(lexicon, concepts);
  const std::unordered_set<std::string> objects(out->concepts.begin(), out->concepts.end());

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
  // articles behind them come from the same reads.
  std::vector<std::string> ids;
  ids.reserve(claims.size());
  for (const auto& [id, claim] : claims) ids.push_back(id);
  std::map<std::string, std::set<std::string>> source_claims;
  std::map<std::string, std::pair<kb::Work, std::set<std::string>>> work_claims;
  std::vector<Judgement> judged;
  kb::Status s = judge->JudgeClaims(
      ids, &judged, [&](const kb::Assertion& a, const std::vector<const kb::Work*>& works) {
        source_claims[a.source_id].insert(a.claim_id);
        for (const kb::Work* w : works) {
          auto [it, added] = work_claims.try_emplace(w->id);
          if (added) it->second.first = *w;
          it->second.second.insert(a.claim_id);
        }
      });
  if (!s.ok()) return s;
  for (const Judgement& j : judged) out->claims.push_back({j.claim, j.verdict, j.confidence});

  std::vector<std::string> work_ids;
  work_ids.reserve(work_claims.size());
  for (const auto& [work_id, entry] : work_claims) work_ids.push_back(work_id);
  std::vector<std::vector<std::string>> cited_by;
  if (s = store->SourcesCitingWorks(work_ids, &cited_by); !s.ok()) return s;
  out->works.reserve(work_claims.size());
  size_t i = 0;
  for (auto& [work_id, entry] : work_claims) {
    SourcedWork sw;
    sw.work = std::move(entry.first);
    sw.cited_by = std::move(cited_by[i++]);
    sw.claims = Sorted(entry.second);
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
  for (const auto& [source_id, claim_ids] : source_claims) source_ids.push_back(source_id);
  std::vector<kb::Source> sources;
  std::vector<bool> found;
  if (s = store->GetSources(source_ids, &sources, &found); !s.ok()) return s;
  out->sources.reserve(source_ids.size());
  i = 0;
  for (auto& [source_id, claim_ids] : source_claims) {
    const size_t k = i++;
    if (!found[k]) continue;
    SourcedArticle sa;
    sa.source = std::move(sources[k]);
    sa.claims = Sorted(claim_ids);
    out->sources.push_back(std::move(sa));
  }
  std::sort(out->sources.begin(), out->sources.end(),
            [](const SourcedArticle& a, const SourcedArticle& b) {
              if (a.claims.size() != b.claims.size()) return a.claims.size() > b.claims.size();
              return a.source.path < b.source.path;
            });
  return kb::Status::OK();
}

Runner SetupSources(CLI::App* sub, const GlobalOptions* global) {
  auto benefit = std::make_shared<std::string>();
  sub->add_option("benefit", *benefit, "The benefit or outcome, in words (\"muscle soreness\")")
      ->required();
  auto format = AddFormatOption(sub, {"text", "json", "csl-json", "bibtex"});
  sub->footer(
      "What are the sources for this benefit? Finds the claims whose outcome is the benefit\n"
      "(or a narrower one) and lists the research they cite, strongest evidence level first,\n"
      "and the articles that make them."
      "\n\n"
      "Examples:\n"
      "  evkb-query sources DOMS\n"
      "  evkb-query sources \"range of motion\" --format bibtex > rom.bib");
  return [=]() {
    Context ctx;
    if (int rc = OpenContext(*global, &ctx); rc != 0) return rc;
    Judge judge(ctx.store.get(), &ctx.lexicon);
    const std::vector<std::string> concepts = ctx.pipeline->MatchConcepts(*benefit);
    SourcesReport report;
    kb::Status s =
        BuildSourcesReport(ctx.store.get(), ctx.lexicon, &judge, *benefit, concepts, &report);
    if (!s.ok()) return Fail("sources", s);
    if (*format == "json") return Emit(RenderSourcesJson(report));
    if (*format == "csl-json") return Emit(RenderSourcesCslJson(report));
    if (*format == "bibtex") return Emit(RenderSourcesBibtex(report));
    return Emit(RenderSourcesText(report, global->color));
  };
}

}  // namespace query
