// Helpers for the kb tests: temporary directories, small records, and a
// checker that every index entry in a store points at a live record.
#ifndef EVKB_TESTS_KB_KB_TEST_UTIL_H_
#define EVKB_TESTS_KB_KB_TEST_UTIL_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <rocksdb/db.h>

#include "kb/model.h"
#include "kb/store.h"

namespace kb_test {

// A fresh directory under the system temp dir, removed with everything in
// it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

kb::Claim MakeClaim(const std::string& subject, const std::string& relation, const std::string& object);
kb::Work MakeWork(const std::string& family, int year, const std::string& title,
                  const std::string& doi = "");

// A record for `path` with content `content`: one assertion per claim (spans
// 10*i..10*i+5), each linking every work, and one mention per work.
kb::SourceRecord MakeRecord(const std::string& path, const std::string& content,
                            const std::vector<kb::Claim>& claims, const std::vector<kb::Work>& works);

std::unique_ptr<kb::Store> OpenWritable(const std::string& path);
std::unique_ptr<kb::Store> OpenReadOnly(const std::string& path);

// Every problem found: dangling index entries, records missing from their
// indexes, claims without assertions, works without citing sources, counters
// that disagree with the data, and whatever Store::Verify reports (stale
// claim evidence summaries among them). Empty when the store is consistent.
std::vector<std::string> CheckConsistency(kb::Store* store);

// `w` with evidence level `level`.
kb::Work WithLevel(kb::Work w, int level);
// `record` with its assertions varied: every other one denies, some are
// hedged, some quote an expert, some carry mechanisms, so weights differ
// and tie.
kb::SourceRecord Varied(kb::SourceRecord record);
// A read-only open of `path` is refused as written by an older evkb
// (schema `version`), with the message that says how to upgrade it.
void CheckRefusedAsOlder(const std::string& path, int version);
// Opens `path` with plain RocksDB (every column family, no evkb checks) and
// calls `edit` once per column family, to make a database look as an older
// or newer evkb, or a damaged one, would have left it.
void EditRaw(const std::string& path,
             const std::function<void(rocksdb::DB* db, const std::string& cf_name,
                                      rocksdb::ColumnFamilyHandle* cf)>& edit);
// The stored works `a` links (those the store has).
std::vector<kb::Work> StoredWorksOf(kb::Store* store, const kb::Assertion& a);

}  // namespace kb_test

#endif  // EVKB_TESTS_KB_KB_TEST_UTIL_H_
