// The record values of databases written before schema version 5: compact
// JSON objects, field names as listed in kb/FORMAT.md ("Values written
// before version 5"). value_codec.cc hands a value here when it starts with
// '{'; nothing writes this form any more.
#ifndef EVKB_KB_SRC_VALUE_CODEC_JSON_H_
#define EVKB_KB_SRC_VALUE_CODEC_JSON_H_

#include <string_view>

#include "kb/model.h"
#include "kb/verdict.h"

namespace kb {

bool DecodeJsonSource(std::string_view value, Source* s);
bool DecodeJsonClaim(std::string_view value, Claim* c);
bool DecodeJsonClaimSummary(std::string_view value, EvidenceSummary* evidence);
bool DecodeJsonClaimWithSummary(std::string_view value, Claim* c, EvidenceSummary* evidence);
bool DecodeJsonWork(std::string_view value, Work* w);
bool DecodeJsonAssertion(std::string_view value, Assertion* a);
bool DecodeJsonMention(std::string_view value, Mention* m);
bool DecodeJsonConcept(std::string_view value, Concept* c);

}  // namespace kb

#endif  // EVKB_KB_SRC_VALUE_CODEC_JSON_H_
