// Format-specific block builders behind reader.h. Each takes bytes already
// checked by CheckTextInput, stores them in doc->raw and appends blocks.
#ifndef EVKB_INGEST_SRC_READERS_H_
#define EVKB_INGEST_SRC_READERS_H_

#include <cstdio>
#include <string>
#include <string_view>

#include "ingest/document.h"
#include "ingest/reader.h"

namespace ingest {

void BuildTextDocument(std::string_view bytes, Document* doc);
void BuildMarkdownDocument(std::string_view bytes, Document* doc);
void BuildHtmlDocument(std::string_view bytes, Document* doc);

// Reads JSONL articles from `file` line by line; `path` names it in errors.
// `prefix` holds bytes already taken from the stream (when sniffing stdin).
void ReadJsonlStream(std::FILE* file, const std::string& path, std::string prefix,
                     const ReaderOptions& options, const DocumentSink& on_doc,
                     const ErrorSink& on_error);

// "2.5 MB", "512 bytes".
std::string FormatSize(uint64_t bytes);

// Length of a list marker ("• ", "- ", "* ", "+ ", "1. ", "2) ") at the
// start of `line` including the white space after it, or 0.
size_t ListMarkerLength(std::string_view line, bool allow_plus);

// True if `s` ends with sentence or clause punctuation (. ! ? : ; , …),
// looking through closing quotes and brackets.
bool EndsWithTerminalPunctuation(std::string_view s);

}  // namespace ingest

#endif  // EVKB_INGEST_SRC_READERS_H_
