// Opening the RocksDB store: options, column families, the schema check, and
// the read-only / secondary fallbacks that let evkb-query read while an
// evkb-ingest holds the write lock.
#include <rocksdb/cache.h>
#include <rocksdb/convenience.h>
#include <rocksdb/env.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>
#include <stdlib.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <system_error>
#include <thread>

#include "claim_summaries.h"
#include "kb/parallel.h"
#include "object_index.h"
#include "record_cache.h"
#include "store_rocksdb.h"
#include "work_key_mirror.h"
#include "writer_lock.h"

namespace kb {

namespace fs = std::filesystem;

namespace {

constexpr const char* kCountedEntities[] = {"sources", "claims", "assertions",
                                            "works",   "mentions", "concepts"};

rocksdb::CompressionType BestCompression() {
  std::vector<rocksdb::CompressionType> supported = rocksdb::GetSupportedCompressions();
  for (rocksdb::CompressionType want :
       {rocksdb::kLZ4Compression, rocksdb::kZSTD, rocksdb::kSnappyCompression}) {
    for (rocksdb::CompressionType have : supported) {
      if (have == want) return want;
    }
  }
  return rocksdb::kNoCompression;
}

// The column families that grow with every article: an entry per
// assertion, mention or cited work, keyed by a hash, so every flush of one
// spreads over its whole key range.
bool GrowsPerArticle(Cf c) {
  return c == Cf::kAssertions || c == Cf::kBySource || c == Cf::kMentions ||
         c == Cf::kTopEvidence || c == Cf::kByWork || c == Cf::kByObject;
}

// The writer's compaction shape. With the defaults (8 MiB memtables, a
// static 256 MiB level 1), the claims memtable (every article rewrites the
// records of the claims it asserts, summaries included) filled first and
// flushed every column family with it (atomic_flush) after a few hundred
// articles, in files of 1-2 MiB; level 1 of `assertions` then outgrew its
// target (level 0 kept a higher compaction score), so every level-0
// compaction rewrote the whole column family: 733 MiB of level 1 for
// ~20 MiB of new data at 1 GB of input, and compaction took most of the
// CPU. Larger memtables for the claims and the per-article column families
// and a larger level-0 trigger make each level-0 compaction merge more new
// data; dynamic level sizes keep every level a tenth of the next, so no
// level holds everything. The write-ahead log limit (max_total_wal_size)
// still flushes all memtables once they hold ~64 MiB together, which bounds
// their memory. Readers compact nothing and keep the defaults.
void SetWriterCompaction(Cf c, rocksdb::ColumnFamilyOptions* cfo) {
  if (c == Cf::kClaims) cfo->write_buffer_size = 24 << 20;
  if (GrowsPerArticle(c)) cfo->write_buffer_size = 16 << 20;
  cfo->level_compaction_dynamic_level_bytes = true;
  cfo->level0_file_num_compaction_trigger = 8;
  // An insert starts from where the last one with the same first bytes went
  // (keys lead with an id or a tag and concept), not from the top of the
  // skip list: a quarter fewer instructions per insert on the generated
  // corpus; 4 to 8 bytes did best, 32 no better than no hint.
  cfo->memtable_insert_with_hint_prefix_extractor.reset(rocksdb::NewCappedPrefixTransform(6));
}

// How a column family's tables are laid out for reading. The column
// families that grow with every article (megabytes to gigabytes) write
// their index and filters in 4 KB partitions under a small top level, so a
// lookup reads only the partitions it needs. The others hold a record per
// source, claim, work or concept (a few megabytes at a million claims)
// and are read by id many times per query: one index block and one whole
// filter per table cost a single binary search and a single probe a read,
// where partitions cost two of each (in the query benchmark's cold audit,
// a third of every read's instructions). Tables read by id also carry a
// hash index in each data block, which finds a key without a binary search.
// RocksDB records the layout in each table, so tables written before a
// change keep being read as they were written. A reader keeps index and
// filter blocks in the block cache; the writer, which probes every table
// over and over, keeps them all in memory.
void SetTableLayout(Cf c, const CfSpec& spec, bool writer, rocksdb::BlockBasedTableOptions* table) {
  if (GrowsPerArticle(c)) {
    table->index_type = rocksdb::BlockBasedTableOptions::kTwoLevelIndexSearch;
    table->partition_filters = table->filter_policy != nullptr;
  }
  if (spec.point_lookups) {
    table->data_block_index_type = rocksdb::BlockBasedTableOptions::kDataBlockBinaryAndHash;
  }
  table->cache_index_and_filter_blocks = !writer;
  table->pin_top_level_index_and_filter = true;
}

std::vector<rocksdb::ColumnFamilyDescriptor> CfDescriptors(bool writer) {
  // One block cache for all column families keeps memory bounded however
  // many there are. A reader's is larger: a long-lived one (a server, the
  // query benchmark) reads the records of many questions and articles, and
  // the cache only takes memory as blocks are read, so a one-shot query
  // pays nothing for it. Its index and filter partitions are not pinned:
  // pinning loads all of a table's partitions when the table is opened,
  // which made a one-shot `ask` slower.
  std::shared_ptr<rocksdb::Cache> cache =
      rocksdb::NewLRUCache(writer ? (32 << 20) : (128 << 20));
  rocksdb::CompressionType compression = BestCompression();
  std::vector<rocksdb::ColumnFamilyDescriptor> out;
  for (int i = 0; i < kNumCfs; ++i) {
    const CfSpec& spec = CfSpecOf(static_cast<Cf>(i));
    rocksdb::ColumnFamilyOptions cfo;
    cfo.compression = compression;
    cfo.write_buffer_size = 8 << 20;
    if (writer) SetWriterCompaction(static_cast<Cf>(i), &cfo);
    rocksdb::BlockBasedTableOptions table;
    table.block_cache = cache;
    // Records fetched by id get a bloom filter; index CFs are only scanned
    // by prefix, where a whole-key filter does not help.
    if (spec.point_lookups) table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
    // An assertion is read by the key an index entry gave, so the read
    // finds it: a filter only spares the levels above the one holding it.
    // The last level, where nearly every assertion lies, gets none.
    cfo.optimize_filters_for_hits = static_cast<Cf>(i) == Cf::kAssertions;
    SetTableLayout(static_cast<Cf>(i), spec, writer, &table);
    cfo.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
    out.emplace_back(spec.name, cfo);
  }
  return out;
}

// RocksDB's info LOG is not written. The file logger of RocksDB 7.8 (Debian
// builds it with assertions on) aborts once a write to LOG has failed, so a
// full disk crashed evkb instead of returning IOError; errors still reach
// the caller as a Status.
class DiscardLogger : public rocksdb::Logger {
 public:
  DiscardLogger() : rocksdb::Logger(rocksdb::InfoLogLevel::WARN_LEVEL) {}
  using rocksdb::Logger::Logv;
  void Logv(const char*, va_list) override {}
};

// Table files a read-only instance keeps open; more are opened on demand.
constexpr int kReaderMaxOpenFiles = 256;

// A read-only open's row cache.
constexpr size_t kReaderRowCacheBytes = 32 << 20;

rocksdb::DBOptions DbOptions(rocksdb::Env* env, bool writer) {
  rocksdb::DBOptions o;
  o.info_log = std::make_shared<DiscardLogger>();
  // Background threads flush and compact; readers do neither.
  if (writer) {
    o.IncreaseParallelism(2);
    // Two compactions at once (both low-priority threads), so one column
    // family's long compaction does not hold back the others' level 0.
    o.max_background_jobs = 3;
  }
  o.keep_log_file_num = 3;
  // All column families flush together, so a flush never splits an
  // article's batch; a bounded log keeps a reader's open (which replays it) short.
  o.atomic_flush = true;
  o.max_total_wal_size = 64ull << 20;
  o.max_log_file_size = 1 << 20;
  // Every flush appends to the MANIFEST, and every reader's open replays
  // it: rolled over at this size, it holds a snapshot of the live files
  // instead of the whole history (RocksDB's default is 1 GB).
  o.max_manifest_file_size = 64 << 10;
  o.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  if (env != nullptr) o.env = env;
  return o;
}

Status MakeTempDir(std::string* dir) {
  std::string tmpl = (fs::temp_directory_path() / "evkb-secondary-XXXXXX").string();
  if (mkdtemp(tmpl.data()) == nullptr) {
    return Status::IOError("cannot create a temporary directory for a secondary instance: " +
                           std::error_code(errno, std::generic_category()).message());
  }
  *dir = tmpl;
  return Status::OK();
}

// An evkb database is created in steps (column families one by one, then
// the schema version), so a process killed while creating one leaves a
// database with only some of evkb's column families, no schema version and
// no records. *unfinished reports that shape; anything else without a
// 'meta' column family is somebody else's RocksDB database. A database of an
// older schema also lacks the column families added since (top_evidence,
// version 3; by_object, version 4): *only_newer_missing says all the missing
// ones are such.
Status CheckIsEvkbDatabase(const std::string& path, bool* unfinished, bool* only_newer_missing) {
  *unfinished = false;
  *only_newer_missing = false;
  std::vector<std::string> names;
  rocksdb::Status s = rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path, &names);
  if (!s.ok()) return FromRocks(s, path, "reading its column families");
  bool ours = true, has_meta = false;
  int present = 0;
  bool has_top_evidence = false, has_by_object = false;
  for (const std::string& n : names) {
    has_meta |= n == CfSpecOf(Cf::kMeta).name;
    has_top_evidence |= n == CfSpecOf(Cf::kTopEvidence).name;
    has_by_object |= n == CfSpecOf(Cf::kByObject).name;
    bool known = false;
    for (int i = 0; i < kNumCfs; ++i) known |= n == CfSpecOf(static_cast<Cf>(i)).name;
    ours &= known;
    present += known;
  }
  if (ours && present < kNumCfs) {
    *unfinished = true;
    // top_evidence came with version 3, by_object with version 4.
    *only_newer_missing = present + !has_top_evidence + !has_by_object == kNumCfs;
    return Status::OK();
  }
  if (has_meta) return Status::OK();
  return Status::InvalidArgument(path +
                                 " is a RocksDB database but not an evkb database (it has no "
                                 "'meta' column family); pass a different --db");
}

Status OlderSchema(const std::string& path, int version) {
  return Status::NotSupported(path + " was written by an older evkb (schema version " +
                              std::to_string(version) + "; this build reads schema versions " +
                              std::to_string(kOldestReadableSchemaVersion) + " to " +
                              std::to_string(kSchemaVersion) + "); run evkb-ingest --upgrade --db " + path +
                              " once to upgrade it");
}

Status Unfinished(const std::string& path);

// A read-only open of a database lacking only the column families added
// since version 2: an older evkb database (its meta holds a version), or a
// creation interrupted after all older column families were made.
Status OlderOrUnfinished(const std::string& path) {
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors = {
      {CfSpecOf(Cf::kDefault).name, rocksdb::ColumnFamilyOptions()},
      {CfSpecOf(Cf::kMeta).name, rocksdb::ColumnFamilyOptions()}};
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::DBOptions o = DbOptions(nullptr, false);
  rocksdb::Status rs = rocksdb::DB::OpenForReadOnly(o, path, descriptors, &handles, &raw);
  if (!rs.ok()) return FromRocks(rs, path, "opening read-only");
  std::string value;
  rs = raw->Get(rocksdb::ReadOptions(), handles[1], std::string(kSchemaVersionKey), &value);
  for (rocksdb::ColumnFamilyHandle* h : handles) raw->DestroyColumnFamilyHandle(h);
  delete raw;
  if (rs.IsNotFound()) return Unfinished(path);
  if (!rs.ok()) return FromRocks(rs, path, "reading the schema version");
  int version = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), version);
  if (ec == std::errc() && end == value.data() + value.size() && version > 0 &&
      version < kOldestReadableSchemaVersion) {
    return OlderSchema(path, version);
  }
  return Status::Corruption(path + ": schema version '" + value + "' in 'meta' but column family '" +
                            CfSpecOf(Cf::kByObject).name +
                            "' is missing; restore the database from a backup or re-ingest into "
                            "a fresh --db");
}

