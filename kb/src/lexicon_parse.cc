// ParseLexicon: checks a lexicon document against the format of
// kb/data/README.md and merges it into a Lexicon.
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "kb/lexicon.h"
#include "lexicon_json.h"

namespace kb {

namespace {

using Type = JsonNode::Type;

std::string IdToLabel(const std::string& id) {
  std::string label = id;
  for (char& c : label) {
    if (c == '_') c = ' ';
  }
  return label;
}

void AppendUnique(const std::vector<std::string>& items, std::vector<std::string>* list) {
  for (const std::string& item : items) {
    bool present = false;
    for (const std::string& have : *list) present = present || have == item;
    if (!present) list->push_back(item);
  }
}

class LexiconParser {
 public:
  LexiconParser(const JsonText& text, Lexicon* lex) : text_(text), lex_(lex) {
    for (size_t i = 0; i < lex->concepts.size(); ++i) concept_pos_[lex->concepts[i].id] = i;
    for (size_t i = 0; i < lex->relations.size(); ++i) relation_pos_[lex->relations[i].id] = i;
  }

  Status Parse(const JsonNode& root) {
    if (root.type != Type::kObject) return Error(root, "a lexicon must be a JSON object");
    for (size_t i = 0; i < root.members.size(); ++i) {
      const auto& [key, value] = root.members[i];
      Status s;
      if (key == "concepts") {
        s = Concepts(value);
      } else if (key == "relations") {
        s = Relations(value);
      } else if (key == "family_similarity") {
        s = FamilySimilarity(value);
      } else if (key == "study_types") {
        s = StudyTypes(value);
      } else if (key == "mechanisms") {
        s = NamedLists(value, "mechanisms", &lex_->mechanisms);
      } else if (key == "cues") {
        s = NamedLists(value, "cues", &lex_->cues);
      } else if (!IsComment(key)) {
        s = ErrorAt(root.key_offsets[i],
                    "unknown key \"" + key +
                        "\"; expected concepts, relations, family_similarity, study_types, "
                        "mechanisms or cues");
      }
      if (!s.ok()) return s;
    }
    return Status::OK();
  }

 private:
  // Keys starting with '_' are comments, anywhere in the document.
  static bool IsComment(const std::string& key) { return !key.empty() && key[0] == '_'; }

  Status ErrorAt(size_t offset, const std::string& message) const {
    return Status::InvalidArgument(text_.Error(offset, message));
  }
  Status Error(const JsonNode& at, const std::string& message) const {
    return ErrorAt(at.offset, message);
  }
  Status Expect(const JsonNode& node, Type type, const std::string& what) const {
    if (node.type == type) return Status::OK();
    return Error(node, what + " must be " + JsonTypeName(type) + ", not " + JsonTypeName(node.type));
  }
  Status StringList(const JsonNode& node, const std::string& what, std::vector<std::string>* out) const {
    Status s = Expect(node, Type::kArray, what);
    if (!s.ok()) return s;
    out->clear();
    for (const JsonNode& item : node.items) {
      if (item.type != Type::kString) {
        return Error(item, what + " must hold strings, not " + std::string(JsonTypeName(item.type)));
      }
      if (item.str.empty()) return Error(item, what + " holds an empty string");
      out->push_back(item.str);
    }
    return Status::OK();
  }
  Status OptString(const JsonNode& obj, const char* key, const std::string& what, std::string* out) const {
    const JsonNode* v = obj.Find(key);
    if (v == nullptr || v->type == Type::kNull) return Status::OK();
    Status s = Expect(*v, Type::kString, what + ": \"" + key + "\"");
    if (s.ok()) *out = v->str;
    return s;
  }
  // Checks the keys of an entry object; `what` names it in messages.
  Status Keys(const JsonNode& obj, const std::string& what, std::initializer_list<const char*> allowed) const {
    for (size_t i = 0; i < obj.members.size(); ++i) {
      const std::string& key = obj.members[i].first;
      if (IsComment(key)) continue;
      bool ok = false;
      std::string list;
      for (const char* a : allowed) {
        ok = ok || key == a;
        list += list.empty() ? a : std::string(", ") + a;
      }
      if (!ok) return ErrorAt(obj.key_offsets[i], what + ": unknown key \"" + key + "\"; expected " + list);
    }
    return Status::OK();
  }
  Status RequiredId(const JsonNode& obj, const char* key, const std::string& what, std::string* id) const {
    const JsonNode* v = obj.Find(key);
    if (v == nullptr) return Error(obj, what + ": missing \"" + key + "\"");
    Status s = Expect(*v, Type::kString, what + ": \"" + key + "\"");
    if (!s.ok()) return s;
    if (v->str.empty()) return Error(*v, what + ": \"" + key + "\" is empty");
    *id = v->str;
    return Status::OK();
  }

