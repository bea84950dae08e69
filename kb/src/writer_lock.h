// Telling whether a writer holds a database without taking its lock.
//
// RocksDB's writer holds a POSIX record lock on <db>/LOCK. A reader that
// tested for it by taking that lock itself, however briefly, could make a
// writer starting at that moment fail as "locked". WriterHoldsLock asks the
// kernel instead (F_GETLK), which takes nothing.
//
// A process never sees its own record locks that way, and closing any
// descriptor of the file drops them. So this process's writers are recorded
// here as well, and their opens are serialised with the probes.

#ifndef EVKB_KB_SRC_WRITER_LOCK_H_
#define EVKB_KB_SRC_WRITER_LOCK_H_

#include <rocksdb/status.h>

#include <functional>
#include <string>

namespace kb {

// Runs open(), which opens the database at path for writing, and records
// the path as held by this process when it succeeds. No probe runs
// meanwhile.
rocksdb::Status OpenRecordedWriter(const std::string& path,
                                   const std::function<rocksdb::Status()>& open);

// Forgets a writer recorded by OpenRecordedWriter, once its database is
// closed.
void ForgetWriter(const std::string& path);

// True when a writer, in this process or another, holds the database at
// path open. Takes no lock on the database.
bool WriterHoldsLock(const std::string& path);

}  // namespace kb

#endif  // EVKB_KB_SRC_WRITER_LOCK_H_
