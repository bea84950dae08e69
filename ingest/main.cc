// evkb-ingest: reads articles into the evkb knowledge base. Parses the
// command line and hands over to ingest::RunIngest.
#include <CLI/CLI.hpp>

#include "ingest/runner.h"

int main(int argc, char** argv) {
  CLI::App app{
      "evkb-ingest: read fitness and physiotherapy articles into the evkb knowledge base.\n\n"
      "Each article is split into sentences; claims (\"foam rolling reduces DOMS\") are extracted\n"
      "with their stance, hedging and mechanism; reference lists and in-text citations become\n"
      "works linked to the claims. Everything one article contributes is stored atomically.\n\n"
      "Examples:\n"
      "  evkb-ingest examples/articles/\n"
      "  evkb-ingest --dry-run --format json article.md     # see what would be stored\n"
      "  curl -s URL | evkb-ingest -                         # an HTML page from stdin\n"
      "  evkb-ingest --parse-references refs.txt             # references to CSL-JSON\n"
      "  evkb-ingest --upgrade --db DIR                      # a database from an older evkb",
      "evkb-ingest"};
  app.set_version_flag("--version", "evkb-ingest 0.1.0");
  ingest::RunOptions o;
  std::string parse_refs;
  app.add_option("--db", o.db,
                 "Database directory (default: $EVKB_DB, else "
                 "${XDG_DATA_HOME:-~/.local/share}/evkb/db; created on first ingest)");
  app.add_option("--lexicon", o.lexicons, "Extra lexicon JSON file, added to the shipped one (repeatable)")
      ->allow_extra_args(false)
      ->check(CLI::ExistingFile);
  app.add_flag("--dry-run", o.dry_run, "Analyse and print what would be stored; write nothing");
  app.add_option("--format", o.format, "Output: text (for people) or json (CLI.md)")
      ->check(CLI::IsMember({"text", "json", "csl-json", "bibtex"}));
  app.add_option("--progress", o.progress, "Progress line on stderr: auto (on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("--quiet,-q", o.quiet, "Print only the summary");
  app.add_option("--max-bytes", o.max_bytes, "Reject inputs larger than this (default 20 MB)");
  app.add_option("--threads", o.threads,
                 "Analysis threads, besides the writer's (default: one per core but one, at least "
                 "1, at most 4)");
  app.add_flag("--upgrade", o.upgrade,
               "Bring a database written by an older evkb up to date: its schema, and (with no "
               "INPUT) every table rewritten in this build's format, which queries open faster; a "
               "missing database is an error, not created");
  app.add_option("--parse-references", parse_refs,
                 "Parse one reference per line (or blank-line-separated block) from FILE or - and "
                 "print CSL-JSON (or BibTeX with --format bibtex); stores nothing");
  app.add_option("INPUT", o.inputs, "Files (.txt .md .html .htm .jsonl), directories (recursive) or - for stdin");
  CLI11_PARSE(app, argc, argv);

  if (!parse_refs.empty()) return ingest::RunParseReferences(parse_refs, o.format, stdout, stderr);
  if (o.inputs.empty() && !o.upgrade) {
    std::fprintf(stderr, "evkb-ingest: no INPUT given\nRun with --help for more information.\n");
    return 2;
  }
  if (o.format != "text" && o.format != "json") {
    std::fprintf(stderr, "evkb-ingest: --format %s only goes with --parse-references\n", o.format.c_str());
    return 2;
  }
  return ingest::RunIngest(o, stdout, stderr);
}
