#include "ingest/document.h"

#include "ingest/reader.h"

namespace ingest {

const char* BlockKindName(BlockKind k) {
  switch (k) {
    case BlockKind::kTitle:
      return "title";
    case BlockKind::kHeading:
      return "heading";
    case BlockKind::kParagraph:
      return "paragraph";
    case BlockKind::kListItem:
      return "list_item";
    case BlockKind::kQuote:
      return "quote";
  }
  return "unknown";
}

std::string ReadError::ToString() const {
  std::string out = path;
  if (line > 0) out += ":" + std::to_string(line);
  out += ": ";
  out += message;
  return out;
}

}  // namespace ingest