// True when no column family holds a key: a database whose creation was
// interrupted before anything was written.
bool HoldsNoRecords(RocksStore* store) {
  for (int i = 0; i < kNumCfs; ++i) {
    bool any = false;
    Status s = store->ScanPrefix(static_cast<Cf>(i), "", [&](std::string_view, std::string_view) {
      any = true;
      return false;
    });
    if (!s.ok() || any) return false;
  }
  return true;
}

Status Unfinished(const std::string& path) {
  return Status::NotFound("no evkb database at " + path +
                          " yet: its creation was interrupted before anything was stored; "
                          "evkb-ingest --db " + path + " FILE... finishes creating it");
}

// Reads the schema version; on a freshly created database writes it with
// zeroed counters.
Status CheckSchema(RocksStore* store, bool fresh, bool read_only) {
  std::string value;
  Status s = store->GetValue(Cf::kMeta, kSchemaVersionKey, &value);
  if (s.IsNotFound()) {
    // An interrupted creation is finished by the next writer.
    if (!fresh && HoldsNoRecords(store)) {
      if (read_only) return Unfinished(store->path());
      fresh = true;
    }
    if (!fresh) {
      return Status::InvalidArgument(store->path() +
                                     " is not an evkb database (no schema version in 'meta')");
    }
    rocksdb::WriteBatch batch;
    batch.Put(store->cf(Cf::kMeta), kSchemaVersionKey.data(), std::to_string(kSchemaVersion));
    for (const char* entity : kCountedEntities) {
      std::string zero;
      PutBE64(&zero, 0);
      batch.Put(store->cf(Cf::kMeta), CountKey(entity), zero);
    }
    rocksdb::WriteOptions wo;
    wo.sync = true;
    return FromRocks(store->db()->Write(wo, &batch), store->path(), "initialising");
  }
  if (!s.ok()) return s;
  int version = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), version);
  if (ec != std::errc() || end != value.data() + value.size() || version <= 0) {
    return Status::Corruption(store->path() + ": unreadable schema version '" + value +
                              "' in 'meta'; restore the database from a backup or re-ingest "
                              "into a fresh --db");
  }
  if (version > kSchemaVersion) {
    return Status::NotSupported(store->path() + " was written by a newer evkb (schema version " +
                                std::to_string(version) + "; this build reads schema version " +
                                std::to_string(kSchemaVersion) + "); upgrade evkb to open it");
  }
  if (version < kSchemaVersion) {
    if (!read_only) return store->Upgrade(version);
    if (version < kOldestReadableSchemaVersion) return OlderSchema(store->path(), version);
  }
  return Status::OK();
}

}  // namespace

