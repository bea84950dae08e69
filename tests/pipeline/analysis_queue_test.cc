// AnalysisQueue: every item reaches the writer once, in push order, on one
// thread of its own, with no more in flight than the queue bounds.
#include "analysis_queue.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "pipeline_test_util.h"

namespace {

// Articles of different lengths, so that workers finish out of order.
std::string ArticleText(int i) {
  std::string text = "Foam rolling reduces muscle soreness after exercise (Pearcey 2015).";
  for (int k = 0; k < (i * 7) % 13; ++k) {
    text += "\n\nStatic stretching before running does not prevent injuries.";
  }
  return text;
}

struct Seen {
  std::mutex mu;
  std::vector<std::string> paths;
  std::vector<bool> rejected;
  std::set<std::thread::id> threads;
  std::vector<size_t> claims;
};

}  // namespace

TEST_CASE("AnalysisQueue hands every item to one writer thread in push order") {
  const unsigned threads = 3;
  const int n = 60;
  Seen seen;
  std::atomic<int> inside{0};
  std::atomic<bool> overlapped{false};
  ingest::AnalysisQueue queue(
      &evkb_test::ShippedLexicon(), threads, [&](ingest::AnalysedItem&& item) {
        if (inside.fetch_add(1) != 0) overlapped = true;
        {
          std::lock_guard<std::mutex> lock(seen.mu);
          seen.paths.push_back(item.rejected ? item.error.path : item.doc.path);
          seen.rejected.push_back(item.rejected);
          seen.threads.insert(std::this_thread::get_id());
          seen.claims.push_back(item.rejected ? 0 : item.analysis.record.claims.size());
        }
        // A slow writer: the workers get ahead and finish out of order.
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        inside.fetch_sub(1);
      });
  REQUIRE(queue.Start().ok());
  std::vector<std::string> pushed;
  for (int i = 0; i < n; ++i) {
    const std::string path = "a" + std::to_string(i) + ".txt";
    pushed.push_back(path);
    if (i % 10 == 9) {
      queue.PushError(ingest::ReadError{path, 1, 0, "unreadable"});
    } else {
      queue.PushDocument(evkb_test::TextDocument(path, ArticleText(i)));
    }
  }
  queue.Finish();

  CHECK(seen.paths == pushed);
  CHECK_FALSE(overlapped);
  // The writer is neither the pushing thread nor any worker: one thread.
  REQUIRE(seen.threads.size() == 1);
  CHECK(*seen.threads.begin() != std::this_thread::get_id());
  for (int i = 0; i < n; ++i) {
    INFO(pushed[i]);
    CHECK(seen.rejected[i] == (i % 10 == 9));
    if (!seen.rejected[i]) CHECK(seen.claims[i] > 0);  // analysed before it was written
  }
}

TEST_CASE("AnalysisQueue bounds the items between the reader and the writer") {
  const unsigned threads = 2;
  std::atomic<int> pushed{0};
  int consumed = 0;
  int most_ahead = 0;
  ingest::AnalysisQueue queue(&evkb_test::ShippedLexicon(), threads, [&](ingest::AnalysedItem&&) {
    ++consumed;
    most_ahead = std::max(most_ahead, pushed.load() - consumed);
    std::this_thread::sleep_for(std::chrono::microseconds(300));
  });
  REQUIRE(queue.Start().ok());
  for (int i = 0; i < 80; ++i) {
    queue.PushDocument(evkb_test::TextDocument("b" + std::to_string(i) + ".txt", ArticleText(i)));
    pushed.fetch_add(1);
  }
  queue.Finish();
  CHECK(consumed == 80);
  // Four slots per worker, and the one being written.
  CHECK(most_ahead <= 4 * static_cast<int>(threads));
  CHECK(most_ahead > 0);  // the reader did get ahead of a slow writer
}

TEST_CASE("AnalysisQueue finishes with nothing pushed, and twice") {
  int consumed = 0;
  ingest::AnalysisQueue queue(&evkb_test::ShippedLexicon(), 2,
                              [&](ingest::AnalysedItem&&) { ++consumed; });
  REQUIRE(queue.Start().ok());
  queue.Finish();
  queue.Finish();
  CHECK(consumed == 0);
}
