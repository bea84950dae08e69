// Paths the tests read: the project's source tree and ../shared (the seeds,
// acceptance cases and peer data), which CI places beside the checkout.
#ifndef EVKB_TESTS_TEST_PATHS_H_
#define EVKB_TESTS_TEST_PATHS_H_

#include <filesystem>
#include <string>

namespace evkb_test {

inline std::string SourceDir() { return EVKB_SOURCE_DIR; }
inline std::string SharedDir() { return EVKB_SHARED_DIR; }
inline bool HaveShared(const std::string& sub) {
  return std::filesystem::exists(std::filesystem::path(SharedDir()) / sub);
}

}  // namespace evkb_test

#endif  // EVKB_TESTS_TEST_PATHS_H_
