// Stands in for `evkb-query audit` in builds without the audit sources
// (query/audit.cmake absent).
#include <CLI/CLI.hpp>
#include <cstdio>

#include "command_util.h"
#include "query/commands.h"

namespace query {

Runner SetupAudit(CLI::App* sub, const GlobalOptions* /*global*/) {
  sub->description("Audits an article against the knowledge base (not built in this binary).");
  sub->allow_extras();
  return []() {
    std::fprintf(stderr, "evkb-query: audit: not implemented yet\n");
    return kExitUsage;
  };
}

}  // namespace query
