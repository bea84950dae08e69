// Shared fixtures for the pipeline tests: the shipped lexicon, loaded once.
#ifndef EVKB_TESTS_PIPELINE_TEST_UTIL_H_
#define EVKB_TESTS_PIPELINE_TEST_UTIL_H_

#include <string>

#include "ingest/document.h"
#include "ingest/pipeline.h"
#include "kb/lexicon.h"

namespace evkb_test {

// The default lexicon (kb/data/lexicon.json), finished. Aborts the test run
// if it does not load: every pipeline test depends on it.
const kb::Lexicon& ShippedLexicon();

// A one-paragraph-per-blank-line plain-text Document of `text`.
ingest::Document TextDocument(const std::string& path, const std::string& text);

}  // namespace evkb_test

#endif  // EVKB_TESTS_PIPELINE_TEST_UTIL_H_
