// evkb-bench-floor: the floor evkb-ingest is measured against.
//
//   evkb-bench-floor read INPUT...   read every byte (files, directories, .jsonl)
//   evkb-bench-floor icu  INPUT...   read, then one ICU sentence BreakIterator
//                                    pass over each article's text
//
// Articles are the files (.md .html .htm .txt) or, for .jsonl, each line's
// "text" field: the same text evkb-ingest reads. Prints one JSON object:
// {"mode","files","articles","bytes","sentences","seconds"}; seconds cover
// the whole run after start-up (reading included), like an end-to-end ingest.
#include <rapidjson/document.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace {

struct Totals {
  uint64_t files = 0, articles = 0, bytes = 0, sentences = 0;
};

class Floor {
 public:
  explicit Floor(bool icu) : icu_(icu) {
    if (icu_) {
      UErrorCode status = U_ZERO_ERROR;
      bi_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
      if (U_FAILURE(status)) {
        std::fprintf(stderr, "evkb-bench-floor: %s\n", u_errorName(status));
        std::exit(1);
      }
    }
  }

  void Article(const char* data, size_t size) {
    ++t.articles;
    t.bytes += size;
    if (!icu_) return;
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, data, static_cast<int64_t>(size), &status);
    bi_->setText(ut, status);
    for (int32_t p = bi_->first(); p != icu::BreakIterator::DONE; p = bi_->next()) ++t.sentences;
    utext_close(ut);
  }

  void File(const std::filesystem::path& p) {
    std::string ext = p.extension().string();
    if (ext != ".md" && ext != ".html" && ext != ".htm" && ext != ".txt" && ext != ".jsonl") return;
    ++t.files;
    if (ext == ".jsonl") {
      std::ifstream in(p, std::ios::binary);
      for (std::string line; std::getline(in, line);) {
        if (!icu_) {
          Article(line.data(), line.size());
          continue;
        }
        rapidjson::Document d;
        d.Parse(line.data(), line.size());
        if (d.HasParseError() || !d.IsObject() || !d.HasMember("text") || !d["text"].IsString()) continue;
        Article(d["text"].GetString(), d["text"].GetStringLength());
      }
      return;
    }
    FILE* f = std::fopen(p.c_str(), "rb");
    if (!f) return;
    buf_.clear();
    char chunk[1 << 16];
    for (size_t n; (n = std::fread(chunk, 1, sizeof chunk, f)) > 0;) buf_.append(chunk, n);
    std::fclose(f);
    Article(buf_.data(), buf_.size());
  }

  void Input(const std::filesystem::path& p) {
    if (std::filesystem::is_directory(p)) {
      std::vector<std::filesystem::path> entries;
      for (const auto& e : std::filesystem::directory_iterator(p)) entries.push_back(e.path());
      std::sort(entries.begin(), entries.end());
      for (const auto& e : entries) Input(e);
    } else {
      File(p);
    }
  }

  Totals t;

 private:
  bool icu_;
  std::unique_ptr<icu::BreakIterator> bi_;
  std::string buf_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || (std::string(argv[1]) != "icu" && std::string(argv[1]) != "read")) {
    std::fprintf(stderr, "usage: evkb-bench-floor icu|read INPUT...\n");
    return 2;
  }
  bool icu = std::string(argv[1]) == "icu";
  auto start = std::chrono::steady_clock::now();
  Floor floor(icu);
  for (int i = 2; i < argc; ++i) floor.Input(argv[i]);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "{\"mode\":\"%s\",\"files\":%llu,\"articles\":%llu,\"bytes\":%llu,\"sentences\":%llu,"
      "\"seconds\":%.6f}\n",
      argv[1], static_cast<unsigned long long>(floor.t.files),
      static_cast<unsigned long long>(floor.t.articles), static_cast<unsigned long long>(floor.t.bytes),
      static_cast<unsigned long long>(floor.t.sentences), secs);
  return 0;
}
