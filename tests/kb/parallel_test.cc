#include "kb/parallel.h"

#include <catch2/catch.hpp>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

TEST_CASE("ForEachJob: every job once, worker 0 on the calling thread", "[kb]") {
  for (size_t workers : {1, 2, 4, 64}) {
    for (size_t jobs : {0, 1, 3, 100}) {
      CAPTURE(workers, jobs);
      std::vector<int> done(jobs, 0);
      std::mutex mu;
      std::set<size_t> used;
      bool worker0_here = true;
      const std::thread::id caller = std::this_thread::get_id();
      kb::ForEachJob(jobs, workers, [&](size_t worker, size_t i) {
        std::lock_guard<std::mutex> lock(mu);
        done[i] += 1;
        used.insert(worker);
        if (worker == 0 && std::this_thread::get_id() != caller) worker0_here = false;
      });
      CHECK(done == std::vector<int>(jobs, 1));
      CHECK(worker0_here);
      for (size_t w : used) CHECK(w < std::min(workers, jobs));
    }
  }
}
