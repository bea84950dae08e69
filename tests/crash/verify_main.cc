// evkb-verify: opens an evkb database read-only and runs kb::Store::Verify.
//
//   evkb-verify DB
//
// Prints "DB: consistent: N sources, ..." and exits 0, or prints one line
// per problem and exits 1. Exits 4 when the database cannot be opened or
// read (CLI.md's database error), 2 on a usage error.
#include <cinttypes>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "kb/store.h"

int main(int argc, char** argv) {
  if (argc != 2 || std::string(argv[1]) == "--help") {
    std::fprintf(stderr, "usage: evkb-verify DB\n");
    return 2;
  }
  const std::string db = argv[1];
  kb::StoreOptions options;
  options.read_only = true;
  std::unique_ptr<kb::Store> store;
  kb::Status s = kb::Store::Open(options, db, &store);
  if (!s.ok()) {
    std::fprintf(stderr, "evkb-verify: %s\n", s.ToString().c_str());
    return 4;
  }
  std::vector<std::string> problems;
  s = store->Verify(&problems);
  if (!s.ok()) {
    std::fprintf(stderr, "evkb-verify: %s\n", s.ToString().c_str());
    return 4;
  }
  if (!problems.empty()) {
    for (const std::string& p : problems) std::printf("%s: %s\n", db.c_str(), p.c_str());
    std::printf("%s: %zu problems\n", db.c_str(), problems.size());
    return 1;
  }
  kb::StoreCounts c;
  s = store->Counts(&c);
  if (!s.ok()) {
    std::fprintf(stderr, "evkb-verify: %s\n", s.ToString().c_str());
    return 4;
  }
  std::printf("%s: consistent: %" PRIu64 " sources, %" PRIu64 " claims, %" PRIu64
              " assertions, %" PRIu64 " works, %" PRIu64 " mentions, %" PRIu64 " concepts\n",
              db.c_str(), c.sources, c.claims, c.assertions, c.works, c.mentions, c.concepts);
  return 0;
}
