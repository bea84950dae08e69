// Text for people: the verdict first, then why, one line per piece of evidence.
#include <algorithm>
#include <cstdio>
#include <string>

#include "query/render.h"
#include "text_style.h"

namespace query {
namespace {

// Evidence lines shown per side before "... and N more".
constexpr size_t kEvidencePerSide = 5;
// Sentences are cut to fit one terminal line with their labels.
constexpr size_t kSentenceWidth = 110;

std::string Fixed2(double x) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.2f", x);
  return buf;
}

std::string Mechanisms(const std::map<std::string, int>& m) {
  std::string out;
  for (const auto& [tag, n] : m) {
    if (!out.empty()) out += ", ";
    out += tag + " " + std::to_string(n);
  }
  return out;
}

// The words that name a claim's object, to centre long sentences on.
std::vector<std::string> Anchors(const kb::Lexicon* lexicon, const kb::Claim& claim) {
  if (lexicon == nullptr) return {};
  const kb::Concept* c = lexicon->FindConcept(claim.object);
  return c == nullptr ? std::vector<std::string>{} : c->labels;
}

void EvidenceLines(const TextStyle& st, const kb::Lexicon* lexicon, const char* heading,
                   const char* mark, const std::vector<Evidence>& list, size_t total,
                   const std::string& matched_id, std::string* out) {
  if (list.empty()) return;
  total = std::max(total, list.size());
  *out += st.Bold(std::string(heading) + " (" + std::to_string(total) + "):") + "\n";
  for (size_t i = 0; i < list.size() && i < kEvidencePerSide; ++i) {
    const Evidence& e = list[i];
    std::string line = std::string("  ") + mark + " " + SourceLabel(e.source) + ": \"" +
                       Excerpt(e.assertion.sentence, Anchors(lexicon, e.claim), kSentenceWidth) +
                       "\"";
    line += " " + st.Dim("[" + EvidenceBasis(e.assertion, e.works) +
                         (e.assertion.hedged ? ", hedged" : "") + "]");
    if (e.claim.id != matched_id && !e.claim.text.empty()) {
      line += " " + st.Dim("(about: " + e.claim.text + ")");
    }
    *out += line + "\n";
  }
  const size_t shown = std::min(list.size(), kEvidencePerSide);
  if (total > shown) {
    *out += "  " + st.Dim("... and " + std::to_string(total - shown) + " more") + "\n";
  }
}

// "3 for (1 research-backed), 1 against (none research-backed)".
std::string WhyLine(const Judgement& j) {
  auto side = [](const std::vector<Evidence>& list, size_t total, const char* name) {
    size_t researched = 0;
    for (const Evidence& e : list) researched += kb::IsResearched(e.assertion, e.works) ? 1 : 0;
    total = std::max(total, list.size());
    std::string out = std::to_string(total) + " " + name;
    if (total == 0) return out;
    return out + " (" + (researched == 0 ? std::string("none") : std::to_string(researched)) +
           " research-backed)";
  };
  return side(j.for_evidence, j.for_count, "for") + ", " +
         side(j.against_evidence, j.against_count, "against");
}

void JudgementBlock(const TextStyle& st, const kb::Lexicon* lexicon, const Judgement& j,
                    std::string* out) {
  *out += st.Bold("Claim: ") + j.claim.text + "  " +
          st.Dim("[" + j.claim.id + ", match " + Fixed2(j.match) + "]") + "\n";
  if (!j.mechanisms.empty()) *out += "Mechanisms: " + Mechanisms(j.mechanisms) + "\n";
  EvidenceLines(st, lexicon, "For", "+", j.for_evidence, j.for_count, j.claim.id, out);
  EvidenceLines(st, lexicon, "Against", "-", j.against_evidence, j.against_count, j.claim.id, out);
}

}  // namespace

