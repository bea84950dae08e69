#include "writer_lock.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <mutex>
#include <set>

namespace kb {

namespace {

std::mutex writers_mu;
std::set<std::string>& Writers() {
  static std::set<std::string>* writers = new std::set<std::string>;
  return *writers;
}

// One spelling per database, so "db", "./db" and "/abs/db" are one writer.
std::string Key(const std::string& path) {
  std::error_code ec;
  std::filesystem::path canonical = std::filesystem::weakly_canonical(path, ec);
  return ec ? path : canonical.string();
}

}  // namespace

rocksdb::Status OpenRecordedWriter(const std::string& path,
                                   const std::function<rocksdb::Status()>& open) {
  std::lock_guard<std::mutex> l(writers_mu);
  rocksdb::Status s = open();
  if (s.ok()) Writers().insert(Key(path));
  return s;
}

void ForgetWriter(const std::string& path) {
  std::lock_guard<std::mutex> l(writers_mu);
  Writers().erase(Key(path));
}

bool WriterHoldsLock(const std::string& path) {
  std::lock_guard<std::mutex> l(writers_mu);
  if (Writers().count(Key(path)) != 0) return true;
  int fd;
  do {
    fd = ::open((path + "/LOCK").c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  // No LOCK file: no writer has ever opened the database. A file that
  // cannot be read leaves the question to the read-only open.
  if (fd < 0) return false;
  struct flock query = {};
  query.l_type = F_WRLCK;  // conflicts with any lock
  query.l_whence = SEEK_SET;
  query.l_start = 0;
  query.l_len = 0;  // the whole file
  bool held = ::fcntl(fd, F_GETLK, &query) == 0 && query.l_type != F_UNLCK;
  ::close(fd);
  return held;
}

}  // namespace kb
