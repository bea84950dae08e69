// evkb-bench-seg: evkb's segmenter in the protocol of the peers in bench/peers/.
//
//   evkb-bench-seg golden FILE.tsv   one JSON line per Golden Rules case:
//                                    {"id":..,"sentences":[..]}
//   evkb-bench-seg speed FILE.txt    segments each blank-line-separated
//                                    paragraph; prints {"bytes","sentences","seconds"}
//
// golden applies the case's options as tests/ingest/golden_rules_test.cc
// does (doc_type=pdf -> join_wrapped_lines).
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/segmenter.h"

namespace {

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

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: evkb-bench-seg golden|speed FILE\n");
    return 2;
  }
  std::string mode = argv[1], path = argv[2];
  std::unique_ptr<ingest::Segmenter> plain, pdf;
  ingest::SegmenterOptions pdf_options;
  pdf_options.join_wrapped_lines = true;
  if (!ingest::Segmenter::Create(&plain).ok() || !ingest::Segmenter::Create(pdf_options, &pdf).ok()) {
    std::fprintf(stderr, "evkb-bench-seg: no segmenter\n");
    return 1;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::perror(path.c_str());
    return 1;
  }
  if (mode == "golden") {
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> f;
      std::stringstream ss(line);
      for (std::string x; std::getline(ss, x, '\t');) f.push_back(x);
      if (f.size() < 3) continue;
      const std::string input = Unescape(f[0]);
      bool is_pdf = f.size() > 5 && f[5].find("doc_type=pdf") != std::string::npos;
      rapidjson::StringBuffer buf;
      rapidjson::Writer<rapidjson::StringBuffer> w(buf);
      w.StartObject();
      w.Key("id");
      w.String(f[2].c_str());
      w.Key("sentences");
      w.StartArray();
      for (const ingest::SentenceSpan& s : (is_pdf ? pdf : plain)->Split(input))
        w.String(input.data() + s.begin, static_cast<rapidjson::SizeType>(s.end - s.begin));
      w.EndArray();
      w.EndObject();
      std::printf("%s\n", buf.GetString());
    }
    return 0;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string data = ss.str();
  std::vector<std::string_view> paras;
  for (size_t pos = 0; pos <= data.size();) {
    size_t e = data.find("\n\n", pos);
    if (e == std::string::npos) e = data.size();
    paras.emplace_back(data.data() + pos, e - pos);
    pos = e + 2;
  }
  auto t0 = std::chrono::steady_clock::now();
  size_t n = 0;
  for (std::string_view p : paras) n += plain->Split(p).size();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("{\"bytes\":%zu,\"sentences\":%zu,\"seconds\":%.6f}\n", data.size(), n, secs);
  return 0;
}
