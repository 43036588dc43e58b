#include "store/store_internal.h"

#include "core/audit_chain.h"

namespace spiraal::store_internal {

using sql::Param;

const char* const kUserColumns =
    "u.id, u.username, u.display_name, u.role, u.team_id, COALESCE(t.name, ''), u.active, u.password_hash, "
    "u.created_at, u.jobseeker_id";

User user_from_row(const sql::Rows& r, size_t i) {
  User u;
  u.id = r.integer(i, 0);
  u.username = r.text(i, 1);
  u.display_name = r.text(i, 2);
  u.role = role_from_string(r.text(i, 3)).value_or(Role::kCoach);
  u.team_id = r.opt_integer(i, 4);
  u.team_name = r.text(i, 5);
  u.active = r.integer(i, 6) != 0;
  u.password_hash = r.text(i, 7);
  u.created_at = r.text(i, 8);
  u.jobseeker_id = r.opt_integer(i, 9);
  return u;
}

Param opt_param(const std::optional<int64_t>& v) { return v ? Param(*v) : Param(nullptr); }
Param text_or_null(const std::string& s) { return s.empty() ? Param(nullptr) : Param(s); }

void insert_audit(sql::Connection& c, const AuditEntry& e, const std::string& at) {
  auto head = c.query(c.dialect() == sql::Dialect::kPostgres
                          ? "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE"
                          : "SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
  ChainLink link;
  link.seq = head.integer(0, 0) + 1;
  link.at = at;
  if (e.user_id) link.user_id = e.user_id;
  link.username = e.username;
  link.action = e.action;
  link.jobseeker_id = e.jobseeker_id;
  link.detail = e.detail;
  link.prev_hash = head.text(0, 1);
  link.hash = chain_hash(link.prev_hash, link);
  c.query(
      "INSERT INTO audit_log (seq, at, user_id, username, action, jobseeker_id, detail, prev_hash, hash) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {link.seq, link.at, opt_param(link.user_id), link.username, link.action, opt_param(link.jobseeker_id),
       link.detail, link.prev_hash, link.hash});
  c.query("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", {link.seq, link.hash});
}

}  // namespace spiraal::store_internal
