// Decoding the compact JSON values written before schema version 5 (see
// value_codec.h): such records stay in a database until they are rewritten,
// so every reader still takes them.
#include "value_codec_json.h"

#include <rapidjson/document.h>

#include <optional>

namespace kb {

namespace {

using Value = rapidjson::Value;

// Memory for the parsed tree of one record, reused by every decode on the
// thread: a record fits, so a decode need not allocate (and touch fresh
// pages for) the allocator's default 64 KB chunk. Larger records spill
// over into chunks of their own.
// The record's bytes are copied into `text` and parsed in place: strings
// are decoded where they lie instead of being copied into the tree.
struct ParseScratch {
  alignas(16) char pool[16 << 10];
  std::string text;
  bool busy = false;
};

// Reading: absent members keep their defaults; a member of the wrong type
// fails the whole decode.
class Reader {
 public:
  explicit Reader(std::string_view json) {
    thread_local ParseScratch scratch;
    std::string* text = &own_text_;
    if (!scratch.busy) {  // decodes do not nest; if one ever did, it would allocate
      scratch.busy = true;
      scratch_ = &scratch;
      pool_.emplace(scratch.pool, sizeof scratch.pool);
      text = &scratch.text;
    } else {
      pool_.emplace();
    }
    text->assign(json.data(), json.size());
    doc_.emplace(&*pool_);
    doc_->ParseInsitu(text->data());
    ok_ = !doc_->HasParseError() && doc_->IsObject();
  }
  ~Reader() {
    doc_.reset();
    pool_.reset();
    if (scratch_ != nullptr) scratch_->busy = false;
  }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;
  bool ok() const { return ok_; }
  const Value& root() const { return *doc_; }

  void Str(const Value& obj, const char* key, std::string* out) {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd()) return;
    if (!it->value.IsString()) {
      ok_ = false;
      return;
    }
    out->assign(it->value.GetString(), it->value.GetStringLength());
  }
  template <typename T>
  void Int(const Value& obj, const char* key, T* out) {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd()) return;
    if (!it->value.IsInt64()) {
      ok_ = false;
      return;
    }
    *out = static_cast<T>(it->value.GetInt64());
  }
  void Bool(const Value& obj, const char* key, bool* out) {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd()) return;
    if (!it->value.IsBool()) {
      ok_ = false;
      return;
    }
    *out = it->value.GetBool();
  }
  void StrList(const Value& obj, const char* key, std::vector<std::string>* out) {
    out->clear();
    const Value* arr = Array(obj, key);
    if (arr == nullptr) return;
    for (const Value& v : arr->GetArray()) {
      if (!v.IsString()) {
        ok_ = false;
        return;
      }
      out->emplace_back(v.GetString(), v.GetStringLength());
    }
  }
  const Value* Array(const Value& obj, const char* key) {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd()) return nullptr;
    if (!it->value.IsArray()) {
      ok_ = false;
      return nullptr;
    }
    return &it->value;
  }
  void Fail() { ok_ = false; }

 private:
  ParseScratch* scratch_ = nullptr;
  std::string own_text_;  // the text parsed when the scratch is busy
  std::optional<rapidjson::MemoryPoolAllocator<>> pool_;
  std::optional<rapidjson::Document> doc_;
  bool ok_ = false;
};

bool ReadBuckets(const Value& ev, const char* key, std::vector<EvidenceSummary::Bucket>* side) {
  side->clear();
  auto it = ev.FindMember(key);
  if (it == ev.MemberEnd()) return true;
  if (!it->value.IsArray()) return false;
  for (const Value& v : it->value.GetArray()) {
    if (!v.IsArray() || v.Size() != 3 || !v[0].IsUint() || !v[1].IsBool() || !v[2].IsUint() ||
        v[2].GetUint() == 0) {
      return false;
    }
    side->push_back({v[0].GetUint(), v[1].GetBool(), v[2].GetUint()});
  }
  return true;
}

bool ReadClaim(Reader& r, Claim* c) {
  if (!r.ok()) return false;
  *c = Claim();
  const Value& o = r.root();
  r.Str(o, "id", &c->id);
  r.Str(o, "subject", &c->subject);
  r.Str(o, "relation", &c->relation);
  r.Str(o, "object", &c->object);
  r.Str(o, "text", &c->text);
  return r.ok();
}

bool ReadClaimSummary(const Value& root, EvidenceSummary* evidence) {
  *evidence = EvidenceSummary();
  auto ev = root.FindMember("ev");
  if (ev == root.MemberEnd() || !ev->value.IsObject()) return false;
  if (!ReadBuckets(ev->value, "a", &evidence->affirm) ||
      !ReadBuckets(ev->value, "d", &evidence->deny)) {
    return false;
  }
  auto m = ev->value.FindMember("m");
  if (m == ev->value.MemberEnd()) return true;
  if (!m->value.IsArray()) return false;
  for (const Value& v : m->value.GetArray()) {
    if (!v.IsArray() || v.Size() != 2 || !v[0].IsString() || !v[1].IsInt() || v[1].GetInt() <= 0) {
      return false;
    }
    evidence->mechanisms[std::string(v[0].GetString(), v[0].GetStringLength())] = v[1].GetInt();
  }
  return true;
}

}  // namespace

