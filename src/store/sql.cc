#include "store/sql.h"

#include <algorithm>
#include <charconv>

namespace spiraal::sql {

const std::string& Rows::text(size_t row, size_t col) const {
  static const std::string empty;
  const auto& cell = rows_.at(row).at(col);
  return cell ? *cell : empty;
}

int64_t Rows::integer(size_t row, size_t col) const { return opt_integer(row, col).value_or(0); }

std::optional<int64_t> Rows::opt_integer(size_t row, size_t col) const {
  const auto& cell = rows_.at(row).at(col);
  if (!cell) return std::nullopt;
  int64_t v = 0;
  auto [ptr, ec] = std::from_chars(cell->data(), cell->data() + cell->size(), v);
  if (ec != std::errc() || ptr != cell->data() + cell->size()) throw Error("not an integer: " + *cell);
  return v;
}

bool is_postgres_url(std::string_view a) { return a.starts_with("postgresql://") || a.starts_with("postgres://"); }

Pool::Pool(Factory factory, size_t size) : factory_(std::move(factory)), size_(size == 0 ? 1 : size) {}

namespace {
// The pools whose lease the current thread holds (a thread rarely holds more
// than one pool's).
thread_local std::vector<const Pool*> held_pools;
}  // namespace

Pool::Lease::~Lease() {
  if (!pool_) return;
  std::erase(held_pools, pool_);
  pool_->release(std::move(c_));
}

Pool::Lease Pool::acquire() {
  if (std::find(held_pools.begin(), held_pools.end(), this) != held_pools.end())
    throw std::logic_error("connection pool: this thread already holds a connection");
  held_pools.push_back(this);
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return !idle_.empty() || open_ < size_; });
  if (!idle_.empty()) {
    auto c = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(c));
  }
  ++open_;
  lock.unlock();
  try {
    return Lease(this, factory_());
  } catch (...) {
    std::erase(held_pools, this);
    std::lock_guard relock(mu_);
    --open_;
    cv_.notify_one();
    throw;
  }
}

Dialect Pool::dialect() { return acquire()->dialect(); }

void Pool::release(std::unique_ptr<Connection> c) {
  std::lock_guard lock(mu_);
  if (c)
    idle_.push_back(std::move(c));
  else
    --open_;
  cv_.notify_one();
}

}  // namespace spiraal::sql
