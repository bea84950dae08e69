// evkb-query ask QUESTION: is this claim supported?
#include <CLI/CLI.hpp>
#include <algorithm>
#include <unordered_map>

#include "command_util.h"
#include "query/commands.h"
#include "query/render.h"
#include "query/reports.h"

namespace query {

kb::Status BuildAskReport(ingest::Pipeline* pipeline, Judge* judge, const std::string& question,
                          AskReport* out) {
  *out = AskReport{};
  out->question = question;
  ingest::Pipeline::Question q;
  kb::Status s = pipeline->ParseQuestion(question, &q);
  if (!s.ok()) return s;
  out->probes = q.claims;
  out->stance = q.stance;
  out->unknown_terms = q.unknown_terms;

  // Probes come best reading first; a claim matched by several keeps its
  // first (best) judgement.
  std::unordered_map<std::string, size_t> seen;
  for (const kb::Claim& probe : q.claims) {
    std::vector<Judgement> found;
    s = judge->Match(probe, kAskMatchesPerProbe, &found);
    if (!s.ok()) return s;
    for (Judgement& j : found) {
      auto it = seen.find(j.claim.id);
      if (it != seen.end()) {
        if (j.match > out->matches[it->second].match) out->matches[it->second] = std::move(j);
        continue;
      }
      seen.emplace(j.claim.id, out->matches.size());
      out->matches.push_back(std::move(j));
    }
  }
  std::stable_sort(out->matches.begin(), out->matches.end(),
                   [](const Judgement& a, const Judgement& b) { return a.match > b.match; });
  if (!out->matches.empty()) out->verdict = out->matches.front().verdict;
  return kb::Status::OK();
}

Runner SetupAsk(CLI::App* sub, const GlobalOptions* global) {
  auto question = std::make_shared<std::string>();
  sub->add_option("question", *question, "The question or statement to check")->required();
  auto format = AddFormatOption(sub, {"text", "json"});
  sub->footer(
      "Is this claim supported? Parses the question into claims, matches them against the\n"
      "knowledge base (synonyms, broader and narrower concepts, similar relations) and says\n"
      "supported, refuted, disputed, unsupported or unknown, with the evidence for and against."
      "\n\n"
      "Examples:\n"
      "  evkb-query ask \"Does foam rolling reduce DOMS?\"\n"
      "  evkb-query ask \"Foam rolling breaks up scar tissue\" --format json");
  return [=]() {
    Context ctx;
    if (int rc = OpenContext(*global, &ctx); rc != 0) return rc;
    Judge judge(ctx.store.get(), &ctx.lexicon);
    AskReport report;
    kb::Status s = BuildAskReport(ctx.pipeline.get(), &judge, *question, &report);
    if (!s.ok()) return Fail("ask", s);
    return Emit(*format == "json" ? RenderAskJson(report)
                                  : RenderAskText(report, global->color, &ctx.lexicon));
  };
}

}  // namespace query
