// Readers: files, directories, stdin and JSONL into Documents. Bad input is
// reported per input (and per JSONL line) and never stops the other inputs.
#ifndef EVKB_INGEST_READER_H_
#define EVKB_INGEST_READER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "ingest/document.h"
#include "kb/status.h"

namespace ingest {

struct ReaderOptions {
  uint64_t max_bytes = 20ull << 20;  // larger inputs are rejected
};

struct ReadError {
  std::string path;
  int line = 0;         // 1-based, 0 when not applicable
  uint64_t byte = 0;    // offset of the problem, when known
  std::string message;  // "invalid UTF-8 at byte 1234"
  // "path:line: message" or "path: message".
  std::string ToString() const;
};

using DocumentSink = std::function<void(Document&&)>;
using ErrorSink = std::function<void(const ReadError&)>;

// Reads `input`: a file (.txt .md .markdown .html .htm .jsonl), a directory
// (recursively, files with those extensions, in sorted order) or "-" (stdin,
// format sniffed). Calls on_doc for each article and on_error for each
// rejected file or JSONL line. Streams: a JSONL file is not held in memory whole.
void ReadInput(const std::string& input, const ReaderOptions& options, const DocumentSink& on_doc,
               const ErrorSink& on_error);

// Parsers for one article's bytes; `path` names it in errors. They validate
// UTF-8 and reject binary input with InvalidArgument.
kb::Status ParseText(std::string_view bytes, const std::string& path, Document* doc);
kb::Status ParseMarkdown(std::string_view bytes, const std::string& path, Document* doc);
kb::Status ParseHtml(std::string_view bytes, const std::string& path, Document* doc);
// Chooses by extension, or by content for stdin.
kb::Status ParseByName(std::string_view bytes, const std::string& path, Document* doc);

}  // namespace ingest

#endif  // EVKB_INGEST_READER_H_
