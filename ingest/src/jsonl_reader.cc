// JSONL: one article per line, {"url","title","author","date","text"|"html"}.
// Read line by line so a large file is never held whole; a bad line is
// reported with its number and the others go on.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cstdio>
#include <string>

#include "block_builder.h"
#include "ingest/reader.h"
#include "readers.h"
#include "utf8.h"

namespace ingest {
namespace {

// Buffered line reader over a FILE*. Lines longer than `max` are not kept:
// their length is still counted so the error can say how long they were.
class LineReader {
 public:
  LineReader(std::FILE* file, std::string prefix) : file_(file), buf_(std::move(prefix)) {}

  // Returns false at end of input. On true, *line holds the line without its
  // terminator unless *length exceeds `max`.
  bool Next(uint64_t max, std::string* line, uint64_t* length) {
    line->clear();
    *length = 0;
    bool any = false;
    for (;;) {
      if (pos_ == buf_.size()) {
        if (!Refill()) return any;
      }
      any = true;
      size_t nl = buf_.find('\n', pos_);
      size_t end = nl == std::string::npos ? buf_.size() : nl;
      *length += end - pos_;
      if (*length <= max) line->append(buf_, pos_, end - pos_);
      pos_ = end;
      if (nl != std::string::npos) {
        ++pos_;
        break;
      }
    }
    if (*length > max) {
      line->clear();
      line->shrink_to_fit();
    } else if (!line->empty() && line->back() == '\r') {
      line->pop_back();
    }
    return true;
  }

 private:
  bool Refill() {
    buf_.resize(64 * 1024);
    size_t n = std::fread(buf_.data(), 1, buf_.size(), file_);
    buf_.resize(n);
    pos_ = 0;
    return n > 0;
  }
  std::FILE* file_;
  std::string buf_;
  size_t pos_ = 0;
};

std::string StringField(const rapidjson::Value& obj, const char* name) {
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd() || !it->value.IsString()) return "";
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

// Parses one JSONL line into *doc; returns false with *error filled.
bool ParseJsonlLine(const std::string& line, const std::string& path, int line_no, Document* doc,
                    ReadError* error) {
  error->path = path;
  error->line = line_no;
  rapidjson::Document json;
  // Iterative: a line of a million '[' must not recurse a million times.
  json.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseStopWhenDoneFlag |
             rapidjson::kParseIterativeFlag>(line.data(), line.size());
  if (json.HasParseError()) {
    error->byte = json.GetErrorOffset();
    error->message = std::string("invalid JSON at column ") + std::to_string(json.GetErrorOffset() + 1) +
                     ": " + rapidjson::GetParseError_En(json.GetParseError()) +
                     "; fix or remove this line";
    return false;
  }
  if (!json.IsObject()) {
    error->message = "expected a JSON object with a \"text\" or \"html\" field";
    return false;
  }
  std::string html = StringField(json, "html");
  std::string text = StringField(json, "text");
  if (html.empty() && text.empty()) {
    error->message = "no \"text\" or \"html\" field (or it is empty); each line needs the article body";
    return false;
  }
  const std::string& body = text.empty() ? html : text;
  InputProblem problem;
  if (!CheckTextInput(body, &problem)) {
    error->byte = problem.byte;
    error->message = std::string(text.empty() ? "\"html\"" : "\"text\"") + " field: " + problem.message;
    return false;
  }
  doc->path = path + ":" + std::to_string(line_no);
  doc->kind = "jsonl";
  if (text.empty()) {
    BuildHtmlDocument(body, doc);
  } else {
    BuildTextDocument(body, doc);
  }
  doc->url = StringField(json, "url");
  if (std::string title = StringField(json, "title"); !title.empty()) doc->title = title;
  if (std::string author = StringField(json, "author"); !author.empty()) doc->author = author;
  if (std::string date = StringField(json, "date"); !date.empty()) doc->date = date;
  return true;
}

}  // namespace

void ReadJsonlStream(std::FILE* file, const std::string& path, std::string prefix,
                     const ReaderOptions& options, const DocumentSink& on_doc,
                     const ErrorSink& on_error) {
  LineReader reader(file, std::move(prefix));
  std::string line;
  uint64_t length = 0;
  bool any = false;
  for (int line_no = 1; reader.Next(options.max_bytes, &line, &length); ++line_no) {
    if (length > options.max_bytes) {
      on_error({path, line_no, 0,
                "line is " + FormatSize(length) + ", over the " + FormatSize(options.max_bytes) +
                    " limit; split the article or raise the limit"});
      any = true;
      continue;
    }
    if (IsBlankLine(line)) continue;
    any = true;
    Document doc;
    ReadError error;
    if (ParseJsonlLine(line, path, line_no, &doc, &error)) {
      on_doc(std::move(doc));
    } else {
      on_error(error);
    }
  }
  if (std::ferror(file)) {
    on_error({path, 0, 0, "read error; check the file and try again"});
  } else if (!any) {
    on_error({path, 0, 0, "empty input; nothing to read"});
  }
}

}  // namespace ingest
