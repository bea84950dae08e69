#include "kb/parallel.h"

#include <atomic>
#include <system_error>
#include <thread>
#include <vector>

namespace kb {

void ForEachJob(size_t jobs, size_t workers, const std::function<void(size_t, size_t)>& fn) {
  std::atomic<size_t> next{0};
  auto work = [&](size_t worker) {
    for (size_t i = next++; i < jobs; i = next++) fn(worker, i);
  };
  std::vector<std::thread> threads;
  for (size_t w = 1; w < workers && w < jobs; ++w) {
    try {
      threads.emplace_back(work, w);
    } catch (const std::system_error&) {
      break;  // no more threads to be had: the others take the jobs
    }
  }
  work(0);
  for (std::thread& t : threads) t.join();
}

}  // namespace kb
