// A small JSON tree that remembers where each value starts in the input, so
// lexicon errors can point at the offending line and column. RapidJSON's DOM
// does not keep offsets; its SAX reader drives this builder instead.
#ifndef EVKB_KB_SRC_LEXICON_JSON_H_
#define EVKB_KB_SRC_LEXICON_JSON_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kb/status.h"

namespace kb {

struct JsonNode {
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = Type::kNull;
  bool boolean = false;
  double number = 0;
  bool is_integer = false;
  std::string str;
  std::vector<JsonNode> items;                            // kArray
  std::vector<std::pair<std::string, JsonNode>> members;  // kObject, in input order
  std::vector<size_t> key_offsets;                        // kObject: where each key starts
  size_t offset = 0;                                      // first byte of the value

  JsonNode();
  JsonNode(const JsonNode&);
  JsonNode(JsonNode&&) noexcept;
  JsonNode& operator=(const JsonNode&);
  JsonNode& operator=(JsonNode&&) noexcept;
  ~JsonNode();

  // The member named `key`, or nullptr.
  const JsonNode* Find(std::string_view key) const;
};

const char* JsonTypeName(JsonNode::Type t);  // "a string", "an object", ...

// The text being parsed and its name, for messages.
class JsonText {
 public:
  JsonText(std::string_view text, std::string name) : text_(text), name_(std::move(name)) {}
  const std::string& name() const { return name_; }
  // "name:line:col"; col counts UTF-8 characters from 1. Calls with
  // growing offsets (a parse's order) cost the bytes between them.
  std::string Where(size_t offset) const;
  // "name:line:col: message", then the input line, then a caret under
  // the column, as ninja reports syntax errors.
  std::string Error(size_t offset, std::string_view message) const;

 private:
  std::string_view text_;
  std::string name_;
  // The last line counted by Where: its first byte and its number.
  mutable size_t counted_offset_ = 0;
  mutable size_t counted_line_ = 1;
};

// Parses `text` (comments and trailing commas allowed). Syntax errors are
// InvalidArgument with a JsonText::Error message.
Status ParseJsonTree(const JsonText& source, std::string_view text, JsonNode* root);

}  // namespace kb

#endif  // EVKB_KB_SRC_LEXICON_JSON_H_
