// The evkb data model (see DESIGN.md "Data model"). Plain structs: no storage,
// no behaviour beyond identity helpers. A Claim is a proposition; Assertions
// are the evidence edges from Sources to it; Works are what the sources cite.
#ifndef EVKB_KB_MODEL_H_
#define EVKB_KB_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kb {

// Stored on disk as a single byte: do not change the values.
enum class Stance : uint8_t { kAsserts = 0, kDenies = 1 };

// Who makes a statement. Stored on disk: do not change the values.
enum class Attribution : uint8_t {
  kAuthor = 0,   // the article's author, speaking for themselves
  kExpert = 1,   // a quoted expert ("Professor Roger Kerry ... stated")
  kStudy = 2,    // a study reported by the article ("Cheatham et al found")
  kHearsay = 3,  // "it's believed", "some people say"
  kAnecdote = 4, // personal experience ("in my experience", "I found")
};

// How a Work is tied to an assertion. Stored on disk: do not change the values.
enum class LinkKind : uint8_t {
  kDirect = 0,        // the citation stands in the sentence itself
  kContext = 1,       // carried from a neighbouring sentence ("They also found...")
  kBibliography = 2,  // only the reference list, matched by the title's concepts
};

const char* StanceName(Stance s);            // "asserts" | "denies"
const char* AttributionName(Attribution a);  // "author" | "expert" | "study" | ...
const char* LinkKindName(LinkKind k);        // "direct" | "context" | "bibliography"
bool ParseStance(std::string_view name, Stance* out);
bool ParseAttribution(std::string_view name, Attribution* out);
bool ParseLinkKind(std::string_view name, LinkKind* out);

struct Author {
  std::string family;
  std::string given;  // initials or given names, as written ("S. W.")
  bool operator==(const Author&) const = default;
};

// A cited piece of research or reference material, with CSL-JSON-like fields.
// Empty strings and year 0 mean "not known": nothing is invented.
struct Work {
  std::string id;
  std::vector<Author> authors;
  bool et_al = false;  // the author list was cut short with "et al."
  int year = 0;
  std::string title;
  std::string container;  // journal, site or publisher series
  std::string publisher;
  std::string volume, issue, pages;
  std::string doi, pmid, pmcid, url;
  std::string affiliation;  // for descriptive mentions ("University of Vermont")
  std::string type = "unknown";  // systematic_review, meta_analysis, rct, ... (CLI.md)
  int level = 5;                 // 1 (strongest) .. 5 (expert opinion / web)
  bool resolved = true;  // false: known only from a descriptive mention, no reference entry
  std::string label;     // "Cheatham et al. 2015"
};

struct Source {
  std::string id;    // ContentId of the original bytes
  std::string path;  // as given on the command line (or URL for JSONL articles)
  std::string title, author, date, url;
  std::string kind;  // txt | md | html | jsonl | stdin
  int64_t ingested_at = 0;  // unix seconds
  uint64_t length = 0;      // bytes of the original input
};

struct Concept {
  std::string id;    // lexicon id: foam_rolling, doms, it_band
  std::string kind;  // intervention | outcome | structure | population | timing | ...
  std::vector<std::string> labels;  // first is the preferred label; the rest are synonyms
  std::string parent;               // is-a parent id, empty at a root
};

// A proposition: subject relation object. Its id is a hash of those three, so
// the same proposition from any source is one Claim.
struct Claim {
  std::string id;
  std::string subject, relation, object;
  std::string text;  // readable: "foam rolling reduces delayed onset muscle soreness"
};

struct WorkLink {
  std::string work_id;
  LinkKind kind = LinkKind::kDirect;
  bool operator==(const WorkLink&) const = default;
};

// One source's statement about a claim.
struct Assertion {
  std::string claim_id;
  std::string source_id;
  std::string sentence;
  uint32_t span_begin = 0, span_end = 0;  // [begin, end) bytes of the original input
  Stance stance = Stance::kAsserts;
  bool hedged = false;
  Attribution attribution = Attribution::kAuthor;
  std::string attributed_to;            // "Professor Roger Kerry", "Cheatham et al"
  std::vector<std::string> mechanisms;  // neurological | mechanical | psychological
  std::vector<std::string> qualifiers;  // concept ids: short_term, post_exercise, ...
  std::vector<WorkLink> works;
};

// An in-text citation and the Work it resolved to.
struct Mention {
  std::string source_id;
  std::string text;
  uint32_t span_begin = 0, span_end = 0;
  std::string work_id;  // empty: not resolved to any work
};

// Everything one article contributes. kb::Store writes it in one batch.
struct SourceRecord {
  Source source;
  std::vector<Claim> claims;
  std::vector<Assertion> assertions;
  std::vector<Work> works;
  std::vector<Mention> mentions;
};

// Stable ids: hex of XXH3-64 over the inputs.
std::string ContentId(std::string_view bytes);
std::string ClaimId(std::string_view subject, std::string_view relation, std::string_view object);
// DOI when known ("doi:10.1016/..."), else a hash of first author + year + title.
std::string WorkId(const Work& w);
// "Cheatham et al. 2015", "Pearcey & Button 2015", "Journal of Sport Rehabilitation 2019".
std::string WorkLabel(const Work& w);

}  // namespace kb

#endif  // EVKB_KB_MODEL_H_
