#include "kb/model.h"

#include <xxhash.h>

#include <algorithm>

#include "text_fold.h"

namespace kb {

namespace {

// Ids carry a one-letter kind prefix so a bare id (evkb-query show ID) tells
// what it names: s = source, c = claim, w = work.
std::string HashId(char prefix, std::string_view bytes) {
  XXH64_hash_t h = XXH3_64bits(bytes.data(), bytes.size());
  // prefix + 16 lowercase hex digits (snprintf cost more than the hash).
  std::string id(17, prefix);
  for (int i = 16; i > 0; --i, h >>= 4) id[i] = "0123456789abcdef"[h & 0xf];
  return id;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

const char* StanceName(Stance s) {
  switch (s) {
    case Stance::kAsserts:
      return "asserts";
    case Stance::kDenies:
      return "denies";
  }
  return "asserts";
}

const char* AttributionName(Attribution a) {
  switch (a) {
    case Attribution::kAuthor:
      return "author";
    case Attribution::kExpert:
      return "expert";
    case Attribution::kStudy:
      return "study";
    case Attribution::kHearsay:
      return "hearsay";
    case Attribution::kAnecdote:
      return "anecdote";
  }
  return "author";
}

const char* LinkKindName(LinkKind k) {
  switch (k) {
    case LinkKind::kDirect:
      return "direct";
    case LinkKind::kContext:
      return "context";
    case LinkKind::kBibliography:
      return "bibliography";
  }
  return "direct";
}

bool ParseStance(std::string_view name, Stance* out) {
  for (Stance s : {Stance::kAsserts, Stance::kDenies}) {
    if (name == StanceName(s)) {
      *out = s;
      return true;
    }
  }
  return false;
}

bool ParseAttribution(std::string_view name, Attribution* out) {
  for (Attribution a : {Attribution::kAuthor, Attribution::kExpert, Attribution::kStudy,
                        Attribution::kHearsay, Attribution::kAnecdote}) {
    if (name == AttributionName(a)) {
      *out = a;
      return true;
    }
  }
  return false;
}

bool ParseLinkKind(std::string_view name, LinkKind* out) {
  for (LinkKind k : {LinkKind::kDirect, LinkKind::kContext, LinkKind::kBibliography}) {
    if (name == LinkKindName(k)) {
      *out = k;
      return true;
    }
  }
  return false;
}

std::string ContentId(std::string_view bytes) { return HashId('s', bytes); }

std::string ClaimId(std::string_view subject, std::string_view relation, std::string_view object) {
  // Queries make hundreds of these: concept and relation ids are short, so
  // the canonical bytes are put together on the stack.
  const size_t size = subject.size() + relation.size() + object.size() + 2;
  char local[128];
  std::string heap;
  char* p = local;
  if (size > sizeof local) {
    heap.resize(size);
    p = heap.data();
  }
  char* end = std::copy(subject.begin(), subject.end(), p);
  *end++ = '\0';
  end = std::copy(relation.begin(), relation.end(), end);
  *end++ = '\0';
  std::copy(object.begin(), object.end(), end);
  return HashId('c', std::string_view(p, size));
}

std::string WorkId(const Work& w) {
  if (!w.doi.empty()) return HashId('w', "doi:" + AsciiLower(w.doi));
  // Without a DOI the identity is what two differently formatted references
  // to the same paper agree on: first author, year and the title's letters.
  std::string key;
  if (!w.authors.empty()) key += FoldCase(w.authors.front().family);
  key.push_back('\0');
  key += std::to_string(w.year);
  key.push_back('\0');
  key += FoldAlnum(w.title);
  return HashId('w', key);
}

std::string WorkLabel(const Work& w) {
  std::string label;
  if (!w.authors.empty()) {
    label = w.authors[0].family;
    if (w.et_al || w.authors.size() >= 3) {
      label += " et al.";
    } else if (w.authors.size() == 2) {
      label += " & " + w.authors[1].family;
    }
  } else if (!w.container.empty()) {
    label = w.container;
  } else if (!w.title.empty()) {
    label = w.title;
  } else if (!w.affiliation.empty()) {
    label = w.affiliation;
  } else {
    label = w.url;
  }
  if (w.year != 0) {
    if (!label.empty()) label.push_back(' ');
    label += std::to_string(w.year);
  }
  return label;
}

}  // namespace kb
