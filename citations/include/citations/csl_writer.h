#ifndef EVKB_CITATIONS_CSL_WRITER_H_
#define EVKB_CITATIONS_CSL_WRITER_H_

#include <string>
#include <vector>

#include "citations/reference.h"

namespace citations {

// A reference to write, with the fields writers need beyond Reference.
struct CslEntry {
  std::string id;    // citation key / CSL id
  std::string type;  // evkb study type; mapped to a CSL / BibTeX type
  Reference ref;
};

// A CSL-JSON array, as `anystyle parse` prints it.
std::string ToCslJson(const std::vector<CslEntry>& entries);
// BibTeX entries (@article, @misc, ...), special characters escaped.
std::string ToBibtex(const std::vector<CslEntry>& entries);

}  // namespace citations

#endif  // EVKB_CITATIONS_CSL_WRITER_H_
