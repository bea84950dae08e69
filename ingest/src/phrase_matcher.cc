#include "phrase_matcher.h"

#include <algorithm>

namespace ingest {

void PhraseMatcher::Add(const std::string& phrase, int payload, Stemmer* stemmer, bool exact) {
  std::vector<Token> toks = Tokenize(phrase, stemmer);
  if (toks.empty()) return;
  Entry e;
  for (const Token& t : toks) e.stems.push_back(t.stem);
  if (exact && toks.size() == 1) {
    const std::string& w = toks[0].lower;
    e.forms = {w, w + "s", w + "es"};
  }
  std::vector<Entry>& list = by_first_[e.stems[0]];
  for (const Entry& old : list) {
    if (old.stems == e.stems && old.forms == e.forms) return;
  }
  e.payload = payload;
  list.push_back(std::move(e));
  std::stable_sort(list.begin(), list.end(),
                   [](const Entry& a, const Entry& b) { return a.stems.size() > b.stems.size(); });
}

bool PhraseMatcher::MatchAt(const std::vector<Token>& tokens, size_t at, PhraseMatch* out) const {
  auto it = by_first_.find(tokens[at].stem);
  if (it == by_first_.end()) return false;
  for (const Entry& e : it->second) {
    if (at + e.stems.size() > tokens.size()) continue;
    if (!e.forms.empty() &&
        std::find(e.forms.begin(), e.forms.end(), tokens[at].lower) == e.forms.end()) {
      continue;
    }
    bool ok = true;
    for (size_t k = 1; k < e.stems.size(); ++k) {
      if (tokens[at + k].stem != e.stems[k]) {
        ok = false;
        break;
      }
    }
    if (ok) {
      out->begin = at;
      out->end = at + e.stems.size();
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
