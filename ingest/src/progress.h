// A one-line progress display on stderr for long ingests.
#ifndef EVKB_INGEST_PROGRESS_H_
#define EVKB_INGEST_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <cstdio>

namespace ingest {

class Progress {
 public:
  // mode: "auto" (only when `err` is a terminal), "always" or "never".
  Progress(const char* mode, FILE* err);
  // Redraws at most a few times a second.
  void Update(uint64_t articles, uint64_t bytes, uint64_t claims, uint64_t rejected);
  // Clears the line.
  void Finish();

 private:
  bool enabled_;
  FILE* err_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace ingest

#endif  // EVKB_INGEST_PROGRESS_H_
