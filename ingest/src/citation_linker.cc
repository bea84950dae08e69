#include "citation_linker.h"

#include <cctype>

#include "citations/grading.h"
#include "citations/reference_parser.h"

namespace ingest {
namespace {

// A study known only from an in-text mention that names no design: weaker
// than a peer-reviewed article of stated design, stronger than a web page.
constexpr int kUnknownStudyLevel = 4;

}  // namespace

std::vector<citations::StudyTypeCue> StudyCues(const kb::Lexicon& lexicon) {
  std::vector<citations::StudyTypeCue> out;
  for (const kb::StudyTypeDef& d : lexicon.study_types) out.push_back({d.type, d.level, d.cues});
  return out;
}

kb::Work WorkFromReference(const citations::Reference& ref,
                           const std::vector<citations::StudyTypeCue>& cues) {
  kb::Work w;
  for (const citations::Name& n : ref.authors) w.authors.push_back({n.family, n.given});
  w.et_al = ref.et_al;
  w.year = ref.year;
  w.title = ref.title;
  w.container = ref.container;
  w.publisher = ref.publisher;
  w.volume = ref.volume;
  w.issue = ref.issue;
  w.pages = ref.pages;
  w.doi = ref.doi;
  w.pmid = ref.pmid;
  w.pmcid = ref.pmcid;
  w.url = ref.url;
  // The whole entry is the context: a subtitle cut off the title ("…? A
  // narrative review") still says what kind of study it is.
  citations::Grade g = citations::ClassifyStudy(ref, ref.raw, cues);
  w.type = g.type;
  w.level = g.level;
  w.resolved = true;
  w.id = kb::WorkId(w);
  w.label = kb::WorkLabel(w);
  return w;
}

citations::Reference ReferenceFromWork(const kb::Work& w) {
  citations::Reference r;
  for (const kb::Author& a : w.authors) r.authors.push_back({a.family, a.given});
  r.et_al = w.et_al;
  r.year = w.year;
  r.title = w.title;
  r.container = w.container;
  r.publisher = w.publisher;
  r.volume = w.volume;
  r.issue = w.issue;
  r.pages = w.pages;
  r.doi = w.doi;
  r.pmid = w.pmid;
  r.pmcid = w.pmcid;
  r.url = w.url;
  return r;
}

CitationLinker::CitationLinker(const kb::Lexicon& lexicon)
    : cues_(StudyCues(lexicon)), finder_(cues_) {
  auto add_words = [&](const std::string& phrase) {
    std::string w;
    for (char c : phrase + " ") {
      if (std::isalpha(static_cast<unsigned char>(c))) {
        w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      } else {
        if (w.size() >= 3) trigger_words_.insert(w);
        w.clear();
      }
    }
  };
  for (const citations::StudyTypeCue& c : cues_) {
    for (const std::string& phrase : c.cues) add_words(phrase);
  }
  for (const std::string& phrase : lexicon.Cues("expert")) add_words(phrase);
  for (const std::string& phrase : lexicon.Cues("expert_report")) add_words(phrase);
  for (const std::string& phrase : lexicon.Cues("reporting")) add_words(phrase);
}

void CitationLinker::Clear() {
  refs_.clear();
  ref_ids_.clear();
}

bool CitationLinker::MayCite(const std::vector<Token>& tokens) const {
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& w = tokens[i].lower;
    if (w.empty()) continue;
    if (std::isdigit(static_cast<unsigned char>(w[0])) || w == "[") return true;
    if (w == "et" && i + 1 < tokens.size() && tokens[i + 1].lower == "al") return true;
    if (trigger_words_.count(w) != 0) return true;
  }
  return false;
}

