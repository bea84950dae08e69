#include "command_util.h"

#include <CLI/CLI.hpp>
#include <cstdio>

namespace query {

std::shared_ptr<std::string> AddFormatOption(CLI::App* sub,
                                             const std::vector<std::string>& allowed) {
  auto format = std::make_shared<std::string>(allowed.front());
  std::string names;
  for (const std::string& a : allowed) names += (names.empty() ? "" : "|") + a;
  sub->add_option("--format", *format, "Output format: " + names)
      ->check(CLI::IsMember(allowed))
      ->default_str(allowed.front());
  return format;
}

int Emit(const std::string& text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
    std::fprintf(stderr, "evkb-query: cannot write the result to stdout\n");
    return 1;
  }
  return kExitOk;
}

int Fail(const std::string& what, const kb::Status& status) {
  std::fprintf(stderr, "evkb-query: %s: %s\n", what.c_str(), status.message().c_str());
  if (status.IsInvalidArgument() || status.IsNotFound()) return kExitUsage;
  return kExitDatabase;
}

}  // namespace query
