// The record value decoders (kb/src/value_codec.h) on raw bytes: a value
// comes off the disk, where a damaged file or another program may have left
// anything. Every decoder takes every input; what one accepts must encode
// to a value that decodes and encodes to the same bytes again.
#include <string>
#include <string_view>

#include "fuzz_target.h"
#include "value_codec.h"

namespace {

template <typename Record, typename Decode, typename Encode>
void CheckStable(std::string_view value, Decode decode, Encode encode) {
  Record first;
  if (!decode(value, &first)) return;
  const std::string encoded = encode(first);
  Record second;
  EVKB_FUZZ_CHECK(decode(encoded, &second));
  EVKB_FUZZ_CHECK(encode(second) == encoded);
}

struct ClaimRecord {
  kb::Claim claim;
  kb::EvidenceSummary summary;
};

}  // namespace

EVKB_FUZZ_TARGET(value_codec) {
  const std::string_view value(reinterpret_cast<const char*>(data), size);
  CheckStable<kb::Source>(value, kb::DecodeSource, kb::EncodeSource);
  CheckStable<kb::Work>(value, kb::DecodeWork, kb::EncodeWork);
  CheckStable<kb::Assertion>(value, kb::DecodeAssertion, kb::EncodeAssertion);
  CheckStable<kb::Mention>(value, kb::DecodeMention, kb::EncodeMention);
  CheckStable<kb::Concept>(value, kb::DecodeConcept, kb::EncodeConcept);
  CheckStable<ClaimRecord>(
      value,
      [](std::string_view v, ClaimRecord* r) {
        return kb::DecodeClaimWithSummary(v, &r->claim, &r->summary);
      },
      [](const ClaimRecord& r) { return kb::EncodeClaim(r.claim, r.summary); });
  // The narrower decoders read no more than the whole one accepts.
  kb::Claim claim;
  kb::EvidenceSummary summary;
  ClaimRecord whole;
  if (kb::DecodeClaimWithSummary(value, &whole.claim, &whole.summary)) {
    EVKB_FUZZ_CHECK(kb::DecodeClaim(value, &claim));
    EVKB_FUZZ_CHECK(kb::DecodeClaimSummary(value, &summary));
    EVKB_FUZZ_CHECK(summary == whole.summary);
  }
  return 0;
}
