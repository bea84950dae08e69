// One fuzz target per file: EVKB_FUZZ_TARGET(name) { ... } defines the
// libFuzzer entry point in a fuzz build, and in the regression-replay build
// (EVKB_FUZZ_REPLAY) a function registered under `name` so that one
// evkb-fuzz-replay program can run every target's inputs with any compiler.
#ifndef EVKB_TESTS_FUZZ_FUZZ_TARGET_H_
#define EVKB_TESTS_FUZZ_FUZZ_TARGET_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kb/lexicon.h"

namespace evkb_fuzz {

using TargetFn = int (*)(const uint8_t* data, size_t size);
bool Register(const char* name, TargetFn fn);

// The shipped lexicon, loaded once (aborts if it cannot be: that is a broken
// build, not a finding).
inline const kb::Lexicon& ShippedLexicon() {
  static const kb::Lexicon* lexicon = [] {
    auto* lex = new kb::Lexicon;
    kb::Status s = kb::LoadLexiconFile(EVKB_FUZZ_LEXICON, lex);
    if (s.ok()) s = kb::FinishLexicon(lex);
    if (!s.ok()) {
      std::fprintf(stderr, "fuzz: cannot load %s: %s\n", EVKB_FUZZ_LEXICON, s.ToString().c_str());
      std::abort();
    }
    return lex;
  }();
  return *lexicon;
}

// A property every target checks: a violated invariant is a finding, like a crash.
#define EVKB_FUZZ_CHECK(cond)                                                      \
  do {                                                                             \
    if (!(cond)) {                                                                 \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                \
    }                                                                              \
  } while (0)

}  // namespace evkb_fuzz

#ifdef EVKB_FUZZ_REPLAY
#define EVKB_FUZZ_TARGET(name)                                                      \
  static int FuzzOne_##name(const uint8_t* data, size_t size);                      \
  [[maybe_unused]] static const bool registered_##name =                            \
      evkb_fuzz::Register(#name, FuzzOne_##name);                                   \
  static int FuzzOne_##name(const uint8_t* data, size_t size)
#else
#define EVKB_FUZZ_TARGET(name) extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
#endif

#endif  // EVKB_TESTS_FUZZ_FUZZ_TARGET_H_
