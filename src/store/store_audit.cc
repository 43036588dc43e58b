// Store: the append-only, hash-chained audit log.
#include "core/audit_chain.h"
#include "core/clock.h"
#include "store/store.h"
#include "store/store_internal.h"

namespace spiraal {

using store_internal::insert_audit;

// --- Audit ------------------------------------------------------------------

void Store::append_audit(sql::Connection& c, const AuditEntry& e) { insert_audit(c, e, now_utc()); }

// Reads are audited before they answer, durably; concurrent ones share a
// transaction (group commit), so a burst of reads costs one fsync, not one each.
Status Store::audit(const AuditEntry& e) {
  audit_commits_->commit({e, now_utc()});
  return Status::ok();
}

ChainCheck Store::verify_audit_chain() {
  auto c = pool_->acquire();
  // One consistent snapshot: the head and the links it seals.
  return sql::in_transaction(*c, [&] {
    auto head = c->query("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
    auto r = c->query(
        "SELECT COALESCE(seq, 0), at, user_id, username, action, jobseeker_id, detail, COALESCE(prev_hash, ''), "
        "COALESCE(hash, '') FROM audit_log ORDER BY seq, id");
    std::vector<ChainLink> links;
    links.reserve(r.size());
    for (size_t i = 0; i < r.size(); ++i)
      links.push_back({r.integer(i, 0), r.text(i, 1), r.opt_integer(i, 2), r.text(i, 3), r.text(i, 4),
                       r.opt_integer(i, 5), r.text(i, 6), r.text(i, 7), r.text(i, 8)});
    return verify_chain(links, head.integer(0, 0), head.text(0, 1));
  });
}

std::vector<AuditRecord> Store::audit_for(int64_t jobseeker_id, int limit) {
  auto c = pool_->acquire();
  auto r = c->query(
      "SELECT id, at, user_id, username, action, jobseeker_id, detail FROM audit_log WHERE jobseeker_id = ? "
      "ORDER BY id DESC LIMIT ?",
      {jobseeker_id, int64_t(limit)});
  std::vector<AuditRecord> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back({r.integer(i, 0), r.text(i, 1),
                   AuditEntry{r.integer(i, 2), r.text(i, 3), r.text(i, 4), r.opt_integer(i, 5), r.text(i, 6)}});
  return out;
}

}  // namespace spiraal
