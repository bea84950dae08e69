// evkb-query show ID: one claim, work, source or concept with everything linked.
#include <CLI/CLI.hpp>
#include <set>

#include "command_util.h"
#include "query/commands.h"
#include "query/render.h"
#include "query/reports.h"

namespace query {
namespace {

// The claims of `assertions`, each once, in order of first appearance.
kb::Status ClaimsOf(kb::Store* store, const std::vector<kb::Assertion>& assertions,
                    std::vector<kb::Claim>* out) {
  std::set<std::string> seen;
  for (const kb::Assertion& a : assertions) {
    if (!seen.insert(a.claim_id).second) continue;
    kb::Claim c;
    kb::Status s = store->GetClaim(a.claim_id, &c);
    if (s.IsNotFound()) continue;
    if (!s.ok()) return s;
    out->push_back(std::move(c));
  }
  return kb::Status::OK();
}

kb::Status ShowWork(kb::Store* store, ShowReport* out) {
  std::vector<std::string> source_ids;
  kb::Status s = store->SourcesCitingWork(out->work.id, &source_ids);
  if (!s.ok()) return s;
  for (const std::string& id : source_ids) {
    kb::Source src;
    s = store->GetSource(id, &src);
    if (s.IsNotFound()) continue;
    if (!s.ok()) return s;
    out->sources.push_back(src);
    std::vector<kb::Assertion> assertions;
    s = store->AssertionsForSource(id, &assertions);
    if (!s.ok()) return s;
    for (kb::Assertion& a : assertions) {
      for (const kb::WorkLink& l : a.works) {
        if (l.work_id == out->work.id) {
          out->assertions.push_back(std::move(a));
          break;
        }
      }
    }
  }
  return ClaimsOf(store, out->assertions, &out->claims);
}

kb::Status ShowSource(kb::Store* store, ShowReport* out) {
  const std::string& id = out->source.id;
  kb::Status s = store->AssertionsForSource(id, &out->assertions);
  if (!s.ok()) return s;
  if (s = ClaimsOf(store, out->assertions, &out->claims); !s.ok()) return s;
  std::vector<std::string> work_ids;
  if (s = store->WorksCitedBySource(id, &work_ids); !s.ok()) return s;
  for (const std::string& w : work_ids) {
    kb::Work work;
    s = store->GetWork(w, &work);
    if (s.IsNotFound()) continue;
    if (!s.ok()) return s;
    out->works.push_back(std::move(work));
  }
  return store->MentionsForSource(id, &out->mentions);
}

kb::Status ShowConcept(kb::Store* store, const kb::Lexicon& lexicon, ShowReport* out) {
  const std::string& id = out->concept_def.id;
  if (lexicon.FindConcept(id) != nullptr) {
    for (const std::string& d : lexicon.Descendants(id)) {
      const kb::Concept* c = lexicon.FindConcept(d);
      if (c != nullptr && c->parent == id) out->children.push_back(d);
    }
  }
  std::vector<std::string> claim_ids;
  kb::Status s = store->ClaimsByConcept(id, &claim_ids);
  if (!s.ok()) return s;
  for (const std::string& cid : claim_ids) {
    kb::Claim c;
    s = store->GetClaim(cid, &c);
    if (s.IsNotFound()) continue;
    if (!s.ok()) return s;
    out->claims.push_back(std::move(c));
  }
  return kb::Status::OK();
}

}  // namespace

kb::Status BuildShowReport(kb::Store* store, const kb::Lexicon& lexicon, Judge* judge,
                           const std::string& id, ShowReport* out) {
  *out = ShowReport{};
  kb::Status s = judge->JudgeClaim(id, &out->judgement);
  if (s.ok()) {
    out->kind = "claim";
    return s;
  }
  if (!s.IsNotFound()) return s;
  if (s = store->GetWork(id, &out->work); s.ok()) {
    out->kind = "work";
    return ShowWork(store, out);
  }
  if (!s.IsNotFound()) return s;
  if (s = store->GetSource(id, &out->source); s.IsNotFound())
    s = store->FindSourceByPath(id, &out->source);
  if (s.ok()) {
    out->kind = "source";
    return ShowSource(store, out);
  }
  if (!s.IsNotFound()) return s;
  s = store->GetConcept(id, &out->concept_def);
  if (s.IsNotFound()) {
    const kb::Concept* c = lexicon.FindConcept(id);
    if (c == nullptr) {
      return kb::Status::NotFound("no claim, work, source or concept '" + id +
                                  "' (ids are in evkb-query claims and export)");
    }
    out->concept_def = *c;
    s = kb::Status::OK();
  }
  if (!s.ok()) return s;
  out->kind = "concept";
  return ShowConcept(store, lexicon, out);
}

Runner SetupShow(CLI::App* sub, const GlobalOptions* global) {
  auto id = std::make_shared<std::string>();
  sub->add_option("id", *id, "A claim, work or source id, a source path, or a concept id")
      ->required();
  auto format = AddFormatOption(sub, {"text", "json"});
  sub->footer(
      "Shows one thing in the knowledge base with everything linked to it: a claim (c...)\n"
      "with its verdict and evidence, a work (w...) with the sources citing it, a source\n"
      "(s... or its ingested path) with its statements, works and citations, or a concept id."
      "\n\n"
      "Examples:\n"
      "  evkb-query show doms\n"
      "  evkb-query show c0123456789abcdef --format json");
  return [=]() {
    Context ctx;
    if (int rc = OpenContext(*global, &ctx); rc != 0) return rc;
    Judge judge(ctx.store.get(), &ctx.lexicon);
    ShowReport report;
    kb::Status s = BuildShowReport(ctx.store.get(), ctx.lexicon, &judge, *id, &report);
    if (!s.ok()) return Fail("show", s);
    return Emit(*format == "json" ? RenderShowJson(report)
                                  : RenderShowText(report, global->color, &ctx.lexicon));
  };
}

}  // namespace query
