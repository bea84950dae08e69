// The whole analysis of one article (ingest::Pipeline::Analyze: normalise,
// segment, references, mentions, concepts, claims, linking) and the dry-run
// work resolution, on a Document read as text, Markdown or HTML (first byte).
#include <memory>

#include "fuzz_common_checks.h"
#include "ingest/pipeline.h"
#include "ingest/reader.h"
#include "ingest/work_resolver.h"

EVKB_FUZZ_TARGET(claim_extractor) {
  if (size == 0) return 0;
  static std::unique_ptr<ingest::Pipeline> pipeline;
  if (!pipeline) EVKB_FUZZ_CHECK(ingest::Pipeline::Create(&evkb_fuzz::ShippedLexicon(), &pipeline).ok());
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  ingest::Document doc;
  kb::Status s;
  switch (data[0] % 3) {
    case 0:
      s = ingest::ParseText(bytes, "fuzz.txt", &doc);
      break;
    case 1:
      s = ingest::ParseMarkdown(bytes, "fuzz.md", &doc);
      break;
    default:
      s = ingest::ParseHtml(bytes, "fuzz.html", &doc);
      break;
  }
  if (!s.ok()) return 0;
  evkb_fuzz::CheckDocument(doc);
  ingest::Analysis analysis;
  if (!pipeline->Analyze(doc, &analysis).ok()) return 0;
  for (const kb::Assertion& a : analysis.record.assertions) {
    EVKB_FUZZ_CHECK(a.span_begin <= a.span_end && a.span_end <= doc.raw.size());
  }
  for (const kb::Mention& m : analysis.record.mentions) {
    EVKB_FUZZ_CHECK(m.span_begin <= m.span_end && m.span_end <= doc.raw.size());
  }
  for (const ingest::SentenceAnalysis& sa : analysis.sentences) {
    EVKB_FUZZ_CHECK(sa.span_begin <= sa.span_end && sa.span_end <= doc.raw.size());
    for (size_t k : sa.assertions) EVKB_FUZZ_CHECK(k < analysis.record.assertions.size());
  }
  (void)ingest::ResolveWorks(nullptr, &analysis.record);
  return 0;
}
