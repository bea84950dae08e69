// evkb-query audit --format claimreview: schema.org ClaimReview JSON-LD, one
// review per finding with a verdict, in an @graph.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <string>
#include <vector>

#include "query/audit.h"

namespace query {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

// Text either side of the sentence in a W3C TextQuoteSelector.
constexpr size_t kSelectorContext = 32;

// Ratings on schema.org's 1 (worst) .. 5 (best) scale.
int RatingValue(FindingKind k) {
  switch (k) {
    case FindingKind::kMyth:
      return 1;
    case FindingKind::kContested:
      return 2;
    case FindingKind::kUnsupported:
      return 3;
    case FindingKind::kConsistent:
      return 5;
    case FindingKind::kUnknown:
      break;
  }
  return 0;
}

void Put(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

std::string Explanation(const Finding& f) {
  std::string out;
  const std::string verdict = kb::VerdictName(f.verdict);
  switch (f.kind) {
    case FindingKind::kMyth:
      out = "Contradicts the evidence in the knowledge base (verdict: " + verdict + ").";
      if (!f.correction.empty()) out += " " + f.correction;
      break;
    case FindingKind::kContested:
      out = "The evidence is divided or does not reach this far (verdict: " + verdict + ").";
      break;
    case FindingKind::kUnsupported:
      out = f.matched.id.empty()
                ? "The knowledge base holds no evidence for this claim."
                : "Only uncited statements back this claim (verdict: " + verdict + ").";
      break;
    case FindingKind::kConsistent:
      out = "Agrees with the evidence in the knowledge base (verdict: " + verdict + ").";
      break;
    case FindingKind::kUnknown:
      break;
  }
  if (!f.note.empty()) out += " Note: " + f.note + ".";
  if (f.kind != FindingKind::kMyth && !f.evidence.empty()) {
    const Evidence& e = f.evidence.front();
    const kb::Work* work = StrongestWork(e);
    out += " Strongest evidence: " + (work ? DisplayLabel(*work) + ", " : std::string()) +
           "\u201c" + Abbreviate(e.assertion.sentence, 160) + "\u201d (" + SourceName(e.source) +
           ").";
  }
  return out;
}

// The document's text just before and after [from, to) of block `index`,
// across block boundaries (blocks are separated by a newline).
void TextAround(const std::vector<ingest::Block>& blocks, size_t index, size_t from, size_t to,
                std::string* prefix, std::string* suffix) {
  std::string before = blocks[index].text.substr(0, from);
  for (size_t b = index; before.size() < kSelectorContext && b-- > 0;)
    before = blocks[b].text + "\n" + before;
  std::string after = blocks[index].text.substr(to);
  for (size_t b = index + 1; after.size() < kSelectorContext && b < blocks.size(); ++b) {
    after += "\n" + blocks[b].text;
  }
  *prefix = Utf8Tail(before, kSelectorContext);
  *suffix = Utf8Head(after, kSelectorContext);
}

// A W3C TextQuoteSelector for the sentence: its text and the text around it.
void WriteQuoteSelector(Writer& w, const AuditReport& report, const Finding& f) {
  std::string prefix, suffix;
  const auto& blocks = report.document.blocks;
  size_t from = 0, to = 0;
  if (f.block < blocks.size() &&
      SpanInBlock(blocks[f.block], f.span_begin, f.span_end, &from, &to)) {
    TextAround(blocks, f.block, from, to, &prefix, &suffix);
  }
  w.Key("selector");
  w.StartObject();
  Put(w, "type", "TextQuoteSelector");
  Put(w, "exact", f.sentence);
  Put(w, "prefix", prefix);
  Put(w, "suffix", suffix);
  w.EndObject();
}

void WriteReview(Writer& w, const AuditReport& report, const Finding& f, const std::string& date) {
  const ingest::Document& doc = report.document;
  w.StartObject();
  Put(w, "@type", "ClaimReview");
  Put(w, "claimReviewed", f.sentence);
  Put(w, "datePublished", date);
  w.Key("author");
  w.StartObject();
  Put(w, "@type", "Organization");
  Put(w, "name", "evkb");
  w.EndObject();

  w.Key("itemReviewed");
  w.StartObject();
  Put(w, "@type", "Claim");
  if (f.has_claim) Put(w, "text", f.claim.text);
  w.Key("appearance");
  w.StartObject();
  Put(w, "@type", "CreativeWork");
  Put(w, "name", doc.title.empty() ? doc.path : doc.title);
  if (!doc.url.empty()) Put(w, "url", doc.url);
  if (!doc.path.empty()) Put(w, "identifier", doc.path);
  if (!doc.author.empty()) {
    w.Key("author");
    w.StartObject();
    Put(w, "@type", "Person");
    Put(w, "name", doc.author);
    w.EndObject();
  }
  if (!doc.date.empty()) Put(w, "datePublished", doc.date);
  w.Key("hasPart");
  w.StartObject();
  Put(w, "@type", "WebPageElement");
  Put(w, "text", f.sentence);
  WriteQuoteSelector(w, report, f);
  w.EndObject();
  w.EndObject();  // appearance
  w.EndObject();  // itemReviewed

  w.Key("reviewRating");
  w.StartObject();
  Put(w, "@type", "Rating");
  w.Key("ratingValue");
  w.Int(RatingValue(f.kind));
  w.Key("bestRating");
  w.Int(5);
  w.Key("worstRating");
  w.Int(1);
  Put(w, "alternateName", FindingKindLabel(f.kind));
  Put(w, "ratingExplanation", Explanation(f));
  w.EndObject();
  w.EndObject();
}

}  // namespace

std::string RenderClaimReview(const AuditReport& report, const std::string& date) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.SetIndent(' ', 2);
  w.StartObject();
  Put(w, "@context", "https://schema.org");
  w.Key("@graph");
  w.StartArray();
  for (const Finding& f : report.findings) {
    if (f.kind == FindingKind::kUnknown) continue;
    WriteReview(w, report, f, date);
  }
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace query