Status FromRocks(const rocksdb::Status& s, const std::string& db_path, std::string_view action) {
  if (s.ok()) return Status::OK();
  std::string detail = db_path + ": " + std::string(action) + ": " + s.ToString();
  std::string text = s.ToString();
  switch (s.code()) {
    case rocksdb::Status::kNotFound:
      return Status::NotFound(detail);
    case rocksdb::Status::kCorruption:
      return Status::Corruption(detail +
                                "; the database is damaged: restore it from a backup or re-ingest "
                                "into a fresh --db");
    case rocksdb::Status::kInvalidArgument:
      return Status::InvalidArgument(detail);
    case rocksdb::Status::kNotSupported:
      return Status::NotSupported(detail);
    case rocksdb::Status::kBusy:
    case rocksdb::Status::kTimedOut:
    case rocksdb::Status::kTryAgain:
      return Status::Busy(detail);
    case rocksdb::Status::kIOError:
      if (text.find("/LOCK") != std::string::npos) {  // "While lock file: <db>/LOCK: ..."
        return Status::Busy(db_path +
                            " is locked: another evkb-ingest holds it open for writing; wait "
                            "for it to finish, or read it with evkb-query (" + text + ")");
      }
      if (s.subcode() == rocksdb::Status::kNoSpace) {
        return Status::IOError(detail + "; free some disk space and retry");
      }
      return Status::IOError(detail);
    default:
      return Status::IOError(detail);
  }
}

