// Telling whether a writer holds a database (kb/src/writer_lock.h): a lock
// held by another process is seen, a probe neither creates the lock file
// nor drops this process's own writer's lock, and a closed writer is
// forgotten.
#include "writer_lock.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "kb_test_util.h"

namespace {

// In a child process: tries to take the write lock RocksDB's writer takes
// on <db>/LOCK. Returns true when it could. Only async-signal-safe calls
// run between fork and _exit.
bool AnotherProcessCanLock(const std::string& path) {
  std::string file = path + "/LOCK";
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int fd = ::open(file.c_str(), O_RDWR);
    if (fd < 0) _exit(2);
    struct flock f = {};
    f.l_type = F_WRLCK;
    f.l_whence = SEEK_SET;
    _exit(::fcntl(fd, F_SETLK, &f) == 0 ? 0 : 1);
  }
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) != 2);
  return WEXITSTATUS(status) == 0;
}

// A child process that holds the write lock on <db>/LOCK until told to
// go.
class LockingChild {
 public:
  explicit LockingChild(const std::string& path) {
    std::string file = path + "/LOCK";
    REQUIRE(pipe(ready_) == 0);
    REQUIRE(pipe(go_) == 0);
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      int fd = ::open(file.c_str(), O_RDWR | O_CREAT, 0644);
      struct flock f = {};
      f.l_type = F_WRLCK;
      f.l_whence = SEEK_SET;
      char byte = fd >= 0 && ::fcntl(fd, F_SETLK, &f) == 0 ? 'y' : 'n';
      if (write(ready_[1], &byte, 1) != 1) _exit(1);
      if (read(go_[0], &byte, 1) < 0) _exit(1);
      _exit(0);
    }
    char byte = 0;
    REQUIRE(read(ready_[0], &byte, 1) == 1);
    REQUIRE(byte == 'y');
  }
  ~LockingChild() {
    char byte = 'g';
    if (write(go_[1], &byte, 1) != 1) kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    for (int fd : {ready_[0], ready_[1], go_[0], go_[1]}) close(fd);
  }

 private:
  pid_t pid_ = -1;
  int ready_[2] = {-1, -1};
  int go_[2] = {-1, -1};
};

}  // namespace

TEST_CASE("WriterHoldsLock: a lock held by another process", "[kb]") {
  kb_test::TempDir dir;
  std::string path = dir.Sub("db");
  std::filesystem::create_directories(path);
  {
    LockingChild child(path);
    CHECK(kb::WriterHoldsLock(path));
    CHECK(kb::WriterHoldsLock(path));  // asking again changes nothing
  }
  CHECK_FALSE(kb::WriterHoldsLock(path));
}

TEST_CASE("WriterHoldsLock: a probe creates no lock file", "[kb]") {
  kb_test::TempDir dir;
  std::string path = dir.Sub("db");
  std::filesystem::create_directories(path);
  CHECK_FALSE(kb::WriterHoldsLock(path));
  CHECK_FALSE(std::filesystem::exists(path + "/LOCK"));
}

TEST_CASE("WriterHoldsLock: this process's writer keeps its lock through probes", "[kb]") {
  kb_test::TempDir dir;
  std::string path = dir.Sub("db");
  {
    auto writer = kb_test::OpenWritable(path);
    REQUIRE(writer != nullptr);
    CHECK_FALSE(AnotherProcessCanLock(path));
    CHECK(kb::WriterHoldsLock(path));
    CHECK(kb::WriterHoldsLock(dir.Sub("./db")));  // another spelling of the path
    CHECK_FALSE(AnotherProcessCanLock(path));
  }
  // Closed: forgotten here, and released.
  CHECK_FALSE(kb::WriterHoldsLock(path));
  CHECK(AnotherProcessCanLock(path));
}
