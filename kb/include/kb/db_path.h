#ifndef EVKB_KB_DB_PATH_H_
#define EVKB_KB_DB_PATH_H_

#include <string>

namespace kb {

// The database both programs use by default: $EVKB_DB, else
// ${XDG_DATA_HOME:-$HOME/.local/share}/evkb/db (CLI.md).
std::string DefaultDbPath();

}  // namespace kb

#endif  // EVKB_KB_DB_PATH_H_