bool DecodeJsonSource(std::string_view value, Source* s) {
  Reader r(value);
  if (!r.ok()) return false;
  *s = Source();
  const Value& o = r.root();
  r.Str(o, "id", &s->id);
  r.Str(o, "path", &s->path);
  r.Str(o, "title", &s->title);
  r.Str(o, "author", &s->author);
  r.Str(o, "date", &s->date);
  r.Str(o, "url", &s->url);
  r.Str(o, "kind", &s->kind);
  r.Int(o, "ingested_at", &s->ingested_at);
  r.Int(o, "length", &s->length);
  return r.ok();
}

bool DecodeJsonClaim(std::string_view value, Claim* c) {
  Reader r(value);
  return ReadClaim(r, c);
}

bool DecodeJsonClaimSummary(std::string_view value, EvidenceSummary* evidence) {
  Reader r(value);
  return r.ok() && ReadClaimSummary(r.root(), evidence);
}

bool DecodeJsonClaimWithSummary(std::string_view value, Claim* c, EvidenceSummary* evidence) {
  Reader r(value);
  return ReadClaim(r, c) && ReadClaimSummary(r.root(), evidence);
}

bool DecodeJsonWork(std::string_view value, Work* x) {
  Reader r(value);
  if (!r.ok()) return false;
  *x = Work();
  const Value& o = r.root();
  r.Str(o, "id", &x->id);
  if (const Value* authors = r.Array(o, "authors")) {
    for (const Value& a : authors->GetArray()) {
      if (!a.IsArray() || a.Size() != 2 || !a[0].IsString() || !a[1].IsString()) return false;
      x->authors.push_back(Author{a[0].GetString(), a[1].GetString()});
    }
  }
  r.Bool(o, "et_al", &x->et_al);
  r.Int(o, "year", &x->year);
  r.Str(o, "title", &x->title);
  r.Str(o, "container", &x->container);
  r.Str(o, "publisher", &x->publisher);
  r.Str(o, "volume", &x->volume);
  r.Str(o, "issue", &x->issue);
  r.Str(o, "pages", &x->pages);
  r.Str(o, "doi", &x->doi);
  r.Str(o, "pmid", &x->pmid);
  r.Str(o, "pmcid", &x->pmcid);
  r.Str(o, "url", &x->url);
  r.Str(o, "affiliation", &x->affiliation);
  r.Str(o, "type", &x->type);
  r.Int(o, "level", &x->level);
  r.Bool(o, "resolved", &x->resolved);
  r.Str(o, "label", &x->label);
  return r.ok();
}

bool DecodeJsonAssertion(std::string_view value, Assertion* a) {
  Reader r(value);
  if (!r.ok()) return false;
  *a = Assertion();
  const Value& o = r.root();
  int stance = 0, attr = 0;
  r.Str(o, "claim", &a->claim_id);
  r.Str(o, "source", &a->source_id);
  r.Str(o, "sentence", &a->sentence);
  r.Int(o, "b", &a->span_begin);
  r.Int(o, "e", &a->span_end);
  r.Int(o, "stance", &stance);
  r.Bool(o, "hedged", &a->hedged);
  r.Int(o, "attr", &attr);
  r.Str(o, "attributed_to", &a->attributed_to);
  r.StrList(o, "mechanisms", &a->mechanisms);
  r.StrList(o, "qualifiers", &a->qualifiers);
  if (stance < 0 || stance > static_cast<int>(Stance::kDenies)) return false;
  if (attr < 0 || attr > static_cast<int>(Attribution::kAnecdote)) return false;
  a->stance = static_cast<Stance>(stance);
  a->attribution = static_cast<Attribution>(attr);
  if (const Value* works = r.Array(o, "works")) {
    for (const Value& link : works->GetArray()) {
      if (!link.IsArray() || link.Size() != 2 || !link[0].IsString() || !link[1].IsInt()) return false;
      int kind = link[1].GetInt();
      if (kind < 0 || kind > static_cast<int>(LinkKind::kBibliography)) return false;
      a->works.push_back(WorkLink{link[0].GetString(), static_cast<LinkKind>(kind)});
    }
  }
  return r.ok();
}

bool DecodeJsonMention(std::string_view value, Mention* m) {
  Reader r(value);
  if (!r.ok()) return false;
  *m = Mention();
  const Value& o = r.root();
  r.Str(o, "source", &m->source_id);
  r.Str(o, "text", &m->text);
  r.Int(o, "b", &m->span_begin);
  r.Int(o, "e", &m->span_end);
  r.Str(o, "work", &m->work_id);
  return r.ok();
}

bool DecodeJsonConcept(std::string_view value, Concept* c) {
  Reader r(value);
  if (!r.ok()) return false;
  *c = Concept();
  const Value& o = r.root();
  r.Str(o, "id", &c->id);
  r.Str(o, "kind", &c->kind);
  r.StrList(o, "labels", &c->labels);
  r.Str(o, "parent", &c->parent);
  return r.ok();
}

}  // namespace kb
