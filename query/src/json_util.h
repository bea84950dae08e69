// Small helpers for the JSON renderers. Internal to query/.
#ifndef EVKB_QUERY_JSON_UTIL_H_
#define EVKB_QUERY_JSON_UTIL_H_

#include <rapidjson/stringbuffer.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kb/json_out.h"

namespace query {

inline void Str(kb::JsonWriter& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

inline void KeyStr(kb::JsonWriter& w, const char* key, std::string_view s) {
  w.Key(key);
  Str(w, s);
}

inline void KeyStrings(kb::JsonWriter& w, const char* key, const std::vector<std::string>& items) {
  w.Key(key);
  w.StartArray();
  for (const std::string& s : items) Str(w, s);
  w.EndArray();
}

template <typename N>
void KeyCounts(kb::JsonWriter& w, const char* key, const std::map<std::string, N>& counts) {
  w.Key(key);
  w.StartObject();
  for (const auto& [name, n] : counts) {
    Str(w, name);
    w.Uint64(static_cast<uint64_t>(n));
  }
  w.EndObject();
}

// The buffer's contents plus a newline.
inline std::string Finish(const rapidjson::StringBuffer& buf) {
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace query

#endif  // EVKB_QUERY_JSON_UTIL_H_
