#include "work_key_mirror.h"

namespace kb {

void WorkKeyMirror::Load(std::vector<std::string> keys) {
  keys_.clear();
  for (std::string& k : keys) keys_.insert(std::move(k));
  loaded_ = true;
}

void WorkKeyMirror::Clear() {
  keys_.clear();
  loaded_ = false;
  database_scans_ = 0;
}

void WorkKeyMirror::Apply(const WorkKeyChanges& changes) {
  if (!loaded_) return;
  for (const auto& [put, key] : changes.changes_) {
    if (put) {
      keys_.insert(key);
    } else {
      keys_.erase(key);
    }
  }
}

void WorkKeyMirror::ScanPrefixes(const std::vector<std::string>& prefixes,
                                 const std::function<bool(size_t, std::string_view)>& fn) const {
  for (size_t i = 0; i < prefixes.size(); ++i) {
    const std::string& prefix = prefixes[i];
    for (auto it = keys_.lower_bound(prefix); it != keys_.end(); ++it) {
      if (it->compare(0, prefix.size(), prefix) != 0) break;
      if (!fn(i, *it)) break;
    }
  }
}

}  // namespace kb
