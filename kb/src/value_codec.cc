#include "value_codec.h"

#include <limits>

#include "value_codec_json.h"

namespace kb {

namespace {

// The first byte of every value: which record it holds. A value written
// before schema version 5 is a JSON object and starts with '{' instead.
enum Tag : uint8_t {
  kSourceTag = 1,
  kClaimTag = 2,
  kWorkTag = 3,
  kAssertionTag = 4,
  kMentionTag = 5,
  kConceptTag = 6,
};

bool IsJson(std::string_view value) { return !value.empty() && value[0] == '{'; }

class BinaryWriter {
 public:
  explicit BinaryWriter(Tag tag) {
    out_.reserve(128);  // most records fit
    out_.push_back(static_cast<char>(tag));
  }
  void Varint(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  // Zigzag: small magnitudes of either sign stay short.
  void Signed(int64_t v) {
    Varint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
  }
  void Byte(uint8_t b) { out_.push_back(static_cast<char>(b)); }
  void Bool(bool b) { Byte(b ? 1 : 0); }
  void Str(std::string_view s) {
    Varint(s.size());
    out_.append(s);
  }
  void StrList(const std::vector<std::string>& items) {
    Varint(items.size());
    for (const std::string& s : items) Str(s);
  }
  std::string Finish() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads fields in the order they were written. A read past the end, a
// malformed number or an out-of-range value fails the whole decode (ok()
// stays false from then on, and later reads return defaults).
class BinaryReader {
 public:
  BinaryReader(std::string_view value, Tag tag)
      : p_(value.data()), end_(value.data() + value.size()) {
    ok_ = p_ != end_ && static_cast<uint8_t>(*p_) == tag;
    if (ok_) ++p_;
  }
  bool ok() const { return ok_; }
  // Every byte read, and nothing left over.
  bool Done() const { return ok_ && p_ == end_; }

  uint64_t Varint() {
    // Most numbers (lengths, counts, flags) fit in one byte.
    if (p_ != end_ && static_cast<uint8_t>(*p_) < 0x80) return static_cast<uint8_t>(*p_++);
    uint64_t v = 0;
    for (int shift = 0; shift < 64 && p_ != end_; shift += 7) {
      const uint8_t b = static_cast<uint8_t>(*p_++);
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (b < 0x80) return v;
    }
    return Fail();
  }
  uint32_t U32() {
    const uint64_t v = Varint();
    return v <= std::numeric_limits<uint32_t>::max() ? static_cast<uint32_t>(v) : Fail();
  }
  int64_t Signed() {
    const uint64_t v = Varint();
    return static_cast<int64_t>((v >> 1) ^ (~(v & 1) + 1));
  }
  int Int() {
    const int64_t v = Signed();
    if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) return Fail();
    return static_cast<int>(v);
  }
  uint8_t Byte() {
    if (p_ == end_) return Fail();
    return static_cast<uint8_t>(*p_++);
  }
  // An enum's byte, at most `max`.
  uint8_t Enum(uint8_t max) {
    const uint8_t b = Byte();
    return b <= max ? b : Fail();
  }
  bool Bool() { return Enum(1) == 1; }
  void Str(std::string* out) {
    std::string_view s = View();
    out->assign(s.data(), s.size());
  }
  void SkipStr() { View(); }
  // A list's length; every item takes at least one byte, so a count larger
  // than what is left is corrupt (and never reserves memory).
  size_t Count() {
    const uint64_t n = Varint();
    return n <= static_cast<uint64_t>(end_ - p_) ? static_cast<size_t>(n) : Fail();
  }
  void StrList(std::vector<std::string>* out) {
    const size_t n = Count();
    out->resize(n);
    for (std::string& s : *out) Str(&s);
  }
  // For a value read well but not allowed (a zero count, say).
  void Reject() { Fail(); }

 private:
  std::string_view View() {
    const uint64_t n = Varint();
    if (n > static_cast<uint64_t>(end_ - p_)) {
      Fail();
      return {};
    }
    std::string_view s(p_, static_cast<size_t>(n));
    p_ += n;
    return s;
  }
  uint8_t Fail() {
    ok_ = false;
    p_ = end_;
    return 0;
  }

  const char* p_;
  const char* end_;
  bool ok_;
};

}  // namespace

std::string EncodeSource(const Source& s) {
  BinaryWriter w(kSourceTag);
  w.Str(s.id);
  w.Str(s.path);
  w.Str(s.title);
  w.Str(s.author);
  w.Str(s.date);
  w.Str(s.url);
  w.Str(s.kind);
  w.Signed(s.ingested_at);
  w.Varint(s.length);
  return w.Finish();
}

bool DecodeSource(std::string_view value, Source* s) {
  if (IsJson(value)) return DecodeJsonSource(value, s);
  BinaryReader r(value, kSourceTag);
  r.Str(&s->id);
  r.Str(&s->path);
  r.Str(&s->title);
  r.Str(&s->author);
  r.Str(&s->date);
  r.Str(&s->url);
  r.Str(&s->kind);
  s->ingested_at = r.Signed();
  s->length = r.Varint();
  return r.Done();
}

namespace {

void WriteBuckets(BinaryWriter& w, const std::vector<EvidenceSummary::Bucket>& side) {
  w.Varint(side.size());
  for (const EvidenceSummary::Bucket& b : side) {
    w.Varint(b.weight_units);
    w.Bool(b.researched);
    w.Varint(b.count);
  }
}

void ReadBuckets(BinaryReader& r, std::vector<EvidenceSummary::Bucket>* side) {
  const size_t n = r.Count();
  side->resize(n);
  for (EvidenceSummary::Bucket& b : *side) {
    b.weight_units = r.U32();
    b.researched = r.Bool();
    b.count = r.U32();
    if (b.count == 0) r.Reject();  // every bucket counts something
  }
}

void ReadClaimFields(BinaryReader& r, Claim* c) {
  r.Str(&c->id);
  r.Str(&c->subject);
  r.Str(&c->relation);
  r.Str(&c->object);
  r.Str(&c->text);
}

bool ReadSummary(BinaryReader& r, EvidenceSummary* evidence) {
  ReadBuckets(r, &evidence->affirm);
  ReadBuckets(r, &evidence->deny);
  evidence->mechanisms.clear();
  const size_t n = r.Count();
  std::string tag;
  for (size_t i = 0; i < n && r.ok(); ++i) {
    r.Str(&tag);
    const int count = r.Int();
    if (count <= 0) r.Reject();
    // Written from a map, so in order: each goes at the end.
    evidence->mechanisms.insert_or_assign(evidence->mechanisms.end(), tag, count);
  }
  return r.Done();
}

}  // namespace

std::string EncodeClaim(const Claim& c, const EvidenceSummary& evidence) {
  BinaryWriter w(kClaimTag);
  w.Str(c.id);
  w.Str(c.subject);
  w.Str(c.relation);
  w.Str(c.object);
  w.Str(c.text);
  WriteBuckets(w, evidence.affirm);
  WriteBuckets(w, evidence.deny);
  w.Varint(evidence.mechanisms.size());
  for (const auto& [tag, n] : evidence.mechanisms) {
    w.Str(tag);
    w.Signed(n);
  }
  return w.Finish();
}

bool DecodeClaim(std::string_view value, Claim* c) {
  if (IsJson(value)) return DecodeJsonClaim(value, c);
  BinaryReader r(value, kClaimTag);
  ReadClaimFields(r, c);
  EvidenceSummary unused;
  return ReadSummary(r, &unused);  // checked whole, like any record
}

bool DecodeClaimSummary(std::string_view value, EvidenceSummary* evidence) {
  if (IsJson(value)) return DecodeJsonClaimSummary(value, evidence);
  BinaryReader r(value, kClaimTag);
  for (int i = 0; i < 5; ++i) r.SkipStr();  // id subject relation object text
  return ReadSummary(r, evidence);
}

bool DecodeClaimWithSummary(std::string_view value, Claim* c, EvidenceSummary* evidence) {
  if (IsJson(value)) return DecodeJsonClaimWithSummary(value, c, evidence);
  BinaryReader r(value, kClaimTag);
  ReadClaimFields(r, c);
  return ReadSummary(r, evidence);
}

std::string EncodeWork(const Work& x) {
  BinaryWriter w(kWorkTag);
  w.Str(x.id);
  w.Varint(x.authors.size());
  for (const Author& a : x.authors) {
    w.Str(a.family);
    w.Str(a.given);
  }
  w.Bool(x.et_al);
  w.Signed(x.year);
  w.Str(x.title);
  w.Str(x.container);
  w.Str(x.publisher);
  w.Str(x.volume);
  w.Str(x.issue);
  w.Str(x.pages);
  w.Str(x.doi);
  w.Str(x.pmid);
  w.Str(x.pmcid);
  w.Str(x.url);
  w.Str(x.affiliation);
  w.Str(x.type);
  w.Signed(x.level);
  w.Bool(x.resolved);
  w.Str(x.label);
  return w.Finish();
}

bool DecodeWork(std::string_view value, Work* x) {
  if (IsJson(value)) return DecodeJsonWork(value, x);
  BinaryReader r(value, kWorkTag);
  r.Str(&x->id);
  x->authors.resize(r.Count());
  for (Author& a : x->authors) {
    r.Str(&a.family);
    r.Str(&a.given);
  }
  x->et_al = r.Bool();
  x->year = r.Int();
  r.Str(&x->title);
  r.Str(&x->container);
  r.Str(&x->publisher);
  r.Str(&x->volume);
  r.Str(&x->issue);
  r.Str(&x->pages);
  r.Str(&x->doi);
  r.Str(&x->pmid);
  r.Str(&x->pmcid);
  r.Str(&x->url);
  r.Str(&x->affiliation);
  r.Str(&x->type);
  x->level = r.Int();
  x->resolved = r.Bool();
  r.Str(&x->label);
  return r.Done();
}

std::string EncodeAssertion(const Assertion& a) {
  BinaryWriter w(kAssertionTag);
  w.Str(a.claim_id);
  w.Str(a.source_id);
  w.Str(a.sentence);
  w.Varint(a.span_begin);
  w.Varint(a.span_end);
  w.Byte(static_cast<uint8_t>(a.stance));
  w.Bool(a.hedged);
  w.Byte(static_cast<uint8_t>(a.attribution));
  w.Str(a.attributed_to);
  w.StrList(a.mechanisms);
  w.StrList(a.qualifiers);
  w.Varint(a.works.size());
  for (const WorkLink& link : a.works) {
    w.Str(link.work_id);
    w.Byte(static_cast<uint8_t>(link.kind));
  }
  return w.Finish();
}

bool DecodeAssertion(std::string_view value, Assertion* a) {
  if (IsJson(value)) return DecodeJsonAssertion(value, a);
  BinaryReader r(value, kAssertionTag);
  r.Str(&a->claim_id);
  r.Str(&a->source_id);
  r.Str(&a->sentence);
  a->span_begin = r.U32();
  a->span_end = r.U32();
  a->stance = static_cast<Stance>(r.Enum(static_cast<uint8_t>(Stance::kDenies)));
  a->hedged = r.Bool();
  a->attribution = static_cast<Attribution>(r.Enum(static_cast<uint8_t>(Attribution::kAnecdote)));
  r.Str(&a->attributed_to);
  r.StrList(&a->mechanisms);
  r.StrList(&a->qualifiers);
  a->works.resize(r.Count());
  for (WorkLink& link : a->works) {
    r.Str(&link.work_id);
    link.kind = static_cast<LinkKind>(r.Enum(static_cast<uint8_t>(LinkKind::kBibliography)));
  }
  return r.Done();
}

std::string EncodeMention(const Mention& m) {
  BinaryWriter w(kMentionTag);
  w.Str(m.source_id);
  w.Str(m.text);
  w.Varint(m.span_begin);
  w.Varint(m.span_end);
  w.Str(m.work_id);
  return w.Finish();
}

bool DecodeMention(std::string_view value, Mention* m) {
  if (IsJson(value)) return DecodeJsonMention(value, m);
  BinaryReader r(value, kMentionTag);
  r.Str(&m->source_id);
  r.Str(&m->text);
  m->span_begin = r.U32();
  m->span_end = r.U32();
  r.Str(&m->work_id);
  return r.Done();
}

std::string EncodeConcept(const Concept& c) {
  BinaryWriter w(kConceptTag);
  w.Str(c.id);
  w.Str(c.kind);
  w.StrList(c.labels);
  w.Str(c.parent);
  return w.Finish();
}

bool DecodeConcept(std::string_view value, Concept* c) {
  if (IsJson(value)) return DecodeJsonConcept(value, c);
  BinaryReader r(value, kConceptTag);
  r.Str(&c->id);
  r.Str(&c->kind);
  r.StrList(&c->labels);
  r.Str(&c->parent);
  return r.Done();
}

}  // namespace kb
