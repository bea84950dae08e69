// The benchmark corpus generator: realistic fitness articles composed from
// the lexicon, deterministic in (seed, article index). See gen_corpus.cc.
#ifndef EVKB_BENCH_CORPUS_H_
#define EVKB_BENCH_CORPUS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "kb/lexicon.h"

namespace evkb_bench {

enum class ArticleFormat { kMarkdown, kHtml, kText };

struct Article {
  std::string file_name;  // "a000123.md"
  std::string title, author, date, url;
  std::string body;       // the file's bytes (for kText also the JSONL "text")
};

// A reference-list style; the in-text citations follow it.
enum class RefStyle { kApa, kHarvard, kVancouver, kWeb };

// A cited work of the shared pool.
struct PoolWork {
  std::vector<std::pair<std::string, std::string>> authors;  // family, initials
  int year = 0;
  std::string title, journal, journal_abbrev, volume, issue, pages, doi, url;
  std::string study;  // a study-type cue phrase: "systematic review", "randomised controlled trial"
};

class CorpusGenerator {
 public:
  // REQUIRES: `lexicon` is finished and outlives the generator.
  CorpusGenerator(const kb::Lexicon& lexicon, uint64_t seed);

  // Article `index`. `min_bytes` > 0 keeps adding sections until the body
  // has at least that many bytes.
  Article Make(uint64_t index, ArticleFormat format, uint64_t min_bytes) const;
  // The mix of the files corpus: 45% Markdown, 35% HTML, 20% plain text.
  ArticleFormat FormatOf(uint64_t index) const;

  const std::vector<PoolWork>& works() const { return works_; }

 private:
  struct Verb {
    std::string relation;  // relation id
    std::string base, third;  // "reduce", "reduces"; "break up", "breaks up"
  };
  const kb::Lexicon& lex_;
  uint64_t seed_;
  std::vector<const kb::Concept*> subjects_;  // interventions
  std::vector<Verb> verbs_;
  // For each verb, the concepts it may take as objects.
  std::vector<std::vector<const kb::Concept*>> objects_;
  std::vector<PoolWork> works_;

  friend class ArticleWriter;
};

// {"url","title","author","date","text"} and a newline.
std::string JsonlLine(const Article& a);

}  // namespace evkb_bench

#endif  // EVKB_BENCH_CORPUS_H_
