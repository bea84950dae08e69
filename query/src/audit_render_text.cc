// evkb-query audit --format text: a reading list of findings for people.
#include <cstdio>
#include <string>

#include "query/audit.h"

namespace query {
namespace {

constexpr size_t kLabelWidth = 12;       // "UNSUPPORTED" plus a space
constexpr size_t kEvidenceQuote = 110;   // bytes of an evidence sentence on its line
const char kIndent[] = "             ";  // kLabelWidth + 1

const char* KindColor(FindingKind k) {
  switch (k) {
    case FindingKind::kMyth:
      return "\033[1;31m";
    case FindingKind::kContested:
      return "\033[1;33m";
    case FindingKind::kUnsupported:
      return "\033[1;90m";
    case FindingKind::kConsistent:
      return "\033[1;32m";
    case FindingKind::kUnknown:
      return "\033[1;34m";
  }
  return "";
}

class TextOut {
 public:
  explicit TextOut(bool color) : color_(color) {}

  void Styled(const char* style, const std::string& s) {
    if (color_) out_ += style;
    out_ += s;
    if (color_) out_ += "\033[0m";
  }
  void Dim(const std::string& s) { Styled("\033[2m", s); }
  std::string& str() { return out_; }

 private:
  bool color_;
  std::string out_;
};

std::string Upper(const char* s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return out;
}

std::string Confidence(double c) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", c);
  return buf;
}

void WriteEvidenceLine(TextOut& t, const Evidence& e) {
  std::string& o = t.str();
  o += kIndent;
  t.Dim(e.assertion.stance == kb::Stance::kAsserts ? "for     " : "against ");
  o += SourceName(e.source) + "  \u201c" + Abbreviate(e.assertion.sentence, kEvidenceQuote) +
       "\u201d";
  if (const kb::Work* w = StrongestWork(e)) {
    std::string cite = DisplayLabel(*w);
    if (!w->type.empty() && w->type != "unknown") cite += ", " + DescribeStudyType(w->type);
    o += " ";
    t.Dim("[" + cite + "]");
  } else {
    o += " ";
    t.Dim("[uncited]");
  }
  o += "\n";
}

void WriteFinding(TextOut& t, const Finding& f) {
  std::string& o = t.str();
  std::string label = Upper(FindingKindName(f.kind));
  label.resize(kLabelWidth, ' ');
  t.Styled(KindColor(f.kind), label);
  o += " " + f.sentence + "\n";
  if (f.has_claim) {
    o += kIndent;
    o += "claim: " + f.claim.text;
    if (f.stance == kb::Stance::kDenies) o += " (denied)";
    if (f.hedged) o += " (hedged)";
    o += " \u00b7 KB: ";
    if (f.matched.id.empty()) {
      o += "no matching claim";
    } else {
      o += std::string(kb::VerdictName(f.verdict)) + " (confidence " + Confidence(f.confidence) +
           ")";
      if (f.matched.id != f.claim.id) o += " as \u201c" + f.matched.text + "\u201d";
    }
    o += "\n";
  }
  if (!f.note.empty()) {
    o += kIndent;
    t.Styled(KindColor(FindingKind::kContested), "note: ");
    o += f.note + "\n";
  }
  if (!f.correction.empty()) {
    o += kIndent;
    t.Styled("\033[1m", "correction: ");
    o += f.correction + "\n";
  }
  if (!f.unknown_terms.empty() && !f.has_claim) {
    o += kIndent;
    o += "not understood:";
    for (const std::string& term : f.unknown_terms) o += " \u201c" + term + "\u201d";
    o += "\n";
  }
  for (const Evidence& e : f.evidence) WriteEvidenceLine(t, e);
  o += "\n";
}

}  // namespace

std::string RenderAuditText(const AuditReport& report, bool color) {
  TextOut t(color);
  std::string& o = t.str();
  t.Styled("\033[1m", "Audit of " + (report.document.title.empty()
                                         ? report.document.path
                                         : "\u201c" + report.document.title + "\u201d"));
  if (!report.document.title.empty()) o += " (" + report.document.path + ")";
  o += "\n";
  t.Dim(std::to_string(report.sentences) + " sentences read, " +
        std::to_string(report.findings.size()) + " judged");
  o += "\n\n";
  for (const Finding& f : report.findings) WriteFinding(t, f);
  o += "summary:";
  for (size_t k = 0; k < kFindingKindCount; ++k) {
    const FindingKind kind = static_cast<FindingKind>(k);
    o += k == 0 ? " " : ", ";
    const std::string item = std::to_string(report.counts[k]) + " " + FindingKindName(kind);
    if (report.counts[k] > 0) {
      t.Styled(KindColor(kind), item);
    } else {
      o += item;
    }
  }
  o += "\n";
  return o;
}

}  // namespace query