Status OpenRocksStore(const StoreOptions& options, const std::string& path, rocksdb::Env* env,
                      std::unique_ptr<Store>* store) {
  std::error_code ec;
  bool exists = fs::exists(path, ec);
  if (exists && !fs::is_directory(path, ec)) {
    return Status::InvalidArgument(path + " is a file, not an evkb database directory");
  }
  bool has_current = exists && fs::exists(fs::path(path) / "CURRENT", ec);
  if (exists && !has_current && !fs::is_empty(path, ec)) {
    return Status::InvalidArgument(path +
                                   " is not an evkb database (a non-empty directory with no "
                                   "RocksDB CURRENT file); pass a new or empty --db directory");
  }
  if (!has_current && (options.read_only || !options.create_if_missing)) {
    return Status::NotFound("no evkb database at " + path +
                            "; create one with evkb-ingest --db " + path + " FILE...");
  }
  // Says why a database lacks some of evkb's column families. A writer asks
  // before opening (it would create them in somebody else's database); a
  // reader only after its open failed, since reading the MANIFEST a second
  // time is a good part of a query's start-up.
  auto diagnose = [&path](bool read_only) {
    bool unfinished = false, only_newer_missing = false;
    Status s = CheckIsEvkbDatabase(path, &unfinished, &only_newer_missing);
    if (!s.ok()) return s;
    // A read-only open cannot create the missing column families.
    if (unfinished && read_only) {
      return only_newer_missing ? OlderOrUnfinished(path) : Unfinished(path);
    }
    return Status::OK();
  };
  if (has_current) {
    if (!options.read_only) {
      if (Status s = diagnose(false); !s.ok()) return s;
    }
  } else if (!fs::create_directories(path, ec) && ec) {
    // RocksDB creates only the last path component; the default --db sits
    // under directories that may not exist yet.
    return Status::IOError("cannot create the database directory " + path + ": " + ec.message());
  }

  rocksdb::DBOptions db_options = DbOptions(env, !options.read_only);
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors = CfDescriptors(!options.read_only);
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  bool secondary = false;
  std::string owned_secondary_dir;
  rocksdb::Status rs;

  if (!options.read_only) {
    db_options.create_if_missing = options.create_if_missing;
    db_options.create_missing_column_families = true;
    rs = OpenRecordedWriter(
        path, [&] { return rocksdb::DB::Open(db_options, path, descriptors, &handles, &raw); });
    if (!rs.ok()) return FromRocks(rs, path, "opening for writing");
  } else {
    // A read-only instance is only well defined while nobody writes; with a
    // live writer, a secondary instance follows its MANIFEST safely.
    bool locked = WriterHoldsLock(path);
    if (!locked) {
      // A query reads a few keys and exits: open the table files on demand
      // on this thread instead of all of them at once on a thread each
      // (RocksDB's default starts up to 16 threads per column family), and
      // read no statistics meant for compaction.
      rocksdb::DBOptions ro = db_options;
      ro.max_file_opening_threads = 1;
      ro.max_open_files = kReaderMaxOpenFiles;
      ro.skip_stats_update_on_db_open = true;
      ro.stats_dump_period_sec = 0;
      ro.stats_persist_period_sec = 0;
      // Rows read again skip the index and data-block searches of every
      // level: the by_object counters and other point reads a question
      // makes, and the claims, works, sources and assertions of a store
      // that keeps no decoded records (record_cache.h) or has let them go.
      // RocksStore::GetValue reads single keys with MultiGet, which RocksDB's
      // read-only Get needs to see a row-cache hit.
      ro.row_cache = rocksdb::NewLRUCache(kReaderRowCacheBytes);
      rs = rocksdb::DB::OpenForReadOnly(ro, path, descriptors, &handles, &raw);
    }
    if (locked || (!rs.ok() && rs.IsIOError())) {
      if (!options.allow_secondary) {
        return Status::Busy(path +
                            " is locked: another evkb-ingest holds it open for writing; wait "
                            "for it to finish");
      }
      std::string dir = options.secondary_dir;
      if (dir.empty()) {
        Status s = MakeTempDir(&dir);
        if (!s.ok()) return s;
        owned_secondary_dir = dir;
      } else {
        // RocksDB creates it only for its own log file, which evkb discards.
        std::error_code ec;
        fs::create_directories(dir, ec);
      }
      db_options.max_open_files = -1;  // required by secondary instances
      db_options.max_file_opening_threads = 1;
      handles.clear();
      rs = rocksdb::DB::OpenAsSecondary(db_options, path, dir, descriptors, &handles, &raw);
      if (rs.ok()) rs = raw->TryCatchUpWithPrimary();
      secondary = true;
    }
    if (!rs.ok()) {
      for (rocksdb::ColumnFamilyHandle* h : handles) raw->DestroyColumnFamilyHandle(h);
      delete raw;
      if (!owned_secondary_dir.empty()) fs::remove_all(owned_secondary_dir, ec);
      // "Column family not found": not an evkb database, or an unfinished
      // or older one.
      if (rs.IsInvalidArgument()) {
        if (Status s = diagnose(true); !s.ok()) return s;
      }
      return FromRocks(rs, path, secondary ? "opening as a secondary instance" : "opening read-only");
    }
  }

  RocksStore::Handles h;
  h.db.reset(raw);
  h.cfs = std::move(handles);
  auto result = std::make_unique<RocksStore>(path, std::move(h), options.read_only, secondary,
                                             std::move(owned_secondary_dir));
  result->set_notice(options.notice);
  if (options.read_only && options.record_cache_bytes > 0) {
    result->KeepRecords(options.record_cache_bytes);
  }
  Status s = CheckSchema(result.get(), !has_current, options.read_only);
  if (s.ok()) s = result->LoadObjectGroups();
  if (!s.ok()) return s;
  *store = std::move(result);
  return Status::OK();
}

