#include "core/audit_chain.h"

#include "core/secrets.h"

namespace spiraal {
namespace {

void field(std::string& out, const std::string& value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ';';
}

std::string opt(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : "-"; }

}  // namespace

std::string chain_hash(const std::string& prev_hash, const ChainLink& l) {
  std::string s;
  for (const std::string& v : {prev_hash, std::to_string(l.seq), l.at, opt(l.user_id), l.username, l.action,
                               opt(l.jobseeker_id), l.detail})
    field(s, v);
  return sha256_hex(s);
}

ChainCheck verify_chain(const std::vector<ChainLink>& links, int64_t head_seq, const std::string& head_hash) {
  ChainCheck check;
  std::string prev;
  int64_t expected_seq = 1;
  for (const auto& l : links) {
    if (l.hash.empty()) return {false, check.records, l.seq, "unsealed"};
    if (l.seq != expected_seq || l.prev_hash != prev) return {false, check.records, l.seq, "missing_or_reordered"};
    if (chain_hash(prev, l) != l.hash) return {false, check.records, l.seq, "changed"};
    prev = l.hash;
    ++expected_seq;
    ++check.records;
  }
  if (check.records != head_seq || prev != head_hash) return {false, check.records, head_seq, "head_mismatch"};
  return check;
}

}  // namespace spiraal
