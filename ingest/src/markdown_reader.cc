// Markdown (CommonMark-ish, line based): ATX and setext headings, lists,
// block quotes, tables, fenced code (dropped) and YAML front matter (title,
// author, date, url). Inline markup is stripped to its text; every kept byte
// keeps its offset in the original.
#include <string>

#include "block_builder.h"
#include "ingest/reader.h"
#include "readers.h"
#include "utf8.h"

namespace ingest {
namespace {

// Bounds that keep pathological input linear: how far to look for a closing
// bracket or backtick run, and how deeply link texts nest.
constexpr size_t kMaxScan = 2000;
constexpr int kMaxNesting = 16;

bool IsAsciiPunct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}
bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (static_cast<unsigned char>(c) >= 0x80);
}
bool IsSpaceOrEdge(std::string_view s, size_t i, bool before) {
  if (before ? i == 0 : i >= s.size()) return true;
  return BlockBuilder::IsSpace(before ? s[i - 1] : s[i]);
}

// Index of the bracket closing s[open] (which is `o`), or npos.
size_t MatchBracket(std::string_view s, size_t open, char o, char c) {
  int depth = 0;
  for (size_t i = open; i < s.size() && i < open + kMaxScan; ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == o) {
      ++depth;
    } else if (s[i] == c && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

// Appends the text of inline markdown `s` (whose byte 0 is raw[base]).
void AppendInline(std::string_view s, uint32_t base, int depth, BlockBuilder* out) {
  auto emit = [&](size_t from, size_t len) {
    out->AppendVerbatim(s.substr(from, len), base + static_cast<uint32_t>(from));
  };
  if (depth > kMaxNesting) {
    emit(0, s.size());
    return;
  }
  size_t i = 0;
  while (i < s.size()) {
    char ch = s[i];
    if (ch == '\\' && i + 1 < s.size() && IsAsciiPunct(s[i + 1])) {
      emit(i + 1, 1);
      i += 2;
    } else if (ch == '`') {
      size_t run = 0;
      while (i + run < s.size() && s[i + run] == '`') ++run;
      std::string_view ticks = s.substr(i, run);
      size_t close = s.substr(0, std::min(s.size(), i + run + kMaxScan)).find(ticks, i + run);
      if (close == std::string_view::npos) {
        emit(i, run);
        i += run;
        continue;
      }
      size_t b = i + run, e = close;
      if (e - b >= 2 && s[b] == ' ' && s[e - 1] == ' ') ++b, --e;
      emit(b, e - b);
      i = close + run;
    } else if (ch == '[' || (ch == '!' && i + 1 < s.size() && s[i + 1] == '[')) {
      size_t open = ch == '!' ? i + 1 : i;
      size_t close = MatchBracket(s, open, '[', ']');
      if (close == std::string_view::npos) {
        emit(i, open + 1 - i);
        i = open + 1;
        continue;
      }
      std::string_view inner = s.substr(open + 1, close - open - 1);
      if (!inner.empty() && inner[0] == '^') {  // footnote reference
        i = close + 1;
        continue;
      }
      size_t after = close + 1;
      if (after < s.size() && (s[after] == '(' || s[after] == '[')) {
        size_t end = MatchBracket(s, after, s[after], s[after] == '(' ? ')' : ']');
        if (end != std::string_view::npos) {
          AppendInline(inner, base + static_cast<uint32_t>(open + 1), depth + 1, out);
          i = end + 1;
          continue;
        }
      }
      // Plain brackets ("[3]") are text.
      emit(i, open + 1 - i);
      AppendInline(inner, base + static_cast<uint32_t>(open + 1), depth + 1, out);
      emit(close, 1);
      i = close + 1;
    } else if (ch == '<') {
      size_t close = s.substr(0, std::min(s.size(), i + kMaxScan)).find('>', i + 1);
      if (close == std::string_view::npos) {
        emit(i, 1);
        ++i;
        continue;
      }
      std::string_view inner = s.substr(i + 1, close - i - 1);
      bool autolink = inner.find("://") != std::string_view::npos ||
                      (inner.find('@') != std::string_view::npos &&
                       inner.find(' ') == std::string_view::npos);
      bool tag = !inner.empty() &&
                 (inner[0] == '/' || inner[0] == '!' || (inner[0] >= 'a' && inner[0] <= 'z') ||
                  (inner[0] >= 'A' && inner[0] <= 'Z'));
      if (autolink && inner.find(' ') == std::string_view::npos) {
        emit(i + 1, inner.size());
      } else if (!tag) {
        emit(i, 1);
        ++i;
        continue;
      }
      i = close + 1;
    } else if (ch == '*' || ch == '_' || ch == '~') {
      size_t run = 0;
      while (i + run < s.size() && s[i + run] == ch) ++run;
      bool space_before = IsSpaceOrEdge(s, i, true);
      bool space_after = IsSpaceOrEdge(s, i + run, false);
      bool intraword = i > 0 && i + run < s.size() && IsAlnum(s[i - 1]) && IsAlnum(s[i + run]);
      bool markup = !(space_before && space_after) && !(ch == '_' && intraword) &&
                    !(ch == '~' && run != 2);
      if (!markup) emit(i, run);
      i += run;
    } else {
      emit(i, 1);
      ++i;
    }
  }
}

// Appends a whole source line's inline content, separated from what is
// already in the block.
void AppendLine(const Line& line, size_t skip, BlockBuilder* out) {
  std::string_view text = line.text.substr(std::min(skip, line.text.size()));
  uint32_t base = line.offset + static_cast<uint32_t>(line.text.size() - text.size());
  size_t lead = 0;
  while (lead < text.size() && BlockBuilder::IsSpace(text[lead])) ++lead;
  text.remove_prefix(lead);
  base += static_cast<uint32_t>(lead);
  // Two trailing spaces or a backslash are a hard line break: markup only.
  while (!text.empty() && (BlockBuilder::IsSpace(text.back()) || text.back() == '\\')) {
    text.remove_suffix(1);
  }
  if (!out->empty()) out->AppendSeparator(line.offset > 0 ? line.offset - 1 : 0);
  AppendInline(text, base, 0, out);
}

size_t Indent(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && (line[n] == ' ' || line[n] == '\t')) ++n;
  return n;
}

bool IsFence(std::string_view trimmed, std::string_view* fence) {
  if (trimmed.size() < 3 || (trimmed[0] != '`' && trimmed[0] != '~')) return false;
  size_t n = 0;
  while (n < trimmed.size() && trimmed[n] == trimmed[0]) ++n;
  if (n < 3) return false;
  *fence = trimmed.substr(0, n);
  return true;
}

bool IsRuleOf(std::string_view trimmed, char c, size_t min) {
  size_t count = 0;
  for (char x : trimmed) {
    if (x == c) {
      ++count;
    } else if (x != ' ' && x != '\t') {
      return false;
    }
  }
  return count >= min;
}

bool IsThematicBreak(std::string_view t) {
  return IsRuleOf(t, '-', 3) || IsRuleOf(t, '*', 3) || IsRuleOf(t, '_', 3);
}

bool IsTableSeparator(std::string_view t) {
  if (t.find('-') == std::string_view::npos || t.find('|') == std::string_view::npos) return false;
  for (char c : t) {
    if (c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t') return false;
  }
  return true;
}

std::string Unquote(std::string_view v) {
  v = TrimAscii(v);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
    v = v.substr(1, v.size() - 2);
  }
  return std::string(v);
}

// Reads YAML front matter ("---" ... "---") if the document starts with it.
// Returns the index of the first line after it.
size_t ReadFrontMatter(const std::vector<Line>& lines, Document* doc) {
  if (lines.empty() || TrimAscii(lines[0].text) != "---") return 0;
  for (size_t i = 1; i < lines.size() && i < 200; ++i) {
    std::string_view t = TrimAscii(lines[i].text);
    if (t == "---" || t == "...") {
      for (size_t k = 1; k < i; ++k) {
        std::string_view l = lines[k].text;
        size_t colon = l.find(':');
        if (colon == std::string_view::npos) continue;
        std::string_view key = TrimAscii(l.substr(0, colon));
        std::string value = Unquote(l.substr(colon + 1));
        if (key == "title") doc->title = value;
        if (key == "author") doc->author = value;
        if (key == "date") doc->date = value;
        if (key == "url") doc->url = value;
      }
      return i + 1;
    }
  }
  return 0;
}

}  // namespace

