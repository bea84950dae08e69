#include "utf8.h"

#include <algorithm>
#include <cstring>

namespace ingest {

size_t FindInvalidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    // ASCII runs are the common case: skip eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // no overlongs
      if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    } else {
      return i;
    }
    if (i + 1 >= n || s[i + 1] < lo || s[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k) {
      if (i + k >= n || (s[i + k] & 0xC0) != 0x80) return i;
    }
    i += len;
  }
  return kValidUtf8;
}

size_t Utf8BomLength(std::string_view bytes) {
  return bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

int LineOfByte(std::string_view bytes, uint64_t offset) {
  offset = std::min<uint64_t>(offset, bytes.size());
  return 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
}

bool CheckTextInput(std::string_view bytes, InputProblem* problem) {
  if (bytes.empty() || bytes.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
    problem->byte = 0;
    problem->message = "empty input; nothing to read";
    return false;
  }
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                            (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    problem->byte = 0;
    problem->message =
        "UTF-16 text; convert to UTF-8 (for example: iconv -f UTF-16 -t UTF-8)";
    return false;
  }
  if (size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    problem->byte = nul;
    problem->message = "binary data (NUL byte at byte " + std::to_string(nul) +
                       "); only UTF-8 text, Markdown, HTML and JSONL can be read";
    return false;
  }
  // Text may hold the odd stray control byte; binary data holds many.
  const size_t sample = std::min<size_t>(bytes.size(), 64 * 1024);
  size_t controls = 0, first_control = 0;
  for (size_t i = 0; i < sample; ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) ||
        c == 0x7F) {
      if (controls++ == 0) first_control = i;
    }
  }
  if (controls > 8 && controls * 100 > sample) {
    problem->byte = first_control;
    problem->message = "binary data (" + std::to_string(controls) +
                       " control bytes, the first at byte " + std::to_string(first_control) +
                       "); only UTF-8 text, Markdown, HTML and JSONL can be read";
    return false;
  }
  if (size_t bad = FindInvalidUtf8(bytes); bad != kValidUtf8) {
    problem->byte = bad;
    problem->message = "invalid UTF-8 at byte " + std::to_string(bad) +
                       "; re-save the file as UTF-8 (for example: iconv -f WINDOWS-1252 -t UTF-8)";
    return false;
  }
  return true;
}

}  // namespace ingest
