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
  for (unsigned char c : s) {
    if (c & 0x80) return false;
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
    if (U_SUCCESS(status)) {
      nfkc.reserve(text.size() + text.size() / 8);
      icu::StringByteSink<std::string> sink(&nfkc);
      nfkc_norm->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())),
                               sink, &edits, status);
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
  out.text.reserve(s.size());
  out.offsets.reserve(s.size() + 1);
  bool pending_space = false;
  uint32_t space_source = 0;  // input index of the first white space of a run
  size_t end_source = 0;      // input index just past the last emitted character
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    if (bytes[i] < 0x80) {
      c = bytes[i++];
    } else {
      U8_NEXT(bytes, i, n, c);
    }
    Action action = c < 0 ? Action::kKeep : ActionFor(c);
    if (action == Action::kDrop) continue;
    const uint32_t source = stage.SourceOf(static_cast<size_t>(start));
    if (action == Action::kSpace) {
      if (!pending_space) space_source = source;
      pending_space = true;
      continue;
    }
    if (pending_space && !out.text.empty()) {
      out.text.push_back(' ');
      out.offsets.push_back(offsets[space_source]);
    }
    pending_space = false;
    const uint32_t origin = offsets[source];
    switch (action) {
      case Action::kApostrophe:
        out.text.push_back('\'');
        out.offsets.push_back(origin);
        break;
      case Action::kQuote:
        out.text.push_back('"');
        out.offsets.push_back(origin);
        break;
      case Action::kDash:
        out.text.push_back('-');
        out.offsets.push_back(origin);
        break;
      default:
        if (c < 0) {  // ill-formed: U+FFFD
          out.text.append("\xEF\xBF\xBD");
          out.offsets.insert(out.offsets.end(), 3, origin);
        } else if (stage.source == nullptr || i - start == 1) {
          for (int32_t k = start; k < i; ++k) {
            out.text.push_back(s[static_cast<size_t>(k)]);
            out.offsets.push_back(offsets[stage.SourceOf(static_cast<size_t>(k))]);
          }
        } else {
          out.text.append(s.data() + start, static_cast<size_t>(i - start));
          out.offsets.insert(out.offsets.end(), static_cast<size_t>(i - start), origin);
        }
        break;
    }
    size_t next = i < n ? stage.SourceOf(static_cast<size_t>(i)) : text.size();
    end_source = next > source ? next : source + 1;
  }
  if (end_source > text.size()) end_source = text.size();
  out.offsets.push_back(out.text.empty() ? offsets[0] : offsets[end_source]);
  return out;
}

}  // namespace ingest
