#include "kb/json_out.h"

namespace kb {

namespace {

void WriteSpan(JsonWriter& w, uint32_t begin, uint32_t end) {
  w.Key("span");
  w.StartArray();
  w.Uint(begin);
  w.Uint(end);
  w.EndArray();
}

void WriteStringArray(JsonWriter& w, const char* key, const std::vector<std::string>& items) {
  w.Key(key);
  w.StartArray();
  for (const std::string& s : items) w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
  w.EndArray();
}

void Field(JsonWriter& w, const char* key, const std::string& value) {
  w.Key(key);
  WriteStringOrNull(w, value);
}

}  // namespace

void WriteStringOrNull(JsonWriter& w, const std::string& s) {
  if (s.empty()) {
    w.Null();
  } else {
    w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
  }
}

void WriteWorkFields(JsonWriter& w, const Work& work) {
  Field(w, "id", work.id);
  Field(w, "label", work.label.empty() ? WorkLabel(work) : work.label);
  w.Key("authors");
  w.StartArray();
  for (const Author& a : work.authors) {
    w.StartObject();
    Field(w, "family", a.family);
    Field(w, "given", a.given);
    w.EndObject();
  }
  w.EndArray();
  w.Key("year");
  if (work.year == 0) {
    w.Null();
  } else {
    w.Int(work.year);
  }
  Field(w, "title", work.title);
  Field(w, "container", work.container);
  Field(w, "volume", work.volume);
  Field(w, "issue", work.issue);
  Field(w, "pages", work.pages);
  Field(w, "doi", work.doi);
  Field(w, "pmid", work.pmid);
  Field(w, "url", work.url);
  Field(w, "type", work.type);
  w.Key("level");
  w.Int(work.level);
  w.Key("resolved");
  w.Bool(work.resolved);
}

void WriteClaimFields(JsonWriter& w, const Claim& claim) {
  Field(w, "id", claim.id);
  Field(w, "text", claim.text);
  Field(w, "subject", claim.subject);
  Field(w, "relation", claim.relation);
  Field(w, "object", claim.object);
}

void WriteSourceFields(JsonWriter& w, const Source& source) {
  Field(w, "id", source.id);
  Field(w, "path", source.path);
  Field(w, "title", source.title);
  Field(w, "author", source.author);
  Field(w, "date", source.date);
  Field(w, "kind", source.kind);
  w.Key("length");
  w.Uint64(source.length);
  w.Key("ingested_at");
  w.Int64(source.ingested_at);
}

void WriteAssertionFields(JsonWriter& w, const Assertion& a) {
  Field(w, "claim", a.claim_id);
  Field(w, "source", a.source_id);
  w.Key("stance");
  w.String(StanceName(a.stance));
  w.Key("hedged");
  w.Bool(a.hedged);
  w.Key("attribution");
  w.String(AttributionName(a.attribution));
  Field(w, "attributed_to", a.attributed_to);
  Field(w, "sentence", a.sentence);
  WriteSpan(w, a.span_begin, a.span_end);
  WriteStringArray(w, "mechanisms", a.mechanisms);
  WriteStringArray(w, "qualifiers", a.qualifiers);
  w.Key("works");
  w.StartArray();
  for (const WorkLink& link : a.works) {
    w.String(link.work_id.c_str(), static_cast<rapidjson::SizeType>(link.work_id.size()));
  }
  w.EndArray();
  w.Key("links");
  w.StartArray();
  for (const WorkLink& link : a.works) {
    w.StartObject();
    Field(w, "work", link.work_id);
    w.Key("kind");
    w.String(LinkKindName(link.kind));
    w.EndObject();
  }
  w.EndArray();
}

void WriteMentionFields(JsonWriter& w, const Mention& m) {
  Field(w, "source", m.source_id);
  Field(w, "text", m.text);
  WriteSpan(w, m.span_begin, m.span_end);
  Field(w, "work", m.work_id);
}

void WriteConceptFields(JsonWriter& w, const Concept& c) {
  Field(w, "id", c.id);
  Field(w, "kind", c.kind);
  WriteStringArray(w, "labels", c.labels);
  Field(w, "parent", c.parent);
}

}  // namespace kb
