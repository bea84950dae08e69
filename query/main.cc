// evkb-query: ask the evidence knowledge graph. Only wires the subcommands
// (query/commands.h) into CLI11; everything else lives in the library.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "query/commands.h"
#include "query/context.h"

namespace {

constexpr int kExitUsage = 2;

bool UseColor() {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string(term) == "dumb") return false;
  return isatty(STDOUT_FILENO) != 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "evkb-query: is this fitness claim supported? Checks claims against the evidence\n"
      "knowledge graph built by evkb-ingest and shows the sources for and against."};
  app.set_version_flag("--version", std::string("evkb-query ") + EVKB_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  evkb-query ask \"Does foam rolling reduce DOMS?\"\n"
      "  evkb-query sources \"range of motion\"\n"
      "  evkb-query audit draft.md --format html > report.html\n"
      "Run 'evkb-query SUBCOMMAND --help' for each subcommand's options.");

  query::GlobalOptions global;
  app.add_option("--db", global.db,
                 "Database directory (default: $EVKB_DB, else $XDG_DATA_HOME/evkb/db)");
  app.add_option("--lexicon", global.lexicons,
                 "Extra lexicon JSON file, after the default (repeatable)")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);

  using Setup = query::Runner (*)(CLI::App*, const query::GlobalOptions*);
  const std::pair<const char*, Setup> commands[] = {
      {"ask", query::SetupAsk},       {"sources", query::SetupSources},
      {"audit", query::SetupAudit},   {"claims", query::SetupClaims},
      {"show", query::SetupShow},     {"stats", query::SetupStats},
      {"export", query::SetupExport},
  };
  const char* summaries[] = {
      "Is this claim supported? Verdict and evidence for and against",
      "What are the sources for this benefit? Works and articles, strongest first",
      "Does this article repeat myths? Judge each claim of an article",
      "List claims, filtered by mechanism, verdict, source or concept",
      "Show a claim, work, source or concept with everything linked",
      "Count sources, claims, works, mechanisms and verdicts",
      "Write the whole graph as JSON, DOT or GraphML",
  };
  std::map<CLI::App*, query::Runner> runners;
  for (size_t i = 0; i < std::size(commands); ++i) {
    CLI::App* sub = app.add_subcommand(commands[i].first, summaries[i]);
    runners[sub] = commands[i].second(sub, &global);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  global.color = UseColor();
  for (const auto& [sub, run] : runners) {
    if (sub->parsed()) return run();
  }
  return kExitUsage;
}
