// evkb-tamper: edits an evkb database behind evkb's back, for the storage
// fault tests. Talks to RocksDB directly, as a future evkb (or a damaged
// disk) might leave the database.
//
//   evkb-tamper schema-version DB N   set meta["schema_version"] to N
#include <rocksdb/db.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 4 || std::string(argv[1]) != "schema-version") {
    std::fprintf(stderr, "usage: evkb-tamper schema-version DB N\n");
    return 2;
  }
  const std::string db_path = argv[2];
  std::vector<std::string> names;
  rocksdb::Status s = rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), db_path, &names);
  if (!s.ok()) {
    std::fprintf(stderr, "evkb-tamper: %s\n", s.ToString().c_str());
    return 1;
  }
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
  for (const std::string& n : names) cfs.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  s = rocksdb::DB::Open(rocksdb::DBOptions(), db_path, cfs, &handles, &raw);
  if (!s.ok()) {
    std::fprintf(stderr, "evkb-tamper: %s\n", s.ToString().c_str());
    return 1;
  }
  std::unique_ptr<rocksdb::DB> db(raw);
  rocksdb::ColumnFamilyHandle* meta = nullptr;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == "meta") meta = handles[i];
  }
  if (meta == nullptr) {
    std::fprintf(stderr, "evkb-tamper: %s has no 'meta' column family\n", db_path.c_str());
    return 1;
  }
  rocksdb::WriteOptions wo;
  wo.sync = true;
  s = db->Put(wo, meta, "schema_version", argv[3]);
  for (rocksdb::ColumnFamilyHandle* h : handles) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  if (s.ok()) s = db->Close();
  if (!s.ok()) {
    std::fprintf(stderr, "evkb-tamper: %s\n", s.ToString().c_str());
    return 1;
  }
  return 0;
}
