// The JSONL reader, streamed from memory with a small size limit so long
// lines are exercised: every line becomes a Document or a ReadError.
#include <cstdio>

#include "fuzz_common_checks.h"
#include "readers.h"

EVKB_FUZZ_TARGET(jsonl_reader) {
  if (size == 0) return 0;
  std::FILE* f = fmemopen(const_cast<uint8_t*>(data), size, "rb");
  if (f == nullptr) return 0;
  ingest::ReaderOptions options;
  options.max_bytes = 4096;
  int lines = 0;
  ingest::ReadJsonlStream(
      f, "fuzz.jsonl", "", options,
      [&](ingest::Document&& doc) {
        ++lines;
        evkb_fuzz::CheckDocument(doc);
      },
      [&](const ingest::ReadError& e) {
        ++lines;
        EVKB_FUZZ_CHECK(!e.message.empty());
      });
  std::fclose(f);
  EVKB_FUZZ_CHECK(lines >= 1);
  return 0;
}
