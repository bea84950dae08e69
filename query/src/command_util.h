// What every cmd_*.cc shares: the --format option, writing the result, and
// mapping a failed Status to an exit code. Internal to query/.
#ifndef EVKB_QUERY_COMMAND_UTIL_H_
#define EVKB_QUERY_COMMAND_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include "kb/status.h"
#include "query/context.h"

namespace CLI {
class App;
}

namespace query {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitDatabase = 4;

// Adds --format with the allowed values (the first is the default) to `sub`
// and returns where the parsed value lands.
std::shared_ptr<std::string> AddFormatOption(CLI::App* sub,
                                             const std::vector<std::string>& allowed);

// Writes `text` to stdout: kExitOk, or 1 when the write fails (a closed
// pipe), after saying so on stderr.
int Emit(const std::string& text);

// Prints "evkb-query: <what>: <status message>" and returns the exit code
// for it: kExitUsage for InvalidArgument/NotFound, else kExitDatabase.
int Fail(const std::string& what, const kb::Status& status);

}  // namespace query

#endif  // EVKB_QUERY_COMMAND_UTIL_H_
