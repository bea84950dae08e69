#include "object_groups.h"

#include <algorithm>
#include <set>

#include "kb/store.h"
#include "key_codec.h"

namespace kb {

ObjectGroups ObjectGroupsOf(const std::vector<Concept>& concepts) {
  std::map<std::string, std::set<std::string>> children;
  std::set<std::string> known;
  for (const Concept& c : concepts) known.insert(c.id);
  for (const Concept& c : concepts) {
    if (!c.parent.empty() && known.count(c.parent) != 0) children[c.parent].insert(c.id);
  }
  ObjectGroups out;
  for (const auto& [root, unused] : children) {
    std::set<std::string> members = {root};
    std::vector<std::string> todo = {root};
    while (!todo.empty()) {
      const std::string id = std::move(todo.back());
      todo.pop_back();
      auto it = children.find(id);
      if (it == children.end()) continue;
      for (const std::string& child : it->second) {
        if (members.insert(child).second) todo.push_back(child);
      }
    }
    out[root].assign(members.begin(), members.end());
  }
  return out;
}

namespace {

void PutString(std::string* dst, std::string_view s) {
  PutBE32(dst, static_cast<uint32_t>(s.size()));
  dst->append(s);
}

bool GetString(std::string_view* src, std::string* s) {
  uint32_t n = 0;
  if (!GetBE32(*src, &n) || src->size() - 4 < n) return false;
  s->assign(src->substr(4, n));
  src->remove_prefix(4 + n);
  return true;
}

}  // namespace

std::string EncodeObjectGroups(const ObjectGroups& groups) {
  std::string out;
  for (const auto& [id, members] : groups) {
    PutString(&out, id);
    PutBE32(&out, static_cast<uint32_t>(members.size()));
    for (const std::string& m : members) PutString(&out, m);
  }
  return out;
}

bool DecodeObjectGroups(std::string_view value, ObjectGroups* groups) {
  groups->clear();
  while (!value.empty()) {
    std::string id;
    uint32_t n = 0;
    if (!GetString(&value, &id) || !GetBE32(value, &n)) return false;
    value.remove_prefix(4);
    if (n > value.size() / 4) return false;  // each member takes 4 bytes or more
    std::vector<std::string>& members = (*groups)[id];
    if (!members.empty()) return false;  // a group twice
    members.resize(n);
    for (std::string& m : members) {
      if (!GetString(&value, &m)) return false;
    }
  }
  return true;
}

GroupsByObject InvertObjectGroups(const ObjectGroups& groups) {
  GroupsByObject out;
  for (const auto& [id, members] : groups) {
    for (const std::string& m : members) out[m].push_back(ObjectGroupName(id));
  }
  return out;
}

}  // namespace kb
