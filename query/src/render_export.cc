// The whole graph as JSON (CLI.md), Graphviz DOT and GraphML.
#include <cmath>
#include <set>
#include <string>
#include <utility>

#include "json_util.h"
#include "query/audit.h"
#include "query/render.h"
#include "text_style.h"

namespace query {
namespace {

// Node and edge labels are cut so a drawn graph stays legible.
constexpr size_t kLabelWidth = 60;

std::string DotQuote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}


const char* VerdictColor(kb::Verdict v) {
  switch (v) {
    case kb::Verdict::kSupported:
      return "palegreen";
    case kb::Verdict::kRefuted:
      return "lightcoral";
    case kb::Verdict::kDisputed:
      return "khaki";
    case kb::Verdict::kUnsupported:
      return "plum";
    case kb::Verdict::kUnknown:
      return "lightgrey";
  }
  return "white";
}

std::string WorkName(const kb::Work& w) { return w.label.empty() ? kb::WorkLabel(w) : w.label; }

// Claim -> work edges: a claim is backed by the works its assertions link.
std::set<std::pair<std::string, std::string>> EvidenceEdges(const GraphExport& g) {
  std::set<std::pair<std::string, std::string>> edges;
  for (const kb::Assertion& a : g.assertions) {
    for (const kb::WorkLink& l : a.works) edges.emplace(a.claim_id, l.work_id);
  }
  return edges;
}

}  // namespace

std::string RenderExportJson(const GraphExport& g) {
  rapidjson::StringBuffer buf;
  kb::JsonWriter w(buf);
  w.StartObject();
  w.Key("sources");
  w.StartArray();
  for (const kb::Source& s : g.sources) {
    w.StartObject();
    kb::WriteSourceFields(w, s);
    w.EndObject();
  }
  w.EndArray();
  w.Key("works");
  w.StartArray();
  for (const SourcedWork& sw : g.works) {
    w.StartObject();
    kb::WriteWorkFields(w, sw.work);
    KeyStrings(w, "cited_by", sw.cited_by);
    w.EndObject();
  }
  w.EndArray();
  w.Key("claims");
  w.StartArray();
  for (const ClaimRow& row : g.claims) {
    w.StartObject();
    kb::WriteClaimFields(w, row.claim);
    KeyStr(w, "verdict", kb::VerdictName(row.verdict));
    w.Key("confidence");
    w.Double(std::round(row.confidence * 100) / 100);
    KeyCounts(w, "mechanisms", row.mechanisms);
    w.EndObject();
  }
  w.EndArray();
  w.Key("assertions");
  w.StartArray();
  for (const kb::Assertion& a : g.assertions) {
    w.StartObject();
    kb::WriteAssertionFields(w, a);
    w.EndObject();
  }
  w.EndArray();
  w.Key("mentions");
  w.StartArray();
  for (const kb::Mention& m : g.mentions) {
    w.StartObject();
    kb::WriteMentionFields(w, m);
    w.EndObject();
  }
  w.EndArray();
  w.Key("concepts");
  w.StartArray();
  for (const kb::Concept& c : g.concepts) {
    w.StartObject();
    kb::WriteConceptFields(w, c);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return Finish(buf);
}

std::string RenderExportDot(const GraphExport& g) {
  std::string out =
      "digraph evkb {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n";
  for (const kb::Source& s : g.sources) {
    out += "  " + DotQuote(s.id) + " [shape=box, label=" + DotQuote(SourceLabel(s)) + "];\n";
  }
  for (const ClaimRow& row : g.claims) {
    out +=
        "  " + DotQuote(row.claim.id) +
        " [shape=ellipse, style=filled, fillcolor=" + VerdictColor(row.verdict) + ", label=" +
        DotQuote(TrimSentence(row.claim.text, kLabelWidth) + "\n" + kb::VerdictName(row.verdict)) +
        "];\n";
  }
  for (const SourcedWork& sw : g.works) {
    out += "  " + DotQuote(sw.work.id) + " [shape=note, label=" +
           DotQuote(WorkName(sw.work) + "\nlevel " + std::to_string(sw.work.level)) + "];\n";
  }
  for (const kb::Assertion& a : g.assertions) {
    const bool denies = a.stance == kb::Stance::kDenies;
    out += "  " + DotQuote(a.source_id) + " -> " + DotQuote(a.claim_id) +
           " [label=" + DotQuote(kb::StanceName(a.stance)) +
           (denies ? ", color=red, style=dashed" : ", color=darkgreen") + "];\n";
  }
  for (const auto& [claim, work] : EvidenceEdges(g)) {
    out +=
        "  " + DotQuote(claim) + " -> " + DotQuote(work) + " [label=\"evidence\", color=grey];\n";
  }
  out += "}\n";
  return out;
}

std::string RenderExportGraphml(const GraphExport& g) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "  <key id=\"kind\" for=\"all\" attr.name=\"kind\" attr.type=\"string\"/>\n"
      "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
      "  <key id=\"verdict\" for=\"node\" attr.name=\"verdict\" attr.type=\"string\"/>\n"
      "  <key id=\"level\" for=\"node\" attr.name=\"level\" attr.type=\"int\"/>\n"
      "  <key id=\"sentence\" for=\"edge\" attr.name=\"sentence\" attr.type=\"string\"/>\n"
      "  <graph id=\"evkb\" edgedefault=\"directed\">\n";
  auto node = [&out](const std::string& id, const char* kind, const std::string& label,
                     const std::string& extra) {
    out += "    <node id=\"" + EscapeHtml(id) + "\"><data key=\"kind\">" + kind +
           "</data><data key=\"label\">" + EscapeHtml(label) + "</data>" + extra + "</node>\n";
  };
  for (const kb::Source& s : g.sources) node(s.id, "source", SourceLabel(s), "");
  for (const ClaimRow& row : g.claims) {
    node(row.claim.id, "claim", row.claim.text,
         std::string("<data key=\"verdict\">") + kb::VerdictName(row.verdict) + "</data>");
  }
  for (const SourcedWork& sw : g.works) {
    node(sw.work.id, "work", WorkName(sw.work),
         "<data key=\"level\">" + std::to_string(sw.work.level) + "</data>");
  }
  size_t n = 0;
  for (const kb::Assertion& a : g.assertions) {
    out += "    <edge id=\"e" + std::to_string(n++) + "\" source=\"" + EscapeHtml(a.source_id) +
           "\" target=\"" + EscapeHtml(a.claim_id) + "\"><data key=\"kind\">" +
           kb::StanceName(a.stance) + "</data><data key=\"sentence\">" + EscapeHtml(a.sentence) +
           "</data></edge>\n";
  }
  for (const auto& [claim, work] : EvidenceEdges(g)) {
    out += "    <edge id=\"e" + std::to_string(n++) + "\" source=\"" + EscapeHtml(claim) +
           "\" target=\"" + EscapeHtml(work) + "\"><data key=\"kind\">evidence</data></edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

}  // namespace query
