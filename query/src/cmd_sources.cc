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

  std::map<std::string, std::set<std::string>> work_claims, source_claims;
  for (const auto& [id, claim] : claims) {
    std::vector<kb::Assertion> assertions;
    kb::Status s = store->AssertionsForClaim(id, &assertions);
    if (!s.ok()) return s;
    for (const kb::Assertion& a : assertions) {
      source_claims[a.source_id].insert(id);
      for (const kb::WorkLink& l : a.works) work_claims[l.work_id].insert(id);
    }
  }
  std::vector<std::string> ids;
  for (const auto& [id, claim] : claims) ids.push_back(id);
  std::vector<Judgement> judged;
  if (kb::Status s = judge->JudgeClaims(ids, &judged); !s.ok()) return s;
  for (const Judgement& j : judged) out->claims.push_back({j.claim, j.verdict, j.confidence});

  for (const auto& [work_id, ids] : work_claims) {
    SourcedWork sw;
    kb::Status s = store->GetWork(work_id, &sw.work);
    if (s.IsNotFound()) continue;
    if (!s.ok()) return s;
    s = store->SourcesCitingWork(work_id, &sw.cited_by);
    if (!s.ok()) return s;
    sw.claims = Sorted(ids);
    out->works.push_back(std::move(sw));
  }
  std::sort(out->works.begin(), out->works.end(), [](const SourcedWork& a, const SourcedWork& b) {
    if (a.work.level != b.work.level) return a.work.level < b.work.level;
    if (a.claims.size() != b.claims.size()) return a.claims.size() > b.claims.size();
    if (a.cited_by.size() != b.cited_by.size()) return a.cited_by.size() > b.cited_by.size();
    return a.work.id < b.work.id;
  });

  for (const auto& [source_id, ids] : source_claims) {
    SourcedArticle sa;
    kb::Status s = store->GetSource(source_id, &sa.source);
    if (s.IsNotFound()) continue;
    if (!s.ok()) return s;
    sa.claims = Sorted(ids);
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
