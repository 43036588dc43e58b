#pragma once
// The audit log's hash chain: each record's hash covers its own content and
// the previous record's hash. Pure functions; the store writes and reads.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace spiraal {

// One sealed audit record, as stored.
struct ChainLink {
  int64_t seq = 0;  // 1, 2, 3, … without gaps
  std::string at;
  std::optional<int64_t> user_id;
  std::string username;
  std::string action;
  std::optional<int64_t> jobseeker_id;
  std::string detail;
  std::string prev_hash;  // "" for the first record
  std::string hash;
};

// The hash of `link` given the hash before it (SHA-256, hex). Fields are
// length-prefixed so that no two different records serialise alike.
std::string chain_hash(const std::string& prev_hash, const ChainLink& link);

struct ChainCheck {
  bool intact = true;
  int64_t records = 0;
  int64_t broken_at = 0;  // seq of the first bad record (or the head)
  std::string reason;     // "changed", "missing_or_reordered", "head_mismatch", "unsealed"
};

// Checks links in seq order against the stored head (last seq and hash).
ChainCheck verify_chain(const std::vector<ChainLink>& links, int64_t head_seq, const std::string& head_hash);

}  // namespace spiraal
