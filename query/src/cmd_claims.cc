// evkb-query claims: the claims in the knowledge base, filtered.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <set>
#include <unordered_set>

#include "command_util.h"
#include "query/commands.h"
#include "query/render.h"
#include "query/reports.h"

namespace query {
namespace {

// The ids of the claims a filter's source or concept allows; `all` when
// neither is given.
kb::Status CandidateIds(kb::Store* store, const kb::Lexicon& lexicon, const ClaimFilter& filter,
                        bool* all, std::set<std::string>* ids) {
  *all = filter.source.empty() && filter.concept_id.empty();
  if (*all) return kb::Status::OK();
  std::set<std::string> from_source, from_concept;
  if (!filter.source.empty()) {
    kb::Source src;
    kb::Status s = store->GetSource(filter.source, &src);
    if (s.IsNotFound()) s = store->FindSourceByPath(filter.source, &src);
    if (s.IsNotFound())
      return kb::Status::NotFound("no source " + filter.source + " (see evkb-query export)");
    if (!s.ok()) return s;
    std::vector<kb::Assertion> assertions;
    s = store->AssertionsForSource(src.id, &assertions);
    if (!s.ok()) return s;
    for (const kb::Assertion& a : assertions) from_source.insert(a.claim_id);
  }
  if (!filter.concept_id.empty()) {
    std::vector<std::string> concepts = {filter.concept_id};
    if (lexicon.FindConcept(filter.concept_id) != nullptr) {
      for (std::string& d : lexicon.Descendants(filter.concept_id))
        concepts.push_back(std::move(d));
    }
    for (const std::string& c : concepts) {
      std::vector<std::string> found;
      kb::Status s = store->ClaimsByConcept(c, &found);
      if (!s.ok()) return s;
      from_concept.insert(found.begin(), found.end());
    }
  }
  if (filter.source.empty()) {
    *ids = std::move(from_concept);
  } else if (filter.concept_id.empty()) {
    *ids = std::move(from_source);
  } else {
    std::set_intersection(from_source.begin(), from_source.end(), from_concept.begin(),
                          from_concept.end(), std::inserter(*ids, ids->end()));
  }
  return kb::Status::OK();
}

}  // namespace

kb::Status MakeClaimRow(kb::Store* store, Judge* judge, const kb::Claim& claim, ClaimRow* out) {
  *out = ClaimRow{};
  out->claim = claim;
  Judgement j;
  kb::Status s = judge->JudgeClaim(claim.id, &j);
  if (!s.ok()) return s;
  out->verdict = j.verdict;
  out->confidence = j.confidence;
  // The judgement pools narrower claims and lists only the strongest
  // evidence; the row counts this claim's own assertions, all of them.
  std::vector<kb::Assertion> own;
  if (s = store->AssertionsForClaim(claim.id, &own); !s.ok()) return s;
  for (const kb::Assertion& a : own) {
    (a.stance == kb::Stance::kAsserts ? out->asserts : out->denies)++;
    for (const std::string& m : a.mechanisms) ++out->mechanisms[m];
  }
  return kb::Status::OK();
}

kb::Status BuildClaimRows(kb::Store* store, const kb::Lexicon& lexicon, Judge* judge,
                          const ClaimFilter& filter, std::vector<ClaimRow>* out) {
  out->clear();
  kb::Verdict wanted = kb::Verdict::kUnknown;
  if (!filter.verdict.empty() && !kb::ParseVerdict(filter.verdict, &wanted)) {
    return kb::Status::InvalidArgument("unknown verdict '" + filter.verdict + "'");
  }
  auto keep = [&](const kb::Claim& claim) -> kb::Status {
    ClaimRow row;
    kb::Status s = MakeClaimRow(store, judge, claim, &row);
    if (!s.ok()) return s;
    if (!filter.verdict.empty() && row.verdict != wanted) return kb::Status::OK();
    if (!filter.mechanism.empty() && row.mechanisms.count(filter.mechanism) == 0)
      return kb::Status::OK();
    out->push_back(std::move(row));
    return kb::Status::OK();
  };

  bool all = false;
  std::set<std::string> ids;
  kb::Status s = CandidateIds(store, lexicon, filter, &all, &ids);
  if (!s.ok()) return s;
  if (all) {
    std::vector<kb::Claim> claims;
    s = store->ForEachClaim([&](const kb::Claim& c) {
      claims.push_back(c);
      return true;
    });
    if (!s.ok()) return s;
    for (const kb::Claim& c : claims) {
      if (s = keep(c); !s.ok()) return s;
    }
    return kb::Status::OK();
  }
  for (const std::string& id : ids) {
    kb::Claim c;
    s = store->GetClaim(id, &c);
    if (s.IsNotFound()) continue;
    if (!s.ok()) return s;
    if (s = keep(c); !s.ok()) return s;
  }
  return kb::Status::OK();
}

Runner SetupClaims(CLI::App* sub, const GlobalOptions* global) {
  auto filter = std::make_shared<ClaimFilter>();
  sub->add_option(
      "--mechanism", filter->mechanism,
      "Only claims some statement explains this way (neurological, mechanical, psychological)");
  sub->add_option("--verdict", filter->verdict, "Only claims with this verdict")
      ->check(CLI::IsMember({"supported", "refuted", "disputed", "unsupported", "unknown"}));
  sub->add_option("--source", filter->source,
                  "Only claims made in this source (id or ingested path)");
  sub->add_option("--concept", filter->concept_id,
                  "Only claims about this concept id or a narrower one");
  auto format = AddFormatOption(sub, {"text", "json"});
  sub->footer(
      "Lists the claims in the knowledge base with their verdicts, the number of statements\n"
      "for and against, and the mechanisms authors give. Filters combine."
      "\n\n"
      "Examples:\n"
      "  evkb-query claims --verdict refuted\n"
      "  evkb-query claims --mechanism neurological --concept doms --format json");
  return [=]() {
    Context ctx;
    if (int rc = OpenContext(*global, &ctx); rc != 0) return rc;
    Judge judge(ctx.store.get(), &ctx.lexicon);
    std::vector<ClaimRow> rows;
    kb::Status s = BuildClaimRows(ctx.store.get(), ctx.lexicon, &judge, *filter, &rows);
    if (!s.ok()) return Fail("claims", s);
    return Emit(*format == "json" ? RenderClaimsJson(rows) : RenderClaimsText(rows, global->color));
  };
}

}  // namespace query
