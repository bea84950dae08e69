// JSON renderings of model objects in the shapes of CLI.md, shared by
// evkb-ingest --format json and evkb-query. Each Write*Fields writes the
// key/value pairs only, so callers can add keys before EndObject().
#ifndef EVKB_KB_JSON_OUT_H_
#define EVKB_KB_JSON_OUT_H_

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>

#include "kb/model.h"

namespace kb {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// Writes a string, or null when it is empty.
void WriteStringOrNull(JsonWriter& w, const std::string& s);

// "id","label","authors":[{"family","given"}],"year"(null if 0),"title",
// "container","volume","issue","pages","doi","pmid","url","type","level","resolved".
void WriteWorkFields(JsonWriter& w, const Work& work);
// "id","text","subject","relation","object".
void WriteClaimFields(JsonWriter& w, const Claim& claim);
// "id","path","title","author","date","kind","length","ingested_at".
void WriteSourceFields(JsonWriter& w, const Source& source);
// "claim","source","stance","hedged","attribution","attributed_to",
// "sentence","span":[b,e],"mechanisms":[..],"qualifiers":[..],
// "works":[work ids],"links":[{"work","kind"}].
void WriteAssertionFields(JsonWriter& w, const Assertion& a);
// "source","text","span","work"(null when unresolved).
void WriteMentionFields(JsonWriter& w, const Mention& m);
// "id","kind","labels","parent"(null at a root).
void WriteConceptFields(JsonWriter& w, const Concept& c);

}  // namespace kb

#endif  // EVKB_KB_JSON_OUT_H_
