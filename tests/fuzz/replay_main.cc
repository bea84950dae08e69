// evkb-fuzz-replay TARGET PATH...: runs fuzz target TARGET on every file
// under each PATH (the saved crashers in tests/fuzz/regressions/TARGET and
// the seed corpus), so past findings stay fixed in an ordinary build.
// Exits 0 when every input ran to completion; a regression aborts.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "fuzz_target.h"

namespace evkb_fuzz {

std::map<std::string, TargetFn>& Targets() {
  static std::map<std::string, TargetFn> targets;
  return targets;
}

bool Register(const char* name, TargetFn fn) {
  Targets()[name] = fn;
  return true;
}

}  // namespace evkb_fuzz

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  auto& targets = evkb_fuzz::Targets();
  if (argc < 2 || targets.count(argv[1]) == 0) {
    std::fprintf(stderr, "usage: evkb-fuzz-replay TARGET PATH...\ntargets:");
    for (const auto& [name, fn] : targets) std::fprintf(stderr, " %s", name.c_str());
    std::fprintf(stderr, "\n");
    return 2;
  }
  evkb_fuzz::TargetFn fn = targets[argv[1]];
  std::vector<std::string> files;
  for (int i = 2; i < argc; ++i) {
    std::error_code ec;
    if (fs::is_directory(argv[i], ec)) {
      for (const auto& e : fs::recursive_directory_iterator(argv[i])) {
        if (e.is_regular_file()) files.push_back(e.path().string());
      }
    } else if (fs::exists(argv[i], ec)) {
      files.push_back(argv[i]);
    }
  }
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::fprintf(stderr, "%s: %s (%zu bytes)\n", argv[1], f.c_str(), bytes.size());
    fn(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  }
  std::printf("%s: replayed %zu inputs, all passed\n", argv[1], files.size());
  return 0;
}
