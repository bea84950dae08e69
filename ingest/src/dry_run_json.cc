#include "dry_run_json.h"

#include <map>

namespace ingest {

void WriteSourceReport(kb::JsonWriter& w, const std::string& path, const kb::SourceRecord* record,
                       const std::string& status, const std::string& error) {
  w.StartObject();
  w.Key("id");
  kb::WriteStringOrNull(w, record != nullptr ? record->source.id : "");
  w.Key("path");
  w.String(path.c_str());
  w.Key("title");
  kb::WriteStringOrNull(w, record != nullptr ? record->source.title : "");
  w.Key("status");
  w.String(status.c_str());
  w.Key("error");
  kb::WriteStringOrNull(w, error);
  w.Key("claims");
  w.StartArray();
  if (record != nullptr) {
    std::map<std::string, const kb::Claim*> claims;
    for (const kb::Claim& c : record->claims) claims[c.id] = &c;
    for (const kb::Assertion& a : record->assertions) {
      const kb::Claim* c = claims[a.claim_id];
      if (c == nullptr) continue;
      w.StartObject();
      kb::WriteClaimFields(w, *c);
      w.Key("stance");
      w.String(kb::StanceName(a.stance));
      w.Key("hedged");
      w.Bool(a.hedged);
      w.Key("attribution");
      w.String(kb::AttributionName(a.attribution));
      w.Key("attributed_to");
      kb::WriteStringOrNull(w, a.attributed_to);
      w.Key("mechanisms");
      w.StartArray();
      for (const std::string& m : a.mechanisms) w.String(m.c_str());
      w.EndArray();
      w.Key("qualifiers");
      w.StartArray();
      for (const std::string& q : a.qualifiers) w.String(q.c_str());
      w.EndArray();
      w.Key("sentence");
      w.String(a.sentence.c_str());
      w.Key("span");
      w.StartArray();
      w.Uint(a.span_begin);
      w.Uint(a.span_end);
      w.EndArray();
      w.Key("works");
      w.StartArray();
      for (const kb::WorkLink& l : a.works) w.String(l.work_id.c_str());
      w.EndArray();
      w.Key("links");
      w.StartArray();
      for (const kb::WorkLink& l : a.works) {
        w.StartObject();
        w.Key("work");
        w.String(l.work_id.c_str());
        w.Key("kind");
        w.String(kb::LinkKindName(l.kind));
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
  }
  w.EndArray();
  w.Key("works");
  w.StartArray();
  if (record != nullptr) {
    for (const kb::Work& work : record->works) {
      w.StartObject();
      kb::WriteWorkFields(w, work);
      w.EndObject();
    }
  }
  w.EndArray();
  w.Key("mentions");
  w.StartArray();
  if (record != nullptr) {
    for (const kb::Mention& m : record->mentions) {
      w.StartObject();
      w.Key("text");
      w.String(m.text.c_str());
      w.Key("span");
      w.StartArray();
      w.Uint(m.span_begin);
      w.Uint(m.span_end);
      w.EndArray();
      w.Key("work");
      kb::WriteStringOrNull(w, m.work_id);
      w.EndObject();
    }
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace ingest
