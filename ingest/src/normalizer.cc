// Two passes. ICU's NFKC over UTF-8 with an Edits record tells which input
// bytes each output byte came from (unchanged spans one to one, changed
// normalisation segments to their first byte). A second pass per code point
// straightens quotes and dashes, drops zero-width characters and folds white
// space. Pure-ASCII input skips ICU altogether.
#include "ingest/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

#include <cstring>

namespace ingest {
namespace {

enum class Action { kKeep, kSpace, kDrop, kApostrophe, kQuote, kDash };

Action ActionFor(UChar32 c) {
  if (c < 0x80) {
    return (c == ' ' || (c >= 0x09 && c <= 0x0D)) ? Action::kSpace : Action::kKeep;
  }
  switch (c) {
    case 0x0085: case 0x00A0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000:
      return Action::kSpace;
    case 0x00AD: case 0x180E: case 0x200B: case 0x200C: case 0x200D:
    case 0x2060: case 0xFEFF:
      return Action::kDrop;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x02BC:
      return Action::kApostrophe;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:
      return Action::kQuote;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D: case 0x2E3A: case 0x2E3B:
      return Action::kDash;
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200A) return Action::kSpace;
  return Action::kKeep;
}

// The NFKC form of the input, with where each of its bytes came from.
struct Stage {
  std::string_view text;
  const std::vector<uint32_t>* source = nullptr;  // null: identity
  uint32_t SourceOf(size_t i) const { return source ? (*source)[i] : static_cast<uint32_t>(i); }
};

bool IsAscii(std::string_view s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if (word & 0x8080808080808080ull) return false;
  }
  for (; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) & 0x80) return false;
  }
  return true;
}

}  // namespace

Normalized Normalize(std::string_view text, const std::vector<uint32_t>& offsets) {
  Normalized out;
  if (offsets.size() != text.size() + 1) return out;  // contract violated: nothing to map

  Stage stage{text, nullptr};
  std::string nfkc;
  std::vector<uint32_t> nfkc_source;
  if (!IsAscii(text)) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc_norm = icu::Normalizer2::getNFKCInstance(status);
    icu::Edits edits;
    const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
    if (U_SUCCESS(status)) {
      nfkc.reserve(text.size() + text.size() / 8);
      icu::StringByteSink<std::string> sink(&nfkc);
      nfkc_norm->normalizeUTF8(0, piece, sink, &edits, status);
    }
    if (U_SUCCESS(status) && edits.hasChanges()) {
      nfkc_source.resize(nfkc.size());
      icu::Edits::Iterator it = edits.getFineIterator();
      while (it.next(status)) {
        const int32_t src = it.sourceIndex(), dst = it.destinationIndex();
        for (int32_t k = 0; k < it.newLength(); ++k) {
          nfkc_source[dst + k] = static_cast<uint32_t>(it.hasChange() ? src : src + k);
        }
      }
      if (U_SUCCESS(status)) stage = {nfkc, &nfkc_source};
    }
  }

  const std::string_view s = stage.text;
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  // Each byte of the NFKC text yields at most one output byte, except an
  // ill-formed byte (three for U+FFFD), which grows the buffers on demand.
  std::string& t = out.text;
  std::vector<uint32_t>& o = out.offsets;
  t.resize(n + 4);
  o.resize(n + 5);
  size_t w = 0;
  bool pending_space = false;
  uint32_t space_source = 0;  // input index of the first white space of a run
  size_t last_begin = 0, last_end = 0;  // NFKC span of the last emitted character
  bool emitted = false;
  auto flush_space = [&] {
    if (pending_space && emitted) {
      t[w] = ' ';
      o[w++] = offsets[space_source];
    }
    pending_space = false;
  };
  size_t i = 0;
  while (i < n) {
    // Fast path: a run of printable ASCII, with single spaces between words.
    size_t j = i;
    for (;;) {
      while (j < n && bytes[j] > 0x20 && bytes[j] < 0x80) ++j;
      if (j + 1 < n && bytes[j] == ' ' && bytes[j + 1] > 0x20 && bytes[j + 1] < 0x80 &&
          (j > i || (w > 0 && !pending_space))) {
        j += 1;
        continue;
      }
      break;
    }
    if (j > i && bytes[i] == ' ') {
      // Only a space that follows emitted text: it stands for itself.
      pending_space = false;
    }
    if (j > i) {
      flush_space();
      std::memcpy(&t[w], s.data() + i, j - i);
      if (stage.source == nullptr) {
        std::memcpy(&o[w], &offsets[i], (j - i) * sizeof(uint32_t));
      } else {
        for (size_t k = i; k < j; ++k) o[w + k - i] = offsets[(*stage.source)[k]];
      }
      w += j - i;
      last_begin = j - 1;
      last_end = j;
      emitted = true;
      i = j;
      continue;
    }
    const size_t start = i;
    UChar32 c;
    if (bytes[i] < 0x80) {
      c = bytes[i++];
    } else {
      int32_t k = static_cast<int32_t>(i);
      U8_NEXT(bytes, k, static_cast<int32_t>(n), c);
      i = static_cast<size_t>(k);
    }
    Action action = c < 0 ? Action::kKeep : ActionFor(c);
    if (action == Action::kDrop) continue;
    const uint32_t source = stage.SourceOf(start);
    if (action == Action::kSpace) {
      if (!pending_space) space_source = source;
      pending_space = true;
      continue;
    }
    flush_space();
    if (w + 4 > t.size()) {
      t.resize(t.size() * 2 + 8);
      o.resize(t.size() + 1);
    }
    const uint32_t origin = offsets[source];
    switch (action) {
      case Action::kApostrophe:
        t[w] = '\'';
        o[w++] = origin;
        break;
      case Action::kQuote:
        t[w] = '"';
        o[w++] = origin;
        break;
      case Action::kDash:
        t[w] = '-';
        o[w++] = origin;
        break;
      default:
        if (c < 0) {  // ill-formed: U+FFFD
          for (char b : {'\xEF', '\xBF', '\xBD'}) {
            t[w] = b;
            o[w++] = origin;
          }
        } else {
          // Bytes of one code point map to where it (or its segment) began.
          const uint32_t first = stage.source ? origin : offsets[start];
          for (size_t k = start; k < i; ++k) {
            t[w] = s[k];
            o[w++] = stage.source ? first : offsets[k];
          }
        }
        break;
    }
    last_begin = start;
    last_end = i;
    emitted = true;
  }
  // The end offset: just past the last emitted character in the input.
  size_t end_source = 0;
  if (emitted) {
    const size_t begin_source = stage.SourceOf(last_begin);
    end_source = last_end < n ? stage.SourceOf(last_end) : text.size();
    if (end_source <= begin_source) end_source = begin_source + 1;
    if (end_source > text.size()) end_source = text.size();
  }
  t.resize(w);
  o.resize(w + 1);
  o[w] = emitted ? offsets[end_source] : offsets[0];
  return out;
}

}  // namespace ingest
