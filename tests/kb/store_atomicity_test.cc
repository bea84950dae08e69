// A source goes in whole or not at all: a write that fails half way through
// (here the WAL append fails, as on a full disk) must leave nothing of the
// source visible, before or after reopening.
#include <rocksdb/env.h>
#include <rocksdb/file_system.h>

#include <atomic>
#include <catch2/catch.hpp>

#include "kb_test_util.h"
#include "store_rocksdb.h"

using kb_test::MakeClaim;
using kb_test::MakeRecord;
using kb_test::MakeWork;

namespace {

class FailingFile : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  FailingFile(std::unique_ptr<rocksdb::FSWritableFile>&& f, const std::atomic<bool>* fail)
      : FSWritableFileOwnerWrapper(std::move(f)), fail_(fail) {}
  rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& o,
                           rocksdb::IODebugContext* dbg) override {
    if (*fail_) return rocksdb::IOStatus::NoSpace("injected failure");
    return target()->Append(data, o, dbg);
  }
  rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& o,
                           const rocksdb::DataVerificationInfo& info, rocksdb::IODebugContext* dbg) override {
    if (*fail_) return rocksdb::IOStatus::NoSpace("injected failure");
    return target()->Append(data, o, info, dbg);
  }

 private:
  const std::atomic<bool>* fail_;
};

// Fails every append to a write-ahead log while `fail` is set.
class FailingWalFileSystem : public rocksdb::FileSystemWrapper {
 public:
  FailingWalFileSystem() : FileSystemWrapper(rocksdb::FileSystem::Default()) {}
  const char* Name() const override { return "FailingWalFileSystem"; }
  rocksdb::IOStatus NewWritableFile(const std::string& fname, const rocksdb::FileOptions& o,
                                    std::unique_ptr<rocksdb::FSWritableFile>* result,
                                    rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus s = target()->NewWritableFile(fname, o, result, dbg);
    if (s.ok() && fname.size() > 4 && fname.compare(fname.size() - 4, 4, ".log") == 0) {
      *result = std::make_unique<FailingFile>(std::move(*result), &fail);
    }
    return s;
  }
  std::atomic<bool> fail{false};
};

}  // namespace

TEST_CASE("Store: a failed write leaves nothing of the source behind", "[kb]") {
  kb_test::TempDir dir;
  std::string path = dir.Sub("db");
  auto fs = std::make_shared<FailingWalFileSystem>();
  std::unique_ptr<rocksdb::Env> env = rocksdb::NewCompositeEnv(fs);

  kb::Claim shared = MakeClaim("foam_rolling", "reduces", "doms");
  kb::SourceRecord first = MakeRecord("a.txt", "A", {shared}, {MakeWork("Hall", 2018, "T")});
  kb::SourceRecord second = MakeRecord("b.txt", "B", {shared, MakeClaim("foam_rolling", "breaks_down", "scar")},
                                       {MakeWork("Wilke", 2019, "U")});
  kb::SourceRecord replacement = MakeRecord("a.txt", "A2", {}, {});
  kb::StoreCounts before;
  {
    std::unique_ptr<kb::Store> store;
    REQUIRE(kb::OpenRocksStore(kb::StoreOptions(), path, env.get(), &store).ok());
    kb::PutOutcome outcome;
    REQUIRE(store->PutSource(first, &outcome).ok());
    REQUIRE(store->Counts(&before).ok());

    fs->fail = true;
    kb::Status s = store->PutSource(second, &outcome);
    CHECK(s.IsIOError());
    CHECK_THAT(s.message(), Catch::Contains("writing source b.txt"));
    CHECK_THAT(s.message(), Catch::Contains("free some disk space"));
    s = store->PutSource(replacement, &outcome);
    CHECK_FALSE(s.ok());

    kb::Source src;
    CHECK(store->GetSource(second.source.id, &src).IsNotFound());
    CHECK(store->FindSourceByPath("a.txt", &src).ok());
    CHECK(src.id == first.source.id);
    fs->fail = false;
  }
  auto store = kb_test::OpenWritable(path);
  kb::Source src;
  CHECK(store->GetSource(second.source.id, &src).IsNotFound());
  REQUIRE(store->FindSourceByPath("a.txt", &src).ok());
  CHECK(src.id == first.source.id);
  kb::StoreCounts after;
  REQUIRE(store->Counts(&after).ok());
  CHECK(after.sources == before.sources);
  CHECK(after.claims == before.claims);
  CHECK(after.assertions == before.assertions);
  CHECK(after.works == before.works);
  std::vector<std::string> problems = kb_test::CheckConsistency(store.get());
  CAPTURE(problems);
  CHECK(problems.empty());
  // The store still takes the source afterwards.
  kb::PutOutcome outcome;
  REQUIRE(store->PutSource(second, &outcome).ok());
  CHECK(outcome == kb::PutOutcome::kIngested);
  CHECK(kb_test::CheckConsistency(store.get()).empty());
}
