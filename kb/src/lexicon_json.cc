#include "lexicon_json.h"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <algorithm>

namespace kb {

JsonNode::JsonNode() = default;
JsonNode::JsonNode(const JsonNode&) = default;
JsonNode::JsonNode(JsonNode&&) noexcept = default;
JsonNode& JsonNode::operator=(const JsonNode&) = default;
JsonNode& JsonNode::operator=(JsonNode&&) noexcept = default;
JsonNode::~JsonNode() = default;

namespace {

// Deeper nesting is refused: the SAX reader recurses once per level, and so
// would destroying the tree, so a hostile file of '[' could overflow the
// stack. A lexicon needs four levels.
constexpr size_t kMaxJsonDepth = 64;

// Between two SAX events JSON holds only whitespace, ',' and ':' (and here
// comments), so the start of a token is the first other byte after the
// previous event.
size_t SkipFiller(std::string_view text, size_t pos) {
  while (pos < text.size()) {
    char c = text[pos];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':') {
      ++pos;
    } else if (c == '/' && pos + 1 < text.size() && text[pos + 1] == '/') {
      size_t nl = text.find('\n', pos);
      pos = nl == std::string_view::npos ? text.size() : nl + 1;
    } else if (c == '/' && pos + 1 < text.size() && text[pos + 1] == '*') {
      size_t end = text.find("*/", pos + 2);
      pos = end == std::string_view::npos ? text.size() : end + 2;
    } else {
      break;
    }
  }
  return pos;
}

// A NUL-terminated input stream. RapidJSON copies streams it knows to be
// cheap (rapidjson::StringStream) into locals while parsing a token, so their
// Tell() lags inside handler callbacks; this type is not copy-optimised, so
// Tell() is exact at every event.
class TrackedStream {
 public:
  using Ch = char;
  explicit TrackedStream(const char* text) : begin_(text), cur_(text) {}
  Ch Peek() const { return *cur_; }
  // Never moves past the terminating NUL: RapidJSON's UTF-8 validation takes
  // a multi-byte sequence's continuation bytes without looking, so a
  // truncated sequence at the end would otherwise read beyond the buffer.
  Ch Take() { return *cur_ == '\0' ? '\0' : *cur_++; }
  size_t Tell() const { return static_cast<size_t>(cur_ - begin_); }
  // Write interface, unused: parsing is not in situ.
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  size_t PutEnd(Ch*) { return 0; }

 private:
  const char* begin_;
  const char* cur_;
};

class TreeBuilder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, TreeBuilder> {
 public:
  TreeBuilder(std::string_view text, const TrackedStream* stream)
      : text_(text), stream_(stream) {}

  bool Null() { return Add(JsonNode()); }
  bool Bool(bool b) {
    JsonNode n;
    n.type = JsonNode::Type::kBool;
    n.boolean = b;
    return Add(std::move(n));
  }
  bool Int(int i) { return Number(i, true); }
  bool Uint(unsigned u) { return Number(u, true); }
  bool Int64(int64_t i) { return Number(static_cast<double>(i), true); }
  bool Uint64(uint64_t u) { return Number(static_cast<double>(u), true); }
  bool Double(double d) { return Number(d, false); }
  bool String(const char* s, rapidjson::SizeType len, bool) {
    JsonNode n;
    n.type = JsonNode::Type::kString;
    n.str.assign(s, len);
    return Add(std::move(n));
  }
  bool StartObject() { return Open(JsonNode::Type::kObject); }
  bool Key(const char* s, rapidjson::SizeType len, bool) {
    pending_key_offset_ = Start();
    pending_key_.assign(s, len);
    return true;
  }
  bool EndObject(rapidjson::SizeType) { return Close(); }
  bool StartArray() { return Open(JsonNode::Type::kArray); }
  bool EndArray(rapidjson::SizeType) { return Close(); }

  JsonNode TakeRoot() { return std::move(root_); }
  // Where parsing stopped because the input nests deeper than kMaxJsonDepth,
  // or npos.
  size_t too_deep_at() const { return too_deep_at_; }

