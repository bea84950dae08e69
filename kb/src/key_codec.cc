#include "key_codec.h"

#include <algorithm>
#include <bit>

#include "kb/store.h"
#include "text_fold.h"

namespace kb {

namespace {

constexpr char kSep = '\0';

const CfSpec kCfSpecs[kNumCfs] = {
    {"default", false},    {"meta", false},   {"sources", true},  {"source_paths", true},
    {"claims", true},      {"assertions", true}, {"by_source", false}, {"concepts", true},
    {"by_concept", false}, {"works", true},   {"by_work", false}, {"work_keys", false},
    {"mentions", false},   {"top_evidence", false}, {"by_object", true},
};

std::string Join(std::string_view a, std::string_view b) {
  std::string k;
  k.reserve(a.size() + b.size() + 1);
  k.append(a).push_back(kSep);
  k.append(b);
  return k;
}

}  // namespace

const CfSpec& CfSpecOf(Cf cf) { return kCfSpecs[static_cast<int>(cf)]; }

std::string CountKey(std::string_view entity) { return "count/" + std::string(entity); }

void PutBE32(std::string* dst, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) dst->push_back(static_cast<char>((v >> shift) & 0xff));
}

void PutBE64(std::string* dst, uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) dst->push_back(static_cast<char>((v >> shift) & 0xff));
}

bool GetBE32(std::string_view src, uint32_t* v) {
  if (src.size() < 4) return false;
  uint32_t r = 0;
  for (int i = 0; i < 4; ++i) r = (r << 8) | static_cast<uint8_t>(src[i]);
  *v = r;
  return true;
}

