// evkb-bench-refs: reference parsing on the AnyStyle gold set.
//
//   evkb-bench-refs parse GOLD.jsonl OUT.jsonl [LIMIT]
//       parses each entry's "raw" with citations::ParseReference (timed, best
//       of 3 passes) and writes the fields as one JSON line per entry:
//       {"year","first_author","title","container","volume","issue","pages","doi"};
//       prints {"refs","seconds"}.
//   evkb-bench-refs score GOLD.jsonl PARSED.jsonl
//       scores such a file (evkb's or a peer's) with the rule of
//       tests/citations/gold_set_test.cc: per field, over the entries whose
//       gold value is non-empty, correct when the FoldedKeys are equal; the
//       first author from the gold author string; first page up to the first
//       dash. Prints {"entries","fields":{name:{scored,correct,accuracy}},"overall"}.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "citations/grading.h"
#include "citations/reference_parser.h"

namespace {

const std::vector<std::string> kFields = {"year",   "first_author", "title", "container",
                                          "volume", "issue",        "first_page", "doi"};

bool IsInitialWord(const std::string& w) {
  int caps = 0;
  for (char c : w) {
    if (c >= 'A' && c <= 'Z') ++caps;
    else if (c != '.' && c != '-') return false;
  }
  return caps >= 1 && caps <= 3;
}

// As tests/citations/gold_set_test.cc.
std::string GoldFamily(const std::string& author) {
  size_t comma = author.find(',');
  if (comma != std::string::npos) return author.substr(0, comma);
  std::vector<std::string> words;
  std::istringstream in(author);
  for (std::string w; in >> w;) words.push_back(w);
  if (words.empty()) return "";
  size_t b = 0, e = words.size();
  while (b < e && IsInitialWord(words[b])) ++b;
  if (b > 0 && b < e) {
    std::string out;
    for (size_t i = b; i < e; ++i) out += (out.empty() ? "" : " ") + words[i];
    return out;
  }
  while (e > 0 && IsInitialWord(words[e - 1])) --e;
  if (e < words.size() && e > 0) {
    std::string out;
    for (size_t i = 0; i < e; ++i) out += (out.empty() ? "" : " ") + words[i];
    return out;
  }
  return words.back();
}

std::string FirstPage(const std::string& pages) {
  size_t e = 0;
  while (e < pages.size() && pages[e] != '-' && pages[e] != ' ' &&
         static_cast<unsigned char>(pages[e]) != 0xE2)
    ++e;
  return pages.substr(0, e);
}

std::string Str(const rapidjson::Value& obj, const char* key) {
  if (!obj.IsObject()) return "";
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd()) return "";
  if (it->value.IsString()) return it->value.GetString();
  if (it->value.IsInt()) return std::to_string(it->value.GetInt());
  return "";
}

std::vector<std::string> Lines(const std::string& path, size_t limit) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> out;
  for (std::string l; std::getline(in, l) && (limit == 0 || out.size() < limit);)
    if (!l.empty()) out.push_back(l);
  return out;
}

int Parse(const std::string& gold, const std::string& outp, size_t limit) {
  std::vector<std::string> raw;
  for (const std::string& l : Lines(gold, limit)) {
    rapidjson::Document d;
    d.Parse(l.c_str());
    raw.push_back(Str(d, "raw"));
  }
  std::vector<citations::Reference> refs;
  double best = 1e30;
  for (int pass = 0; pass < 3; ++pass) {
    std::vector<citations::Reference> r;
    r.reserve(raw.size());
    auto t0 = std::chrono::steady_clock::now();
    for (const std::string& s : raw) r.push_back(citations::ParseReference(s));
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    refs = std::move(r);
  }
  FILE* out = std::fopen(outp.c_str(), "wb");
  if (!out) return std::perror(outp.c_str()), 1;
  for (const citations::Reference& r : refs) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartObject();
    auto kv = [&](const char* k, const std::string& v) {
      w.Key(k);
      w.String(v.c_str());
    };
    kv("year", r.year ? std::to_string(r.year) : "");
    kv("first_author", r.authors.empty() ? "" : r.authors[0].family);
    kv("title", r.title);
    kv("container", r.container);
    kv("volume", r.volume);
    kv("issue", r.issue);
    kv("pages", r.pages);
    kv("doi", r.doi);
    w.EndObject();
    std::fprintf(out, "%s\n", buf.GetString());
  }
  std::fclose(out);
  std::printf("{\"refs\":%zu,\"seconds\":%.6f}\n", raw.size(), best);
  return 0;
}

int Score(const std::string& gold, const std::string& parsed) {
  std::vector<std::string> g = Lines(gold, 0), p = Lines(parsed, 0);
  struct Tally {
    int scored = 0, correct = 0;
  };
  std::map<std::string, Tally> tally;
  size_t n = p.size() < g.size() ? p.size() : g.size();
  for (size_t i = 0; i < n; ++i) {
    rapidjson::Document gd, pd;
    gd.Parse(g[i].c_str());
    pd.Parse(p[i].c_str());
    const rapidjson::Value& f = gd["fields"];
    std::string gold_author;
    if (f.HasMember("authors") && f["authors"].IsArray() && !f["authors"].Empty() &&
        f["authors"][0].IsString())
      gold_author = GoldFamily(f["authors"][0].GetString());
    std::map<std::string, std::pair<std::string, std::string>> pairs = {
        {"year", {Str(f, "year"), Str(pd, "year")}},
        {"first_author", {gold_author, Str(pd, "first_author")}},
        {"title", {Str(f, "title"), Str(pd, "title")}},
        {"container", {Str(f, "container"), Str(pd, "container")}},
        {"volume", {Str(f, "volume"), Str(pd, "volume")}},
        {"issue", {Str(f, "issue"), Str(pd, "issue")}},
        {"first_page", {Str(f, "page_first"), FirstPage(Str(pd, "pages"))}},
        {"doi", {Str(f, "doi"), Str(pd, "doi")}}};
    for (const auto& [name, gp] : pairs) {
      std::string gk = citations::FoldedKey(gp.first);
      if (gk.empty()) continue;
      Tally& t = tally[name];
      ++t.scored;
      if (gk == citations::FoldedKey(gp.second)) ++t.correct;
    }
  }
  int all_scored = 0, all_correct = 0;
  std::string out = "{\"entries\":" + std::to_string(n) + ",\"fields\":{";
  for (size_t i = 0; i < kFields.size(); ++i) {
    const Tally& t = tally[kFields[i]];
    all_scored += t.scored;
    all_correct += t.correct;
    char b[160];
    std::snprintf(b, sizeof b, "%s\"%s\":{\"scored\":%d,\"correct\":%d,\"accuracy\":%.4f}", i ? "," : "",
                  kFields[i].c_str(), t.scored, t.correct, t.scored ? double(t.correct) / t.scored : 0.0);
    out += b;
  }
  char b[96];
  std::snprintf(b, sizeof b, "},\"overall\":%.4f}\n", all_scored ? double(all_correct) / all_scored : 0.0);
  out += b;
  std::fputs(out.c_str(), stdout);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "parse" && argc >= 4) return Parse(argv[2], argv[3], argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 0);
  if (mode == "score" && argc == 4) return Score(argv[2], argv[3]);
  std::fprintf(stderr, "usage: evkb-bench-refs parse GOLD OUT [LIMIT] | score GOLD PARSED\n");
  return 2;
}
