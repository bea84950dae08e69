// The HTML reader: validation, gumbo, the block walk and the byte map.
#include "fuzz_common_checks.h"
#include "ingest/reader.h"

EVKB_FUZZ_TARGET(html_reader) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ingest::Document doc;
  kb::Status s = ingest::ParseHtml(bytes, "fuzz.html", &doc);
  if (s.ok()) {
    EVKB_FUZZ_CHECK(doc.raw == bytes);
    evkb_fuzz::CheckDocument(doc);
  }
  return 0;
}