std::string RenderAskText(const AskReport& r, bool color, const kb::Lexicon* lexicon) {
  TextStyle st(color);
  std::string out;
  if (r.matches.empty()) {
    out += st.Verdict(kb::Verdict::kUnknown) +
           "  nothing in the knowledge base matches this question.\n";
    out += "Question: " + r.question + "\n";
    for (const kb::Claim& p : r.probes) out += "Understood: " + p.text + "\n";
    if (!r.unknown_terms.empty()) {
      out += "Words the lexicon does not know:";
      for (const std::string& t : r.unknown_terms) out += " " + t;
      out += "\n";
    }
    return out;
  }
  const Judgement& best = r.matches.front();
  out += st.Verdict(best.verdict) + "  confidence " + Fixed2(best.confidence) + "  " +
         st.Dim(WhyLine(best)) + "\n";
  out += "Question: " + r.question + "\n";
  JudgementBlock(st, lexicon, best, &out);
  if (r.matches.size() > 1) {
    out += st.Bold("Related claims:") + "\n";
    for (size_t i = 1; i < r.matches.size(); ++i) {
      const Judgement& j = r.matches[i];
      out += "  " + st.Verdict(j.verdict) + "  " + j.claim.text + "  " +
             st.Dim("[" + j.claim.id + ", match " + Fixed2(j.match) + "]") + "\n";
    }
  }
  if (!r.unknown_terms.empty()) {
    out += st.Dim("Not understood:");
    for (const std::string& t : r.unknown_terms) out += " " + t;
    out += "\n";
  }
  return out;
}

