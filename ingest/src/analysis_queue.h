// Analyses documents on worker threads and hands the results, in input
// order, to a writer thread of their own, so that the single writer sees
// articles in the order they were read and resolution of works stays
// deterministic.
//
// The writer sets an ingest's pace: resolving works and writing the store
// take it about twice as long per article as analysing does, and it cannot
// be shared out. So it never stops to analyse, and the workers never stop
// to write (before, whichever worker finished the oldest item wrote it and
// analysed nothing meanwhile).
#ifndef EVKB_INGEST_ANALYSIS_QUEUE_H_
#define EVKB_INGEST_ANALYSIS_QUEUE_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "ingest/pipeline.h"
#include "ingest/reader.h"
#include "kb/lexicon.h"

namespace ingest {

struct AnalysedItem {
  bool rejected = false;  // a read error: `error` is set, nothing analysed
  ReadError error;
  Document doc;
  Analysis analysis;
  kb::Status status;  // of the analysis
};

class AnalysisQueue {
 public:
  using Consumer = std::function<void(AnalysedItem&&)>;

  // `consume` is called for every item in push order, on the writer
  // thread (so never twice at once).
  AnalysisQueue(const kb::Lexicon* lexicon, unsigned threads, Consumer consume);
  ~AnalysisQueue();

  // Creates the workers' pipelines and starts them.
  kb::Status Start();
  // Queues a document (blocks while too many wait) or a read error.
  void PushDocument(Document&& doc);
  void PushError(const ReadError& error);
  // Waits until every item has been consumed and stops the threads.
  void Finish();

 private:
  struct Slot {
    AnalysedItem item;
    bool claimed = false;
    bool done = false;
  };
  void Work(Pipeline* pipeline);
  void Write();
  void Push(std::unique_ptr<Slot> slot);

  const kb::Lexicon* lexicon_;
  unsigned threads_;
  Consumer consume_;
  std::vector<std::unique_ptr<Pipeline>> pipelines_;
  std::vector<std::thread> workers_;
  std::thread writer_;
  std::mutex mu_;
  std::condition_variable queued_;   // a document to analyse, or stopping
  std::condition_variable written_;  // the front item is analysed, or stopping
  std::condition_variable space_;    // a slot is free
  std::condition_variable idle_;     // nothing queued, nothing being written
  std::deque<std::unique_ptr<Slot>> slots_;
  bool writing_ = false;
  bool stopping_ = false;
};

}  // namespace ingest

#endif  // EVKB_INGEST_ANALYSIS_QUEUE_H_