bool GetBE64(std::string_view src, uint64_t* v) {
  if (src.size() < 8) return false;
  uint64_t r = 0;
  for (int i = 0; i < 8; ++i) r = (r << 8) | static_cast<uint8_t>(src[i]);
  *v = r;
  return true;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

std::string AssertionKey(std::string_view claim_id, std::string_view source_id, uint32_t begin,
                         uint32_t end) {
  std::string k = Join(claim_id, source_id);
  k.push_back(kSep);
  PutBE32(&k, begin);
  PutBE32(&k, end);
  return k;
}

std::string AssertionKey(const Assertion& a) {
  return AssertionKey(a.claim_id, a.source_id, a.span_begin, a.span_end);
}

std::string AssertionPrefixForClaim(std::string_view claim_id) {
  std::string k(claim_id);
  k.push_back(kSep);
  return k;
}

bool ParseAssertionKey(std::string_view key, std::string* claim_id, std::string* source_id,
                       uint32_t* begin, uint32_t* end) {
  if (key.size() < 10) return false;
  std::string_view spans = key.substr(key.size() - 8);
  std::string_view ids = key.substr(0, key.size() - 9);
  if (key[key.size() - 9] != kSep) return false;
  size_t sep = ids.find(kSep);
  if (sep == std::string_view::npos) return false;
  claim_id->assign(ids.substr(0, sep));
  source_id->assign(ids.substr(sep + 1));
  return GetBE32(spans, begin) && GetBE32(spans.substr(4), end);
}

namespace {

// Bits of a weight whose unsigned order is the numeric order of weights;
// inverted, so the strongest sorts first.
uint64_t InvertedWeightBits(double weight) {
  if (weight == 0) weight = 0;  // -0 and 0 weigh the same
  uint64_t bits = std::bit_cast<uint64_t>(weight);
  bits = (bits & (uint64_t{1} << 63)) != 0 ? ~bits : bits | (uint64_t{1} << 63);
  return ~bits;
}

double WeightFromInvertedBits(uint64_t inverted) {
  uint64_t bits = ~inverted;
  bits = (bits & (uint64_t{1} << 63)) != 0 ? bits & ~(uint64_t{1} << 63) : ~bits;
  return std::bit_cast<double>(bits);
}

}  // namespace

std::string TopEvidencePrefix(std::string_view claim_id, Stance side) {
  std::string k(claim_id);
  k.push_back(kSep);
  k.push_back(side == Stance::kAsserts ? kTopEvidenceAffirmTag : kTopEvidenceDenyTag);
  return k;
}

std::string TopEvidenceKey(std::string_view claim_id, Stance side, double weight,
                           std::string_view source_id, uint32_t begin, uint32_t end) {
  std::string k = TopEvidencePrefix(claim_id, side);
  PutBE64(&k, InvertedWeightBits(weight));
  k.append(source_id).push_back(kSep);
  PutBE32(&k, begin);
  PutBE32(&k, end);
  return k;
}

std::string TopEvidenceValue(std::string_view source_path, std::string_view source_title) {
  std::string v;
  v.reserve(source_path.size() + 1 + source_title.size());
  v.append(source_path).push_back(kSep);
  v.append(source_title);
  return v;
}

bool ParseTopEvidenceValue(std::string_view value, std::string* source_path,
                           std::string* source_title) {
  // A stored path is never empty and holds no 00 byte (PutSource checks).
  const size_t sep = value.find(kSep);
  if (sep == 0 || sep == std::string_view::npos) return false;
  source_path->assign(value.substr(0, sep));
  source_title->assign(value.substr(sep + 1));
  return true;
}

bool ParseTopEvidenceKey(std::string_view key, Stance* side, double* weight,
                         std::string_view* source_id, uint32_t* begin, uint32_t* end) {
  size_t sep = key.find(kSep);
  // claim 00 side BE64 source 00 BE32 BE32 (the source id is not empty)
  if (sep == std::string_view::npos || key.size() < sep + 2 + 8 + 1 + 9) return false;
  const char tag = key[sep + 1];
  if (tag != kTopEvidenceAffirmTag && tag != kTopEvidenceDenyTag) return false;
  uint64_t inverted = 0;
  if (!GetBE64(key.substr(sep + 2, 8), &inverted)) return false;
  std::string_view rest = key.substr(sep + 10);  // source_id 00 BE32 BE32
  std::string_view source = rest.substr(0, rest.size() - 9);
  if (rest[rest.size() - 9] != kSep || source.find(kSep) != std::string_view::npos) return false;
  std::string_view spans = rest.substr(rest.size() - 8);
  if (!GetBE32(spans, begin) || !GetBE32(spans.substr(4), end)) return false;
  *source_id = source;
  *side = tag == kTopEvidenceAffirmTag ? Stance::kAsserts : Stance::kDenies;
  *weight = WeightFromInvertedBits(inverted);
  return true;
}

bool ParseTopEvidenceKey(std::string_view key, std::string* assertion_key, Stance* side,
                         double* weight) {
  std::string_view source_id;
  uint32_t begin = 0, end = 0;
  if (!ParseTopEvidenceKey(key, side, weight, &source_id, &begin, &end)) return false;
  *assertion_key = AssertionKey(key.substr(0, key.find(kSep)), source_id, begin, end);
  return true;
}

std::string BySourceAssertionKey(std::string_view source_id, std::string_view claim_id,
                                 uint32_t begin, uint32_t end) {
  std::string k = BySourcePrefix(source_id, kBySourceAssertionTag);
  k.append(claim_id).push_back(kSep);
  PutBE32(&k, begin);
  PutBE32(&k, end);
  return k;
}

std::string BySourceWorkKey(std::string_view source_id, std::string_view work_id) {
  std::string k = BySourcePrefix(source_id, kBySourceWorkTag);
  k.append(work_id);
  return k;
}

std::string BySourcePrefix(std::string_view source_id, char tag) {
  std::string k(source_id);
  k.push_back(kSep);
  k.push_back(tag);
  return k;
}

bool BySourceToAssertionKey(std::string_view key, std::string* assertion_key) {
  size_t sep = key.find(kSep);
  if (sep == std::string_view::npos || sep + 1 >= key.size() ||
      key[sep + 1] != kBySourceAssertionTag || key.size() < sep + 2 + 9) {
    return false;
  }
  std::string_view source_id = key.substr(0, sep);
  std::string_view rest = key.substr(sep + 2);  // claim_id 00 BE32 BE32
  std::string_view claim_id = rest.substr(0, rest.size() - 9);
  uint32_t begin = 0, end = 0;
  if (rest[rest.size() - 9] != kSep || !GetBE32(rest.substr(rest.size() - 8), &begin) ||
      !GetBE32(rest.substr(rest.size() - 4), &end)) {
    return false;
  }
  *assertion_key = AssertionKey(claim_id, source_id, begin, end);
  return true;
}

bool ParseBySourceWorkKey(std::string_view key, std::string* work_id) {
  size_t sep = key.find(kSep);
  if (sep == std::string_view::npos || sep + 1 >= key.size() || key[sep + 1] != kBySourceWorkTag) {
    return false;
  }
  work_id->assign(key.substr(sep + 2));
  return true;
}

std::string ByConceptKey(std::string_view concept_id, std::string_view claim_id) {
  return Join(concept_id, claim_id);
}

std::string ByConceptPrefix(std::string_view concept_id) { return Join(concept_id, ""); }

std::string ByWorkKey(std::string_view work_id, std::string_view source_id) {
  return Join(work_id, source_id);
}

std::string ByWorkPrefix(std::string_view work_id) { return Join(work_id, ""); }

std::string_view SuffixAfterSeparator(std::string_view key) {
  size_t sep = key.find(kSep);
  return sep == std::string_view::npos ? std::string_view() : key.substr(sep + 1);
}

std::string WorkKeyDoiPrefix(std::string_view doi) { return Join("d:" + FoldCase(doi), ""); }

std::string WorkKeyAuthorPrefix(std::string_view family) {
  return Join("a:" + FoldCase(family), "");
}

std::string WorkKeyAuthorYearPrefix(std::string_view family, int year) {
  std::string k = WorkKeyAuthorPrefix(family);
  PutBE32(&k, static_cast<uint32_t>(year));
  k.push_back(kSep);
  return k;
}

std::string WorkKeyYearPrefix(int year) {
  std::string k = "y:";
  PutBE32(&k, static_cast<uint32_t>(year));
  return k;
}

std::string WorkKeyYearContainerPrefix(int year, std::string_view container) {
  return Join(WorkKeyYearPrefix(year) + FoldCase(container), "");
}

std::string WorkKeyAuthorlessPrefix(int year, std::string_view container) {
  std::string k = "n:";
  PutBE32(&k, static_cast<uint32_t>(year));
  return Join(k + FoldCase(container), "");
}

bool HasFirstAuthor(const Work& w) { return !w.authors.empty() && !w.authors[0].family.empty(); }

std::string WorkKeyAuthorless(const Work& w) {
  if (w.year == 0 || HasFirstAuthor(w)) return "";
  return WorkKeyAuthorlessPrefix(w.year, w.container) + w.id;
}

std::vector<std::string> WorkIndexKeys(const Work& w) {
  std::vector<std::string> keys;
  if (!w.doi.empty()) keys.push_back(WorkKeyDoiPrefix(w.doi) + w.id);
  if (HasFirstAuthor(w))
    keys.push_back(WorkKeyAuthorYearPrefix(w.authors[0].family, w.year) + w.id);
  if (w.year != 0) keys.push_back(WorkKeyYearContainerPrefix(w.year, w.container) + w.id);
  if (std::string k = WorkKeyAuthorless(w); !k.empty()) keys.push_back(std::move(k));
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

std::string_view WorkKeyWorkId(std::string_view key) {
  size_t sep = key.rfind(kSep);
  return sep == std::string_view::npos ? std::string_view() : key.substr(sep + 1);
}

std::string MentionKey(std::string_view source_id, uint32_t begin, uint32_t end) {
  std::string k = MentionPrefix(source_id);
  PutBE32(&k, begin);
  PutBE32(&k, end);
  return k;
}

std::string MentionKey(const Mention& m) { return MentionKey(m.source_id, m.span_begin, m.span_end); }

std::string MentionPrefix(std::string_view source_id) { return Join(source_id, ""); }


std::string EncodeByWorkLinks(const std::vector<std::string>& assertion_keys) {
  std::string out = "L";
  for (const std::string& k : assertion_keys) {
    PutBE32(&out, static_cast<uint32_t>(k.size()));
    out += k;
  }
  return out;
}

bool ParseByWorkLinks(std::string_view value, std::vector<std::string>* assertion_keys) {
  assertion_keys->clear();
  if (value.empty() || value[0] != 'L') return false;
  value.remove_prefix(1);
  while (!value.empty()) {
    uint32_t n = 0;
    if (!GetBE32(value, &n) || value.size() - 4 < n) {
      assertion_keys->clear();
      return false;
    }
    assertion_keys->emplace_back(value.substr(4, n));
    value.remove_prefix(4 + n);
  }
  return true;
}

// ---- by_object

namespace {

std::string Tagged(char tag, std::string_view a) {
  std::string k;
  k.reserve(a.size() + 2);
  k.push_back(tag);
  k.append(a);
  return k;
}

}  // namespace

std::string EncodeBE32(uint32_t v) {
  std::string out;
  PutBE32(&out, v);
  return out;
}

std::string ObjectLinkPrefix(std::string_view work_id, std::string_view object) {
  std::string k = Tagged(kObjectLinkTag, work_id);
  k.push_back(kSep);
  k.append(object).push_back(kSep);
  return k;
}

std::string ObjectLinkKey(std::string_view work_id, std::string_view object,
                          std::string_view claim_id) {
  return ObjectLinkPrefix(work_id, object).append(claim_id);
}

std::string ObjectWorkCountPrefix(std::string_view work_id) {
  std::string k = Tagged(kObjectWorkCountTag, work_id);
  k.push_back(kSep);
  return k;
}

std::string ObjectWorkCountKey(std::string_view work_id, std::string_view object) {
  return ObjectWorkCountPrefix(work_id).append(object);
}

std::string ObjectCitedKey(std::string_view work_id) { return Tagged(kObjectCitedTag, work_id); }

std::string ObjectWorkRankPrefix(std::string_view object) {
  std::string k = Tagged(kObjectWorkRankTag, object);
  k.push_back(kSep);
  return k;
}

std::string ObjectWorkRankGroupKey(std::string_view object, int level, uint32_t claims) {
  std::string k = ObjectWorkRankPrefix(object);
  PutBE32(&k, static_cast<uint32_t>(level) ^ 0x80000000u);
  PutBE32(&k, ~claims);
  return k;
}

std::string ObjectWorkRankKey(std::string_view object, int level, uint32_t claims,
                              std::string_view work_id) {
  return ObjectWorkRankGroupKey(object, level, claims).append(work_id);
}

std::string_view ObjectWorkRankId(std::string_view key, size_t prefix_size) {
  return key.size() <= prefix_size + 8 ? std::string_view() : key.substr(prefix_size + 8);
}

bool ParseObjectWorkRankKey(std::string_view key, size_t prefix_size, int* level,
                            uint32_t* claims, std::string* work_id) {
  if (key.size() <= prefix_size + 8) return false;
  uint32_t l = 0, c = 0;
  if (!GetBE32(key.substr(prefix_size), &l) || !GetBE32(key.substr(prefix_size + 4), &c)) {
    return false;
  }
  *level = static_cast<int>(l ^ 0x80000000u);
  *claims = ~c;
  work_id->assign(key.substr(prefix_size + 8));
  return true;
}

std::string ObjectSourceRankPrefix(std::string_view object) {
  std::string k = Tagged(kObjectSourceRankTag, object);
  k.push_back(kSep);
  return k;
}

std::string ObjectSourceRankKey(std::string_view object, uint32_t claims, std::string_view path,
                                std::string_view source_id) {
  std::string k = ObjectSourceRankPrefix(object);
  PutBE32(&k, ~claims);
  k.append(path).push_back(kSep);
  k.append(source_id);
  return k;
}

bool ParseObjectSourceRankKey(std::string_view key, size_t prefix_size, uint32_t* claims,
                              std::string* path, std::string* source_id) {
  if (key.size() <= prefix_size + 4) return false;
  uint32_t c = 0;
  if (!GetBE32(key.substr(prefix_size), &c)) return false;
  std::string_view rest = key.substr(prefix_size + 4);
  const size_t sep = rest.find(kSep);
  if (sep == std::string_view::npos || sep + 1 >= rest.size()) return false;
  *claims = ~c;
  path->assign(rest.substr(0, sep));
  source_id->assign(rest.substr(sep + 1));
  return true;
}

std::string ObjectGroupName(std::string_view concept_id) {
  std::string name(1, kObjectGroupMark);
  return name.append(concept_id);
}

bool IsObjectGroupName(std::string_view object) {
  return !object.empty() && object[0] == kObjectGroupMark;
}

std::string ObjectTotalsKey(std::string_view object) { return Tagged(kObjectTotalsTag, object); }

std::string ObjectUpgradeClaimKey(std::string_view object, std::string_view claim_id) {
  std::string k = Tagged(kObjectUpgradeClaimTag, object);
  k.push_back(kSep);
  k.append(claim_id);
  return k;
}

std::string EncodeObjectTotals(uint64_t works, uint64_t sources) {
  std::string v;
  PutBE64(&v, works);
  PutBE64(&v, sources);
  return v;
}

bool ParseSourceClaims(std::string_view value, std::vector<std::string>* out) {
  if (value.empty() || value.back() != '\0') return false;
  while (!value.empty()) {
    const size_t end = value.find('\0');
    if (end == 0) return false;
    out->emplace_back(value.substr(0, end));
    value.remove_prefix(end + 1);
  }
  return true;
}

bool ParseObjectTotals(std::string_view value, uint64_t* works, uint64_t* sources) {
  return value.size() == 16 && GetBE64(value.substr(0, 8), works) &&
         GetBE64(value.substr(8), sources);
}

}  // namespace kb
