// Lower-casing and Snowball (English) stemming of single words. Used so that
// lexicon phrases match every inflection: "reduces", "reduced", "reducing".
#ifndef EVKB_INGEST_STEMMER_H_
#define EVKB_INGEST_STEMMER_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

struct sb_stemmer;

namespace ingest {

// Not thread-safe (libstemmer keeps per-instance state): one per thread.
class Stemmer {
 public:
  Stemmer();
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // The stem of an already lower-cased word. Remembers what it stemmed.
  const std::string& Stem(std::string_view lower_word);

 private:
  std::string StemUncached(std::string_view word);

  // Looks words up without copying them into a std::string.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };

  sb_stemmer* stemmer_;
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> memo_;
};

// Lower-cases UTF-8 (ASCII fast path, ICU full case folding otherwise).
std::string Lower(std::string_view word);

}  // namespace ingest

#endif  // EVKB_INGEST_STEMMER_H_
