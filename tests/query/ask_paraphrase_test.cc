// Paraphrases of one question must get the same verdict. The knowledge base
// is the project's example corpus (examples/articles), ingested through the
// real pipeline into a real store.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "ingest/pipeline.h"
#include "ingest/reader.h"
#include "ingest/work_resolver.h"
#include "kb/lexicon.h"
#include "kb/store.h"
#include "query/judge.h"
#include "query/reports.h"
#include "test_paths.h"

namespace {

namespace fs = std::filesystem;

struct ExampleKb {
  ExampleKb() {
    path = (fs::temp_directory_path() / ("evkb-paraphrase-" + std::to_string(::getpid()))).string();
    fs::remove_all(path);
    REQUIRE(kb::LoadLexicon({}, &lexicon).ok());
    REQUIRE(ingest::Pipeline::Create(&lexicon, &pipeline).ok());
    {
      std::unique_ptr<kb::Store> writer;
      REQUIRE(kb::Store::Open(kb::StoreOptions(), path, &writer).ok());
      REQUIRE(writer->PutConcepts(lexicon.concepts).ok());
      ingest::ReadInput(
          evkb_test::SourceDir() + "/examples/articles", ingest::ReaderOptions(),
          [&](ingest::Document&& doc) {
            ingest::Analysis a;
            REQUIRE(pipeline->Analyze(doc, &a).ok());
            REQUIRE(ingest::ResolveWorks(writer.get(), &a.record).ok());
            kb::PutOutcome outcome;
            REQUIRE(writer->PutSource(a.record, &outcome).ok());
          },
          [](const ingest::ReadError& e) { FAIL(e.ToString()); });
    }
    kb::StoreOptions ro;
    ro.read_only = true;
    REQUIRE(kb::Store::Open(ro, path, &store).ok());
  }
  ~ExampleKb() {
    store.reset();
    fs::remove_all(path);
  }
  std::string path;
  kb::Lexicon lexicon;
  std::unique_ptr<ingest::Pipeline> pipeline;
  std::unique_ptr<kb::Store> store;
};

TEST_CASE("Ask: paraphrases of a question get the same verdict", "[query][paraphrase]") {
  ExampleKb kb;
  query::Judge judge(kb.store.get(), &kb.lexicon);
  struct Group {
    std::set<kb::Verdict> verdicts;
    std::vector<const char*> questions;
  } groups[] = {
      {{kb::Verdict::kSupported},
       {"Does foam rolling improve range of motion?", "Is foam rolling good for flexibility?",
        "Can rolling out increase joint range of movement?", "Will a foam roller make me more flexible?"}},
      {{kb::Verdict::kSupported},
       {"Does foam rolling reduce DOMS?", "Does rolling out help with muscle soreness?",
        "Can a foam roller prevent sore muscles after a hard session?",
        "Is it true that self-myofascial release eases delayed onset muscle soreness?"}},
      {{kb::Verdict::kRefuted, kb::Verdict::kDisputed},
       {"Does foam rolling break up scar tissue?", "Is it true that foam rolling breaks down scar tissue?",
        "Can self-myofascial release dissolve adhesions?",
        "Does a roller massager release myofascial restrictions?"}},
      {{kb::Verdict::kRefuted, kb::Verdict::kDisputed},
       {"Can foam rolling lengthen the IT band?", "Can you lengthen your IT band with a foam roller?",
        "Does rolling the iliotibial band stretch it out?"}},
      {{kb::Verdict::kRefuted}, {"Is the IT band a muscle?", "Is the iliotibial band a muscle?"}},
      {{kb::Verdict::kUnknown},
       {"Does foam rolling cure diabetes?", "Does foam rolling improve your credit score?"}},
  };
  for (const Group& g : groups) {
    for (const char* q : g.questions) {
      query::AskReport report;
      REQUIRE(query::BuildAskReport(kb.pipeline.get(), &judge, q, &report).ok());
      INFO(q << " -> " << kb::VerdictName(report.verdict));
      CHECK(g.verdicts.count(report.verdict) == 1);
    }
  }
}

}  // namespace
