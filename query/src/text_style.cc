#include "text_style.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "query/render.h"

namespace query {

std::string TextStyle::Wrap(const char* code, std::string_view s) const {
  if (!color_) return std::string(s);
  return std::string("\x1b[") + code + "m" + std::string(s) + "\x1b[0m";
}

std::string TextStyle::Verdict(kb::Verdict v) const {
  std::string name = kb::VerdictName(v);
  for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  switch (v) {
    case kb::Verdict::kSupported:
      return Wrap("1;32", name);
    case kb::Verdict::kRefuted:
      return Wrap("1;31", name);
    case kb::Verdict::kDisputed:
      return Wrap("1;33", name);
    case kb::Verdict::kUnsupported:
      return Wrap("1;35", name);
    case kb::Verdict::kUnknown:
      return Wrap("1;2", name);
  }
  return name;
}

std::string SourceLabel(const kb::Source& s) {
  if (!s.path.empty()) {
    const size_t slash = s.path.find_last_of('/');
    std::string base = slash == std::string::npos ? s.path : s.path.substr(slash + 1);
    if (!base.empty()) return base;
  }
  return s.title.empty() ? s.id : s.title;
}

std::string DescribeWork(const kb::Work& w) {
  std::string label = w.label.empty() ? kb::WorkLabel(w) : w.label;
  std::string type = w.type;
  std::replace(type.begin(), type.end(), '_', ' ');
  if (type.empty() || type == "unknown") return label + ", level " + std::to_string(w.level);
  return label + ", " + type + ", level " + std::to_string(w.level);
}

std::string EvidenceBasis(const kb::Assertion& a, const std::vector<kb::Work>& works) {
  if (!works.empty()) {
    const auto best =
        std::min_element(works.begin(), works.end(),
                         [](const kb::Work& x, const kb::Work& y) { return x.level < y.level; });
    std::string out = DescribeWork(*best);
    if (works.size() > 1) out += " +" + std::to_string(works.size() - 1);
    return out;
  }
  switch (a.attribution) {
    case kb::Attribution::kExpert:
      return a.attributed_to.empty() ? "expert opinion" : "expert: " + a.attributed_to;
    case kb::Attribution::kStudy:
      return a.attributed_to.empty() ? "unidentified study" : "study: " + a.attributed_to;
    case kb::Attribution::kHearsay:
      return "hearsay";
    case kb::Attribution::kAnecdote:
      return "anecdote";
    case kb::Attribution::kAuthor:
      break;
  }
  return "uncited";
}

std::string TrimSentence(std::string_view sentence, size_t max) {
  std::string out;
  out.reserve(sentence.size());
  bool space = false;
  for (char c : sentence) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (out.size() <= max) return out;
  size_t cut = out.rfind(' ', max);
  if (cut == std::string::npos || cut < max / 2) {
    cut = max;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  }
  out.resize(cut);
  while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ' '))
    out.pop_back();
  return out + "\u2026";
}

namespace {

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Byte offset of the first case-insensitive occurrence of `needle` that
// starts a word ("rom" is not found in "from"), or npos.
size_t FindFolded(std::string_view hay, std::string_view needle) {
  if (needle.empty() || needle.size() > hay.size()) return std::string_view::npos;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    if (i > 0 && IsWordByte(hay[i - 1])) continue;
    size_t j = 0;
    while (j < needle.size() && AsciiLower(hay[i + j]) == AsciiLower(needle[j])) ++j;
    if (j == needle.size()) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::string Excerpt(std::string_view sentence, const std::vector<std::string>& anchors,
                    size_t max) {
  const std::string flat = TrimSentence(sentence, std::string::npos);
  if (flat.size() <= max) return flat;
  size_t first = std::string::npos;
  for (const std::string& a : anchors) first = std::min(first, FindFolded(flat, a));
  // Anchors near the start need no shift; TrimSentence cuts the tail.
  if (first == std::string::npos || first < max * 2 / 3) return TrimSentence(flat, max);
  size_t start = flat.rfind(' ', first - std::min(first, max / 3));
  start = start == std::string::npos ? 0 : start + 1;
  return "\u2026" + TrimSentence(std::string_view(flat).substr(start), max);
}

}  // namespace query
