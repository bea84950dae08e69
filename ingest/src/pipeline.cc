#include "ingest/pipeline.h"

#include <algorithm>
#include <map>
#include <set>

#include "citation_linker.h"
#include "citations/reference_parser.h"
#include "claim_extractor.h"
#include "ingest/normalizer.h"
#include "ingest/segmenter.h"
#include "lexicon_index.h"

namespace ingest {
namespace {

// A first line shorter than this, with no punctuation, may head a list.
constexpr size_t kMaxHeadingLine = 40;
// A citation that says it backs what came before ("came to the same
// conclusion") reaches back this many sentences within its paragraph.
constexpr size_t kSupportBackReach = 3;
// The title counts this many times when choosing an article's topic.
constexpr int kTitleTopicWeight = 3;
// Sentences are kept to this many bytes in records and reports.
constexpr size_t kMaxSentenceBytes = 2000;
// Reference entries read per article. Real bibliographies stay far below;
// a scraped dump of 100,000 entries would make linking and resolution
// (quadratic in the entries) run for hours. Entries past it are ignored.
constexpr size_t kMaxReferenceEntries = 1000;

struct SentenceWork {
  std::string text;
  std::vector<Token> tokens;  // moved into `reading` once read
  std::vector<uint32_t> offsets;  // text bytes -> original bytes (size()+1)
  size_t block;
  SentenceReading reading;
  std::vector<SentenceCitation> cites;
};

// The lines of a normalised block, split where the original bytes had a
// line break (readers fold line breaks inside a paragraph into spaces).
std::vector<std::string> RawLines(const Normalized& n, const std::string& raw) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i < n.text.size(); ++i) {
    if (n.text[i] != ' ' || n.offsets[i] >= raw.size()) continue;
    uint32_t o = n.offsets[i];
    if (raw[o] != '\n' && (o == 0 || raw[o - 1] != '\n')) continue;
    out.push_back(n.text.substr(start, i - start));
    start = i + 1;
  }
  out.push_back(n.text.substr(start));
  return out;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

class PipelineImpl : public Pipeline {
 public:
  PipelineImpl(const kb::Lexicon* lexicon, std::unique_ptr<Segmenter> segmenter)
      : lexicon_(lexicon),
        index_(lexicon),
        extractor_(&index_),
        segmenter_(std::move(segmenter)),
        linker_(*lexicon) {}

  kb::Status Analyze(const Document& doc, Analysis* out) override;
  kb::Status ParseQuestion(const std::string& text, Question* out) override;
  std::vector<std::string> MatchConcepts(const std::string& text) override;

 private:
  std::string ClaimText(const std::string& s, const std::string& r, const std::string& o) const;
  std::string ChooseTopic(const Document& doc, const std::vector<SentenceWork>& sentences,
                          const std::set<size_t>& ref_blocks) const;
  void LinkBibliography(const std::vector<kb::Work>& works, const std::vector<std::string>& ref_ids,
                        kb::SourceRecord* record);

