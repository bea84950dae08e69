// evkb-query audit --format html: one self-contained page. The article's text
// with each judged sentence highlighted by kind, a popover with the evidence
// on hover or click (CSS :hover and :focus, no script), numbered cards with
// the full evidence beside it, and a sticky bar with the counts.
//
// Safety: every string from the article or the KB goes through EscapeHtml;
// the page links nothing but its own #anchors, and its Content-Security-Policy
// forbids scripts and every network load, should anything slip through.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "audit_html_style.h"
#include "query/audit.h"

namespace query {
namespace {

constexpr char kCsp[] =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; "
    "base-uri 'none'; form-action 'none'";
constexpr size_t kCardQuote = 260;  // bytes of the sentence quoted in a card's summary
constexpr size_t kEvidenceQuote = 240;
constexpr size_t kTipEvidence = 2;  // evidence items in a popover

const char* KindBlurb(FindingKind k) {
  switch (k) {
    case FindingKind::kMyth:
      return "Contradicts the evidence";
    case FindingKind::kContested:
      return "Evidence divided or overstated";
    case FindingKind::kUnsupported:
      return "No research behind it";
    case FindingKind::kConsistent:
      return "Agrees with the evidence";
    case FindingKind::kUnknown:
      return "Not understood by the lexicon";
  }
  return "";
}

std::string KindClass(FindingKind k) { return std::string("k-") + FindingKindName(k); }

std::string Plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string Fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string FindingId(size_t n) { return "f" + std::to_string(n + 1); }

// ---- Pieces shared by popovers and cards. All return HTML.

std::string EvidenceItem(const Evidence& e, const char* tag) {
  const bool affirms = e.assertion.stance == kb::Stance::kAsserts;
  std::string h = std::string("<") + tag + " class=\"ev\">";
  h += affirms ? "<span class=\"side for\">For</span>"
               : "<span class=\"side against\">Against</span>";
  h += "<q>" + EscapeHtml(Abbreviate(e.assertion.sentence, kEvidenceQuote)) + "</q>";
  h += "<span class=\"cite\">";
  if (const kb::Work* w = StrongestWork(e)) {
    h += "<b>" + EscapeHtml(DisplayLabel(*w)) + "</b>";
    if (!w->type.empty() && w->type != "unknown")
      h += " \u00b7 " + EscapeHtml(DescribeStudyType(w->type));
    h += " \u00b7 level " + std::to_string(w->level);
  } else {
    h += "<b>uncited</b>";
  }
  if (e.assertion.hedged) h += " \u00b7 hedged";
  h += " \u00b7 " + EscapeHtml(SourceName(e.source)) + "</span>";
  h += std::string("</") + tag + ">";
  return h;
}

std::string ClaimRow(const Finding& f, const char* tag) {
  const std::string open = std::string("<") + tag + " class=\"row\">";
  const std::string close = std::string("</") + tag + ">";
  std::string h;
  if (f.has_claim) {
    h += open + "<span class=\"lbl\">Claim</span>" + EscapeHtml(f.claim.text);
    if (f.stance == kb::Stance::kDenies) h += " <i>(denied)</i>";
    if (f.hedged) h += " <i>(hedged)</i>";
    h += close;
    h += open + "<span class=\"lbl\">Verdict</span>";
    if (f.matched.id.empty()) {
      h += "no matching claim in the knowledge base";
    } else {
      h += EscapeHtml(kb::VerdictName(f.verdict)) + " \u00b7 confidence " + Fixed2(f.confidence);
      if (f.matched.id != f.claim.id)
        h += " \u00b7 as \u201c" + EscapeHtml(f.matched.text) + "\u201d";
    }
    h += close;
  }
  if (!f.note.empty()) h += open + "<span class=\"note\">" + EscapeHtml(f.note) + "</span>" + close;
  if (!f.has_claim) {
    h += open + "<span class=\"lbl\">Not understood</span>";
    if (f.unknown_terms.empty()) h += "<span class=\"empty\">no known concepts</span>";
    for (const std::string& t : f.unknown_terms)
      h += "<code class=\"term\">" + EscapeHtml(t) + "</code> ";
    h += close;
  }
  if (!f.correction.empty()) {
    h += std::string("<") + tag +
         " class=\"row correction\"><span class=\"lbl\">Correction</span>" +
         EscapeHtml(f.correction) + close;
  }
  return h;
}

// The popover inside a highlight: phrasing content only (spans).
std::string Tip(const Finding& f) {
  std::string h = "<span class=\"tip\" role=\"tooltip\"><span class=\"tip-head\">";
  h += std::string(FindingKindLabel(f.kind)) + " \u2014 " + KindBlurb(f.kind) + "</span>";
  h += ClaimRow(f, "span");
  for (size_t i = 0; i < f.evidence.size() && i < kTipEvidence; ++i) {
    h += EvidenceItem(f.evidence[i], "span");
  }
  return h + "</span>";
}

std::string Card(const Finding& f, size_t n) {
  const std::string kind = KindClass(f.kind);
  std::string h = "<details class=\"card " + kind + "\" id=\"" + FindingId(n) + "\" data-kind=\"" +
                  FindingKindName(f.kind) + "\"" +
                  (f.kind == FindingKind::kConsistent ? "" : " open") + ">";
  h += "<summary><span class=\"card-top\"><span class=\"badge\">" +
       std::string(FindingKindLabel(f.kind)) + "</span><span class=\"num\">#" +
       std::to_string(n + 1) + "</span><span class=\"toggle\"></span></span>";
  h += "<span class=\"quote\">" + EscapeHtml(Abbreviate(f.sentence, kCardQuote)) +
       "</span></summary>";
  h += "<div class=\"card-body\">" + ClaimRow(f, "div");
  if (!f.evidence.empty()) {
    h += "<ul class=\"evidence\">";
    for (const Evidence& e : f.evidence) h += EvidenceItem(e, "li");
    h += "</ul>";
  } else if (f.has_claim) {
    h += "<div class=\"row empty\">No evidence in the knowledge base.</div>";
  }
  return h + "</div></details>\n";
}

// ---- The article.

struct Highlight {
  size_t from, to, finding;
};

// Where each finding falls in the document's blocks: block -> highlights.
std::vector<std::vector<Highlight>> PlaceFindings(const AuditReport& report) {
  const auto& blocks = report.document.blocks;
  std::vector<std::vector<Highlight>> placed(blocks.size());
  for (size_t n = 0; n < report.findings.size(); ++n) {
    const Finding& f = report.findings[n];
    size_t from = 0, to = 0;
    if (f.block < blocks.size() &&
        SpanInBlock(blocks[f.block], f.span_begin, f.span_end, &from, &to)) {
      placed[f.block].push_back({from, to, n});
      continue;
    }
    for (size_t b = 0; b < blocks.size(); ++b) {
      if (SpanInBlock(blocks[b], f.span_begin, f.span_end, &from, &to)) {
        placed[b].push_back({from, to, n});
        break;
      }
    }
  }
  for (auto& list : placed) {
    std::sort(list.begin(), list.end(),
              [](const Highlight& a, const Highlight& b) { return a.from < b.from; });
  }
  return placed;
}

std::string BlockText(const AuditReport& report, const ingest::Block& block,
                      const std::vector<Highlight>& highlights) {
  std::string h;
  size_t at = 0;
  for (const Highlight& hl : highlights) {
    if (hl.from < at) continue;  // overlapping spans: keep the first
    const Finding& f = report.findings[hl.finding];
    const std::string id = FindingId(hl.finding);
    h += EscapeHtml(std::string_view(block.text).substr(at, hl.from - at));
    h += "<mark class=\"s " + KindClass(f.kind) + "\" id=\"s-" + id + "\" data-kind=\"" +
         FindingKindName(f.kind) + "\" tabindex=\"0\">";
    h += EscapeHtml(std::string_view(block.text).substr(hl.from, hl.to - hl.from));
    h += Tip(f) + "</mark><a class=\"ref " + KindClass(f.kind) + "\" href=\"#" + id + "\">" +
         std::to_string(hl.finding + 1) + "</a>";
    at = hl.to;
  }
  h += EscapeHtml(std::string_view(block.text).substr(at));
  return h;
}

std::string Article(const AuditReport& report) {
  const auto& blocks = report.document.blocks;
  const auto placed = PlaceFindings(report);
  std::string h = "<article class=\"article\">\n<p class=\"kicker\">The article</p>\n";
  const bool has_title = std::any_of(blocks.begin(), blocks.end(), [](const ingest::Block& b) {
    return b.kind == ingest::BlockKind::kTitle;
  });
  if (!has_title && !report.document.title.empty()) {
    h += "<h1>" + EscapeHtml(report.document.title) + "</h1>\n";
  }
  bool in_list = false;
  for (size_t b = 0; b < blocks.size(); ++b) {
    const ingest::BlockKind kind = blocks[b].kind;
    if (in_list && kind != ingest::BlockKind::kListItem) {
      h += "</ul>\n";
      in_list = false;
    }
    // HTML articles often repeat their <title> as the first heading.
    if (kind == ingest::BlockKind::kHeading && placed[b].empty() && b > 0 &&
        blocks[b - 1].kind == ingest::BlockKind::kTitle && blocks[b - 1].text == blocks[b].text) {
      continue;
    }
    const std::string text = BlockText(report, blocks[b], placed[b]);
    switch (kind) {
      case ingest::BlockKind::kTitle:
        h += "<h1>" + text + "</h1>\n";
        break;
      case ingest::BlockKind::kHeading:
        h += "<h2>" + text + "</h2>\n";
        break;
      case ingest::BlockKind::kListItem:
        if (!in_list) h += "<ul>\n";
        in_list = true;
        h += "<li>" + text + "</li>\n";
        break;
      case ingest::BlockKind::kQuote:
        h += "<blockquote>" + text + "</blockquote>\n";
        break;
      case ingest::BlockKind::kParagraph:
        h += "<p>" + text + "</p>\n";
        break;
    }
  }
  if (in_list) h += "</ul>\n";
  return h + "</article>\n";
}

// ---- Page frame.

std::string Legend(const AuditReport& report) {
  std::string h = "<ul class=\"legend\" aria-label=\"Findings by kind\">";
  for (size_t k = 0; k < kFindingKindCount; ++k) {
    const FindingKind kind = static_cast<FindingKind>(k);
    const int n = report.counts[k];
    h += "<li class=\"" + KindClass(kind) + (n == 0 ? " zero" : "") + "\" title=\"" +
         KindBlurb(kind) + "\"><span class=\"swatch\"></span>" + FindingKindLabel(kind) +
         " <b class=\"count\" id=\"count-" + FindingKindName(kind) + "\" data-kind=\"" +
         FindingKindName(kind) + "\">" + std::to_string(n) + "</b></li>";
  }
  return h + "</ul>";
}

std::string Overview(const AuditReport& report) {
  const int bad = report.Count(FindingKind::kMyth) + report.Count(FindingKind::kContested);
  const int unsupported = report.Count(FindingKind::kUnsupported);
  std::string headline, cls;
  if (bad > 0) {
    headline = Plural(bad, "claim contradicts or overstates", "claims contradict or overstate") +
               " the evidence";
    cls = "bad";
  } else if (unsupported > 0) {
    headline = "No myths found; " + Plural(unsupported, "claim has", "claims have") +
               " no research behind it";
  } else if (report.Count(FindingKind::kConsistent) > 0) {
    headline = "No myths found: every judged claim agrees with the evidence";
    cls = "good";
  } else {
    headline = "No claims the knowledge base can judge";
  }
  std::string h = "<section class=\"overview\"><p class=\"headline " + cls + "\">" +
                  EscapeHtml(headline) + "</p>";
  h += "<p class=\"meta\">" + Plural(static_cast<int>(report.sentences), "sentence", "sentences") +
       " read \u00b7 " + std::to_string(report.findings.size()) +
       " judged \u00b7 hover or click a highlighted sentence for its evidence"
       " \u00b7 " +
       TodayIso() + "</p>";
  // Where an editor should start: the myths, then the contested claims.
  std::string first;
  for (size_t n = 0; n < report.findings.size(); ++n) {
    const FindingKind k = report.findings[n].kind;
    if (k != FindingKind::kMyth && k != FindingKind::kContested) continue;
    first += "<a class=\"" + KindClass(k) + "\" href=\"#" + FindingId(n) + "\">#" +
             std::to_string(n + 1) + "</a>";
  }
  if (!first.empty()) h += "<p class=\"first\">Review first:" + first + "</p>";
  return h + "</section>\n";
}

std::string Footer() {
  std::string h =
      "<footer><strong>How to read this report.</strong> Each sentence that states an effect was "
      "matched against the claims in the evkb knowledge base and the research its sources cite.";
  h += "<dl>";
  for (size_t k = 0; k < kFindingKindCount; ++k) {
    const FindingKind kind = static_cast<FindingKind>(k);
    h += "<dt class=\"" + KindClass(kind) + "\">" + FindingKindLabel(kind) + "</dt><dd>" +
         KindBlurb(kind) + "</dd>";
  }
  return h + "</dl></footer>\n";
}

}  // namespace

std::string RenderAuditHtml(const AuditReport& report) {
  const ingest::Document& doc = report.document;
  const std::string title = doc.title.empty() ? doc.path : doc.title;
  std::string h = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<meta http-equiv=\"Content-Security-Policy\" content=\"" + std::string(kCsp) + "\">\n";
  h += "<meta name=\"referrer\" content=\"no-referrer\">\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += "<meta name=\"generator\" content=\"evkb\">\n";
  h += "<title>Audit: " + EscapeHtml(title) + "</title>\n<style>" + kAuditHtmlStyle +
       "</style>\n</head>\n<body>\n";
  h += "<header class=\"bar\"><div class=\"bar-inner\"><span class=\"brand\">evkb audit</span>";
  h += "<div class=\"doc\"><span class=\"doc-title\">" + EscapeHtml(title) +
       "</span><span class=\"doc-path\">" + EscapeHtml(doc.url.empty() ? doc.path : doc.url) +
       "</span></div>";
  h += Legend(report) + "</div></header>\n";
  h += "<main class=\"layout\">\n" + Overview(report) + Article(report);
  h += "<aside class=\"findings\" aria-label=\"Findings\"><h2>Findings</h2>\n";
  if (report.findings.empty()) h += "<p class=\"empty\">No sentence made a claim to judge.</p>";
  for (size_t n = 0; n < report.findings.size(); ++n) h += Card(report.findings[n], n);
  h += "</aside>\n</main>\n" + Footer() + "</body>\n</html>\n";
  return h;
}

}  // namespace query
