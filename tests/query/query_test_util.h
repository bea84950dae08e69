// Fixtures for the query tests: a small lexicon, a real store in a temp
// dir, and a way to add one statement of one source at a time.
#ifndef EVKB_TESTS_QUERY_QUERY_TEST_UTIL_H_
#define EVKB_TESTS_QUERY_QUERY_TEST_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include "kb/lexicon.h"
#include "kb/model.h"
#include "kb/store.h"
#include "key_codec.h"

namespace query_test {

// is-a:  soft_tissue_therapy > foam_rolling > massage_ball
//        soft_tissue > scar_tissue > adhesions;  soft_tissue > fascia
//        pain > soreness > {doms, cramp};  pain > knee_pain
// relations: reduces, relieves (decrease); breaks_down (remodel);
// improves (increase). decrease stands in for remodel at 0.6.
kb::Lexicon FixtureLexicon();

// A fresh directory, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

kb::Claim MakeClaim(const std::string& subject, const std::string& relation,
                    const std::string& object);
// A work of `level` with a DOI made from `name`, so ids are distinct.
kb::Work MakeWork(const std::string& family, int year, const std::string& type, int level);

// One statement about a claim, optionally citing works (directly).
struct Statement {
  kb::Claim claim;
  kb::Stance stance = kb::Stance::kAsserts;
  kb::Attribution attribution = kb::Attribution::kAuthor;
  std::vector<kb::Work> works;
  std::vector<std::string> mechanisms;
  std::string sentence;
};

// A statement of `c` by the author, with the works it cites directly.
Statement Says(const kb::Claim& c, kb::Stance stance = kb::Stance::kAsserts,
               std::vector<kb::Work> works = {}, kb::Attribution who = kb::Attribution::kAuthor);

// A writable store in `dir`; AddSource writes one article's statements in
// one PutSource. Both REQUIRE success.
class FixtureStore {
 public:
  explicit FixtureStore(const std::string& dir);
  void AddSource(const std::string& path, const std::vector<Statement>& statements);
  kb::Store* store() { return store_.get(); }
  // Stores the lexicon's concepts (and with them its object groups).
  void PutConcepts(const kb::Lexicon& lex);
  // The id of the last source added.
  const std::string& last_source() const { return last_source_; }
  // Empties every value in `cf` whose key starts with `tag` (any key when
  // 0), closing and reopening the store: what builds before those values
  // were kept wrote (top_evidence: the sources' paths and titles; by_object
  // 'S': the sources' claims).
  void EmptyValues(kb::Cf cf, char tag = 0);

 private:
  std::string dir_;
  std::unique_ptr<kb::Store> store_;
  std::string last_source_;
};

}  // namespace query_test

#endif  // EVKB_TESTS_QUERY_QUERY_TEST_UTIL_H_
