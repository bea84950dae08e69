#include "claim_extractor.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace ingest {
namespace {

constexpr size_t kMaxUnknownTerms = 8;
// A structure named within this many tokens of a clause's start can be the
// clause's grammatical subject ("The IT band does not ...").
constexpr size_t kSubjectLead = 2;
// Tokens allowed between a relation cue and its first object ("improves your
// joint range of motion"), and between objects of one list.
constexpr size_t kMaxObjectGap = 6;
constexpr size_t kMaxListGap = 4;
// "a thick band of fascia": tokens allowed between "a" and the concept of an is-a.
constexpr size_t kIsAGap = 4;

bool IsObjectKind(const std::string& kind) {
  return kind == "outcome" || kind == "structure" || kind == "condition" || kind == "lesion";
}

// Whether `relation` takes a concept of `kind` as its object (lexicon
// "objects"; any object kind when the relation lists none).
bool TakesObject(const kb::RelationDef& relation, const std::string& kind) {
  if (relation.object_kinds.empty()) return IsObjectKind(kind);
  return std::find(relation.object_kinds.begin(), relation.object_kinds.end(), kind) !=
         relation.object_kinds.end();
}

bool IsStructureKind(const std::string& kind) { return kind == "structure" || kind == "lesion"; }

struct ConceptAt {
  size_t begin, end;  // tokens
  const kb::Concept* def;
};

struct CueAt {
  size_t begin, end;
  const kb::RelationDef* relation;
};

bool Overlaps(size_t b1, size_t e1, size_t b2, size_t e2) { return b1 < e2 && b2 < e1; }

class SentenceReader {
 public:
  SentenceReader(const LexiconIndex& index, std::string_view text, SentenceReading* out)
      : index_(index), text_(text), out_(out) {}

  void Read(const std::string& topic, const std::string& carried, bool question_mode);

 private:
  const kb::Lexicon& lex() const { return index_.lexicon(); }
  bool InList(std::string_view list, size_t tok) const {
    uint64_t bit = index_.ListBit(list);
    if (bit == 0) return index_.HasWord(list, out_->tokens[tok].lower);
    if (token_lists_.size() != out_->tokens.size()) token_lists_.assign(out_->tokens.size(), 0);
    uint64_t& lists = token_lists_[tok];
    if ((lists & kListsKnown) == 0) lists = index_.ListsOf(out_->tokens[tok].lower) | kListsKnown;
    return (lists & bit) != 0;
  }
  std::vector<PhraseMatch> Cues(std::string_view list) const {
    return index_.cues(list).FindAll(out_->tokens);
  }
  bool AnyCue(std::string_view list) const { return !Cues(list).empty(); }

  size_t SkipQuestionPrefix() const;
  void FindConcepts();
  void FindRelationCues();
  void ClassifySentence(bool question_mode, size_t first);
  void FindAttribution();
  void FindMechanisms();
  void ExtractIsA(size_t begin, size_t end, std::string* subject);
  void ExtractClause(size_t begin, size_t end, const std::string& topic, std::string* carried);
  bool Negated(size_t clause_begin, size_t cue_begin, size_t cue_end) const;
  // `reversed`: the author judges the statement false after making it.
  void AddClaim(const std::string& s, const std::string& r, const std::string& o, kb::Stance st,
                bool reversed = false);
  void FindUnknownTerms();
  // "Is the IT band a muscle?": the copula was the question's first word.
  void QuestionIsA(size_t first);
  // Whether the parenthesis opening or closing at token `at` holds a relation cue.
  bool ParenthesisHasCue(size_t at) const;

 public:
  bool elliptic_ = false;  // a heading or list item: the subject may be left out
  size_t statement_end_ = static_cast<size_t>(-1);  // tokens after it are a question
  bool clause_hedged_ = false;
  bool hearsay_ = false;  // a hedge seen in this or an earlier, uncontrasted clause

 private:

