// evkb-query stats: what the knowledge base holds.
#include <CLI/CLI.hpp>

#include "command_util.h"
#include "query/commands.h"
#include "query/render.h"
#include "query/reports.h"

namespace query {

kb::Status BuildStatsReport(kb::Store* store, const kb::Lexicon& lexicon, Judge* judge,
                            StatsReport* out) {
  *out = StatsReport{};
  kb::Status s = store->Counts(&out->counts);
  if (!s.ok()) return s;
  if (out->counts.concepts == 0) out->counts.concepts = lexicon.concepts.size();

  // Every known tag and verdict is listed, at zero when absent.
  for (const char* tag : {"neurological", "mechanical", "psychological"}) out->mechanisms[tag] = 0;
  for (const auto& [tag, cues] : lexicon.mechanisms) out->mechanisms[tag] = 0;
  for (kb::Verdict v : {kb::Verdict::kSupported, kb::Verdict::kRefuted, kb::Verdict::kDisputed,
                        kb::Verdict::kUnsupported}) {
    out->verdicts[kb::VerdictName(v)] = 0;
  }

  s = store->ForEachAssertion([out](const kb::Assertion& a) {
    for (const std::string& m : a.mechanisms) ++out->mechanisms[m];
    return true;
  });
  if (!s.ok()) return s;

  std::vector<std::string> claim_ids;
  s = store->ForEachClaim([&claim_ids](const kb::Claim& c) {
    claim_ids.push_back(c.id);
    return true;
  });
  if (!s.ok()) return s;
  for (const std::string& id : claim_ids) {
    Judgement j;
    s = judge->JudgeClaim(id, &j);
    if (s.IsNotFound()) continue;
    if (!s.ok()) return s;
    ++out->verdicts[kb::VerdictName(j.verdict)];
  }
  return kb::Status::OK();
}

Runner SetupStats(CLI::App* sub, const GlobalOptions* global) {
  auto format = AddFormatOption(sub, {"text", "json"});
  sub->footer(
      "Counts what the knowledge base holds: sources, claims, statements, works, concepts,\n"
      "statements per mechanism and claims per verdict."
      "\n\n"
      "Example:\n  evkb-query stats --format json");
  return [=]() {
    Context ctx;
    if (int rc = OpenContext(*global, &ctx); rc != 0) return rc;
    Judge judge(ctx.store.get(), &ctx.lexicon);
    StatsReport report;
    kb::Status s = BuildStatsReport(ctx.store.get(), ctx.lexicon, &judge, &report);
    if (!s.ok()) return Fail("stats", s);
    return Emit(*format == "json" ? RenderStatsJson(report) : RenderStatsText(report));
  };
}

}  // namespace query
