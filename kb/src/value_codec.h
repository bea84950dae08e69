// Values stored in the entity column families, one per record: a tag byte
// naming the record, then its fields in a fixed order (varints, strings and
// lists prefixed with their length, enums as their numeric values; see
// model.h, "do not change"). The layout is in kb/FORMAT.md; `evkb-query
// export` prints records as JSON. Values written before schema version 5
// are JSON objects (value_codec_json.h): every Decode still reads them.
#ifndef EVKB_KB_SRC_VALUE_CODEC_H_
#define EVKB_KB_SRC_VALUE_CODEC_H_

#include <string>
#include <string_view>

#include "kb/model.h"
#include "kb/verdict.h"

namespace kb {

std::string EncodeSource(const Source& s);
// A claim record carries its evidence summary ("ev"), kept up to date by
// every write (kb/FORMAT.md).
std::string EncodeClaim(const Claim& c, const EvidenceSummary& evidence = {});
std::string EncodeWork(const Work& w);
std::string EncodeAssertion(const Assertion& a);
std::string EncodeMention(const Mention& m);
std::string EncodeConcept(const Concept& c);

// Each returns false when `value` is not a record of its kind, is cut short
// or has bytes left over; the store turns that into Status::Corruption.
bool DecodeSource(std::string_view value, Source* s);
bool DecodeClaim(std::string_view value, Claim* c);
// The evidence summary of a claim record; false also when it has none (a
// record written before schema version 2).
bool DecodeClaimSummary(std::string_view value, EvidenceSummary* evidence);
// DecodeClaim and DecodeClaimSummary with one parse.
bool DecodeClaimWithSummary(std::string_view value, Claim* c, EvidenceSummary* evidence);
bool DecodeWork(std::string_view value, Work* w);
bool DecodeAssertion(std::string_view value, Assertion* a);
bool DecodeMention(std::string_view value, Mention* m);
bool DecodeConcept(std::string_view value, Concept* c);

}  // namespace kb

#endif  // EVKB_KB_SRC_VALUE_CODEC_H_
