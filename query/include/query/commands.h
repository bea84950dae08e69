// One Setup function per evkb-query subcommand: registers the subcommand's
// flags on `sub` and returns the function that runs it and yields the exit
// code. query/main.cc only wires these together.
#ifndef EVKB_QUERY_COMMANDS_H_
#define EVKB_QUERY_COMMANDS_H_

#include <functional>

#include "query/context.h"

namespace CLI {
class App;
}

namespace query {

using Runner = std::function<int()>;

Runner SetupAsk(CLI::App* sub, const GlobalOptions* global);
Runner SetupSources(CLI::App* sub, const GlobalOptions* global);
Runner SetupAudit(CLI::App* sub, const GlobalOptions* global);
Runner SetupClaims(CLI::App* sub, const GlobalOptions* global);
Runner SetupShow(CLI::App* sub, const GlobalOptions* global);
Runner SetupStats(CLI::App* sub, const GlobalOptions* global);
Runner SetupExport(CLI::App* sub, const GlobalOptions* global);

}  // namespace query

#endif  // EVKB_QUERY_COMMANDS_H_
