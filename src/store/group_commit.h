#pragma once
// Group commit: callers that each need a small write made durable before
// they go on (an audit entry for a read) hand it to one leader, who writes
// everything waiting in one transaction — one fsync for many callers. Each
// caller still returns only after its own entry is committed, or gets the
// leader's exception when that transaction failed; so nothing changes for
// the caller but the wait.
#include <condition_variable>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace spiraal {

template <class Item>
class GroupCommit {
 public:
  // Writes a batch in one transaction; throws on failure.
  using Writer = std::function<void(const std::vector<Item>&)>;
  explicit GroupCommit(Writer write) : write_(std::move(write)) {}

  // Returns once `item` is committed; rethrows the failure of its batch.
  void commit(Item item) {
    std::unique_lock lock(mu_);
    std::shared_ptr<Batch> mine = open_;
    mine->items.push_back(std::move(item));
    while (!mine->done) {
      if (leader_) {
        cv_.wait(lock);
        continue;
      }
      // Lead: take everything waiting (this caller's batch among it).
      leader_ = true;
      std::shared_ptr<Batch> batch = std::exchange(open_, std::make_shared<Batch>());
      lock.unlock();
      std::exception_ptr failure;
      try {
        write_(batch->items);
      } catch (...) {
        failure = std::current_exception();
      }
      lock.lock();
      batch->done = true;
      batch->failure = failure;
      leader_ = false;
      cv_.notify_all();
    }
    if (mine->failure) std::rethrow_exception(mine->failure);
  }

 private:
  struct Batch {
    std::vector<Item> items;
    bool done = false;
    std::exception_ptr failure;
  };
  Writer write_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::shared_ptr<Batch> open_ = std::make_shared<Batch>();  // guarded by mu_
  bool leader_ = false;                                      // guarded by mu_
};

}  // namespace spiraal
