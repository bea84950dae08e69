// evkb-ingest's work, callable without a command line: read the inputs,
// analyse each article, resolve its works against the KB and store it.
#ifndef EVKB_INGEST_RUNNER_H_
#define EVKB_INGEST_RUNNER_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace ingest {

struct RunOptions {
  std::string db;                     // empty: kb::DefaultDbPath()
  std::vector<std::string> lexicons;  // extra lexicon files
  std::vector<std::string> inputs;    // files, directories, "-"
  bool dry_run = false;
  std::string format = "text";        // text | json
  std::string progress = "auto";      // auto | always | never
  bool quiet = false;
  uint64_t max_bytes = 20ull << 20;
  unsigned threads = 0;               // analysis threads; 0: cores - 1, in 1..4
  bool upgrade = false;               // open an existing db writable (upgrading it); inputs optional
};

// Exit codes per CLI.md: 0 ok, 2 usage (bad lexicon), 3 some input
// rejected (the rest stored), 4 database error. Results go to `out`,
// diagnostics and progress to `err`.
int RunIngest(const RunOptions& options, FILE* out, FILE* err);

// --parse-references: one reference per line (or blank-line-separated
// block) from `input` ("-" for stdin), printed as CSL-JSON (or BibTeX).
int RunParseReferences(const std::string& input, const std::string& format, FILE* out, FILE* err);

}  // namespace ingest

#endif  // EVKB_INGEST_RUNNER_H_
