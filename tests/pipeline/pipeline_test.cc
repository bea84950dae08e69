#include <catch2/catch.hpp>

#include "ingest/pipeline.h"
#include "pipeline_test_util.h"

namespace {

// A short article in the project's own words, with a Harvard reference list.
const char kArticle[] =
    "Rolling before a run\n"
    "\n"
    "Smith and Jones (2016) found that foam rolling improves range of motion for a short while. "
    "They also found that rolling reduces muscle soreness after hard intervals.\n"
    "\n"
    "A 2018 meta-analysis in the Journal of Sports Sciences found no evidence that rolling "
    "breaks down scar tissue.\n"
    "\n"
    "Place the roller under your thigh and roll slowly.\n"
    "\n"
    "It may also improve circulation.\n"
    "\n"
    "References\n"
    "\n"
    "Smith, A. and Jones, B. (2016) Acute effects of foam rolling on range of motion and "
    "muscle soreness: a randomised controlled trial. Journal of Sport Science, 12(3), 45-52.\n";

TEST_CASE("Pipeline: claims, works, mentions and links of one article", "[pipeline]") {
  std::unique_ptr<ingest::Pipeline> p;
  REQUIRE(ingest::Pipeline::Create(&evkb_test::ShippedLexicon(), &p).ok());
  ingest::Document doc = evkb_test::TextDocument("rolling.txt", kArticle);
  ingest::Analysis a;
  REQUIRE(p->Analyze(doc, &a).ok());
  const kb::SourceRecord& r = a.record;
  CHECK(a.topic == "foam_rolling");
  CHECK(r.source.id == kb::ContentId(doc.raw));

  // The reference entry became an RCT work; the in-text mention links to it.
  const kb::Work* smith = nullptr;
  for (const kb::Work& w : r.works) {
    if (!w.authors.empty() && w.authors[0].family == "Smith") smith = &w;
  }
  REQUIRE(smith != nullptr);
  CHECK(smith->year == 2016);
  CHECK(smith->type == "rct");
  bool mention_linked = false;
  for (const kb::Mention& m : r.mentions) mention_linked |= m.work_id == smith->id;
  CHECK(mention_linked);

  auto find = [&](const std::string& object) -> const kb::Assertion* {
    for (const kb::Assertion& as : r.assertions) {
      for (const kb::Claim& c : r.claims) {
        if (c.id == as.claim_id && c.object == object) return &as;
      }
    }
    return nullptr;
  };
  const kb::Assertion* rom = find("range_of_motion");
  REQUIRE(rom != nullptr);
  REQUIRE(rom->works.size() == 1);
  CHECK(rom->works[0].work_id == smith->id);
  CHECK(rom->works[0].kind == kb::LinkKind::kDirect);
  CHECK(rom->attribution == kb::Attribution::kStudy);

  // "They also found..." carries the works of the sentence before.
  const kb::Assertion* doms = find("doms");
  REQUIRE(doms != nullptr);
  REQUIRE_FALSE(doms->works.empty());
  CHECK(doms->works[0].kind == kb::LinkKind::kContext);

  // A descriptive mention is a work of its own, and the denial cites it.
  const kb::Assertion* scar = find("scar_tissue");
  REQUIRE(scar != nullptr);
  CHECK(scar->stance == kb::Stance::kDenies);
  REQUIRE(scar->works.size() == 1);
  const kb::Work* meta = nullptr;
  for (const kb::Work& w : r.works) {
    if (w.id == scar->works[0].work_id) meta = &w;
  }
  REQUIRE(meta != nullptr);
  CHECK(meta->type == "meta_analysis");
  CHECK(meta->year == 2018);
  CHECK_FALSE(meta->resolved);

  // The hedged pronoun sentence: the topic, hedged, and a bibliography-level
  // link only if the entry's title covers circulation (it does not).
  const kb::Assertion* circ = find("circulation");
  REQUIRE(circ != nullptr);
  CHECK(circ->hedged);
  CHECK(circ->works.empty());

  // Spans point into the original bytes.
  std::string_view raw = doc.raw;
  for (const kb::Assertion& as : r.assertions) {
    INFO(as.sentence);
    REQUIRE(as.span_end <= raw.size());
    CHECK(raw.substr(as.span_begin, 5) == std::string_view(as.sentence).substr(0, 5));
  }
  // The instruction is read but claims nothing.
  bool saw_instruction = false;
  for (const ingest::SentenceAnalysis& s : a.sentences) {
    if (s.text.rfind("Place the roller", 0) == 0) {
      saw_instruction = true;
      CHECK(s.instruction);
      CHECK(s.assertions.empty());
    }
  }
  CHECK(saw_instruction);
}

TEST_CASE("Pipeline: bibliography-level links where the text cites nothing", "[pipeline]") {
  std::unique_ptr<ingest::Pipeline> p;
  REQUIRE(ingest::Pipeline::Create(&evkb_test::ShippedLexicon(), &p).ok());
  ingest::Document doc = evkb_test::TextDocument(
      "bib.txt",
      "Why I roll\n\nFoam rolling improves flexibility before a run.\n\nReferences\n\n"
      "Cheatham, S.W., Kolber, M.J., Cain, M. and Lee, M. (2015) The effects of self-myofascial "
      "release using a foam roll or roller massager on joint range of motion, muscle recovery and "
      "performance: a systematic review. The International Journal of Sports Physical Therapy, "
      "10(6), p 827.\n");
  ingest::Analysis a;
  REQUIRE(p->Analyze(doc, &a).ok());
  REQUIRE(a.record.assertions.size() >= 1);
  const kb::Assertion& as = a.record.assertions[0];
  REQUIRE(as.works.size() == 1);
  CHECK(as.works[0].kind == kb::LinkKind::kBibliography);
}

}  // namespace