  const kb::Lexicon* lexicon_;
  LexiconIndex index_;
  ClaimExtractor extractor_;
  std::unique_ptr<Segmenter> segmenter_;
  CitationLinker linker_;  // cleared per article
};

std::string PipelineImpl::ClaimText(const std::string& s, const std::string& r,
                                    const std::string& o) const {
  auto label = [&](const std::string& id) {
    const kb::Concept* c = lexicon_->FindConcept(id);
    return c != nullptr && !c->labels.empty() ? c->labels[0] : id;
  };
  const kb::RelationDef* rel = lexicon_->FindRelation(r);
  std::string rl = rel != nullptr && !rel->label.empty() ? rel->label : r;
  return label(s) + " " + rl + " " + label(o);
}

std::string PipelineImpl::ChooseTopic(const Document& doc, const std::vector<SentenceWork>& sentences,
                                      const std::set<size_t>& ref_blocks) const {
  std::map<std::string, int> counts;
  auto count = [&](const std::vector<std::string>& concepts, int weight) {
    for (const std::string& id : concepts) {
      const kb::Concept* c = lexicon_->FindConcept(id);
      if (c != nullptr && c->kind == "intervention") counts[id] += weight;
    }
  };
  count(extractor_.ConceptsIn(doc.title), kTitleTopicWeight);
  for (const SentenceWork& s : sentences) {
    if (ref_blocks.count(s.block) == 0) count(extractor_.ConceptsIn(s.tokens), 1);
  }
  std::string best;
  int best_n = 0;
  for (const auto& [id, n] : counts) {
    if (n > best_n) {
      best = id;
      best_n = n;
    }
  }
  return best;
}

// Where an article has a reference list, claims with no citation of their
// own are tied to the entries whose titles name both their subject and
// object (or concepts above or below them): a weaker, bibliography-level link.
void PipelineImpl::LinkBibliography(const std::vector<kb::Work>& works,
                                    const std::vector<std::string>& ref_ids,
                                    kb::SourceRecord* record) {
  bool any_unlinked = false;
  for (const kb::Assertion& a : record->assertions) any_unlinked |= a.works.empty();
  if (!any_unlinked) return;
  std::map<std::string, std::vector<std::string>> title_concepts;
  for (const kb::Work& w : works) {
    if (Contains(ref_ids, w.id)) title_concepts[w.id] = extractor_.ConceptsIn(w.title);
  }
  if (title_concepts.empty()) return;
  // Many assertions share a subject or object: each (title, concept) pair is
  // judged once.
  std::map<std::pair<const std::string*, std::string>, bool> covered;
  auto covers = [&](const std::string& work, const std::vector<std::string>& concepts,
                    const std::string& id) {
    auto [it, fresh] = covered.try_emplace({&work, id}, false);
    if (!fresh) return it->second;
    for (const std::string& c : concepts) {
      if (lexicon_->IsA(c, id) || lexicon_->IsA(id, c)) return it->second = true;
    }
    return false;
  };
  std::map<std::string, const kb::Claim*> claims;
  for (const kb::Claim& c : record->claims) claims[c.id] = &c;
  for (kb::Assertion& a : record->assertions) {
    if (!a.works.empty()) continue;
    const kb::Claim* c = claims[a.claim_id];
    if (c == nullptr) continue;
    for (const auto& [id, concepts] : title_concepts) {
      if (covers(id, concepts, c->subject) && covers(id, concepts, c->object)) {
        a.works.push_back({id, kb::LinkKind::kBibliography});
      }
    }
  }
}

kb::Status PipelineImpl::Analyze(const Document& doc, Analysis* out) {
  *out = Analysis();
  kb::SourceRecord& rec = out->record;
  rec.source.id = kb::ContentId(doc.raw);
  rec.source.path = doc.path;
  rec.source.title = doc.title;
  rec.source.author = doc.author;
  rec.source.date = doc.date;
  rec.source.url = doc.url;
  rec.source.kind = doc.kind;
  rec.source.length = doc.raw.size();
  if (rec.source.title.empty()) {
    for (const Block& b : doc.blocks) {
      if (b.kind == BlockKind::kTitle || b.kind == BlockKind::kHeading) {
        rec.source.title = b.text.substr(0, 200);
        break;
      }
    }
  }

  // Normalise and segment every block.
  std::vector<Normalized> blocks;
  std::vector<SentenceWork> sentences;
  for (size_t bi = 0; bi < doc.blocks.size(); ++bi) {
    blocks.push_back(Normalize(doc.blocks[bi].text, doc.blocks[bi].offsets));
    const Normalized& n = blocks.back();
    for (const SentenceSpan& sp : segmenter_->Split(n.text)) {
      if (sp.end <= sp.begin) continue;
      size_t end = std::min(sp.end, sp.begin + kMaxSentenceBytes);
      SentenceWork s;
      s.text = n.text.substr(sp.begin, end - sp.begin);
      s.offsets.assign(n.offsets.begin() + static_cast<long>(sp.begin),
                       n.offsets.begin() + static_cast<long>(end) + 1);
      s.block = bi;
      sentences.push_back(std::move(s));
    }
  }

  // The reference list. A plain-text paragraph whose first line is short and
  // unpunctuated ("Sources") may hold its entries one per line: such
  // paragraphs are offered line by line.
  std::vector<std::string> units;
  std::vector<size_t> unit_block;
  for (size_t bi = 0; bi < blocks.size(); ++bi) {
    std::vector<std::string> lines = RawLines(blocks[bi], doc.raw);
    bool heading_first = lines.size() > 1 && lines[0].size() < kMaxHeadingLine &&
                         lines[0].find_last_of(".!?:;,") == std::string::npos;
    if (!heading_first) lines = {blocks[bi].text};
    for (std::string& l : lines) {
      units.push_back(std::move(l));
      unit_block.push_back(bi);
    }
  }
  std::vector<std::string_view> paragraphs(units.begin(), units.end());
  std::set<size_t> ref_blocks;
  std::vector<std::string> entries;
  // An entry that is its whole paragraph was parsed when the paragraph was
  // judged: that parse is reused.
  std::vector<citations::Reference> parsed;
  std::vector<const citations::Reference*> entry_parsed;
  std::vector<size_t> section = citations::FindReferenceSection(paragraphs, &parsed);
  for (size_t k = 0; k < section.size(); ++k) {
    size_t u = section[k];
    ref_blocks.insert(unit_block[u]);
    for (std::string& e : citations::SplitReferences(units[u])) {
      if (entries.size() == kMaxReferenceEntries) break;
      entry_parsed.push_back(k < parsed.size() && e == parsed[k].raw ? &parsed[k] : nullptr);
      entries.push_back(std::move(e));
    }
  }
  linker_.Clear();
  linker_.AddReferences(entries, entry_parsed, &rec.works);

  for (SentenceWork& s : sentences) {
    if (ref_blocks.count(s.block) == 0) s.tokens = extractor_.Tokenize(s.text);
  }
  out->topic = ChooseTopic(doc, sentences, ref_blocks);

  // Read every sentence.
  std::string carried;
  for (size_t i = 0; i < sentences.size(); ++i) {
    SentenceWork& s = sentences[i];
    if (ref_blocks.count(s.block) != 0) continue;
    if (i > 0 && sentences[i - 1].block != s.block) carried.clear();
    s.cites = linker_.LinkSentence(s.text, s.tokens, s.offsets, &rec.mentions, &rec.works);
    BlockKind kind = doc.blocks[s.block].kind;
    bool elliptic = kind == BlockKind::kListItem || kind == BlockKind::kHeading;
    s.reading = extractor_.Read(s.text, std::move(s.tokens), out->topic, carried, false, elliptic);
    carried = s.reading.last_subject;
  }
  for (kb::Mention& m : rec.mentions) m.source_id = rec.source.id;

  std::map<std::string, size_t> claim_index;
  for (size_t i = 0; i < sentences.size(); ++i) {
    SentenceWork& s = sentences[i];
    SentenceAnalysis sa;
    sa.text = s.text;
    sa.span_begin = s.offsets.front();
    sa.span_end = s.offsets.back();
    sa.block = s.block;
    sa.block_kind = doc.blocks[s.block].kind;
    sa.in_references = ref_blocks.count(s.block) != 0;
    if (sa.in_references) {
      out->sentences.push_back(std::move(sa));
      continue;
    }
    const SentenceReading& r = s.reading;
    sa.instruction = r.instruction;
    sa.claim_like = r.claim_like;
    sa.unknown_terms = r.unknown_terms;

    // Works: cited here; else carried from the sentence before ("They also
    // found..."); a quoted expert's words carry their earlier introduction.
    std::vector<kb::WorkLink> links;
    kb::Attribution attribution = r.attribution;
    std::string attributed_to = r.attributed_to;
    for (const SentenceCitation& c : s.cites) {
      links.push_back({c.work_id, kb::LinkKind::kDirect});
      if (c.kind != citations::MentionKind::kExpert && attribution == kb::Attribution::kAuthor) {
        attribution = kb::Attribution::kStudy;
      } else if (c.kind == citations::MentionKind::kExpert) {
        attribution = kb::Attribution::kExpert;
      }
    }
    bool carry = r.context_carry || attribution == kb::Attribution::kExpert;
    if (links.empty() && carry) {
      for (size_t back = 1; back <= 2 && back <= i; ++back) {
        const SentenceWork& p = sentences[i - back];
        if (p.cites.empty()) continue;
        for (const SentenceCitation& c : p.cites) {
          bool expert = c.kind == citations::MentionKind::kExpert;
          if (expert != (attribution == kb::Attribution::kExpert)) continue;
          links.push_back({c.work_id, kb::LinkKind::kContext});
        }
        if (!links.empty() && attribution == kb::Attribution::kAuthor) {
          attribution = kb::Attribution::kStudy;
        }
        break;
      }
    }

    // "... A review by X (2019) came to the same conclusion": a citation
    // that says it backs what came before.
    if (links.empty()) {
      for (size_t ahead = 1; ahead <= kSupportBackReach && i + ahead < sentences.size(); ++ahead) {
        const SentenceWork& n = sentences[i + ahead];
        if (n.block != s.block) break;
        if (n.cites.empty() || !n.reading.support_back) continue;
        for (const SentenceCitation& c : n.cites) links.push_back({c.work_id, kb::LinkKind::kContext});
        break;
      }
    }

    // One link per work: two mentions of one study ("a review by Behm and
    // Wilke (2019)") resolve to the same work.
    std::vector<kb::WorkLink> unique_links;
    for (const kb::WorkLink& l : links) {
      bool seen = false;
      for (const kb::WorkLink& u : unique_links) seen |= u.work_id == l.work_id;
      if (!seen) unique_links.push_back(l);
    }
    links = std::move(unique_links);

    // Mechanisms: this sentence's cues and its neighbours' in the paragraph.
    std::set<std::string> mech(r.mechanisms.begin(), r.mechanisms.end());
    if (i > 0 && sentences[i - 1].block == s.block) {
      mech.insert(sentences[i - 1].reading.mechanisms.begin(),
                  sentences[i - 1].reading.mechanisms.end());
    }
    if (i + 1 < sentences.size() && sentences[i + 1].block == s.block) {
      mech.insert(sentences[i + 1].reading.mechanisms.begin(),
                  sentences[i + 1].reading.mechanisms.end());
    }

    for (const ExtractedClaim& c : r.claims) {
      std::string id = kb::ClaimId(c.subject, c.relation, c.object);
      if (claim_index.count(id) == 0) {
        claim_index[id] = rec.claims.size();
        rec.claims.push_back({id, c.subject, c.relation, c.object, ClaimText(c.subject, c.relation, c.object)});
      }
      kb::Assertion a;
      a.claim_id = id;
      a.source_id = rec.source.id;
      a.sentence = s.text;
      a.span_begin = sa.span_begin;
      a.span_end = sa.span_end;
      a.stance = c.stance;
      a.hedged = c.hedged;
      a.attribution = attribution;
      a.attributed_to = attributed_to;
      a.mechanisms.assign(mech.begin(), mech.end());
      a.qualifiers = r.qualifiers;
      a.works = links;
      sa.assertions.push_back(rec.assertions.size());
      rec.assertions.push_back(std::move(a));
    }
    out->sentences.push_back(std::move(sa));
  }
  LinkBibliography(rec.works, linker_.reference_ids(), &rec);
  return kb::Status::OK();
}

kb::Status PipelineImpl::ParseQuestion(const std::string& text, Question* out) {
  *out = Question();
  SentenceReading r = extractor_.Read(text, "", "", true);
  out->concepts = r.concepts;
  // With no claim, the extractor lists the words it did not understand: the
  // question is unanswerable, never guessed at.
  out->unknown_terms = r.unknown_terms;
  bool any_denial = false;
  for (const ExtractedClaim& c : r.claims) {
    out->claims.push_back({kb::ClaimId(c.subject, c.relation, c.object), c.subject, c.relation,
                           c.object, ClaimText(c.subject, c.relation, c.object)});
    any_denial |= c.stance == kb::Stance::kDenies;
  }
  out->stance = any_denial ? kb::Stance::kDenies : kb::Stance::kAsserts;
  return kb::Status::OK();
}

std::vector<std::string> PipelineImpl::MatchConcepts(const std::string& text) {
  return extractor_.ConceptsIn(text);
}

}  // namespace

kb::Status Pipeline::Create(const kb::Lexicon* lexicon, std::unique_ptr<Pipeline>* out) {
  std::unique_ptr<Segmenter> seg;
  kb::Status s = Segmenter::Create(&seg);
  if (!s.ok()) return s;
  *out = std::make_unique<PipelineImpl>(lexicon, std::move(seg));
  return kb::Status::OK();
}

}  // namespace ingest
