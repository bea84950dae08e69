// What every evkb-query subcommand opens: the database (read-only, or as a
// secondary instance while an ingest runs), the lexicon, and the pipeline
// (ask and audit reuse the ingest extractor).
#ifndef EVKB_QUERY_CONTEXT_H_
#define EVKB_QUERY_CONTEXT_H_

#include <memory>
#include <string>
#include <vector>

#include "ingest/pipeline.h"
#include "kb/lexicon.h"
#include "kb/store.h"

namespace query {

struct GlobalOptions {
  std::string db;                     // --db; empty: $EVKB_DB, else the XDG default
  std::vector<std::string> lexicons;  // --lexicon FILE...
  std::string format = "text";        // --format
  bool color = false;                 // stdout is a TTY and NO_COLOR is unset
};

struct Context {
  std::unique_ptr<kb::Store> store;
  kb::Lexicon lexicon;
  std::unique_ptr<ingest::Pipeline> pipeline;
};

// $EVKB_DB, else ${XDG_DATA_HOME:-$HOME/.local/share}/evkb/db.
std::string DefaultDbPath();

// Opens the store read-only and loads the lexicon and pipeline. On failure
// prints "evkb-query: <message>" (saying what to do) to stderr and returns
// the CLI.md exit code (4 database, 2 usage/lexicon); 0 on success.
int OpenContext(const GlobalOptions& options, Context* ctx);

}  // namespace query

#endif  // EVKB_QUERY_CONTEXT_H_
