// A Document is one article as the readers hand it to the pipeline: its
// metadata, its original bytes, and its text as blocks (title, headings,
// paragraphs, list items, quotes) that map back to the original bytes.
#ifndef EVKB_INGEST_DOCUMENT_H_
#define EVKB_INGEST_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace ingest {

enum class BlockKind { kTitle, kHeading, kParagraph, kListItem, kQuote };
const char* BlockKindName(BlockKind k);

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::string text;  // UTF-8, markup removed, entities decoded
  // offsets[i] is the byte offset in Document::raw of text[i];
  // offsets.size() == text.size() + 1 (the last entry is the end offset).
  std::vector<uint32_t> offsets;
};

struct Document {
  std::string path;  // as given on the command line; "<stdin>" for "-"
  std::string kind;  // txt | md | html | jsonl | stdin
  std::string title, author, date, url;
  std::string raw;   // the original bytes (for JSONL: the line's text or html field)
  std::vector<Block> blocks;
};

}  // namespace ingest

#endif  // EVKB_INGEST_DOCUMENT_H_
