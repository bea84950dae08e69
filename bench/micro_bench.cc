// Micro-benchmarks, one per pipeline stage, on generated articles (corpus.h)
// and the shipped examples. Run: build/bench/evkb-bench-micro
// [--benchmark_filter=...]. bytes_per_second is over the stage's input.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "citations/mention_finder.h"
#include "citations/reference_parser.h"
#include "corpus.h"
#include "ingest/normalizer.h"
#include "ingest/pipeline.h"
#include "ingest/reader.h"
#include "ingest/segmenter.h"
#include "kb/lexicon.h"
#include "kb/verdict.h"

namespace {

struct Fixture {
  kb::Lexicon lexicon;
  std::unique_ptr<ingest::Pipeline> pipeline;
  ingest::Document article;   // a generated Markdown article, ~6 KB
  ingest::Document example;   // examples/articles/foam-rolling-myths.md
  std::string article_text;   // article's blocks joined by blank lines
  std::string paragraph;      // its longest paragraph
  std::vector<std::string> references;
  std::vector<std::string> sentences;  // claim-bearing sentences of the article
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const Fixture& F() {
  static Fixture* f = [] {
    auto* fx = new Fixture;
    if (!kb::LoadLexicon({}, &fx->lexicon).ok() ||
        !ingest::Pipeline::Create(&fx->lexicon, &fx->pipeline).ok()) {
      std::fprintf(stderr, "evkb-bench-micro: cannot load the lexicon\n");
      std::exit(1);
    }
    evkb_bench::CorpusGenerator gen(fx->lexicon, 1);
    evkb_bench::Article a = gen.Make(7, evkb_bench::ArticleFormat::kMarkdown, 6000);
    (void)ingest::ParseMarkdown(a.body, a.file_name, &fx->article);
    std::string ex = ReadFile(EVKB_SOURCE_DIR "/examples/articles/foam-rolling-myths.md");
    (void)ingest::ParseMarkdown(ex, "foam-rolling-myths.md", &fx->example);
    for (const ingest::Block& b : fx->article.blocks) {
      if (!fx->article_text.empty()) fx->article_text += "\n\n";
      fx->article_text += b.text;
      if (b.kind == ingest::BlockKind::kParagraph && b.text.size() > fx->paragraph.size())
        fx->paragraph = b.text;
    }
    // References in four styles, from several generated articles' lists.
    for (uint64_t i = 0; i < 40 && fx->references.size() < 200; ++i) {
      ingest::Document d;
      evkb_bench::Article g = gen.Make(i, evkb_bench::ArticleFormat::kText, 0);
      (void)ingest::ParseText(g.body, g.file_name, &d);
      std::vector<std::string_view> paras;
      for (const ingest::Block& b : d.blocks) paras.push_back(b.text);
      for (size_t k : citations::FindReferenceSection(paras)) fx->references.push_back(d.blocks[k].text);
    }
    ingest::Analysis an;
    (void)fx->pipeline->Analyze(fx->article, &an);
    for (const ingest::SentenceAnalysis& s : an.sentences)
      if (!s.in_references && !s.instruction) fx->sentences.push_back(s.text);
    return fx;
  }();
  return *f;
}

std::vector<uint32_t> Identity(size_t n) {
  std::vector<uint32_t> o(n + 1);
  for (size_t i = 0; i <= n; ++i) o[i] = static_cast<uint32_t>(i);
  return o;
}

void BM_Normalize(benchmark::State& state) {
  const std::string& text = state.range(0) ? F().article_text : F().paragraph;
  std::vector<uint32_t> offsets = Identity(text.size());
  for (auto _ : state) benchmark::DoNotOptimize(ingest::Normalize(text, offsets));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Normalize)->Arg(0)->Arg(1)->ArgNames({"article"});

void BM_Segment(benchmark::State& state) {
  std::unique_ptr<ingest::Segmenter> seg;
  if (!ingest::Segmenter::Create(&seg).ok()) return state.SkipWithError("no segmenter");
  const std::string& text = state.range(0) ? F().article_text : F().paragraph;
  for (auto _ : state) benchmark::DoNotOptimize(seg->Split(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Segment)->Arg(0)->Arg(1)->ArgNames({"article"});

// Concept matching and claim extraction run inside Analyze, with everything
// else one article needs (normalise, segment, citations).
void BM_AnalyzeArticle(benchmark::State& state) {
  const ingest::Document& doc = state.range(0) ? F().example : F().article;
  for (auto _ : state) {
    ingest::Analysis an;
    benchmark::DoNotOptimize(F().pipeline->Analyze(doc, &an).ok());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.raw.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_AnalyzeArticle)->Arg(0)->Arg(1)->ArgNames({"example"})->Unit(benchmark::kMicrosecond);

void BM_ParseArticleMarkdown(benchmark::State& state) {
  const std::string& raw = F().article.raw;
  for (auto _ : state) {
    ingest::Document d;
    benchmark::DoNotOptimize(ingest::ParseMarkdown(raw, "a.md", &d).ok());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * raw.size()));
}
BENCHMARK(BM_ParseArticleMarkdown);

void BM_ParseQuestion(benchmark::State& state) {
  static const std::vector<std::string> kQuestions = {
      "Does foam rolling break up scar tissue?", "Can rolling lengthen the IT band?",
      "Is it true that stretching before running prevents injury?",
      "Does massage reduce DOMS?", "Doesn't a foam roller improve range of motion?"};
  size_t i = 0;
  for (auto _ : state) {
    ingest::Pipeline::Question q;
    benchmark::DoNotOptimize(F().pipeline->ParseQuestion(kQuestions[i++ % kQuestions.size()], &q).ok());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_ParseQuestion)->Unit(benchmark::kMicrosecond);

void BM_ParseReference(benchmark::State& state) {
  const auto& refs = F().references;
  if (refs.empty()) return state.SkipWithError("no references generated");
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& r = refs[i++ % refs.size()];
    bytes += r.size();
    benchmark::DoNotOptimize(citations::ParseReference(r));
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_ParseReference)->Unit(benchmark::kMicrosecond);

void BM_FindMentions(benchmark::State& state) {
  std::vector<citations::StudyTypeCue> cues;
  for (const kb::StudyTypeDef& st : F().lexicon.study_types) cues.push_back({st.type, st.level, st.cues});
  citations::MentionFinder finder(cues);
  const auto& sents = F().sentences;
  if (sents.empty()) return state.SkipWithError("no sentences");
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& s = sents[i++ % sents.size()];
    bytes += s.size();
    benchmark::DoNotOptimize(finder.Find(s));
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_FindMentions);

void BM_CombineEvidence(benchmark::State& state) {
  std::vector<kb::WeighedStance> items;
  for (int64_t i = 0; i < state.range(0); ++i)
    items.push_back({i % 3 == 0 ? kb::Stance::kDenies : kb::Stance::kAsserts,
                     0.1 + 0.8 * static_cast<double>((i * 37) % 100) / 100.0, i % 2 == 0});
  for (auto _ : state) benchmark::DoNotOptimize(kb::CombineEvidence(items));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * state.range(0)));
}
BENCHMARK(BM_CombineEvidence)->Arg(4)->Arg(64)->Arg(4096);

void BM_WeighAssertion(benchmark::State& state) {
  kb::Assertion a;
  a.hedged = true;
  a.works = {{"w1", kb::LinkKind::kDirect}, {"w2", kb::LinkKind::kContext}};
  kb::Work w1, w2;
  w1.id = "w1";
  w1.level = 2;
  w2.id = "w2";
  w2.level = 1;
  std::vector<kb::Work> works = {w1, w2};
  for (auto _ : state) benchmark::DoNotOptimize(kb::WeighAssertion(a, works));
}
BENCHMARK(BM_WeighAssertion);

}  // namespace

BENCHMARK_MAIN();
