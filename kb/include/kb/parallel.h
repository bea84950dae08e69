// Work shared out over threads, for the few places that spread independent
// jobs over the cores (an audit's matches, an ingest's closing compactions).
#ifndef EVKB_KB_PARALLEL_H_
#define EVKB_KB_PARALLEL_H_

#include <cstddef>
#include <functional>

namespace kb {

// Calls fn(worker, i) once for every i in [0, jobs): worker 0 on the
// calling thread, workers 1 to `workers` - 1 each on a thread of its own,
// each taking the next job not yet taken. Threads are optional: when one
// cannot be started, the workers already running take its jobs. Returns
// once every job is done.
void ForEachJob(size_t jobs, size_t workers, const std::function<void(size_t, size_t)>& fn);

}  // namespace kb

#endif  // EVKB_KB_PARALLEL_H_