  Status Concepts(const JsonNode& node) {
    Status s = Expect(node, Type::kArray, "\"concepts\"");
    if (!s.ok()) return s;
    std::unordered_map<std::string, size_t> seen;  // id -> offset, this document only
    for (size_t i = 0; i < node.items.size(); ++i) {
      const JsonNode& item = node.items[i];
      std::string what = "concepts[" + std::to_string(i) + "]";
      s = Expect(item, Type::kObject, what);
      if (!s.ok()) return s;
      Concept c;
      s = RequiredId(item, "id", what, &c.id);
      if (!s.ok()) return s;
      what += " (" + c.id + ")";
      s = Keys(item, what, {"id", "kind", "labels", "parent"});
      if (s.ok()) s = OptString(item, "kind", what, &c.kind);
      if (s.ok()) s = OptString(item, "parent", what, &c.parent);
      if (!s.ok()) return s;
      if (const JsonNode* labels = item.Find("labels")) {
        s = StringList(*labels, what + ": \"labels\"", &c.labels);
        if (!s.ok()) return s;
      }
      if (c.labels.empty()) c.labels.push_back(IdToLabel(c.id));
      auto [it, fresh] = seen.emplace(c.id, item.offset);
      if (!fresh) {
        return Error(item, what + ": duplicate concept id, first defined at " + text_.Where(it->second));
      }
      lex_->concept_origin_[c.id] = text_.Where(item.offset);
      auto pos = concept_pos_.find(c.id);
      if (pos != concept_pos_.end()) {
        lex_->concepts[pos->second] = std::move(c);
      } else {
        concept_pos_[c.id] = lex_->concepts.size();
        lex_->concepts.push_back(std::move(c));
      }
    }
    return Status::OK();
  }

  Status Relations(const JsonNode& node) {
    Status s = Expect(node, Type::kArray, "\"relations\"");
    if (!s.ok()) return s;
    std::unordered_map<std::string, size_t> seen;
    for (size_t i = 0; i < node.items.size(); ++i) {
      const JsonNode& item = node.items[i];
      std::string what = "relations[" + std::to_string(i) + "]";
      s = Expect(item, Type::kObject, what);
      if (!s.ok()) return s;
      RelationDef r;
      s = RequiredId(item, "id", what, &r.id);
      if (!s.ok()) return s;
      what += " (" + r.id + ")";
      s = Keys(item, what, {"id", "family", "label", "cues", "objects"});
      if (s.ok()) s = OptString(item, "family", what, &r.family);
      if (s.ok()) s = OptString(item, "label", what, &r.label);
      if (!s.ok()) return s;
      if (const JsonNode* cues = item.Find("cues")) {
        s = StringList(*cues, what + ": \"cues\"", &r.cues);
        if (!s.ok()) return s;
      }
      if (const JsonNode* objects = item.Find("objects")) {
        s = StringList(*objects, what + ": \"objects\"", &r.object_kinds);
        if (!s.ok()) return s;
      }
      if (r.family.empty()) r.family = r.id;
      if (r.label.empty()) r.label = IdToLabel(r.id);
      auto [it, fresh] = seen.emplace(r.id, item.offset);
      if (!fresh) {
        return Error(item, what + ": duplicate relation id, first defined at " + text_.Where(it->second));
      }
      auto pos = relation_pos_.find(r.id);
      if (pos != relation_pos_.end()) {
        lex_->relations[pos->second] = std::move(r);
      } else {
        relation_pos_[r.id] = lex_->relations.size();
        lex_->relations.push_back(std::move(r));
      }
    }
    return Status::OK();
  }

