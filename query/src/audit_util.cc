// Small text helpers for the audit renderers: escaping, dates, spans.
#include <ctime>
#include <string>
#include <string_view>

#include "query/audit.h"

namespace query {
namespace {

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string TodayIso() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

bool SpanInBlock(const ingest::Block& block, uint32_t begin, uint32_t end, size_t* from,
                 size_t* to) {
  const std::string& text = block.text;
  if (block.offsets.size() != text.size() + 1 || text.empty() || end <= begin) return false;
  if (end <= block.offsets.front() || begin >= block.offsets.back()) return false;
  size_t i = 0;
  while (i < text.size() && block.offsets[i] < begin) ++i;
  size_t j = i;
  while (j < text.size() && block.offsets[j] < end) ++j;
  while (i > 0 && IsContinuation(text[i])) --i;
  while (j < text.size() && IsContinuation(text[j])) ++j;
  if (i >= j) return false;
  *from = i;
  *to = j;
  return true;
}

std::string Utf8Tail(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t start = s.size() - max;
  while (start < s.size() && IsContinuation(s[start])) ++start;
  return std::string(s.substr(start));
}

std::string Utf8Head(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t end = max;
  while (end > 0 && IsContinuation(s[end])) --end;
  return std::string(s.substr(0, end));
}

}  // namespace query