void CitationLinker::AddReferences(const std::vector<std::string>& entries,
                                   const std::vector<const citations::Reference*>& parsed,
                                   std::vector<kb::Work>* works) {
  for (size_t i = 0; i < entries.size(); ++i) {
    const citations::Reference* pre = i < parsed.size() ? parsed[i] : nullptr;
    citations::Reference ref = pre != nullptr ? *pre : citations::ParseReference(entries[i]);
    if (ref.authors.empty() && ref.title.empty() && ref.container.empty()) continue;
    kb::Work w = WorkFromReference(ref, cues_);
    refs_.push_back(std::move(ref));
    ref_ids_.push_back(w.id);
    bool dup = false;
    for (const kb::Work& old : *works) dup |= old.id == w.id;
    if (!dup) works->push_back(std::move(w));
  }
}

kb::Work CitationLinker::WorkFromMention(const citations::InTextMention& m) const {
  kb::Work w;
  w.year = m.year;
  w.container = m.venue;
  w.affiliation = m.affiliation;
  w.resolved = false;
  if (m.kind == citations::MentionKind::kExpert) {
    w.type = "expert_opinion";
    w.level = 5;
    // "Professor Roger Kerry": the last word is the family name.
    std::string person = m.person;
    size_t sp = person.find_last_of(' ');
    kb::Author a;
    a.family = sp == std::string::npos ? person : person.substr(sp + 1);
    a.given = sp == std::string::npos ? "" : person.substr(0, sp);
    if (!a.family.empty()) w.authors.push_back(a);
    w.title = m.text;
  } else {
    w.type = m.study_type.empty() ? "unknown" : m.study_type;
    w.level = m.study_type.empty() ? kUnknownStudyLevel : m.level;
    for (const std::string& family : m.authors) w.authors.push_back({family, ""});
    w.et_al = m.et_al || m.authors.size() > 2;
    w.title = m.text;
  }
  // The id of a described work rests on what describes it, not its wording:
  // its type and affiliation, or its authors and year.
  kb::Work key = w;
  key.title = w.authors.empty() ? w.type + "|" + w.affiliation : "";
  key.container = w.type == "expert_opinion" || !w.authors.empty() ? "" : w.container;
  w.id = kb::WorkId(key);
  w.label = kb::WorkLabel(w);
  return w;
}

std::vector<SentenceCitation> CitationLinker::LinkSentence(std::string_view sentence,
                                                           const std::vector<Token>& tokens,
                                                           const std::vector<uint32_t>& offsets,
                                                           std::vector<kb::Mention>* mentions,
                                                           std::vector<kb::Work>* works) {
  std::vector<SentenceCitation> out;
  if (!MayCite(tokens)) return out;
  for (const citations::InTextMention& m : finder_.Find(sentence)) {
    std::string work_id;
    using K = citations::MentionKind;
    if (m.kind == K::kDescriptive || m.kind == K::kExpert) {
      kb::Work w = WorkFromMention(m);
      work_id = w.id;
      bool dup = false;
      for (const kb::Work& old : *works) dup |= old.id == w.id;
      if (!dup) works->push_back(std::move(w));
    } else {
      int idx = citations::LinkMention(m, refs_);
      if (idx >= 0) {
        work_id = ref_ids_[static_cast<size_t>(idx)];
      } else if (!m.authors.empty() && m.year != 0) {
        // "Weppler and Magnusson (2010)" with no reference list: still a
        // study, known by its authors and year until a full reference meets it.
        kb::Work w = WorkFromMention(m);
        work_id = w.id;
        bool dup = false;
        for (const kb::Work& old : *works) dup |= old.id == w.id;
        if (!dup) works->push_back(std::move(w));
      }
    }
    kb::Mention mention;
    mention.text = m.text;
    size_t b = std::min(m.begin, offsets.size() - 1), e = std::min(m.end, offsets.size() - 1);
    mention.span_begin = offsets[b];
    mention.span_end = offsets[e];
    mention.work_id = work_id;
    mentions->push_back(std::move(mention));
    if (!work_id.empty()) out.push_back({work_id, m.kind});
  }
  return out;
}

}  // namespace ingest
