// Each seed article (../shared/seeds, present in CI) reads into sane blocks.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "ingest/normalizer.h"
#include "ingest/reader.h"
#include "ingest/segmenter.h"
#include "test_paths.h"

TEST_CASE("Reader: seed articles", "[ingest][seeds]") {
  if (!evkb_test::HaveShared("seeds")) {
    WARN("../shared/seeds absent; skipped");
    return;
  }
  std::unique_ptr<ingest::Segmenter> segmenter;
  REQUIRE(ingest::Segmenter::Create(&segmenter).ok());
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(evkb_test::SharedDir() + "/seeds")) {
    if (!entry.is_regular_file()) continue;
    const std::string path = entry.path().string();
    INFO("seed: " << path);
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string bytes = ss.str();
    ingest::Document doc;
    kb::Status s = ingest::ParseByName(bytes, path, &doc);
    REQUIRE(s.ok());
    ++files;
    CHECK(doc.blocks.size() >= 5);
    CHECK(doc.blocks.size() <= bytes.size() / 20);
    size_t sentences = 0;
    for (const ingest::Block& b : doc.blocks) {
      CHECK_FALSE(b.text.empty());
      REQUIRE(b.offsets.size() == b.text.size() + 1);
      CHECK(b.offsets.back() <= doc.raw.size());
      ingest::Normalized n = ingest::Normalize(b.text, b.offsets);
      for (const ingest::SentenceSpan& span : segmenter->Split(n.text)) {
        CHECK(span.begin < span.end);
        ++sentences;
      }
    }
    CHECK(sentences >= doc.blocks.size());
  }
  CHECK(files > 0);
}
