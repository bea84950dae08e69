// Accumulates one Block's text byte by byte together with the offset of each
// byte in Document::raw; the readers share it.
#ifndef EVKB_INGEST_SRC_BLOCK_BUILDER_H_
#define EVKB_INGEST_SRC_BLOCK_BUILDER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/document.h"

namespace ingest {

class BlockBuilder {
 public:
  bool empty() const { return text_.empty(); }
  const std::string& text() const { return text_; }

  // Appends `s`, whose first byte is raw[raw_offset] and which is copied
  // verbatim from raw (so byte i maps to raw_offset + i).
  void AppendVerbatim(std::string_view s, uint32_t raw_offset) {
    for (size_t i = 0; i < s.size(); ++i) {
      text_.push_back(s[i]);
      offsets_.push_back(raw_offset + static_cast<uint32_t>(i));
    }
    end_ = raw_offset + static_cast<uint32_t>(s.size());
  }
  // Appends decoded bytes that all stand for raw[raw_begin, raw_end).
  void AppendDecoded(std::string_view s, uint32_t raw_begin, uint32_t raw_end) {
    for (char c : s) {
      text_.push_back(c);
      offsets_.push_back(raw_begin);
    }
    end_ = raw_end;
  }
  // Appends one space standing for raw[raw_offset] unless the text is empty
  // or already ends in white space (a separator between lines or cells).
  void AppendSeparator(uint32_t raw_offset) {
    if (text_.empty() || IsSpace(text_.back())) return;
    text_.push_back(' ');
    offsets_.push_back(raw_offset);
  }

  // Emits the block (trimmed of ASCII white space) to `doc` if any text is
  // left, and resets the builder. Returns whether a block was emitted.
  bool Flush(BlockKind kind, Document* doc) {
    size_t b = 0, e = text_.size();
    while (b < e && IsSpace(text_[b])) ++b;
    while (e > b && IsSpace(text_[e - 1])) --e;
    bool emitted = false;
    if (b < e) {
      Block block;
      block.kind = kind;
      block.text.assign(text_, b, e - b);
      block.offsets.assign(offsets_.begin() + b, offsets_.begin() + e);
      // The end offset: just past the last kept byte in raw.
      uint32_t end = (e == text_.size()) ? end_ : offsets_[e - 1] + 1;
      if (end < block.offsets.back() + 1) end = block.offsets.back() + 1;
      block.offsets.push_back(end);
      doc->blocks.push_back(std::move(block));
      emitted = true;
    }
    text_.clear();
    offsets_.clear();
    end_ = 0;
    return emitted;
  }

  static bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  }

 private:
  std::string text_;
  std::vector<uint32_t> offsets_;
  uint32_t end_ = 0;
};

// One line of input: its text without the line terminator and its offset.
struct Line {
  std::string_view text;
  uint32_t offset = 0;
};

// Splits `bytes` into lines on \n, \r\n or \r, starting at `start`.
inline std::vector<Line> SplitLines(std::string_view bytes, size_t start) {
  std::vector<Line> lines;
  size_t i = start;
  while (i < bytes.size()) {
    size_t j = i;
    while (j < bytes.size() && bytes[j] != '\n' && bytes[j] != '\r') ++j;
    lines.push_back({bytes.substr(i, j - i), static_cast<uint32_t>(i)});
    if (j < bytes.size() && bytes[j] == '\r' && j + 1 < bytes.size() && bytes[j + 1] == '\n') ++j;
    i = j + 1;
  }
  return lines;
}

inline bool IsBlankLine(std::string_view s) {
  for (char c : s) {
    if (!BlockBuilder::IsSpace(c)) return false;
  }
  return true;
}

inline std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && BlockBuilder::IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && BlockBuilder::IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace ingest

#endif  // EVKB_INGEST_SRC_BLOCK_BUILDER_H_