namespace {

// "1,234".
std::string Grouped(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// The line under a list a bounded report cut short; empty otherwise.
std::string ShowingOf(const TextStyle& st, const SourcesReport& r, size_t shown, uint64_t total,
                      const char* what) {
  if (r.limit == 0 || shown >= total) return "";
  return "  " + st.Dim("showing " + Grouped(shown) + " of " + Grouped(total) + " " + what +
                       " (--limit 0 lists all)") +
         "\n";
}

}  // namespace

std::string RenderSourcesText(const SourcesReport& r, bool color) {
  TextStyle st(color);
  std::string out = st.Bold("Sources for \"" + r.benefit + "\"");
  std::string concepts;
  for (const std::string& c : r.concepts) concepts += (concepts.empty() ? "" : ", ") + c;
  out += " " +
         st.Dim("(" + (concepts.empty() ? std::string("no matching concept") : concepts) + ")") +
         "\n";
  if (r.claims.empty()) return out + "No claims about it in the knowledge base.\n";
  out += st.Bold("Works") + " (strongest first):\n";
  for (const SourcedWork& w : r.works) {
    out += "  L" + std::to_string(w.work.level) + "  " + DescribeWork(w.work);
    if (!w.work.title.empty()) out += st.Dim("  " + TrimSentence(w.work.title, 80));
    out += st.Dim("  [" + std::to_string(w.claims_total) + " claim(s), cited by " +
                  std::to_string(w.cited_by_total) + "]") +
           "\n";
  }
  if (r.works.empty()) out += "  none: no claim about it cites research\n";
  out += ShowingOf(st, r, r.works.size(), r.totals.works, "works");
  out += st.Bold("Articles") + ":\n";
  for (const SourcedArticle& a : r.sources) {
    out += "  " + SourceLabel(a.source);
    if (!a.source.title.empty()) out += st.Dim("  " + TrimSentence(a.source.title, 80));
    out += st.Dim("  [" + std::to_string(a.claims.size()) + " claim(s)]") + "\n";
  }
  out += ShowingOf(st, r, r.sources.size(), r.totals.sources, "articles");
  out += st.Bold("Claims") + ":\n";
  for (const ClaimVerdict& c : r.claims) {
    out += "  " + st.Verdict(c.verdict) + "  " + c.claim().text + "  " +
           st.Dim("[" + c.claim().id + "]") + "\n";
  }
  return out;
}

std::string RenderClaimsText(const std::vector<ClaimRow>& rows, bool color) {
  TextStyle st(color);
  std::string out;
  for (const ClaimRow& row : rows) {
    out += row.claim.id + "  " + st.Verdict(row.verdict) + "  " + row.claim.text;
    out += st.Dim("  (+" + std::to_string(row.asserts) + " -" + std::to_string(row.denies) +
                  (row.mechanisms.empty() ? "" : "; " + Mechanisms(row.mechanisms)) + ")") +
           "\n";
  }
  out += std::to_string(rows.size()) + " claim(s)\n";
  return out;
}

std::string RenderShowText(const ShowReport& r, bool color, const kb::Lexicon* lexicon) {
  TextStyle st(color);
  std::string out;
  if (r.kind == "claim") {
    const Judgement& j = r.judgement;
    out += st.Verdict(j.verdict) + "  confidence " + Fixed2(j.confidence) + "  " +
           st.Dim(WhyLine(j)) + "\n";
    out += "Subject " + j.claim.subject + ", relation " + j.claim.relation + ", object " +
           j.claim.object + "\n";
    JudgementBlock(st, lexicon, j, &out);
    return out;
  }
  if (r.kind == "work") {
    out += st.Bold("Work ") + r.work.id + ": " + DescribeWork(r.work) + "\n";
    if (!r.work.title.empty()) out += "  " + r.work.title + "\n";
    if (!r.work.container.empty()) out += "  " + r.work.container + "\n";
    if (!r.work.doi.empty()) out += "  doi " + r.work.doi + "\n";
    out += st.Bold("Cited by:") + "\n";
    for (const kb::Source& s : r.sources) out += "  " + SourceLabel(s) + "  " + st.Dim(s.id) + "\n";
  } else if (r.kind == "source") {
    out += st.Bold("Source ") + r.source.id + ": " + r.source.path + "\n";
    if (!r.source.title.empty()) out += "  " + r.source.title + "\n";
    out += st.Bold("Works cited:") + "\n";
    for (const kb::Work& w : r.works) out += "  " + DescribeWork(w) + "  " + st.Dim(w.id) + "\n";
    out += st.Bold("Mentions:") + " " + std::to_string(r.mentions.size()) + "\n";
  } else {
    out += st.Bold("Concept ") + r.concept_def.id + " (" + r.concept_def.kind + ")";
    if (!r.concept_def.parent.empty()) out += ", is a " + r.concept_def.parent;
    out += "\n";
    if (!r.concept_def.labels.empty()) {
      out += "  labels:";
      for (const std::string& l : r.concept_def.labels) out += " \"" + l + "\"";
      out += "\n";
    }
    if (!r.children.empty()) {
      out += "  narrower:";
      for (const std::string& c : r.children) out += " " + c;
      out += "\n";
    }
  }
  out += st.Bold("Claims:") + "\n";
  for (const kb::Claim& c : r.claims) out += "  " + c.id + "  " + c.text + "\n";
  if (!r.assertions.empty()) {
    out += st.Bold("Statements:") + "\n";
    for (const kb::Assertion& a : r.assertions) {
      out += std::string("  ") + (a.stance == kb::Stance::kAsserts ? "+" : "-") + " \"" +
             TrimSentence(a.sentence, kSentenceWidth) + "\"\n";
    }
  }
  return out;
}

std::string RenderStatsText(const StatsReport& r) {
  std::string out;
  out += "sources     " + std::to_string(r.counts.sources) + "\n";
  out += "claims      " + std::to_string(r.counts.claims) + "\n";
  out += "assertions  " + std::to_string(r.counts.assertions) + "\n";
  out += "works       " + std::to_string(r.counts.works) + "\n";
  out += "mentions    " + std::to_string(r.counts.mentions) + "\n";
  out += "concepts    " + std::to_string(r.counts.concepts) + "\n";
  out += "mechanisms ";
  for (const auto& [tag, n] : r.mechanisms) out += " " + tag + " " + std::to_string(n);
  out += "\nverdicts   ";
  for (const auto& [v, n] : r.verdicts) out += " " + v + " " + std::to_string(n);
  out += "\n";
  return out;
}

}  // namespace query
