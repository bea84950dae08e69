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
//
//   evkb-bench-floor seg golden|speed FILE
//                                    bare ICU in the segmenter peers' protocol
//                                    (bench/peers/, evkb-bench-seg)
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
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

std::string Unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char n = s[++i];
      out += n == 'n' ? '\n' : n == 't' ? '\t' : n == 'r' ? '\r' : n;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<std::string_view> IcuSentences(icu::BreakIterator* bi, std::string_view text) {
  std::vector<std::string_view> out;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  bi->setText(ut, status);
  int32_t prev = bi->first();
  for (int32_t p = bi->next(); p != icu::BreakIterator::DONE; prev = p, p = bi->next()) {
    std::string_view s = text.substr(static_cast<size_t>(prev), static_cast<size_t>(p - prev));
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    if (!s.empty()) out.push_back(s);
  }
  utext_close(ut);
  return out;
}

int Seg(const std::string& mode, const std::string& path) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status)) return 1;
  std::ifstream in(path, std::ios::binary);
  if (mode == "golden") {
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> f;
      for (size_t pos = 0;;) {
        size_t t = line.find('\t', pos);
        f.push_back(line.substr(pos, t == std::string::npos ? t : t - pos));
        if (t == std::string::npos) break;
        pos = t + 1;
      }
      if (f.size() < 3) continue;
      const std::string input = Unescape(f[0]);
      rapidjson::StringBuffer buf;
      rapidjson::Writer<rapidjson::StringBuffer> w(buf);
      w.StartObject();
      w.Key("id");
      w.String(f[2].c_str());
      w.Key("sentences");
      w.StartArray();
      for (std::string_view s : IcuSentences(bi.get(), input))
        w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
      w.EndArray();
      w.EndObject();
      std::printf("%s\n", buf.GetString());
    }
    return 0;
  }
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::string_view> paras;
  for (size_t pos = 0; pos <= data.size();) {
    size_t e = data.find("\n\n", pos);
    if (e == std::string::npos) e = data.size();
    paras.emplace_back(data.data() + pos, e - pos);
    pos = e + 2;
  }
  auto t0 = std::chrono::steady_clock::now();
  size_t n = 0;
  for (std::string_view p : paras) n += IcuSentences(bi.get(), p).size();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("{\"bytes\":%zu,\"sentences\":%zu,\"seconds\":%.6f}\n", data.size(), n, secs);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::string(argv[1]) == "seg") return Seg(argv[2], argv[3]);
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
