#include "progress.h"

#include <unistd.h>

#include <cstring>

namespace ingest {

Progress::Progress(const char* mode, FILE* err) : err_(err) {
  if (std::strcmp(mode, "always") == 0) {
    enabled_ = true;
  } else if (std::strcmp(mode, "never") == 0) {
    enabled_ = false;
  } else {
    enabled_ = isatty(fileno(err)) != 0;
  }
  start_ = last_ = std::chrono::steady_clock::now();
}

void Progress::Update(uint64_t articles, uint64_t bytes, uint64_t claims, uint64_t rejected) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
  std::fprintf(err_, "\r\033[Kevkb-ingest: %llu articles, %.1f MB (%.1f MB/s), %llu claims, %llu rejected",
               static_cast<unsigned long long>(articles), mb, secs > 0 ? mb / secs : 0.0,
               static_cast<unsigned long long>(claims), static_cast<unsigned long long>(rejected));
  std::fflush(err_);
  drawn_ = true;
}

void Progress::Finish() {
  if (enabled_ && drawn_) std::fprintf(err_, "\r\033[K");
}

}  // namespace ingest
