#include "analysis_queue.h"

namespace ingest {
namespace {

// Documents waiting, in analysis or analysed and waiting for the writer,
// per worker: enough to keep every worker busy while the writer stores,
// few enough to bound memory.
constexpr size_t kSlotsPerWorker = 4;

}  // namespace

AnalysisQueue::AnalysisQueue(const kb::Lexicon* lexicon, unsigned threads, Consumer consume)
    : lexicon_(lexicon), threads_(threads == 0 ? 1 : threads), consume_(std::move(consume)) {}

AnalysisQueue::~AnalysisQueue() { Finish(); }

kb::Status AnalysisQueue::Start() {
  for (unsigned i = 0; i < threads_; ++i) {
    std::unique_ptr<Pipeline> p;
    kb::Status s = Pipeline::Create(lexicon_, &p);
    if (!s.ok()) return s;
    pipelines_.push_back(std::move(p));
  }
  for (auto& p : pipelines_) workers_.emplace_back([this, pp = p.get()] { Work(pp); });
  writer_ = std::thread([this] { Write(); });
  return kb::Status::OK();
}

void AnalysisQueue::Push(std::unique_ptr<Slot> slot) {
  std::unique_lock<std::mutex> lock(mu_);
  space_.wait(lock, [&] { return slots_.size() < kSlotsPerWorker * threads_; });
  const bool done = slot->done;
  slots_.push_back(std::move(slot));
  if (done && slots_.size() == 1) {
    written_.notify_one();  // a read error at the front: the writer's next
  } else if (!done) {
    queued_.notify_one();
  }
}

void AnalysisQueue::PushDocument(Document&& doc) {
  auto slot = std::make_unique<Slot>();
  slot->item.doc = std::move(doc);
  Push(std::move(slot));
}

void AnalysisQueue::PushError(const ReadError& error) {
  auto slot = std::make_unique<Slot>();
  slot->item.rejected = true;
  slot->item.error = error;
  slot->claimed = slot->done = true;
  Push(std::move(slot));
}

void AnalysisQueue::Work(Pipeline* pipeline) {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    Slot* mine = nullptr;
    queued_.wait(lock, [&] {
      for (auto& s : slots_) {
        if (!s->claimed) {
          mine = s.get();
          return true;
        }
      }
      return stopping_;
    });
    if (mine == nullptr) return;
    mine->claimed = true;
    lock.unlock();
    mine->item.status = pipeline->Analyze(mine->item.doc, &mine->item.analysis);
    lock.lock();
    mine->done = true;
    if (mine == slots_.front().get()) written_.notify_one();
  }
}

void AnalysisQueue::Write() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    written_.wait(lock, [&] {
      return (!slots_.empty() && slots_.front()->done) || (stopping_ && slots_.empty());
    });
    if (slots_.empty()) return;
    std::unique_ptr<Slot> front = std::move(slots_.front());
    slots_.pop_front();
    writing_ = true;
    space_.notify_one();  // a slot is free for the reader
    lock.unlock();
    consume_(std::move(front->item));
    front.reset();  // the document and its analysis are freed outside the lock
    lock.lock();
    writing_ = false;
    if (slots_.empty()) idle_.notify_all();
  }
}

void AnalysisQueue::Finish() {
  {
    std::unique_lock<std::mutex> lock(mu_);
    idle_.wait(lock, [&] { return slots_.empty() && !writing_; });
    stopping_ = true;
    queued_.notify_all();
    written_.notify_all();
  }
  for (std::thread& t : workers_) t.join();
  workers_.clear();
  if (writer_.joinable()) writer_.join();
}

}  // namespace ingest
