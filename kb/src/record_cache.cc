#include "record_cache.h"

namespace kb {

RecordCache::RecordCache(size_t capacity_bytes) : cache_(rocksdb::NewLRUCache(capacity_bytes)) {}

std::string RecordCache::CacheKey(Cf c, std::string_view key) {
  std::string k;
  k.reserve(key.size() + 1);
  k.push_back(static_cast<char>(c));
  k.append(key);
  return k;
}

}  // namespace kb