Status Store::Open(const StoreOptions& options, const std::string& path,
                   std::unique_ptr<Store>* store) {
  return OpenRocksStore(options, path, nullptr, store);
}

RocksStore::RocksStore(std::string path, Handles handles, bool read_only, bool secondary,
                       std::string owned_secondary_dir)
    : path_(std::move(path)),
      handles_(std::move(handles)),
      read_only_(read_only),
      secondary_(secondary),
      owned_secondary_dir_(std::move(owned_secondary_dir)) {
  if (!read_only_ && !secondary_) {
    settled_level0_ = Level0Tables();
    work_keys_ = std::make_unique<WorkKeyMirror>();
  }
}

void RocksStore::KeepRecords(size_t capacity_bytes) {
  records_ = std::make_unique<RecordCache>(capacity_bytes);
}

std::vector<std::vector<std::string>> RocksStore::Level0Tables() const {
  std::vector<std::vector<std::string>> out;
  for (rocksdb::ColumnFamilyHandle* h : handles_.cfs) {
    rocksdb::ColumnFamilyMetaData meta;
    handles_.db->GetColumnFamilyMetaData(h, &meta);
    out.emplace_back();
    for (const rocksdb::SstFileMetaData& f : meta.levels[0].files) out.back().push_back(f.name);
  }
  return out;
}

