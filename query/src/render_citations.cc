// The works behind a benefit as CSL-JSON and BibTeX (citations/csl_writer.h).
#include <vector>

#include "citations/csl_writer.h"
#include "ingest/work_reference.h"
#include "query/render.h"

namespace query {
namespace {

citations::CslEntry ToCslEntry(const kb::Work& w) {
  citations::CslEntry e;
  e.id = w.id;
  e.type = w.type;
  e.ref = ingest::ReferenceFromWork(w);
  return e;
}

std::vector<citations::CslEntry> Entries(const SourcesReport& r) {
  std::vector<citations::CslEntry> out;
  out.reserve(r.works.size());
  for (const SourcedWork& sw : r.works) out.push_back(ToCslEntry(sw.work));
  return out;
}

}  // namespace

std::string RenderSourcesCslJson(const SourcesReport& r) {
  std::string out = citations::ToCslJson(Entries(r));
  if (out.empty() || out.back() != '\n') out += '\n';
  return out;
}

std::string RenderSourcesBibtex(const SourcesReport& r) {
  std::string out = citations::ToBibtex(Entries(r));
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out;
}

}  // namespace query
