// evkb-query export: the whole graph for other tools.
#include <CLI/CLI.hpp>

#include "command_util.h"
#include "query/commands.h"
#include "query/render.h"
#include "query/reports.h"

namespace query {

kb::Status BuildGraphExport(kb::Store* store, const kb::Lexicon& lexicon, Judge* judge,
                            GraphExport* out) {
  *out = GraphExport{};
  kb::Status s = store->ForEachSource([out](const kb::Source& src) {
    out->sources.push_back(src);
    return true;
  });
  if (!s.ok()) return s;
  s = store->ForEachWork([out](const kb::Work& w) {
    out->works.push_back(SourcedWork{w, {}, {}});
    return true;
  });
  if (!s.ok()) return s;
  for (SourcedWork& sw : out->works) {
    if (s = store->SourcesCitingWork(sw.work.id, &sw.cited_by); !s.ok()) return s;
  }
  std::vector<kb::Claim> claims;
  s = store->ForEachClaim([&claims](const kb::Claim& c) {
    claims.push_back(c);
    return true;
  });
  if (!s.ok()) return s;
  out->claims.reserve(claims.size());
  for (const kb::Claim& c : claims) {
    ClaimRow row;
    if (s = MakeClaimRow(store, judge, c, &row); !s.ok()) return s;
    out->claims.push_back(std::move(row));
  }
  s = store->ForEachAssertion([out](const kb::Assertion& a) {
    out->assertions.push_back(a);
    return true;
  });
  if (!s.ok()) return s;
  s = store->ForEachMention([out](const kb::Mention& m) {
    out->mentions.push_back(m);
    return true;
  });
  if (!s.ok()) return s;
  s = store->ForEachConcept([out](const kb::Concept& c) {
    out->concepts.push_back(c);
    return true;
  });
  if (!s.ok()) return s;
  if (out->concepts.empty()) out->concepts = lexicon.concepts;
  return kb::Status::OK();
}

Runner SetupExport(CLI::App* sub, const GlobalOptions* global) {
  auto format = std::make_shared<std::string>();
  sub->add_option("--format", *format, "Output format: json|dot|graphml")
      ->required()
      ->check(CLI::IsMember({"json", "dot", "graphml"}));
  sub->footer(
      "Writes the whole graph (sources, works, claims with verdicts, statements, citations,\n"
      "concepts) as JSON for other tools, or as Graphviz DOT or GraphML to draw it."
      "\n\n"
      "Examples:\n"
      "  evkb-query export --format json > graph.json\n"
      "  evkb-query export --format dot | dot -Tsvg > graph.svg");
  return [=]() {
    Context ctx;
    if (int rc = OpenContext(*global, &ctx); rc != 0) return rc;
    Judge judge(ctx.store.get(), &ctx.lexicon);
    GraphExport graph;
    kb::Status s = BuildGraphExport(ctx.store.get(), ctx.lexicon, &judge, &graph);
    if (!s.ok()) return Fail("export", s);
    if (*format == "dot") return Emit(RenderExportDot(graph));
    if (*format == "graphml") return Emit(RenderExportGraphml(graph));
    return Emit(RenderExportJson(graph));
  };
}

}  // namespace query