  const LexiconIndex& index_;
  std::string_view text_;
  SentenceReading* out_;
  std::vector<ConceptAt> concepts_;
  std::vector<CueAt> cues_;
  std::vector<std::pair<size_t, size_t>> negations_;
  // Per token: the word lists holding it (LexiconIndex::ListsOf), looked up
  // on first use; kListsKnown once looked up.
  static constexpr uint64_t kListsKnown = uint64_t{1} << 63;
  mutable std::vector<uint64_t> token_lists_;
};

size_t SentenceReader::SkipQuestionPrefix() const {
  const std::vector<Token>& t = out_->tokens;
  size_t i = 0;
  // Longest question prefix, possibly repeated ("is it true that ... does").
  for (int round = 0; round < 3 && i < t.size(); ++round) {
    PhraseMatch m;
    if (!index_.cues("question_prefix").MatchAt(t, i, &m)) break;
    i = m.end;
  }
  return i;
}

void SentenceReader::FindConcepts() {
  for (const PhraseMatch& m : index_.concepts().FindAll(out_->tokens)) {
    const kb::Concept* c = &lex().concepts[static_cast<size_t>(m.payload)];
    concepts_.push_back({m.begin, m.end, c});
    if (std::find(out_->concepts.begin(), out_->concepts.end(), c->id) == out_->concepts.end()) {
      out_->concepts.push_back(c->id);
    }
  }
}

void SentenceReader::FindRelationCues() {
  for (const PhraseMatch& m : index_.relations().FindAll(out_->tokens)) {
    bool inside_concept = false;
    for (const ConceptAt& c : concepts_) {
      if (Overlaps(m.begin, m.end, c.begin, c.end)) inside_concept = true;
    }
    if (inside_concept) continue;
    cues_.push_back({m.begin, m.end, &lex().relations[static_cast<size_t>(m.payload)]});
  }
  for (const PhraseMatch& m : Cues("negation")) negations_.push_back({m.begin, m.end});
  // Contractions the list does not spell out ("mustn't") still negate.
  for (size_t i = 0; i < out_->tokens.size(); ++i) {
    const std::string& w = out_->tokens[i].lower;
    if (w.size() > 3 && w.compare(w.size() - 3, 3, "n't") == 0) {
      bool listed = false;
      for (const auto& [b, e] : negations_) listed |= b <= i && i < e;
      if (!listed) negations_.push_back({i, i + 1});
    }
  }
}

void SentenceReader::ClassifySentence(bool question_mode, size_t first) {
  const std::vector<Token>& t = out_->tokens;
  for (const Token& tok : t) {
    if (!tok.word && tok.lower == "?") out_->question = true;
  }
  out_->claim_like = !cues_.empty() || AnyCue("claim_like");
  if (question_mode) return;
  if (AnyCue("non_claim")) {
    out_->instruction = true;
    return;
  }
  if (out_->question) {
    // "Rollers can't reach the fascia - but then what do they do?": the
    // statement before the last clause break stands; a bare question does not.
    statement_end_ = 0;
    for (size_t i = first; i < t.size(); ++i) {
      if (InList("clause_break", i) || t[i].lower == "-") statement_end_ = i;
    }
    if (statement_end_ == 0) {
      out_->instruction = true;
      return;
    }
  }
  // An imperative: the first word is an instruction verb, written as such
  // (a gerund subject such as "Rolling ..." is not an imperative).
  size_t i = first;
  while (i < t.size() && !t[i].word) ++i;
  if (i < t.size() && InList("instruction", i)) out_->instruction = true;
}

void SentenceReader::FindAttribution() {
  const std::vector<Token>& t = out_->tokens;
  out_->hedged = AnyCue("hedge");
  if (AnyCue("anecdote")) {
    out_->attribution = kb::Attribution::kAnecdote;
  } else if (AnyCue("hearsay")) {
    out_->attribution = kb::Attribution::kHearsay;
    out_->hedged = true;
    hearsay_ = true;
  }
  // A quoted expert: an expert title and a reporting verb in one sentence.
  std::vector<PhraseMatch> experts = Cues("expert");
  if (!experts.empty() && AnyCue("expert_report")) {
    out_->attribution = kb::Attribution::kExpert;
    // The title and the capitalised names after it: "Professor Roger Kerry".
    size_t b = experts[0].begin, e = experts[0].end;
    while (e < t.size() && e - b < 4 && t[e].word && t[e].begin < text_.size() &&
           std::isupper(static_cast<unsigned char>(text_[t[e].begin]))) {
      ++e;
    }
    out_->attributed_to = std::string(text_.substr(t[b].begin, t[e - 1].end - t[b].begin));
  }
  out_->context_carry = false;
  out_->support_back = AnyCue("support_back");
  PhraseMatch m;
  size_t i = 0;
  while (i < t.size() && !t[i].word) ++i;
  if (i < t.size() && index_.cues("context_carry").MatchAt(t, i, &m)) out_->context_carry = true;
  // "In addition, they also found ..."
  for (const PhraseMatch& c : Cues("context_carry")) {
    if (c.begin <= i + 3) out_->context_carry = true;
  }
}

void SentenceReader::FindMechanisms() {
  const std::vector<Token>& t = out_->tokens;
  std::set<std::string> tags;
  for (const PhraseMatch& m : index_.mechanisms().FindAll(t)) {
    // "neurological, not mechanical", "rather than mechanical ones": a cue
    // that is itself denied does not tag the sentence.
    bool denied = false;
    for (size_t k = m.begin >= 2 ? m.begin - 2 : 0; k < m.begin; ++k) {
      const std::string& w = t[k].lower;
      if (w == "not" || w == "than" || w == "no" || w == "instead" || w == "without") denied = true;
    }
    if (!denied) tags.insert(index_.mechanism_names()[static_cast<size_t>(m.payload)]);
  }
  out_->mechanisms.assign(tags.begin(), tags.end());
}

bool SentenceReader::Negated(size_t clause_begin, size_t cue_begin, size_t cue_end) const {
  // Negations in reach of the cue: in its clause, before it, with no comma
  // between ("X is not what you want, these patterns lead to Y").
  std::vector<std::pair<size_t, size_t>> reach;
  for (const auto& [b, e] : negations_) {
    if (b < clause_begin || b >= cue_begin) continue;
    // A colon ends it too ("It doesn't: the gains come from ..."), except
    // after a label that heads what follows ("Myth 1: rolling breaks ...").
    bool comma = false, colon = false;
    for (size_t k = e; k < cue_begin; ++k) {
      comma |= out_->tokens[k].lower == ",";
      colon |= out_->tokens[k].lower == ":";
    }
    if (comma || (colon && !InList("heading_negation", b))) continue;
    // "not only", "no matter": not a negation of what follows.
    if (e < out_->tokens.size()) {
      const std::string& next = out_->tokens[e].lower;
      if (next == "only" || next == "matter") continue;
    }
    reach.push_back({b, e});
  }
  // "should not", "can not": a negation right after the cue word.
  for (const auto& [b, e] : negations_) {
    if (b != cue_end) continue;
    if (e < out_->tokens.size() && out_->tokens[e].lower == "only") continue;
    reach.push_back({b, e});
  }
  std::sort(reach.begin(), reach.end());
  // Two negations side by side cancel ("no doubt", "not impossible"); any
  // other negation in reach denies, however many there are ("no meaningful
  // drop ... and little or no protection").
  for (size_t i = 0; i < reach.size(); ++i) {
    if (i + 1 < reach.size() && reach[i].second == reach[i + 1].first) {
      ++i;
      continue;
    }
    return true;
  }
  return false;
}

void SentenceReader::AddClaim(const std::string& s, const std::string& rel, const std::string& o,
                              kb::Stance st, bool reversed) {
  if (s.empty() || o.empty() || s == o) return;
  // "improves soreness", "helps with pain": improving an adverse outcome
  // means reducing it.
  std::string r = rel;
  const std::vector<std::string>& adverse = lex().Cues("adverse");
  if (r == "improves" && std::find(adverse.begin(), adverse.end(), o) != adverse.end()) {
    r = "reduces";
  }
  for (const ExtractedClaim& c : out_->claims) {
    if (c.subject == s && c.relation == r && c.object == o && c.stance == st) return;
  }
  // Hearsay hedges what is reported, not the author's verdict on it
  // ("claims that … are simply not true").
  bool hedged = clause_hedged_ || (hearsay_ && !reversed);
  out_->claims.push_back({s, r, o, st, hedged});
}

void SentenceReader::ExtractIsA(size_t begin, size_t end, std::string* subject) {
  const std::vector<Token>& t = out_->tokens;
  for (size_t p = begin; p < end; ++p) {
    if (!InList("copula", p)) continue;
    size_t q = p + 1;
    bool negated = false;
    if (q < end && (t[q].lower == "not" || t[q].lower == "never")) {
      negated = true;
      ++q;
    }
    if (t[p].lower.size() > 3 && t[p].lower.compare(t[p].lower.size() - 3, 3, "n't") == 0) {
      negated = true;
    }
    if (q >= end || (t[q].lower != "a" && t[q].lower != "an")) continue;
    const ConceptAt* object = nullptr;
    const kb::RelationDef* is_a = lex().FindRelation("is_a");
    for (const ConceptAt& c : concepts_) {
      if (c.begin > q && c.begin <= q + kIsAGap + 1 && c.begin < end) {
        if (is_a == nullptr || TakesObject(*is_a, c.def->kind)) object = &c;
        break;
      }
    }
    if (object == nullptr) continue;
    // The subject: the nearest concept before the copula, else "it" standing
    // for the previous subject.
    const ConceptAt* subj = nullptr;
    for (const ConceptAt& c : concepts_) {
      if (c.end <= p && c.begin >= begin) subj = &c;
    }
    std::string s;
    bool pronoun = t[p].lower == "it's" || (p > 0 && t[p - 1].lower == "it");
    if (pronoun) {
      s = *subject;
    } else if (subj != nullptr && subj->end + 1 >= p) {
      s = subj->def->id;
    }
    if (s.empty()) continue;
    AddClaim(s, "is_a", object->def->id, negated ? kb::Stance::kDenies : kb::Stance::kAsserts);
    *subject = s;
  }
}

void SentenceReader::ExtractClause(size_t begin, size_t end, const std::string& topic,
                                   std::string* carried) {
  const std::vector<Token>& t = out_->tokens;
  std::vector<const CueAt*> cues;
  for (const CueAt& c : cues_) {
    if (c.begin >= begin && c.end <= end) cues.push_back(&c);
  }
  std::vector<const ConceptAt*> cs;
  for (const ConceptAt& c : concepts_) {
    if (c.begin >= begin && c.end <= end) cs.push_back(&c);
  }
  for (const PhraseMatch& m : Cues("hedge")) {
    if (m.begin >= begin && m.begin < end) clause_hedged_ = true;
  }
  std::string is_a_subject = *carried;
  ExtractIsA(begin, end, &is_a_subject);
  if (cues.empty()) {
    if (is_a_subject != *carried) *carried = is_a_subject;
    return;
  }
  size_t first_cue = cues[0]->begin;

  // The subject.
  const ConceptAt* subject = nullptr;
  for (const ConceptAt* c : cs) {
    if (c->def->kind == "intervention" && c->begin < first_cue) {
      subject = c;
      break;
    }
  }
  if (subject == nullptr && !cs.empty() && cs[0]->begin < first_cue &&
      cs[0]->begin <= begin + kSubjectLead && IsStructureKind(cs[0]->def->kind)) {
    subject = cs[0];
  }
  // A pronoun or "the roller" before the verb stands for the topic.
  bool anaphora = false;
  for (const PhraseMatch& m : Cues("topic_anaphora")) {
    if (m.begin >= begin && m.begin < first_cue) anaphora = true;
  }
  if (subject == nullptr && !anaphora) {
    for (const ConceptAt* c : cs) {
      if (c->def->kind == "intervention") {
        subject = c;
        break;
      }
    }
  }
  std::string subj;
  if (subject != nullptr) {
    subj = subject->def->id;
  } else if (!carried->empty()) {
    subj = *carried;
  } else if (anaphora || elliptic_) {
    // Headings and list items ("Improved flexibility") are about the topic.
    subj = topic;
  }
  if (subj.empty()) return;
  *carried = subj;

  // Objects per cue: concepts between this cue and the next. A cue followed
  // directly by another ("cause harmful pressure", "help reduce") gives way
  // to it; one joined by and/or ("lengthen or release the IT band") shares
  // its objects.
  std::vector<std::vector<const ConceptAt*>> objects(cues.size());
  for (size_t k = 0; k < cues.size(); ++k) {
    size_t span_end = k + 1 < cues.size() ? cues[k + 1]->begin : end;
    for (const ConceptAt* c : cs) {
      if (c == subject || c->begin < cues[k]->end || c->begin >= span_end) continue;
      const std::string& kind = c->def->kind;
      if (kind == "region" && c->begin != cues[k]->end) continue;
      if (!TakesObject(*cues[k]->relation, kind)) continue;
      // Objects stand near their verb, or continue a list of objects that does:
      // "reduces pain, stiffness and swelling", not "helps ... which can
      // lead it to become overworked and inflamed".
      size_t from = objects[k].empty() ? cues[k]->end : objects[k].back()->end;
      size_t reach = objects[k].empty() ? kMaxObjectGap : kMaxListGap;
      if (c->begin > from + reach) break;
      objects[k].push_back(c);
    }
    // "lengthen it": the object is the concept named before the cue.
    if (objects[k].empty() && cues[k]->end < end &&
        (t[cues[k]->end].lower == "it" || t[cues[k]->end].lower == "them")) {
      for (const ConceptAt* c : cs) {
        if (c != subject && c->end <= cues[k]->begin && TakesObject(*cues[k]->relation, c->def->kind)) {
          objects[k] = {c};
        }
      }
    }
    // "People with osteoporosis should not roll": who a safety relation is
    // about usually stands before it, as the sentence's subject.
    if (objects[k].empty() && cues[k]->relation->family == "safety") {
      for (const ConceptAt* c : cs) {
        if (c != subject && c->end <= cues[k]->begin && c->def->kind == "condition") {
          objects[k].push_back(c);
        }
      }
    }
    // A noun cue right after its object: "circulatory changes", "pain relief".
    if (objects[k].empty()) {
      for (const ConceptAt* c : cs) {
        if (c != subject && c->end == cues[k]->begin && TakesObject(*cues[k]->relation, c->def->kind)) {
          objects[k] = {c};
        }
      }
    }
  }
  for (size_t k = cues.size(); k-- > 0;) {
    if (!objects[k].empty() || k + 1 >= cues.size()) continue;
    bool joined = true;
    for (size_t p = cues[k]->end; p < cues[k + 1]->begin; ++p) {
      const std::string& w = t[p].lower;
      if (w != "or" && w != "and" && w != "," && w != "even" && w != "also" && w != "'" &&
          w != "\"") {
        joined = false;
      }
    }
    if (joined && cues[k]->end < cues[k + 1]->begin) objects[k] = objects[k + 1];
  }
  // "rolling for DOMS reduced pain": an outcome after "for" and before the
  // first cue is what the subject was used for, so an object of that cue.
  for (const ConceptAt* c : cs) {
    if (c == subject || c->begin >= first_cue || !TakesObject(*cues[0]->relation, c->def->kind)) continue;
    for (size_t p = c->begin >= 3 ? c->begin - 3 : begin; p < c->begin; ++p) {
      if (p >= begin && t[p].lower == "for") {
        objects[0].push_back(c);
        break;
      }
    }
  }
  // "Claims that rolling flushes toxins are simply not true": a verdict on
  // the statement after it reverses it.
  std::vector<PhraseMatch> post = Cues("post_negation");
  for (size_t k = 0; k < cues.size(); ++k) {
    bool post_negated = false;
    for (const PhraseMatch& m : post) post_negated |= m.begin >= cues[k]->end && m.begin < end;
    bool denied = Negated(begin, cues[k]->begin, cues[k]->end) != post_negated;
    kb::Stance stance = denied ? kb::Stance::kDenies : kb::Stance::kAsserts;
    for (const ConceptAt* o : objects[k]) {
      AddClaim(subj, cues[k]->relation->id, o->def->id, stance, post_negated);
    }
  }
}

void SentenceReader::QuestionIsA(size_t first) {
  const std::vector<Token>& t = out_->tokens;
  if (concepts_.size() < 2 || concepts_[0].begin > first + kSubjectLead) return;
  const ConceptAt& subject = concepts_[0];
  bool negated = false;
  for (size_t p = subject.end; p < t.size(); ++p) {
    if (t[p].lower == "not") negated = true;
    if (t[p].lower != "a" && t[p].lower != "an") continue;
    for (size_t k = 1; k < concepts_.size(); ++k) {
      const ConceptAt& c = concepts_[k];
      const kb::RelationDef* is_a = lex().FindRelation("is_a");
      if (c.begin > p && c.begin <= p + kIsAGap + 1 && (is_a == nullptr || TakesObject(*is_a, c.def->kind))) {
        AddClaim(subject.def->id, "is_a", c.def->id, negated ? kb::Stance::kDenies : kb::Stance::kAsserts);
        return;
      }
    }
  }
}

bool SentenceReader::ParenthesisHasCue(size_t at) const {
  const std::vector<Token>& t = out_->tokens;
  size_t open = at, close = at;
  if (t[at].lower == "(") {
    while (close < t.size() && t[close].lower != ")") ++close;
  } else {
    while (open > 0 && t[open].lower != "(") --open;
    if (t[open].lower != "(") return false;
  }
  for (const CueAt& c : cues_) {
    if (c.begin > open && c.end <= close) return true;
  }
  return false;
}

void SentenceReader::FindUnknownTerms() {
  const std::vector<Token>& t = out_->tokens;
  std::vector<bool> known(t.size(), false);
  for (const ConceptAt& c : concepts_) {
    for (size_t i = c.begin; i < c.end; ++i) known[i] = true;
  }
  for (const CueAt& c : cues_) {
    for (size_t i = c.begin; i < c.end; ++i) known[i] = true;
  }
  for (size_t i = 0; i < t.size() && out_->unknown_terms.size() < kMaxUnknownTerms; ++i) {
    if (known[i] || !t[i].word || t[i].lower.size() < 3 || InList("stopwords", i)) continue;
    if (InList("question_prefix", i) || InList("negation", i) || InList("hedge", i)) continue;
    if (std::isdigit(static_cast<unsigned char>(t[i].lower[0]))) continue;
    if (std::find(out_->unknown_terms.begin(), out_->unknown_terms.end(), t[i].lower) ==
        out_->unknown_terms.end()) {
      out_->unknown_terms.push_back(t[i].lower);
    }
  }
}

void SentenceReader::Read(const std::string& topic, const std::string& carried,
                          bool question_mode) {
  size_t first = question_mode ? SkipQuestionPrefix() : 0;
  FindConcepts();
  FindRelationCues();
  ClassifySentence(question_mode, first);
  FindAttribution();
  FindMechanisms();
  for (const ConceptAt& c : concepts_) {
    const std::string& kind = c.def->kind;
    if (kind == "timing" || kind == "region") out_->qualifiers.push_back(c.def->id);
  }
  if (!out_->instruction) {
    // Clauses: split at ';' and at contrastive conjunctions.
    const std::vector<Token>& t = out_->tokens;
    std::string subject = carried;
    size_t begin = first;
    size_t limit = std::min(t.size(), statement_end_);
    clause_hedged_ = false;
    for (size_t i = first; i <= limit; ++i) {
      bool brk = i == limit || t[i].lower == ";" || InList("clause_break", i) ||
                 (t[i].lower == "(" && ParenthesisHasCue(i)) || (t[i].lower == ")" && ParenthesisHasCue(i));
      if (!brk) continue;
      if (i > begin) ExtractClause(begin, i, topic, &subject);
      // A contrast ("but", "however") ends the reach of a hedge; "while" does not.
      if (i < limit && InList("contrast", i)) clause_hedged_ = false;
      begin = i + 1;
    }
    out_->last_subject = subject;
  }
  if (question_mode && out_->claims.empty() && first > 0 && InList("copula", first - 1)) {
    QuestionIsA(first);
  }
  if (out_->claims.empty() && (out_->claim_like || question_mode)) FindUnknownTerms();
  if (!out_->claims.empty()) {
    // A relation's own object is not a qualifier of it.
    std::vector<std::string> q;
    for (const std::string& id : out_->qualifiers) {
      bool is_object = false;
      for (const ExtractedClaim& c : out_->claims) is_object |= c.object == id;
      if (!is_object && std::find(q.begin(), q.end(), id) == q.end()) q.push_back(id);
    }
    out_->qualifiers = q;
  }
}

}  // namespace

SentenceReading ClaimExtractor::Read(std::string_view sentence, const std::string& topic,
                                     const std::string& carried, bool question_mode,
                                     bool elliptic) const {
  return Read(sentence, index_->Tokenize(sentence), topic, carried, question_mode, elliptic);
}

SentenceReading ClaimExtractor::Read(std::string_view sentence, std::vector<Token> tokens,
                                     const std::string& topic, const std::string& carried,
                                     bool question_mode, bool elliptic) const {
  SentenceReading out;
  out.tokens = std::move(tokens);
  SentenceReader reader(*index_, sentence, &out);
  reader.elliptic_ = elliptic;
  reader.Read(topic, carried, question_mode);
  return out;
}

std::vector<std::string> ClaimExtractor::ConceptsIn(std::string_view text) const {
  return ConceptsIn(index_->Tokenize(text));
}

std::vector<std::string> ClaimExtractor::ConceptsIn(const std::vector<Token>& tokens) const {
  std::vector<std::string> out;
  for (const PhraseMatch& m : index_->concepts().FindAll(tokens)) {
    const std::string& id = index_->lexicon().concepts[static_cast<size_t>(m.payload)].id;
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  }
  return out;
}

}  // namespace ingest
