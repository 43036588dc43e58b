#pragma once
// Random numbers for the demo data: splitmix64 with hand-written draws. The
// std:: distributions differ between standard libraries; these do not, so a
// seed gives the same demo data on every platform.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <vector>

namespace spiraal::demo {

class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}

  // An independent stream for item `index` (e.g. the i-th jobseeker), so an
  // item comes out the same however the items are batched.
  Random fork(uint64_t index) const { return Random(mix(state_ ^ mix(index + 1))); }

  uint64_t next() { return mix(state_ += kGolden); }
  // Uniform in [0, n); `n` > 0.
  uint64_t below(uint64_t n) { return uint64_t((static_cast<unsigned __int128>(next()) * n) >> 64); }
  // Uniform in [lo, hi].
  int64_t between(int64_t lo, int64_t hi) { return lo + int64_t(below(uint64_t(hi - lo + 1))); }
  // Uniform in [0, 1).
  double unit() { return double(next() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }

  // The index of one weight, drawn in proportion to the weights (not all zero).
  size_t weighted(std::initializer_list<double> weights) { return weighted_index(weights); }
  size_t weighted(const std::vector<double>& weights) { return weighted_index(weights); }

  // One element of a non-empty list.
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }

 private:
  static constexpr uint64_t kGolden = 0x9E3779B97F4A7C15ull;
  template <typename Weights>
  size_t weighted_index(const Weights& weights) {
    double total = 0;
    for (double w : weights) total += w;
    double x = unit() * total;
    size_t i = 0;
    for (double w : weights) {
      if (x < w) return i;
      x -= w;
      ++i;
    }
    return weights.size() - 1;  // only reached through rounding
  }
  static uint64_t mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint64_t state_;  // advanced by kGolden per draw (splitmix64)
};

}  // namespace spiraal::demo