void BuildMarkdownDocument(std::string_view bytes, Document* doc) {
  doc->raw.assign(bytes.data(), bytes.size());
  std::vector<Line> lines = SplitLines(doc->raw, Utf8BomLength(doc->raw));
  BlockBuilder builder;
  BlockKind kind = BlockKind::kParagraph;
  auto flush = [&] {
    builder.Flush(kind, doc);
    kind = BlockKind::kParagraph;
  };
  std::string_view open_fence;
  bool in_fence = false;
  bool seen_h1 = false;

  for (size_t i = ReadFrontMatter(lines, doc); i < lines.size(); ++i) {
    const Line& line = lines[i];
    size_t indent = Indent(line.text);
    std::string_view t = TrimAscii(line.text);
    std::string_view fence;
    if (in_fence) {
      if (IsFence(t, &fence) && fence[0] == open_fence[0] && fence.size() >= open_fence.size() &&
          TrimAscii(t.substr(fence.size())).empty()) {
        in_fence = false;
      }
      continue;
    }
    if (t.empty()) {
      flush();
      continue;
    }
    if (indent <= 3 && IsFence(t, &fence)) {
      flush();
      in_fence = true;
      open_fence = fence;
      continue;
    }
    if (indent <= 3 && t[0] == '#') {
      size_t level = 0;
      while (level < t.size() && t[level] == '#') ++level;
      if (level <= 6 && (level == t.size() || t[level] == ' ' || t[level] == '\t')) {
        flush();
        std::string_view content = t.substr(level);
        while (!content.empty() && (content.back() == '#' || BlockBuilder::IsSpace(content.back()))) {
          content.remove_suffix(1);
        }
        size_t skip = static_cast<size_t>(content.data() - line.text.data());
        AppendLine({line.text.substr(0, skip + content.size()), line.offset}, skip, &builder);
        // The first level-1 heading, when it opens the document, is its title.
        const bool title = level == 1 && !seen_h1 && doc->blocks.empty();
        if (title && doc->title.empty()) doc->title = builder.text();
        if (level == 1) seen_h1 = true;
        kind = title ? BlockKind::kTitle : BlockKind::kHeading;
        flush();
        continue;
      }
    }
    if (indent <= 3 && kind == BlockKind::kParagraph && !builder.empty() &&
        (IsRuleOf(t, '=', 1) || IsRuleOf(t, '-', 1))) {
      if (t[0] == '=' && !seen_h1 && doc->title.empty()) doc->title = builder.text();
      if (t[0] == '=') seen_h1 = true;
      kind = BlockKind::kHeading;
      flush();
      continue;
    }
    if (indent <= 3 && IsThematicBreak(t)) {
      flush();
      continue;
    }
    if (IsTableSeparator(t)) continue;
    if (t[0] == '|') {
      flush();
      size_t start = static_cast<size_t>(t.data() - line.text.data()) + 1;
      for (size_t k = start; k <= line.text.size(); ++k) {
        if (k == line.text.size() || (line.text[k] == '|' && line.text[k - 1] != '\\')) {
          AppendLine({line.text.substr(0, k), line.offset}, start, &builder);
          flush();
          start = k + 1;
        }
      }
      continue;
    }
    if (indent <= 3 && t[0] == '>') {
      size_t skip = indent;
      while (skip < line.text.size() && (line.text[skip] == '>' || line.text[skip] == ' ')) ++skip;
      if (kind != BlockKind::kQuote) flush();
      kind = BlockKind::kQuote;
      AppendLine(line, skip, &builder);
      continue;
    }
    if (size_t marker = ListMarkerLength(line.text.substr(indent), true); marker > 0) {
      flush();
      kind = BlockKind::kListItem;
      size_t skip = indent + marker;
      std::string_view rest = line.text.substr(skip);
      if (rest.size() >= 4 && rest[0] == '[' && rest[2] == ']' && rest[3] == ' ') skip += 4;
      AppendLine(line, skip, &builder);
      continue;
    }
    if (kind == BlockKind::kQuote) flush();
    AppendLine(line, 0, &builder);
  }
  flush();
  if (doc->title.empty()) {
    for (const Block& b : doc->blocks) {
      if (b.kind == BlockKind::kHeading) {
        doc->title = b.text;
        break;
      }
    }
  }
}

kb::Status ParseMarkdown(std::string_view bytes, const std::string& path, Document* doc) {
  InputProblem problem;
  if (!CheckTextInput(bytes, &problem)) {
    return kb::Status::InvalidArgument(path + ": " + problem.message);
  }
  doc->path = path;
  doc->kind = "md";
  BuildMarkdownDocument(bytes, doc);
  return kb::Status::OK();
}

}  // namespace ingest