Status RocksStore::Flush() {
  if (read_only_ || secondary_) return Status::InvalidArgument(path_ + ": opened read-only");
  rocksdb::FlushOptions fo;
  fo.wait = true;
  Status s = FromRocks(handles_.db->Flush(fo, handles_.cfs), path_, "flushing");
  if (!s.ok()) return s;
  return CompactLevel0();
}

// Every flush gives every column family a level-0 table (the flush is
// atomic), and level 0 is merged down only once eight have gathered. A
// reader opens each of those tables (reading all their index partitions)
// and probes each one's filter on every read, so a bulk ingest used to leave
// a third of a cold query's work in tables of a few hundred kilobytes.
// Merging each column family's level 0 into one table costs a rewrite of
// level 0 only; but done after every small ingest into a large database
// (an editor's save hook), that rewrite was most of the ingest's time, so
// the oldest table is left out while the newer ones weigh less than an
// eighth of it, and a reader probes at most two tables in level 0, the
// second small. When level 0 holds an eighth of the column family or more
// (a bulk ingest into a new or small database), the whole column family is
// compacted into its last level instead: every read then probes one level,
// not two (a cold query does about an eighth less work), and since the data
// must have grown by an eighth since the last such rewrite, each byte is
// rewritten this way a bounded number of times.
Status RocksStore::CompactLevel0() {
  constexpr uint64_t kLevel0Share = 8;  // level 0 >= 1/8 of the family: compact it all
  constexpr uint64_t kKeepOldest = 8;   // see below
  rocksdb::DB* db = handles_.db.get();
  // Waits for running compactions: a file being compacted cannot be taken.
  Status s = FromRocks(db->PauseBackgroundWork(), path_, "pausing compactions");
  if (!s.ok()) return s;
  struct Job {
    rocksdb::ColumnFamilyHandle* cf;
    std::vector<std::string> names;
    int output_level = 0;
    rocksdb::CompactionOptions options;
    uint64_t bytes = 0;  // input
  };
  std::vector<Job> jobs;
  for (size_t c = 0; c < handles_.cfs.size(); ++c) {
    rocksdb::ColumnFamilyHandle* h = handles_.cfs[c];
    rocksdb::ColumnFamilyMetaData meta;
    db->GetColumnFamilyMetaData(h, &meta);
    Job job;
    job.cf = h;
    for (const rocksdb::SstFileMetaData& f : meta.levels[0].files) {
      job.names.push_back(f.name);
      job.bytes += f.size;
    }
    if (job.names.empty()) continue;
    // output_file_size_limit unset: one level-0 table.
    // The column family's compression, not CompactFiles' default (Snappy).
    job.options.compression = rocksdb::kDisableCompressionOption;
    if (job.bytes * kLevel0Share >= meta.size) {
      job.output_level = static_cast<int>(meta.levels.size()) - 1;
      for (size_t level = 1; level < meta.levels.size(); ++level) {
        for (const rocksdb::SstFileMetaData& f : meta.levels[level].files) {
          job.names.push_back(f.name);
          job.bytes += f.size;
        }
      }
      job.options.output_file_size_limit = db->GetOptions(h).target_file_size_base;
    } else {
      // RocksDB lists level 0 newest first. When its oldest table was there
      // before this ingest (what earlier ones merged) and outweighs the
      // newer ones kKeepOldest times over, only the newer ones are merged:
      // a small ingest into a large database then rewrites its own tables
      // and a table of at most an eighth of the rest, not the whole of
      // level 0 every time. An ingest that flushed its own tables only
      // (into a new database, say) still ends with one.
      const rocksdb::SstFileMetaData& oldest = meta.levels[0].files.back();
      const bool settled = c < settled_level0_.size() &&
                           std::find(settled_level0_[c].begin(), settled_level0_[c].end(),
                                     oldest.name) != settled_level0_[c].end();
      if (settled && oldest.size > kKeepOldest * (job.bytes - oldest.size)) {
        job.names.pop_back();
        job.bytes -= oldest.size;
      }
      if (job.names.size() < 2) continue;
    }
    jobs.push_back(std::move(job));
  }
  // Each column family's compaction runs on one thread, so at the end of
  // an ingest (nothing else left to do) the families are compacted side by
  // side, largest first, on as many threads as there are cores.
  std::sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) { return a.bytes > b.bytes; });
  std::vector<Status> results(jobs.size());
  ForEachJob(jobs.size(), std::max(1u, std::thread::hardware_concurrency()), [&](size_t, size_t i) {
    Job& job = jobs[i];
    results[i] = FromRocks(db->CompactFiles(job.options, job.cf, job.names, job.output_level),
                           path_, "compacting level 0 of " + job.cf->GetName());
  });
  for (const Status& r : results) {
    if (!r.ok()) {
      s = r;
      break;
    }
  }
  settled_level0_ = Level0Tables();
  Status resumed = FromRocks(db->ContinueBackgroundWork(), path_, "resuming compactions");
  return s.ok() ? resumed : s;
}

Status RocksStore::Compact() {
  if (read_only_ || secondary_) return Status::InvalidArgument(path_ + ": opened read-only");
  if (Status s = FillTopEvidenceValues(); !s.ok()) return s;
  rocksdb::CompactRangeOptions co;
  // Rewrite the last level too, even a single file: its format may be older.
  co.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
  for (rocksdb::ColumnFamilyHandle* h : handles_.cfs) {
    Status s = FromRocks(handles_.db->CompactRange(co, h, nullptr, nullptr), path_, "compacting");
    if (!s.ok()) return s;
  }
  return Status::OK();
}

RocksStore::~RocksStore() {
  for (auto& list : free_iterators_) list.clear();  // before their column families go
  for (rocksdb::ColumnFamilyHandle* h : handles_.cfs) {
    handles_.db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  }
  handles_.cfs.clear();
  if (handles_.db) handles_.db->Close().PermitUncheckedError();
  handles_.db.reset();
  if (!read_only_) ForgetWriter(path_);
  if (!owned_secondary_dir_.empty()) {
    std::error_code ec;
    fs::remove_all(owned_secondary_dir_, ec);
  }
}

}  // namespace kb
