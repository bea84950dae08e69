// Object groups: the concepts whose narrower concepts exist get by_object
// lists of their own, kept for the concept and every narrower one together
// (a "group"), so a sources report on a broad benefit reads one list
// instead of merging several. Groups are made from the stored concept
// records (their `parent`), recorded in meta as the index holds them, and
// remade whole when PutConcepts changes the hierarchy. Private to kb/.
#ifndef EVKB_KB_SRC_OBJECT_GROUPS_H_
#define EVKB_KB_SRC_OBJECT_GROUPS_H_

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kb/model.h"

namespace kb {

// Concept id -> its members: the concept and every concept below it,
// sorted. Only concepts with a narrower concept have a group.
using ObjectGroups = std::map<std::string, std::vector<std::string>>;

// The groups of `concepts` (parents that are not among them are ignored; a
// cycle of parents puts each of its concepts in the others' groups).
ObjectGroups ObjectGroupsOf(const std::vector<Concept>& concepts);

// The meta value recording `groups`: per group BE32 length and id, BE32
// member count, each member as BE32 length and id.
std::string EncodeObjectGroups(const ObjectGroups& groups);
// False when `value` is not such a value.
bool DecodeObjectGroups(std::string_view value, ObjectGroups* groups);

// Object -> the by_object names (ObjectGroupName) of the groups it is a
// member of.
using GroupsByObject = std::unordered_map<std::string, std::vector<std::string>>;
GroupsByObject InvertObjectGroups(const ObjectGroups& groups);

}  // namespace kb

#endif  // EVKB_KB_SRC_OBJECT_GROUPS_H_
