// Hand-made audit reports for the renderer tests.
#ifndef EVKB_TESTS_AUDIT_AUDIT_TEST_UTIL_H_
#define EVKB_TESTS_AUDIT_AUDIT_TEST_UTIL_H_

#include <string>
#include <vector>

#include "query/audit.h"

namespace evkb_test {

// A block whose text maps byte for byte onto raw at `base`.
inline ingest::Block MakeBlock(ingest::BlockKind kind, const std::string& text, uint32_t base) {
  ingest::Block b;
  b.kind = kind;
  b.text = text;
  for (uint32_t i = 0; i <= text.size(); ++i) b.offsets.push_back(base + i);
  return b;
}

inline query::Evidence MakeEvidence(kb::Stance stance, const std::string& sentence,
                                    const std::string& path, const std::string& work_label,
                                    const std::string& type, int level) {
  query::Evidence e;
  e.assertion.stance = stance;
  e.assertion.sentence = sentence;
  e.source.id = "src-" + path;
  e.source.path = "seeds/" + path;
  e.source.title = "Title of " + path;
  if (!work_label.empty()) {
    kb::Work w;
    w.id = "w-" + work_label;
    w.label = work_label;
    w.type = type;
    w.level = level;
    e.works.push_back(w);
  }
  e.weight = 0.5;
  return e;
}

// A document of one title and paragraphs, each paragraph one finding of the
// given kind; paragraphs are separated by "\n\n" in raw.
struct Para {
  std::string text;
  query::FindingKind kind;
  bool judged = true;
};

inline query::AuditReport MakeReport(const std::string& title, const std::vector<Para>& paras) {
  query::AuditReport r;
  ingest::Document& doc = r.document;
  doc.path = "drafts/article.md";
  doc.kind = "md";
  doc.title = title;
  doc.raw = "# " + title + "\n\n";
  doc.blocks.push_back(MakeBlock(ingest::BlockKind::kTitle, title, 2));
  for (const Para& p : paras) {
    const uint32_t base = static_cast<uint32_t>(doc.raw.size());
    doc.raw += p.text + "\n\n";
    doc.blocks.push_back(MakeBlock(ingest::BlockKind::kParagraph, p.text, base));
    ++r.sentences;
    if (!p.judged) continue;
    query::Finding f;
    f.kind = p.kind;
    f.sentence = p.text;
    f.span_begin = base;
    f.span_end = base + static_cast<uint32_t>(p.text.size());
    f.block = doc.blocks.size() - 1;
    if (p.kind != query::FindingKind::kUnknown) {
      f.has_claim = true;
      f.claim = {"c1", "foam_rolling", "breaks_down", "scar_tissue",
                 "foam rolling breaks down scar tissue"};
      f.matched = f.claim;
      f.match = 1;
      f.verdict = kb::Verdict::kRefuted;
      f.evidence.push_back(MakeEvidence(
          kb::Stance::kDenies, "A review found no reliable evidence of this.", "002_review.txt",
          "Journal of Sport Rehabilitation 2019", "systematic_review", 1));
    } else {
      f.unknown_terms = {"toxins"};
    }
    r.findings.push_back(f);
    ++r.counts[static_cast<size_t>(p.kind)];
  }
  return r;
}

}  // namespace evkb_test

#endif  // EVKB_TESTS_AUDIT_AUDIT_TEST_UTIL_H_
