#include <fstream>
#include <iostream>
#include <sstream>

#include "citation_linker.h"
#include "citations/csl_writer.h"
#include "citations/reference_parser.h"
#include "ingest/runner.h"
#include "kb/lexicon.h"

namespace ingest {

int RunParseReferences(const std::string& input, const std::string& format, FILE* out, FILE* err) {
  std::string text;
  if (input == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    text = ss.str();
  } else {
    std::ifstream f(input, std::ios::binary);
    if (!f) {
      std::fprintf(err, "evkb-ingest: %s: cannot read the file\n", input.c_str());
      return 3;
    }
    std::ostringstream ss;
    ss << f.rdbuf();
    text = ss.str();
  }
  // Study types come from the lexicon when it loads; without it, none.
  kb::Lexicon lexicon;
  std::vector<citations::StudyTypeCue> cues;
  if (kb::LoadLexicon({}, &lexicon).ok()) cues = StudyCues(lexicon);
  std::vector<citations::CslEntry> entries;
  int n = 0;
  for (const std::string& e : citations::SplitReferences(text)) {
    citations::CslEntry entry;
    entry.ref = citations::ParseReference(e);
    kb::Work w = WorkFromReference(entry.ref, cues);
    entry.id = "ref" + std::to_string(++n);
    entry.type = w.type;
    entries.push_back(std::move(entry));
  }
  std::string doc = format == "bibtex" ? citations::ToBibtex(entries) : citations::ToCslJson(entries);
  std::fputs(doc.c_str(), out);
  if (doc.empty() || doc.back() != '\n') std::fputc('\n', out);
  return 0;
}

}  // namespace ingest
