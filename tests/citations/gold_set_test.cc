// Field-level accuracy of ParseReference on the AnyStyle gold set
// (../shared/data/references_anystyle_gold.jsonl, 1,000 labelled entries).
//
// A field is scored on the entries whose gold value is non-empty; the parsed
// value is correct when its FoldedKey (case, diacritics and punctuation
// folded, words joined by single spaces) equals that of the gold value. The
// first author's family name is derived from the gold author string: the part
// before a comma ("Cheatham, S.W."), else the non-initial words after leading
// initials ("J. R. Shealy"), else those before trailing initials ("Van
// Breusegem F"), else the last word ("Michel Mollat"). "First page" is the
// pages field up to its first dash. Spurious counts entries whose gold field
// is empty but the parser filled it.
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "citations/grading.h"
#include "citations/reference_parser.h"
#include "test_paths.h"

namespace {

using citations::FoldedKey;

bool IsInitialWord(const std::string& w) {
  int caps = 0;
  for (char c : w) {
    if (c >= 'A' && c <= 'Z') ++caps;
    else if (c != '.' && c != '-') return false;
  }
  return caps >= 1 && caps <= 3;
}

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
  if (words.size() >= 2 && words[words.size() - 2].size() <= 2)
    return words.back();  // "Lu J" handled above; "A Smith"
  return words.back();
}

std::string Str(const rapidjson::Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || !it->value.IsString()) return "";
  return it->value.GetString();
}

std::string FirstPage(const std::string& pages) {
  size_t e = 0;
  while (e < pages.size() && pages[e] != '-' && pages[e] != ' ' &&
         static_cast<unsigned char>(pages[e]) != 0xE2)
    ++e;
  return pages.substr(0, e);
}

struct Tally {
  int scored = 0, correct = 0, spurious = 0;
  double Rate() const { return scored ? static_cast<double>(correct) / scored : 1.0; }
};

}  // namespace

TEST_CASE("ReferenceParser: AnyStyle gold set field accuracy", "[citations][gold]") {
  const std::string rel = "data/references_anystyle_gold.jsonl";
  if (!evkb_test::HaveShared(rel)) {
    WARN("skipped: " << evkb_test::SharedDir() << "/" << rel << " not found");
    return;
  }
  std::ifstream in(evkb_test::SharedDir() + "/" + rel);
  REQUIRE(in);
  const char* dump = std::getenv("EVKB_GOLD_DUMP");  // a field name, to list misses
  const std::vector<std::string> fields = {"year",   "first_author", "title", "container",
                                           "volume", "issue",        "first_page", "doi"};
  std::map<std::string, Tally> tally;
  int entries = 0;
  for (std::string line; std::getline(in, line);) {
    rapidjson::Document doc;
    doc.Parse(line.c_str());
    REQUIRE_FALSE(doc.HasParseError());
    const rapidjson::Value& f = doc["fields"];
    std::string raw = doc["raw"].GetString();
    ++entries;
    citations::Reference r = citations::ParseReference(raw);

    std::map<std::string, std::pair<std::string, std::string>> pairs;  // gold, parsed
    std::string gold_author;
    if (f.HasMember("authors") && f["authors"].IsArray() && !f["authors"].Empty())
      gold_author = GoldFamily(f["authors"][0].GetString());
    pairs["year"] = {Str(f, "year"), r.year ? std::to_string(r.year) : ""};
    pairs["first_author"] = {gold_author, r.authors.empty() ? "" : r.authors[0].family};
    pairs["title"] = {Str(f, "title"), r.title};
    pairs["container"] = {Str(f, "container"), r.container};
    pairs["volume"] = {Str(f, "volume"), r.volume};
    pairs["issue"] = {Str(f, "issue"), r.issue};
    pairs["first_page"] = {Str(f, "page_first"), FirstPage(r.pages)};
    pairs["doi"] = {Str(f, "doi"), r.doi};
    for (const auto& [name, gp] : pairs) {
      std::string g = FoldedKey(gp.first), p = FoldedKey(gp.second);
      Tally& t = tally[name];
      if (g.empty()) {
        if (!p.empty()) ++t.spurious;
        continue;
      }
      ++t.scored;
      if (g == p) ++t.correct;
      else if (dump && name == dump)
        std::cerr << "MISS " << name << "\n  raw:    " << raw << "\n  gold:   " << gp.first
                  << "\n  parsed: " << gp.second << "\n";
    }
  }
  std::ostringstream table;
  table << "gold set: " << entries << " entries\n"
        << std::left << std::setw(14) << "field" << std::right << std::setw(8) << "scored"
        << std::setw(9) << "correct" << std::setw(10) << "accuracy" << std::setw(10)
        << "spurious\n";
  for (const std::string& name : fields) {
    const Tally& t = tally[name];
    table << std::left << std::setw(14) << name << std::right << std::setw(8) << t.scored
          << std::setw(9) << t.correct << std::setw(10) << std::fixed << std::setprecision(3)
          << t.Rate() << std::setw(9) << t.spurious << "\n";
  }
  WARN(table.str());
  REQUIRE(entries == 1000);
  // Floors a point or two under the rates reached; raise them as the parser improves.
  const std::map<std::string, double> floors = {
      {"year", 0.98},   {"first_author", 0.92}, {"title", 0.81},      {"container", 0.80},
      {"volume", 0.95}, {"issue", 0.94},        {"first_page", 0.91}, {"doi", 0.95}};
  for (const auto& [name, floor] : floors) {
    INFO(name);
    REQUIRE(tally[name].Rate() >= floor);
  }
}
