// Tests for query/src/audit.cc against a real store, lexicon, pipeline and
// judge: a small KB built from hand-made source records in a temp dir.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "ingest/pipeline.h"
#include "ingest/reader.h"
#include "kb/lexicon.h"
#include "kb/store.h"
#include "query/audit.h"
#include "query/judge.h"

namespace query {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir()
      : path_(fs::temp_directory_path() /
              ("evkb-audit-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  std::string path() const { return path_.string(); }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

kb::Work MakeWork(const std::string& family, int year, const std::string& title,
                  const std::string& type, int level) {
  kb::Work w;
  w.authors = {{family, "A."}};
  w.et_al = true;
  w.year = year;
  w.title = title;
  w.container = "Journal of Test Studies";
  w.type = type;
  w.level = level;
  w.id = kb::WorkId(w);
  w.label = family + " et al. " + std::to_string(year);
  return w;
}

// Adds `claim` to the record (once) and an assertion of it.
void Assert(kb::SourceRecord* rec, const std::string& s, const std::string& r, const std::string& o,
            const std::string& text, kb::Stance stance, const std::string& sentence,
            const kb::Work* work, std::vector<std::string> qualifiers = {}) {
  kb::Claim c{kb::ClaimId(s, r, o), s, r, o, text};
  bool have = false;
  for (const kb::Claim& existing : rec->claims) have = have || existing.id == c.id;
  if (!have) rec->claims.push_back(c);
  kb::Assertion a;
  a.claim_id = c.id;
  a.source_id = rec->source.id;
  a.sentence = sentence;
  a.span_begin = static_cast<uint32_t>(rec->assertions.size() * 100);
  a.span_end = a.span_begin + static_cast<uint32_t>(sentence.size());
  a.stance = stance;
  a.attribution = work ? kb::Attribution::kStudy : kb::Attribution::kAuthor;
  a.qualifiers = std::move(qualifiers);
  if (work) a.works.push_back({work->id, kb::LinkKind::kDirect});
  rec->assertions.push_back(a);
}

kb::SourceRecord ReviewArticle() {
  kb::SourceRecord rec;
  rec.source.path = "kb/010_review.txt";
  rec.source.title = "What rolling can and cannot do";
  rec.source.kind = "txt";
  rec.source.id = kb::ContentId("review article body");
  const kb::Work review = MakeWork("Fields", 2019, "A systematic review of foam rolling and fascia",
                                   "systematic_review", 1);
  const kb::Work trial =
      MakeWork("Marsh", 2016, "A randomised trial of foam rolling after exercise", "rct", 2);
  rec.works = {review, trial};
  Assert(&rec, "foam_rolling", "breaks_down", "scar_tissue", "foam rolling breaks down scar tissue",
         kb::Stance::kDenies,
         "A systematic review found no evidence that foam rolling breaks down scar tissue.",
         &review);
  Assert(&rec, "foam_rolling", "reduces", "doms",
         "foam rolling reduces delayed onset muscle soreness", kb::Stance::kAsserts,
         "A randomised trial found that foam rolling reduces muscle soreness.", &trial);
  Assert(&rec, "foam_rolling", "improves", "range_of_motion",
         "foam rolling improves range of motion", kb::Stance::kAsserts,
         "The review found foam rolling improves range of motion in the short term.", &review,
         {"short_term"});
  return rec;
}

kb::SourceRecord BlogArticle() {
  kb::SourceRecord rec;
  rec.source.path = "kb/011_blog.txt";
  rec.source.title = "Roll it out";
  rec.source.kind = "txt";
  rec.source.id = kb::ContentId("blog article body");
  Assert(&rec, "foam_rolling", "breaks_down", "scar_tissue", "foam rolling breaks down scar tissue",
         kb::Stance::kAsserts, "Foam rolling breaks down scar tissue.", nullptr);
  return rec;
}

struct Fixture {
  TempDir dir;
  kb::Lexicon lexicon;
  std::unique_ptr<kb::Store> store;
  std::unique_ptr<ingest::Pipeline> pipeline;

  Fixture() {
    REQUIRE(kb::LoadLexicon({}, &lexicon).ok());
    kb::Status s = kb::Store::Open(kb::StoreOptions(), dir.path() + "/db", &store);
    REQUIRE(s.ok());
    REQUIRE(store->PutConcepts(lexicon.concepts).ok());
    kb::PutOutcome outcome;
    REQUIRE(store->PutSource(ReviewArticle(), &outcome).ok());
    REQUIRE(store->PutSource(BlogArticle(), &outcome).ok());
    REQUIRE(ingest::Pipeline::Create(&lexicon, &pipeline).ok());
  }

  // Audits `text` on `threads` threads (the caller's and threads - 1 helpers).
  AuditReport Audit(const std::string& text, size_t threads = 1) {
    ingest::Document doc;
    kb::Status s = ingest::ParseText(text, "draft.txt", &doc);
    REQUIRE(s.ok());
    Judge judge(store.get(), &lexicon);
    std::vector<std::unique_ptr<Judge>> helpers;
    AuditOptions options;
    options.lexicon = &lexicon;
    for (size_t t = 1; t < threads; ++t) {
      helpers.push_back(std::make_unique<Judge>(store.get(), &lexicon));
      options.helpers.push_back(helpers.back().get());
    }
    AuditReport report;
    s = AuditDocument(pipeline.get(), &judge, doc, options, &report);
    INFO(s.ToString());
    REQUIRE(s.ok());
    return report;
  }
};

const Finding* FindingFor(const AuditReport& r, const std::string& needle) {
  for (const Finding& f : r.findings) {
    if (f.sentence.find(needle) != std::string::npos) return &f;
  }
  return nullptr;
}

TEST_CASE("AuditDocument: judges each sentence of an article against the KB", "[audit]") {
  Fixture fx;
  const AuditReport r = fx.Audit(
      "Foam rolling breaks down scar tissue in your legs.\n\n"
      "Foam rolling reduces muscle soreness after a hard run.\n\n"
      "Place the roller under your calves and roll slowly.\n");

  const Finding* myth = FindingFor(r, "scar tissue");
  REQUIRE(myth != nullptr);
  CHECK(myth->kind == FindingKind::kMyth);
  CHECK(myth->has_claim);
  REQUIRE_FALSE(myth->evidence.empty());
  CHECK(myth->evidence.front().assertion.stance == kb::Stance::kDenies);  // the deciding side leads
  CHECK(myth->correction.find("010_review.txt") != std::string::npos);

  const Finding* consistent = FindingFor(r, "soreness");
  REQUIRE(consistent != nullptr);
  CHECK(consistent->kind == FindingKind::kConsistent);
  CHECK(consistent->correction.empty());

  CHECK(FindingFor(r, "Place the roller") == nullptr);
  CHECK(r.Count(FindingKind::kMyth) == 1);
  CHECK(r.Count(FindingKind::kConsistent) == 1);
  CHECK(r.document.path == "draft.txt");
}

TEST_CASE("AuditDocument: a lasting claim from short-term evidence is an overreach", "[audit]") {
  Fixture fx;
  const AuditReport r = fx.Audit("Foam rolling permanently improves your range of motion.\n");
  const Finding* f = FindingFor(r, "range of motion");
  REQUIRE(f != nullptr);
  CHECK(Severity(f->kind) >= Severity(FindingKind::kContested));
  CHECK(f->note == "overreach: evidence is short-term");
}

TEST_CASE("AuditDocument: a claim the KB has never seen is unsupported", "[audit]") {
  Fixture fx;
  const AuditReport r = fx.Audit("Foam rolling improves sprint speed.\n");
  const Finding* f = FindingFor(r, "sprint");
  REQUIRE(f != nullptr);
  CHECK(f->kind == FindingKind::kUnsupported);
  CHECK(AuditExitCode(r, FailOn::kUnsupported) == 1);
  CHECK(AuditExitCode(r, FailOn::kContested) == 0);
}


// A source whose one sentence denies both "breaks down scar tissue" and the
// narrower "breaks down adhesions" (with `both`), or only the narrower one.
kb::SourceRecord Denial(const std::string& name, bool both) {
  kb::SourceRecord rec;
  rec.source.path = "kb/" + name + ".txt";
  rec.source.title = name;
  rec.source.kind = "txt";
  rec.source.id = kb::ContentId(name);
  const std::string sentence = "Rolling breaks down neither scar tissue nor adhesions.";
  if (both) {
    Assert(&rec, "foam_rolling", "breaks_down", "scar_tissue",
           "foam rolling breaks down scar tissue", kb::Stance::kDenies, sentence, nullptr);
  }
  Assert(&rec, "foam_rolling", "breaks_down", "adhesions", "foam rolling breaks down adhesions",
         kb::Stance::kDenies, sentence, nullptr);
  for (kb::Assertion& a : rec.assertions) {  // one sentence, one span
    a.span_begin = 0;
    a.span_end = static_cast<uint32_t>(sentence.size());
  }
  return rec;
}

TEST_CASE("AuditDocument: a statement listed twice does not crowd out the evidence shown",
          "[audit]") {
  Fixture fx;
  kb::PutOutcome outcome;
  // The match's denials, strongest first: the review's, 020_both's own, then
  // the narrower ones by path (020_both's again, then the 03x ones).
  REQUIRE(fx.store->PutSource(Denial("020_both", true), &outcome).ok());
  for (int n = 0; n < 4; ++n) {
    REQUIRE(fx.store->PutSource(Denial("03" + std::to_string(n) + "_narrower", false), &outcome)
                .ok());
  }
  const AuditReport r = fx.Audit("Foam rolling breaks down scar tissue.\n");
  const Finding* f = FindingFor(r, "scar tissue");
  REQUIRE(f != nullptr);
  REQUIRE(f->kind == FindingKind::kMyth);

  // The finding leads with the first three distinct statements of the full listing.
  Judge judge(fx.store.get(), &fx.lexicon);
  std::vector<Judgement> full;
  REQUIRE(judge.Match(f->claim, 1, &full).ok());
  REQUIRE(full.size() == 1);
  std::vector<const Evidence*> distinct;
  bool repeated = false;
  for (const Evidence& e : full[0].against_evidence) {
    bool seen = false;
    for (const Evidence* d : distinct) {
      seen = seen || (d->source.id == e.source.id && d->assertion.span_begin == e.assertion.span_begin);
    }
    repeated = repeated || (seen && distinct.size() < 3);
    if (!seen && distinct.size() < 3) distinct.push_back(&e);
  }
  REQUIRE(repeated);  // the case under test: a repeat among the first items
  REQUIRE(distinct.size() == 3);
  REQUIRE(f->evidence.size() >= 3);
  for (size_t i = 0; i < 3; ++i) {
    INFO(i);
    CHECK(f->evidence[i].source.id == distinct[i]->source.id);
  }
}

TEST_CASE("AuditDocument: helper threads give the same findings", "[audit]") {
  Fixture fx;
  kb::PutOutcome outcome;
  REQUIRE(fx.store->PutSource(Denial("020_both", true), &outcome).ok());
  const std::string article =
      "Foam rolling breaks down scar tissue.\n\n"
      "Foam rolling reduces muscle soreness.\n\n"
      "Foam rolling improves range of motion.\n\n"
      "Foam rolling improves flexibility.\n\n"
      "Foam rolling improves circulation.\n\n"
      "Foam rolling prevents injuries.\n\n"
      "Foam rolling improves performance.\n\n"
      "Stretching reduces the risk of injury.\n\n"
      "Massage improves recovery.\n\n"
      "Static stretching reduces performance.\n\n"
      "Foam rolling lengthens the IT band.\n\n"
      "Foam rolling flushes out lactic acid.\n";
  const AuditReport one = fx.Audit(article);
  // Enough different claims that every helper below gets some to judge.
  std::set<std::string> claims;
  for (const Finding& f : one.findings) {
    if (f.has_claim) claims.insert(f.claim.id);
  }
  REQUIRE(claims.size() >= 3 * kMinClaimsPerAuditThread);
  CHECK(one.Count(FindingKind::kMyth) >= 1);
  for (size_t threads : {2, 3}) {
    CAPTURE(threads);
    const AuditReport many = fx.Audit(article, threads);
    CHECK(RenderAuditJson(many) == RenderAuditJson(one));
  }
}

}  // namespace
}  // namespace query
