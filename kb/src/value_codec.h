// Values stored in the entity column families: compact JSON objects (readable
// with `ldb`), one per record. Empty strings, false and zero are omitted on
// write and default on read; enums are stored as their numeric values (see
// model.h, "do not change"). Field names are listed in kb/FORMAT.md.
#ifndef EVKB_KB_SRC_VALUE_CODEC_H_
#define EVKB_KB_SRC_VALUE_CODEC_H_

#include <string>
#include <string_view>

#include "kb/model.h"

namespace kb {

std::string EncodeSource(const Source& s);
std::string EncodeClaim(const Claim& c);
std::string EncodeWork(const Work& w);
std::string EncodeAssertion(const Assertion& a);
std::string EncodeMention(const Mention& m);
std::string EncodeConcept(const Concept& c);

// Each returns false when `value` is not a JSON object of the right shape;
// the store turns that into Status::Corruption.
bool DecodeSource(std::string_view value, Source* s);
bool DecodeClaim(std::string_view value, Claim* c);
bool DecodeWork(std::string_view value, Work* w);
bool DecodeAssertion(std::string_view value, Assertion* a);
bool DecodeMention(std::string_view value, Mention* m);
bool DecodeConcept(std::string_view value, Concept* c);

}  // namespace kb

#endif  // EVKB_KB_SRC_VALUE_CODEC_H_
