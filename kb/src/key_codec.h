// Every key evkb writes to RocksDB, and the column families that hold them.
//
// Key grammar (one line per column family; `+` is concatenation, 00 is a
// single zero byte, BE32/BE64 are fixed-width big-endian unsigned integers, so
// byte order is numeric order; ids never contain a zero byte):
//
//   meta          "schema_version"                          -> ASCII decimal
//                 "count/" + entity                         -> BE64
//   sources       source_id                                 -> Source JSON
//   source_paths  path                                      -> source_id
//   claims        claim_id                                  -> Claim JSON, with the
//                                                              evidence summary "ev"
//   assertions    claim_id 00 source_id 00 BE32(begin) BE32(end)
//                                                           -> Assertion JSON
//   by_source     source_id 00 'A' claim_id 00 BE32(begin) BE32(end) -> ""
//                 source_id 00 'W' work_id                  -> ""
//   concepts      concept_id                                -> Concept JSON
//   by_concept    concept_id 00 claim_id                    -> ""
//   works         work_id                                   -> Work JSON
//   by_work       work_id 00 source_id                      -> ""
//   work_keys     "d:" + folded doi       00 work_id        -> ""
//                 "a:" + folded family    00 year:be32 00 work_id -> ""   (year 0: unknown)
//                 "y:" + BE32(year) + folded container 00 work_id -> ""
//   mentions      source_id 00 BE32(begin) BE32(end)        -> Mention JSON
//   top_evidence  claim_id 00 side BE64(~weight bits) source_id 00 BE32(begin) BE32(end)
//                                                           -> ""
//   by_object     'L' work_id 00 object 00 claim_id         -> BE32 assertions of the claim
//                                                              linking the work
//                 'w' work_id 00 object                     -> BE32 claims (of that object)
//                                                              linking the work
//                 'c' work_id                               -> BE32 citing sources
//                 'W' object 00 BE32(level^2^31) BE32(~claims) work_id -> ""
//                 'S' object 00 BE32(~claims) path 00 source_id -> the claims, each
//                                                              ended by 00 (or "")
//                 'T' object                                -> BE64 works, BE64 sources
//                 'o' object 00 claim_id                    -> ""  (only during an upgrade)
//   where an object is a claim's object, or 01 concept_id: the object group
//   of the concept and every narrower one (object_groups.h), whose
//   entries are those of its members' claims together (no 'L' entries)
//
// by_source 'A' entries point at the source's assertions (whose keys start
// with the claim), 'W' entries list the works the source cites; by_work is
// the reverse (cited_by). by_concept lists claims whose subject or object is
// the concept. work_keys finds candidate works for cross-article resolution.
// top_evidence lists every assertion of a claim by side ('A' affirms, 'D'
// denies), strongest first (ties in assertions key order), so the strongest
// K of a side are a K-entry prefix scan.
// by_object ranks, per claim object (a benefit), the works its claims link
// ('W': strongest level, then most claims, then id) and the sources
// asserting them ('S': most claims, then path), so the first N of either is
// an N-entry prefix scan. The report breaks a tie of level and claims by
// most citing sources, read from 'c' for the works of that tie group: the
// count is kept out of the rank key, which every article citing the work
// would otherwise move under every object the work backs. 'w' and 'L' hold
// the counts the work keys are made from ('S' keys are made again from the
// source's assertions when it goes), 'T' the list lengths. meta
// "object_groups" records the groups the index holds.
// See kb/FORMAT.md.
#ifndef EVKB_KB_SRC_KEY_CODEC_H_
#define EVKB_KB_SRC_KEY_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kb/model.h"