 private:
  size_t Start() {
    size_t start = SkipFiller(text_, last_end_);
    last_end_ = stream_->Tell();
    return start;
  }
  bool Number(double d, bool integer) {
    JsonNode n;
    n.type = JsonNode::Type::kNumber;
    n.number = d;
    n.is_integer = integer;
    return Add(std::move(n));
  }
  bool Open(JsonNode::Type type) {
    if (stack_.size() >= kMaxJsonDepth) {
      too_deep_at_ = Start();
      return false;
    }
    JsonNode n;
    n.type = type;
    n.offset = Start();
    Frame f;
    f.key = std::move(pending_key_);
    f.key_offset = pending_key_offset_;
    f.node = std::move(n);
    stack_.push_back(std::move(f));
    return true;
  }
  bool Close() {
    last_end_ = stream_->Tell();
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    pending_key_ = std::move(f.key);
    pending_key_offset_ = f.key_offset;
    return Attach(std::move(f.node));
  }
  bool Add(JsonNode n) {
    n.offset = Start();
    return Attach(std::move(n));
  }
  bool Attach(JsonNode n) {
    if (stack_.empty()) {
      root_ = std::move(n);
      return true;
    }
    JsonNode& parent = stack_.back().node;
    if (parent.type == JsonNode::Type::kArray) {
      parent.items.push_back(std::move(n));
    } else {
      parent.key_offsets.push_back(pending_key_offset_);
      parent.members.emplace_back(std::move(pending_key_), std::move(n));
      pending_key_.clear();
    }
    return true;
  }

  struct Frame {
    std::string key;  // the member key this container is the value of
    size_t key_offset = 0;
    JsonNode node;
  };
  std::string_view text_;
  const TrackedStream* stream_;
  size_t last_end_ = 0;
  std::vector<Frame> stack_;
  std::string pending_key_;
  size_t pending_key_offset_ = 0;
  size_t too_deep_at_ = std::string_view::npos;
  JsonNode root_;
};

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

size_t LineStart(std::string_view text, size_t offset) {
  if (offset == 0) return 0;
  size_t nl = text.rfind('\n', offset - 1);
  return nl == std::string_view::npos ? 0 : nl + 1;
}

}  // namespace

const JsonNode* JsonNode::Find(std::string_view key) const {
  for (const auto& [k, v] : members) {
    if (k == key) return &v;
  }
  return nullptr;
}

const char* JsonTypeName(JsonNode::Type t) {
  switch (t) {
    case JsonNode::Type::kNull:
      return "null";
    case JsonNode::Type::kBool:
      return "a boolean";
    case JsonNode::Type::kNumber:
      return "a number";
    case JsonNode::Type::kString:
      return "a string";
    case JsonNode::Type::kArray:
      return "an array";
    case JsonNode::Type::kObject:
      return "an object";
  }
  return "a value";
}

std::string JsonText::Where(size_t offset) const {
  offset = std::min(offset, text_.size());
  if (offset < counted_offset_) {
    counted_offset_ = 0;
    counted_line_ = 1;
  }
  counted_line_ += std::count(text_.begin() + counted_offset_, text_.begin() + offset, '\n');
  counted_offset_ = offset;
  const size_t line = counted_line_;
  size_t col = 1;
  for (size_t i = LineStart(text_, offset); i < offset; ++i) {
    if (!IsContinuationByte(text_[i])) ++col;
  }
  return name_ + ":" + std::to_string(line) + ":" + std::to_string(col);
}

std::string JsonText::Error(size_t offset, std::string_view message) const {
  offset = std::min(offset, text_.size());
  size_t line_start = LineStart(text_, offset);
  size_t line_end = text_.find('\n', line_start);
  if (line_end == std::string_view::npos) line_end = text_.size();
  std::string_view line = text_.substr(line_start, line_end - line_start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::string caret;
  for (size_t i = line_start; i < offset && i < line_start + line.size(); ++i) {
    if (IsContinuationByte(text_[i])) continue;
    caret.push_back(text_[i] == '\t' ? '\t' : ' ');
  }
  caret.push_back('^');
  std::string out = Where(offset);
  out += ": ";
  out.append(message);
  out += "\n";
  out.append(line);
  out += "\n";
  out += caret;
  return out;
}

Status ParseJsonTree(const JsonText& source, std::string_view text, JsonNode* root) {
  std::string owned(text);  // the stream stops at a terminating NUL
  TrackedStream stream(owned.c_str());
  TreeBuilder builder(text, &stream);
  rapidjson::Reader reader;
  constexpr unsigned kFlags = rapidjson::kParseCommentsFlag | rapidjson::kParseTrailingCommasFlag |
                              rapidjson::kParseValidateEncodingFlag;
  rapidjson::ParseResult result = reader.Parse<kFlags>(stream, builder);
  if (builder.too_deep_at() != std::string_view::npos) {
    return Status::InvalidArgument(source.Error(
        builder.too_deep_at(),
        "nested more than " + std::to_string(kMaxJsonDepth) + " levels deep; a lexicon needs four"));
  }
  if (result.IsError()) {
    std::string message = rapidjson::GetParseError_En(result.Code());
    if (!message.empty() && message.back() == '.') message.pop_back();
    if (!message.empty() && message[0] >= 'A' && message[0] <= 'Z') message[0] += 'a' - 'A';
    return Status::InvalidArgument(source.Error(result.Offset(), message));
  }
  *root = builder.TakeRoot();
  return Status::OK();
}

}  // namespace kb
