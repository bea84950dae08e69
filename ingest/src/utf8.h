// UTF-8 validation and binary sniffing shared by the readers.
#ifndef EVKB_INGEST_SRC_UTF8_H_
#define EVKB_INGEST_SRC_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ingest {

inline constexpr size_t kValidUtf8 = static_cast<size_t>(-1);

// Offset of the first byte that does not start or continue a well-formed
// UTF-8 sequence (overlongs, surrogates and code points above U+10FFFF are
// ill-formed), or kValidUtf8.
size_t FindInvalidUtf8(std::string_view bytes);

inline bool IsAscii(std::string_view bytes) {
  for (unsigned char c : bytes) {
    if (c & 0x80) return false;
  }
  return true;
}

// Length of a UTF-8 byte-order mark at the start of `bytes` (0 or 3).
size_t Utf8BomLength(std::string_view bytes);

// Why `bytes` cannot be read as UTF-8 text, if it cannot.
struct InputProblem {
  uint64_t byte = 0;
  std::string message;  // without the path; ends with what to do
};

// Rejects empty input, UTF-16/UTF-32 (by BOM), binary data (NUL bytes or
// many control bytes) and ill-formed UTF-8. Returns true when `bytes` is
// acceptable; otherwise fills `problem`.
bool CheckTextInput(std::string_view bytes, InputProblem* problem);

// 1-based line number of byte `offset`.
int LineOfByte(std::string_view bytes, uint64_t offset);

}  // namespace ingest

#endif  // EVKB_INGEST_SRC_UTF8_H_
