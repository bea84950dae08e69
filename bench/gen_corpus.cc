// evkb-bench-gen: a deterministic corpus of fitness articles for benchmarks.
//
//   evkb-bench-gen --out DIR  --size 100M [--seed 1]            .md/.html/.txt files
//   evkb-bench-gen --out F.jsonl --size 1G --format jsonl       one article per line
//   evkb-bench-gen --out DIR --articles 5000                    by count instead of size
//   evkb-bench-gen --out F.jsonl --format jsonl --first 5000 --articles 45000
//                                                       articles 5000..49999 (to grow a KB)
//   evkb-bench-gen --out F.md --article-bytes 10K               one article of about that size
//
// Articles are composed from the lexicon (kb/data/lexicon.json, or
// $EVKB_LEXICON): concept labels, relation cues, hedge and negation cues and
// mechanism cues. Each has a title, a byline, headings, paragraphs and lists;
// claims that agree and disagree across articles, hedged and negated; in-text
// citations (author-year, numeric, descriptive) and a reference list in APA,
// Harvard, Vancouver or web style, citing a shared pool of works so the same
// study is cited by many articles. Article i depends only on (seed, i): a
// smaller corpus is a prefix of a larger one with the same seed.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "corpus.h"
#include "kb/lexicon.h"

namespace {

uint64_t ParseSize(const char* s) {
  char* end = nullptr;
  double v = std::strtod(s, &end);
  uint64_t mul = 1;
  if (end && *end) {
    switch (*end) {
      case 'k': case 'K': mul = 1ull << 10; break;
      case 'm': case 'M': mul = 1ull << 20; break;
      case 'g': case 'G': mul = 1ull << 30; break;
      default: break;
    }
  }
  return static_cast<uint64_t>(v * static_cast<double>(mul));
}

int Usage() {
  std::fprintf(stderr,
               "usage: evkb-bench-gen --out PATH (--size N[K|M|G] | --articles N | --article-bytes N)\n"
               "                      [--format files|jsonl] [--seed S] [--first K] [--lexicon FILE]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string out, format = "files";
  uint64_t size = 0, articles = 0, article_bytes = 0, seed = 1, first = 0;
  std::vector<std::string> lexicons;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    const char* v = nullptr;
    if (a == "--out" && (v = next())) out = v;
    else if (a == "--format" && (v = next())) format = v;
    else if (a == "--size" && (v = next())) size = ParseSize(v);
    else if (a == "--articles" && (v = next())) articles = std::strtoull(v, nullptr, 10);
    else if (a == "--article-bytes" && (v = next())) article_bytes = ParseSize(v);
    else if (a == "--seed" && (v = next())) seed = std::strtoull(v, nullptr, 10);
    else if (a == "--first" && (v = next())) first = std::strtoull(v, nullptr, 10);
    else if (a == "--lexicon" && (v = next())) lexicons.push_back(v);
    else return Usage();
  }
  if (out.empty() || (size == 0 && articles == 0 && article_bytes == 0) ||
      (format != "files" && format != "jsonl"))
    return Usage();

  kb::Lexicon lexicon;
  kb::Status s = kb::LoadLexicon(lexicons, &lexicon);
  if (!s.ok()) {
    std::fprintf(stderr, "evkb-bench-gen: lexicon: %s\n", s.ToString().c_str());
    return 2;
  }
  evkb_bench::CorpusGenerator gen(lexicon, seed);

  if (article_bytes > 0) {
    evkb_bench::Article art = gen.Make(0, evkb_bench::ArticleFormat::kMarkdown, article_bytes);
    FILE* f = std::fopen(out.c_str(), "wb");
    if (!f) return std::perror(out.c_str()), 1;
    std::fwrite(art.body.data(), 1, art.body.size(), f);
    std::fclose(f);
    std::fprintf(stderr, "evkb-bench-gen: %s: %zu bytes\n", out.c_str(), art.body.size());
    return 0;
  }

  FILE* jsonl = nullptr;
  if (format == "jsonl") {
    jsonl = std::fopen(out.c_str(), "wb");
    if (!jsonl) return std::perror(out.c_str()), 1;
  } else {
    std::filesystem::create_directories(out);
  }
  uint64_t bytes = 0, n = first;
  while ((articles > 0 && n < first + articles) || (articles == 0 && bytes < size)) {
    if (format == "jsonl") {
      evkb_bench::Article art = gen.Make(n, evkb_bench::ArticleFormat::kText, 0);
      std::string line = evkb_bench::JsonlLine(art);
      std::fwrite(line.data(), 1, line.size(), jsonl);
      bytes += art.body.size();
    } else {
      evkb_bench::Article art = gen.Make(n, gen.FormatOf(n), 0);
      // 1,000 files per directory keeps directory listings cheap.
      char sub[32];
      std::snprintf(sub, sizeof sub, "%05llu", static_cast<unsigned long long>(n / 1000));
      std::filesystem::path dir = std::filesystem::path(out) / sub;
      if (n % 1000 == 0) std::filesystem::create_directories(dir);
      std::filesystem::path p = dir / art.file_name;
      FILE* f = std::fopen(p.c_str(), "wb");
      if (!f) return std::perror(p.c_str()), 1;
      std::fwrite(art.body.data(), 1, art.body.size(), f);
      std::fclose(f);
      bytes += art.body.size();
    }
    ++n;
  }
  if (jsonl) std::fclose(jsonl);
  std::fprintf(stderr, "evkb-bench-gen: %llu articles, %llu bytes of article text -> %s\n",
               static_cast<unsigned long long>(n - first), static_cast<unsigned long long>(bytes),
               out.c_str());
  return 0;
}
