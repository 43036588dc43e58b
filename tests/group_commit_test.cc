// Group commit: every item written exactly once, callers return only after
// their own item is written, a failed batch fails each of its callers (and
// only them), and concurrent callers share batches.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <stdexcept>
#include <thread>

#include "store/group_commit.h"

namespace spiraal {
namespace {

TEST(GroupCommit, ConcurrentCallersShareBatches_EachItemWrittenOnceBeforeItsCallerReturns) {
  std::mutex mu;
  std::multiset<int> written;
  std::atomic<int> batches{0};
  GroupCommit<int> commits([&](const std::vector<int>& batch) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));  // an fsync's worth
    std::lock_guard lock(mu);
    written.insert(batch.begin(), batch.end());
    ++batches;
  });
  constexpr int kThreads = 16, kEach = 25;
  std::atomic<int> unseen{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        int item = t * kEach + i;
        commits.commit(item);
        std::lock_guard lock(mu);
        if (!written.count(item)) ++unseen;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(unseen, 0);
  ASSERT_EQ(written.size(), size_t(kThreads * kEach));
  for (int item = 0; item < kThreads * kEach; ++item) EXPECT_EQ(written.count(item), 1u) << item;
  EXPECT_LT(batches, kThreads * kEach) << "no batch held more than one item";
}

TEST(GroupCommit, AFailedBatchFailsItsCallers_TheNextBatchIsWritten) {
  bool fail = true;
  std::vector<int> written;
  GroupCommit<int> commits([&](const std::vector<int>& batch) {
    if (fail) throw std::runtime_error("disk full");
    written.insert(written.end(), batch.begin(), batch.end());
  });
  EXPECT_THROW(commits.commit(1), std::runtime_error);
  fail = false;
  commits.commit(2);
  EXPECT_EQ(written, std::vector<int>{2});
}

}  // namespace
}  // namespace spiraal
