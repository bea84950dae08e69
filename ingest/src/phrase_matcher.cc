#include "phrase_matcher.h"

#include <algorithm>

namespace ingest {

PhraseMatcher::PhraseMatcher(Vocabulary* vocabulary) : vocabulary_(vocabulary) {
  if (vocabulary_ == nullptr) {
    own_ = std::make_unique<Vocabulary>();
    vocabulary_ = own_.get();
  }
}

void PhraseMatcher::Add(const std::string& phrase, int payload, Stemmer* stemmer, bool exact) {
  std::vector<Token> toks = Tokenize(phrase, stemmer);
  if (toks.empty()) return;
  Entry e;
  for (const Token& t : toks) e.ids.push_back(vocabulary_->Intern(t.stem));
  if (exact && toks.size() == 1) {
    const std::string& w = toks[0].lower;
    e.forms = {w, w + "s", w + "es"};
  }
  if (by_first_.size() <= e.ids[0]) by_first_.resize(e.ids[0] + 1);
  std::vector<Entry>& list = by_first_[e.ids[0]];
  for (const Entry& old : list) {
    if (old.ids == e.ids && old.forms == e.forms) return;
  }
  e.payload = payload;
  list.push_back(std::move(e));
  ++entries_;
  std::stable_sort(list.begin(), list.end(),
                   [](const Entry& a, const Entry& b) { return a.ids.size() > b.ids.size(); });
}

uint32_t PhraseMatcher::IdOf(const Token& t) const {
  return t.id != 0 ? t.id : vocabulary_->Find(t.stem);
}

bool PhraseMatcher::MatchAt(const std::vector<Token>& tokens, size_t at, PhraseMatch* out) const {
  uint32_t first = IdOf(tokens[at]);
  if (first >= by_first_.size()) return false;
  for (const Entry& e : by_first_[first]) {
    if (at + e.ids.size() > tokens.size()) continue;
    if (!e.forms.empty() &&
        std::find(e.forms.begin(), e.forms.end(), tokens[at].lower) == e.forms.end()) {
      continue;
    }
    bool ok = true;
    for (size_t k = 1; k < e.ids.size(); ++k) {
      if (IdOf(tokens[at + k]) != e.ids[k]) {
        ok = false;
        break;
      }
    }
    if (ok) {
      out->begin = at;
      out->end = at + e.ids.size();
      out->payload = e.payload;
      return true;
    }
  }
  return false;
}

std::vector<PhraseMatch> PhraseMatcher::FindAll(const std::vector<Token>& tokens) const {
  std::vector<PhraseMatch> out;
  size_t i = 0;
  while (i < tokens.size()) {
    // Most tokens start no phrase: test that before the full match.
    uint32_t first = IdOf(tokens[i]);
    if (first >= by_first_.size() || by_first_[first].empty()) {
      ++i;
      continue;
    }
    PhraseMatch m;
    if (MatchAt(tokens, i, &m)) {
      out.push_back(m);
      i = m.end;
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace ingest
