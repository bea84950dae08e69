// Plain text: paragraphs are separated by blank lines; a short unpunctuated
// first line is the title, short unpunctuated one-line paragraphs followed by
// more text are headings, and bulleted or numbered lines are list items.
#include <string>

#include "block_builder.h"
#include "ingest/reader.h"
#include "readers.h"
#include "utf8.h"

namespace ingest {
namespace {

// Longer lines are prose even without a final period.
constexpr size_t kMaxTitleBytes = 150;
constexpr size_t kMaxHeadingBytes = 120;

bool LooksLikeHeading(std::string_view line, size_t max_bytes) {
  line = TrimAscii(line);
  return !line.empty() && line.size() <= max_bytes && !EndsWithTerminalPunctuation(line);
}

// A title may be a question or an exclamation; it just does not end in a period.
bool LooksLikeTitle(std::string_view line) {
  line = TrimAscii(line);
  return !line.empty() && line.size() <= kMaxTitleBytes && line.back() != '.' &&
         line.back() != ',' && line.back() != ';' && line.back() != ':';
}

}  // namespace

size_t ListMarkerLength(std::string_view line, bool allow_plus) {
  static constexpr std::string_view kBullets[] = {"\u2022", "\u25E6", "\u25AA", "\u2023",
                                                  "\u2043", "\u00B7", "\u25CF", "\u2013"};
  auto space_after = [&](size_t n) -> size_t {
    size_t k = n;
    while (k < line.size() && (line[k] == ' ' || line[k] == '\t')) ++k;
    return k;
  };
  for (std::string_view b : kBullets) {
    if (line.substr(0, b.size()) == b) {
      size_t k = space_after(b.size());
      // A bullet glyph needs no space after it, a dash does.
      if (b == "\u2013" && k == b.size()) return 0;
      return k < line.size() ? k : 0;
    }
  }
  if (!line.empty() && (line[0] == '-' || line[0] == '*' || (allow_plus && line[0] == '+'))) {
    size_t k = space_after(1);
    return (k > 1 && k < line.size()) ? k : 0;
  }
  size_t d = 0;
  while (d < line.size() && d < 3 && line[d] >= '0' && line[d] <= '9') ++d;
  if (d > 0 && d < line.size() && (line[d] == '.' || line[d] == ')')) {
    size_t k = space_after(d + 1);
    return (k > d + 1 && k < line.size()) ? k : 0;
  }
  return 0;
}

bool EndsWithTerminalPunctuation(std::string_view s) {
  s = TrimAscii(s);
  static constexpr std::string_view kClosers[] = {"\"", "'", ")", "]", "\u201D", "\u2019", "\u00BB", "*", "_"};
  for (bool stripped = true; stripped && !s.empty();) {
    stripped = false;
    for (std::string_view c : kClosers) {
      if (s.size() >= c.size() && s.substr(s.size() - c.size()) == c) {
        s.remove_suffix(c.size());
        stripped = true;
      }
    }
  }
  if (s.empty()) return false;
  char last = s.back();
  if (last == '.' || last == '!' || last == '?' || last == ':' || last == ';' || last == ',') {
    return true;
  }
  return s.size() >= 3 && s.substr(s.size() - 3) == "\u2026";
}

void BuildTextDocument(std::string_view bytes, Document* doc) {
  doc->raw.assign(bytes.data(), bytes.size());
  std::vector<Line> lines = SplitLines(doc->raw, Utf8BomLength(doc->raw));

  // Paragraphs: runs of non-blank lines, as [begin, end) line indexes.
  std::vector<std::pair<size_t, size_t>> paragraphs;
  for (size_t i = 0; i < lines.size();) {
    if (IsBlankLine(lines[i].text)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < lines.size() && !IsBlankLine(lines[j].text)) ++j;
    paragraphs.emplace_back(i, j);
    i = j;
  }

  BlockBuilder builder;
  auto append_line = [&](const Line& line, size_t skip) {
    std::string_view text = line.text.substr(skip);
    size_t lead = 0;
    while (lead < text.size() && BlockBuilder::IsSpace(text[lead])) ++lead;
    if (!builder.empty()) builder.AppendSeparator(line.offset + static_cast<uint32_t>(skip));
    builder.AppendVerbatim(text.substr(lead), line.offset + static_cast<uint32_t>(skip + lead));
  };

  for (size_t p = 0; p < paragraphs.size(); ++p) {
    auto [begin, end] = paragraphs[p];
    const bool more_follows = (p + 1 < paragraphs.size()) || (end - begin > 1);
    if (p == 0 && more_follows && LooksLikeTitle(lines[begin].text) &&
        ListMarkerLength(TrimAscii(lines[begin].text), false) == 0) {
      append_line(lines[begin], 0);
      doc->title = builder.text();
      builder.Flush(BlockKind::kTitle, doc);
      ++begin;
      if (begin == end) continue;
    }
    if (end - begin == 1 && p + 1 < paragraphs.size() &&
        ListMarkerLength(TrimAscii(lines[begin].text), false) == 0 &&
        LooksLikeHeading(lines[begin].text, kMaxHeadingBytes)) {
      append_line(lines[begin], 0);
      builder.Flush(BlockKind::kHeading, doc);
      continue;
    }
    BlockKind kind = BlockKind::kParagraph;
    for (size_t i = begin; i < end; ++i) {
      std::string_view line = lines[i].text;
      size_t indent = 0;
      while (indent < line.size() && BlockBuilder::IsSpace(line[indent])) ++indent;
      size_t marker = ListMarkerLength(line.substr(indent), false);
      if (marker > 0) {
        builder.Flush(kind, doc);
        kind = BlockKind::kListItem;
        append_line(lines[i], indent + marker);
      } else {
        append_line(lines[i], 0);
      }
    }
    builder.Flush(kind, doc);
  }
}

kb::Status ParseText(std::string_view bytes, const std::string& path, Document* doc) {
  InputProblem problem;
  if (!CheckTextInput(bytes, &problem)) {
    return kb::Status::InvalidArgument(path + ": " + problem.message);
  }
  doc->path = path;
  doc->kind = "txt";
  BuildTextDocument(bytes, doc);
  return kb::Status::OK();
}

}  // namespace ingest
