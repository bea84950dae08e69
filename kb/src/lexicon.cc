// Lexicon lookups, validation (FinishLexicon) and locating the shipped file.
#include "kb/lexicon.h"

#include <cstdlib>
#include <deque>
#include <filesystem>

namespace kb {

namespace {

std::string Quoted(const std::string& s) { return "\"" + s + "\""; }

}  // namespace

const Concept* Lexicon::FindConcept(std::string_view id) const {
  auto it = concept_index_.find(id);
  return it == concept_index_.end() ? nullptr : &concepts[it->second];
}

const RelationDef* Lexicon::FindRelation(std::string_view id) const {
  auto it = relation_index_.find(id);
  return it == relation_index_.end() ? nullptr : &relations[it->second];
}

const std::vector<std::string>& Lexicon::Cues(std::string_view name) const {
  static const std::vector<std::string> kEmpty;
  auto it = cues.find(std::string(name));
  return it == cues.end() ? kEmpty : it->second;
}

bool Lexicon::IsA(std::string_view id, std::string_view ancestor) const {
  if (id == ancestor) return true;
  const Concept* c = FindConcept(id);
  // Bounded by the number of concepts, so even an unfinished lexicon with a
  // cycle cannot loop forever.
  for (size_t steps = 0; c != nullptr && !c->parent.empty() && steps <= concepts.size(); ++steps) {
    if (c->parent == ancestor) return true;
    c = FindConcept(c->parent);
  }
  return false;
}

std::vector<std::string> Lexicon::Ancestors(std::string_view id) const {
  std::vector<std::string> out;
  const Concept* c = FindConcept(id);
  while (c != nullptr && !c->parent.empty() && out.size() <= concepts.size()) {
    out.push_back(c->parent);
    c = FindConcept(c->parent);
  }
  return out;
}

std::vector<std::string> Lexicon::Descendants(std::string_view id) const {
  std::vector<std::string> out;
  std::deque<std::string> queue{std::string(id)};
  while (!queue.empty() && out.size() <= concepts.size()) {
    auto it = children_.find(queue.front());
    queue.pop_front();
    if (it == children_.end()) continue;
    for (const std::string& child : it->second) {
      out.push_back(child);
      queue.push_back(child);
    }
  }
  return out;
}

double Lexicon::RelationSimilarity(std::string_view a, std::string_view b) const {
  if (a == b) return 1.0;
  auto ia = relation_index_.find(a);
  auto ib = relation_index_.find(b);
  if (ia == relation_index_.end() || ib == relation_index_.end()) return 0.0;
  return relation_similarity_[ia->second * relations.size() + ib->second];
}

namespace {

// RelationSimilarity of two different relations, from their families.
double FamilySimilarity(const Lexicon& lex, const RelationDef& ra, const RelationDef& rb) {
  for (const auto& [from, to] : {std::pair(&ra, &rb), std::pair(&rb, &ra)}) {
    auto row = lex.family_similarity.find(from->family);
    if (row == lex.family_similarity.end()) continue;
    auto cell = row->second.find(to->family);
    if (cell != row->second.end()) return cell->second;
  }
  return ra.family == rb.family ? 0.8 : 0.0;
}

}  // namespace

Status FinishLexicon(Lexicon* lex) {
  auto where = [lex](const std::string& id) {
    auto it = lex->concept_origin_.find(id);
    return it == lex->concept_origin_.end() ? std::string("lexicon: ") : it->second + ": ";
  };
  lex->concept_index_.clear();
  lex->relation_index_.clear();
  lex->children_.clear();
  for (size_t i = 0; i < lex->concepts.size(); ++i) {
    const std::string& id = lex->concepts[i].id;
    if (id.empty()) return Status::InvalidArgument("lexicon: a concept has an empty id");
    if (!lex->concept_index_.emplace(id, i).second) {
      return Status::InvalidArgument(where(id) + "duplicate concept id " + Quoted(id));
    }
  }
  for (size_t i = 0; i < lex->relations.size(); ++i) {
    const std::string& id = lex->relations[i].id;
    if (id.empty()) return Status::InvalidArgument("lexicon: a relation has an empty id");
    if (!lex->relation_index_.emplace(id, i).second) {
      return Status::InvalidArgument("lexicon: duplicate relation id " + Quoted(id));
    }
  }
  // Every pair's similarity, worked out once: judging a broad claim weighs
  // thousands of pairs.
  const size_t n = lex->relations.size();
  lex->relation_similarity_.assign(n * n, 1.0);
  for (size_t a = 0; a < n; ++a) {
    for (size_t b = 0; b < n; ++b) {
      if (a != b) {
        lex->relation_similarity_[a * n + b] =
            FamilySimilarity(*lex, lex->relations[a], lex->relations[b]);
      }
    }
  }
  for (const Concept& c : lex->concepts) {
    if (c.parent.empty()) continue;
    if (lex->concept_index_.count(c.parent) == 0) {
      return Status::InvalidArgument(where(c.id) + "concept " + Quoted(c.id) + ": parent " +
                                     Quoted(c.parent) + " is not a concept in the lexicon");
    }
    lex->children_[c.parent].push_back(c.id);
  }
  // Cycle check: walk each parent chain once; meeting a concept that is on
  // the current chain closes a cycle.
  enum class Mark { kNew, kOnChain, kDone };
  std::vector<Mark> marks(lex->concepts.size(), Mark::kNew);
  for (size_t start = 0; start < lex->concepts.size(); ++start) {
    std::vector<size_t> chain;
    size_t i = start;
    while (marks[i] == Mark::kNew) {
      marks[i] = Mark::kOnChain;
      chain.push_back(i);
      const std::string& parent = lex->concepts[i].parent;
      if (parent.empty()) break;
      i = lex->concept_index_.at(parent);
      if (marks[i] == Mark::kOnChain) {
        std::string cycle;
        bool in_cycle = false;
        for (size_t j : chain) {
          in_cycle = in_cycle || j == i;
          if (in_cycle) cycle += lex->concepts[j].id + " -> ";
        }
        cycle += lex->concepts[i].id;
        return Status::InvalidArgument(where(lex->concepts[i].id) + "is-a cycle: " + cycle);
      }
    }
    for (size_t j : chain) marks[j] = Mark::kDone;
  }
  return Status::OK();
}

std::string DefaultLexiconPath() {
  const char* env = std::getenv("EVKB_LEXICON");
  if (env != nullptr && env[0] != '\0') return env;
  std::error_code ec;
  if (std::filesystem::exists(EVKB_SOURCE_LEXICON, ec)) return EVKB_SOURCE_LEXICON;
  return EVKB_INSTALL_LEXICON;
}

Status LoadLexicon(const std::vector<std::string>& extra, Lexicon* lex) {
  Lexicon loaded;
  Status s = LoadLexiconFile(DefaultLexiconPath(), &loaded);
  for (size_t i = 0; s.ok() && i < extra.size(); ++i) s = LoadLexiconFile(extra[i], &loaded);
  if (s.ok()) s = FinishLexicon(&loaded);
  if (s.ok()) *lex = std::move(loaded);
  return s;
}

}  // namespace kb