  Status StudyTypes(const JsonNode& node) {
    Status s = Expect(node, Type::kArray, "\"study_types\"");
    if (!s.ok()) return s;
    for (size_t i = 0; i < node.items.size(); ++i) {
      const JsonNode& item = node.items[i];
      std::string what = "study_types[" + std::to_string(i) + "]";
      s = Expect(item, Type::kObject, what);
      if (!s.ok()) return s;
      StudyTypeDef t;
      s = RequiredId(item, "type", what, &t.type);
      if (!s.ok()) return s;
      what += " (" + t.type + ")";
      s = Keys(item, what, {"type", "level", "cues"});
      if (!s.ok()) return s;
      if (const JsonNode* level = item.Find("level")) {
        if (level->type != Type::kNumber || !level->is_integer || level->number < 1 || level->number > 5) {
          return Error(*level, what + ": \"level\" must be an integer from 1 (strongest) to 5");
        }
        t.level = static_cast<int>(level->number);
      }
      if (const JsonNode* cues = item.Find("cues")) {
        s = StringList(*cues, what + ": \"cues\"", &t.cues);
        if (!s.ok()) return s;
      }
      bool replaced = false;
      for (StudyTypeDef& have : lex_->study_types) {
        if (have.type == t.type) {
          have = t;
          replaced = true;
        }
      }
      if (!replaced) lex_->study_types.push_back(std::move(t));
    }
    return Status::OK();
  }

  Status FamilySimilarity(const JsonNode& node) {
    Status s = Expect(node, Type::kObject, "\"family_similarity\"");
    if (!s.ok()) return s;
    for (const auto& [family, targets] : node.members) {
      if (IsComment(family)) continue;
      std::string what = "family_similarity." + family;
      s = Expect(targets, Type::kObject, what);
      if (!s.ok()) return s;
      for (const auto& [other, score] : targets.members) {
        if (IsComment(other)) continue;
        if (score.type != Type::kNumber || score.number <= 0 || score.number > 1) {
          return Error(score, what + "." + other + " must be a number in (0, 1]");
        }
        lex_->family_similarity[family][other] = score.number;
      }
    }
    return Status::OK();
  }

  // {"name": [..]} appends; {"name": {"replace": true, "items": [..]}} replaces.
  Status NamedLists(const JsonNode& node, const std::string& section,
                    std::map<std::string, std::vector<std::string>>* lists) {
    Status s = Expect(node, Type::kObject, "\"" + section + "\"");
    if (!s.ok()) return s;
    for (const auto& [name, value] : node.members) {
      if (IsComment(name)) continue;
      std::string what = section + "." + name;
      std::vector<std::string> items;
      bool replace = false;
      if (value.type == Type::kObject) {
        s = Keys(value, what, {"replace", "items"});
        if (!s.ok()) return s;
        const JsonNode* r = value.Find("replace");
        const JsonNode* list = value.Find("items");
        if (r != nullptr) {
          s = Expect(*r, Type::kBool, what + ": \"replace\"");
          if (!s.ok()) return s;
          replace = r->boolean;
        }
        if (list == nullptr) return Error(value, what + ": missing \"items\"");
        s = StringList(*list, what + ": \"items\"", &items);
      } else if (value.type == Type::kArray) {
        s = StringList(value, what, &items);
      } else {
        s = Error(value, what + " must be an array of strings or {\"replace\": true, \"items\": [...]}");
      }
      if (!s.ok()) return s;
      std::vector<std::string>& list = (*lists)[name];
      if (replace) list.clear();
      AppendUnique(items, &list);
    }
    return Status::OK();
  }

  const JsonText& text_;
  Lexicon* lex_;
  std::unordered_map<std::string, size_t> concept_pos_;
  std::unordered_map<std::string, size_t> relation_pos_;
};

}  // namespace

Status ParseLexicon(std::string_view json, const std::string& name, Lexicon* lex) {
  JsonText text(json, name);
  JsonNode root;
  Status s = ParseJsonTree(text, json, &root);
  if (!s.ok()) return s;
  // Parse into a copy so a failing document leaves *lex as it was.
  Lexicon merged = *lex;
  s = LexiconParser(text, &merged).Parse(root);
  if (!s.ok()) return s;
  *lex = std::move(merged);
  return Status::OK();
}

Status LoadLexiconFile(const std::string& path, Lexicon* lex) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::IOError("cannot read lexicon " + path + ": " +
                           std::error_code(errno, std::generic_category()).message());
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IOError("error reading lexicon " + path);
  return ParseLexicon(buf.str(), path, lex);
}

}  // namespace kb
