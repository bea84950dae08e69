// evkb-query audit --format json (CLI.md).
#include <string>

#include "kb/json_out.h"
#include "query/audit.h"
#include "query/render.h"

namespace query {
namespace {

using kb::JsonWriter;

void WriteString(JsonWriter& w, const std::string& s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void WriteSpan(JsonWriter& w, uint32_t begin, uint32_t end) {
  w.Key("span");
  w.StartArray();
  w.Uint(begin);
  w.Uint(end);
  w.EndArray();
}

void WriteStrings(JsonWriter& w, const char* key, const std::vector<std::string>& items) {
  w.Key(key);
  w.StartArray();
  for (const std::string& s : items) WriteString(w, s);
  w.EndArray();
}

void WriteFinding(JsonWriter& w, const Finding& f) {
  w.StartObject();
  w.Key("kind");
  w.String(FindingKindName(f.kind));
  w.Key("sentence");
  WriteString(w, f.sentence);
  WriteSpan(w, f.span_begin, f.span_end);
  w.Key("claim");
  if (f.has_claim) {
    w.StartObject();
    kb::WriteClaimFields(w, f.claim);
    w.Key("stance");
    w.String(kb::StanceName(f.stance));
    w.Key("hedged");
    w.Bool(f.hedged);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("verdict");
  w.String(kb::VerdictName(f.verdict));
  w.Key("confidence");
  w.Double(f.confidence);
  w.Key("matched_claim");
  if (f.matched.id.empty()) {
    w.Null();
  } else {
    w.StartObject();
    w.Key("id");
    WriteString(w, f.matched.id);
    w.Key("text");
    WriteString(w, f.matched.text);
    w.Key("match");
    w.Double(f.match);
    w.EndObject();
  }
  w.Key("evidence");
  w.StartArray();
  for (const Evidence& e : f.evidence) WriteEvidenceJson(w, e);
  w.EndArray();
  w.Key("correction");
  kb::WriteStringOrNull(w, f.correction);
  w.Key("note");
  kb::WriteStringOrNull(w, f.note);
  WriteStrings(w, "unknown_terms", f.unknown_terms);
  w.EndObject();
}

}  // namespace

std::string RenderAuditJson(const AuditReport& report) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  w.Key("source");
  w.StartObject();
  w.Key("path");
  WriteString(w, report.document.path);
  w.Key("title");
  WriteString(w, report.document.title);
  w.EndObject();
  w.Key("findings");
  w.StartArray();
  for (const Finding& f : report.findings) WriteFinding(w, f);
  w.EndArray();
  w.Key("summary");
  w.StartObject();
  for (size_t k = 0; k < kFindingKindCount; ++k) {
    w.Key(FindingKindName(static_cast<FindingKind>(k)));
    w.Int(report.counts[k]);
  }
  w.EndObject();
  w.Key("sentences");
  w.Uint64(report.sentences);
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace query
