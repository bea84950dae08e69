#include "kb/db_path.h"

#include <cstdlib>

namespace kb {

std::string DefaultDbPath() {
  const char* env = std::getenv("EVKB_DB");
  if (env != nullptr && *env != '\0') return env;
  const char* xdg = std::getenv("XDG_DATA_HOME");
  std::string base;
  if (xdg != nullptr && *xdg != '\0') {
    base = xdg;
  } else {
    const char* home = std::getenv("HOME");
    base = std::string(home != nullptr ? home : ".") + "/.local/share";
  }
  return base + "/evkb/db";
}

}  // namespace kb