namespace kb {

// Column families, opened together. The order is the handle order; the names
// are on disk: do not change them.
enum class Cf : int {
  kDefault = 0,  // required by RocksDB, unused
  kMeta,
  kSources,
  kSourcePaths,
  kClaims,
  kAssertions,
  kBySource,
  kConcepts,
  kByConcept,
  kWorks,
  kByWork,
  kWorkKeys,
  kMentions,
  kTopEvidence,  // schema version 3
  kByObject,     // schema version 4
};
inline constexpr int kNumCfs = 15;

struct CfSpec {
  const char* name;
  bool point_lookups;  // keys read one by one (records by id, counters): a bloom filter
};
const CfSpec& CfSpecOf(Cf cf);

// by_source entry tags. On disk: do not change.
inline constexpr char kBySourceAssertionTag = 'A';
inline constexpr char kBySourceWorkTag = 'W';

// meta keys.
inline constexpr std::string_view kSchemaVersionKey = "schema_version";
std::string CountKey(std::string_view entity);  // "count/claims"

// Fixed-width big-endian integers.
void PutBE32(std::string* dst, uint32_t v);
void PutBE64(std::string* dst, uint64_t v);
bool GetBE32(std::string_view src, uint32_t* v);  // REQUIRES nothing; false when short
bool GetBE64(std::string_view src, uint64_t* v);

bool StartsWith(std::string_view s, std::string_view prefix);

// assertions
std::string AssertionKey(std::string_view claim_id, std::string_view source_id, uint32_t begin,
                         uint32_t end);
std::string AssertionKey(const Assertion& a);
std::string AssertionPrefixForClaim(std::string_view claim_id);
bool ParseAssertionKey(std::string_view key, std::string* claim_id, std::string* source_id,
                       uint32_t* begin, uint32_t* end);

// by_source
std::string BySourceAssertionKey(std::string_view source_id, std::string_view claim_id,
                                 uint32_t begin, uint32_t end);
std::string BySourceWorkKey(std::string_view source_id, std::string_view work_id);
std::string BySourcePrefix(std::string_view source_id, char tag);
// Given a by_source key with tag 'A', the matching assertions key.
bool BySourceToAssertionKey(std::string_view key, std::string* assertion_key);
// Given a by_source key with tag 'W', the work id.
bool ParseBySourceWorkKey(std::string_view key, std::string* work_id);

// by_concept
std::string ByConceptKey(std::string_view concept_id, std::string_view claim_id);
std::string ByConceptPrefix(std::string_view concept_id);

// by_work
std::string ByWorkKey(std::string_view work_id, std::string_view source_id);
// A by_work value: 'L', then for each assertions key of the citing source
// that links the work, BE32(length) and the key. An empty value (written
// before links were kept) says nothing: ParseByWorkLinks returns false.
std::string EncodeByWorkLinks(const std::vector<std::string>& assertion_keys);
bool ParseByWorkLinks(std::string_view value, std::vector<std::string>* assertion_keys);
std::string ByWorkPrefix(std::string_view work_id);

// The part after the first zero byte (by_concept -> claim id, by_work ->
// source id).
std::string_view SuffixAfterSeparator(std::string_view key);

// work_keys
std::vector<std::string> WorkIndexKeys(const Work& w);  // every key for w, deduplicated
std::string WorkKeyDoiPrefix(std::string_view doi);
std::string WorkKeyAuthorPrefix(std::string_view family);  // every year
// One year of a first author's works (year 0: works with no year).
std::string WorkKeyAuthorYearPrefix(std::string_view family, int year);
std::string WorkKeyYearPrefix(int year);
std::string WorkKeyYearContainerPrefix(int year, std::string_view container);
// The works of a year and container with no first author (only those can
// match a reference that has one without sharing its author key).
std::string WorkKeyAuthorlessPrefix(int year, std::string_view container);
// Whether `w` has a first author with a family name (the "a:" key).
bool HasFirstAuthor(const Work& w);
// The "n:" key of `w` (one of WorkIndexKeys), or "" when it has no year or
// has a first author.
std::string WorkKeyAuthorless(const Work& w);
// The work id at the end of a work_keys key.
std::string_view WorkKeyWorkId(std::string_view key);

// top_evidence. The side tags are on disk: do not change.
inline constexpr char kTopEvidenceAffirmTag = 'A';
inline constexpr char kTopEvidenceDenyTag = 'D';
// The entry of the assertion with key parts (claim_id, source_id, begin,
// end) on `side`, weighing `weight` (>= 0; -0 is stored as 0).
std::string TopEvidenceKey(std::string_view claim_id, Stance side, double weight,
                           std::string_view source_id, uint32_t begin, uint32_t end);
std::string TopEvidencePrefix(std::string_view claim_id, Stance side);
// Given a top_evidence key, the matching assertions key, side and weight.
bool ParseTopEvidenceKey(std::string_view key, std::string* assertion_key, Stance* side,
                         double* weight);
// The same parts one by one: the source id points into `key` (the claim id
// is the key up to its first 00).
bool ParseTopEvidenceKey(std::string_view key, Stance* side, double* weight,
                         std::string_view* source_id, uint32_t* begin, uint32_t* end);
// A top_evidence entry's value: the asserting source's path 00 title, so a
// listing orders and shows its items without reading their sources (a
// source id names fixed bytes, so its path and title never change). Entries
// written before this was stored have an empty value: Parse returns false,
// and a reader reads the source instead.
std::string TopEvidenceValue(std::string_view source_path, std::string_view source_title);
bool ParseTopEvidenceValue(std::string_view value, std::string* source_path,
                           std::string* source_title);

// by_object. The tags are on disk: do not change.
inline constexpr char kObjectLinkTag = 'L';
inline constexpr char kObjectWorkCountTag = 'w';
inline constexpr char kObjectCitedTag = 'c';
inline constexpr char kObjectWorkRankTag = 'W';
inline constexpr char kObjectSourceRankTag = 'S';
inline constexpr char kObjectTotalsTag = 'T';
// Only while an upgrade builds the index: the claims sorted by object.
inline constexpr char kObjectUpgradeClaimTag = 'o';
// The first byte of an object group's name (ObjectGroupName, store.h); the
// store refuses claim objects starting with it.
inline constexpr char kObjectGroupMark = '\x01';
bool IsObjectGroupName(std::string_view object);
// meta: the groups by_object holds (EncodeObjectGroups); absent: none.
inline constexpr std::string_view kObjectGroupsKey = "object_groups";
std::string ObjectLinkKey(std::string_view work_id, std::string_view object,
                          std::string_view claim_id);
std::string ObjectLinkPrefix(std::string_view work_id, std::string_view object);
std::string ObjectWorkCountKey(std::string_view work_id, std::string_view object);
std::string ObjectWorkCountPrefix(std::string_view work_id);
std::string ObjectCitedKey(std::string_view work_id);
std::string ObjectWorkRankKey(std::string_view object, int level, uint32_t claims,
                              std::string_view work_id);
std::string ObjectWorkRankPrefix(std::string_view object);
// The start of the 'W' keys of `object` with that level and claims count
// (a tie group: its works are in id order, not yet by citing sources).
std::string ObjectWorkRankGroupKey(std::string_view object, int level, uint32_t claims);
// Given a 'W' key (prefix included), its fields.
bool ParseObjectWorkRankKey(std::string_view key, size_t prefix_size, int* level,
                            uint32_t* claims, std::string* work_id);
std::string ObjectSourceRankKey(std::string_view object, uint32_t claims, std::string_view path,
                                std::string_view source_id);
std::string ObjectSourceRankPrefix(std::string_view object);
bool ParseObjectSourceRankKey(std::string_view key, size_t prefix_size, uint32_t* claims,
                              std::string* path, std::string* source_id);
// The id a work rank key ends with, without parsing the rest; empty when
// the key is too short to be one.
std::string_view ObjectWorkRankId(std::string_view key, size_t prefix_size);
std::string ObjectTotalsKey(std::string_view object);
std::string ObjectUpgradeClaimKey(std::string_view object, std::string_view claim_id);
std::string EncodeObjectTotals(uint64_t works, uint64_t sources);
// An 'S' value: the source's claims under the object, in id order, each
// ended by a 00 byte. Empty from builds before the lists were kept.
template <typename Ids>
std::string EncodeSourceClaims(const Ids& claim_ids) {
  std::string v;
  for (const auto& id : claim_ids) v.append(id).push_back('\0');
  return v;
}
// Appends the ids of an 'S' value to `out`; false when it is not one
// (empty, or not ended by a 00 byte).
bool ParseSourceClaims(std::string_view value, std::vector<std::string>* out);
bool ParseObjectTotals(std::string_view value, uint64_t* works, uint64_t* sources);
std::string EncodeBE32(uint32_t v);

// mentions
std::string MentionKey(std::string_view source_id, uint32_t begin, uint32_t end);
std::string MentionKey(const Mention& m);
std::string MentionPrefix(std::string_view source_id);

}  // namespace kb

#endif  // EVKB_KB_SRC_KEY_CODEC_H_
