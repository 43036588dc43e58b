// Store: teams, users, API tokens and browser sessions.
#include "core/clock.h"
#include "store/store.h"
#include "store/store_internal.h"

namespace spiraal {

using sql::Param;
using store_internal::kUserColumns;
using store_internal::opt_param;
using store_internal::user_from_row;

// --- Teams and users --------------------------------------------------------

Result<int64_t> Store::ensure_team(const std::string& name) {
  auto c = pool_->acquire();
  return sql::in_transaction(*c, [&]() -> Result<int64_t> {
    auto r = c->query("SELECT id FROM teams WHERE name = ?", {name});
    if (!r.empty()) return r.integer(0, 0);
    return c->query("INSERT INTO teams (name) VALUES (?) RETURNING id", {name}).integer(0, 0);
  });
}

Status Store::set_team_place(const std::string& name, const std::string& region, const std::string& organisation) {
  FieldErrors errors;
  if (name.empty()) errors.push_back({"team", "required"});
  for (const auto& [field, value] : {std::pair{"region", &region}, std::pair{"organisation", &organisation}})
    if (value->size() > 200) errors.push_back({field, "too_long", "200"});
  if (!errors.empty()) return Status::invalid(std::move(errors));
  auto c = pool_->acquire();
  auto r = c->query("UPDATE teams SET region = ?, organisation = ? WHERE name = ? RETURNING id", {region, organisation, name});
  return r.empty() ? Status::not_found() : Status::ok();
}

std::vector<Team> Store::list_teams() {
  auto r = pool_->acquire()->query(
      "SELECT t.id, t.name, t.region, t.organisation, "
      "(SELECT COUNT(*) FROM users u WHERE u.team_id = t.id AND u.active = 1 AND u.role <> 'jobseeker') "
      "FROM teams t ORDER BY t.name");
  std::vector<Team> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back({r.integer(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.integer(i, 4)});
  return out;
}

Result<User> Store::create_user(const NewUser& u) {
  std::optional<int64_t> team;
  if (!u.team_name.empty()) {
    auto t = ensure_team(u.team_name);
    if (!t.is_ok()) return t.status();
    team = t.value();
  }
  try {
    pool_->acquire()->query(
        "INSERT INTO users (username, display_name, role, team_id, password_hash, active, created_at) "
        "VALUES (?, ?, ?, ?, ?, 1, ?)",
        {u.username, u.display_name, std::string(to_string(u.role)), opt_param(team), u.password_hash, now_utc()});
  } catch (const sql::Error& e) {
    if (e.unique_violation) return Status::invalid_field("username", "taken");
    throw;
  }
  return *user_by_username(u.username);
}

std::optional<User> Store::user_by_username(const std::string& username) {
  auto c = pool_->acquire();
  auto r = c->query(std::string("SELECT ") + kUserColumns +
                        " FROM users u LEFT JOIN teams t ON t.id = u.team_id WHERE u.username = ?",
                    {username});
  if (r.empty()) return std::nullopt;
  return user_from_row(r, 0);
}

std::optional<User> Store::user_by_id(int64_t id) {
  auto c = pool_->acquire();
  auto r = c->query(
      std::string("SELECT ") + kUserColumns + " FROM users u LEFT JOIN teams t ON t.id = u.team_id WHERE u.id = ?",
      {id});
  if (r.empty()) return std::nullopt;
  return user_from_row(r, 0);
}

std::vector<User> Store::list_users() {
  auto c = pool_->acquire();
  auto r = c->query(std::string("SELECT ") + kUserColumns +
                    " FROM users u LEFT JOIN teams t ON t.id = u.team_id WHERE u.role <> 'jobseeker' ORDER BY u.username");
  std::vector<User> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(user_from_row(r, i));
  return out;
}

Status Store::set_password(int64_t user_id, const std::string& password_hash) {
  auto c = pool_->acquire();
  auto r = c->query("UPDATE users SET password_hash = ? WHERE id = ? RETURNING id", {password_hash, user_id});
  return r.empty() ? Status::not_found() : Status::ok();
}

// --- Tokens and sessions ----------------------------------------------------

Status Store::add_token(int64_t user_id, const std::string& token_hash, const std::string& label) {
  auto c = pool_->acquire();
  c->query("INSERT INTO api_tokens (user_id, token_hash, label, created_at) VALUES (?, ?, ?, ?)",
           {user_id, token_hash, label, now_utc()});
  return Status::ok();
}

std::optional<User> Store::user_by_token(const std::string& token_hash) {
  auto c = pool_->acquire();
  auto r = c->query(std::string("SELECT ") + kUserColumns +
                        " FROM api_tokens k JOIN users u ON u.id = k.user_id LEFT JOIN teams t ON t.id = u.team_id "
                        "WHERE k.token_hash = ? AND k.revoked_at IS NULL AND u.active = 1",
                    {token_hash});
  if (r.empty()) return std::nullopt;
  return user_from_row(r, 0);
}

Status Store::create_session(const Session& s) {
  auto c = pool_->acquire();
  sql::in_transaction(*c, [&] {
    c->query("DELETE FROM sessions WHERE expires_at < ?", {now_utc()});
    c->query("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, device_id) "
             "VALUES (?, ?, ?, ?, ?, ?)",
             {s.token_hash, s.user_id, s.csrf_token, now_utc(), s.expires_at, opt_param(s.device_id)});
  });
  return Status::ok();
}

int64_t Store::login_failures(const std::string& subject, const std::string& since) {
  auto r = pool_->acquire()->query("SELECT failures FROM login_failures WHERE subject = ? AND first_at >= ?",
                                   {subject, since});
  return r.empty() ? 0 : r.integer(0, 0);
}

void Store::add_login_failure(const std::string& subject, const std::string& now, const std::string& since) {
  auto c = pool_->acquire();
  sql::in_transaction(*c, [&] {
    c->query("DELETE FROM login_failures WHERE first_at < ? AND subject <> ?", {since, subject});
    c->query(
        "INSERT INTO login_failures (subject, failures, first_at) VALUES (?, 1, ?) ON CONFLICT (subject) DO UPDATE "
        "SET failures = CASE WHEN login_failures.first_at < ? THEN 1 ELSE login_failures.failures + 1 END, "
        "first_at = CASE WHEN login_failures.first_at < ? THEN excluded.first_at ELSE login_failures.first_at END",
        {subject, now, since, since});
  });
}

void Store::clear_login_failures(const std::string& subject) {
  pool_->acquire()->query("DELETE FROM login_failures WHERE subject = ?", {subject});
}

std::optional<std::pair<Session, User>> Store::session(const std::string& token_hash, const std::string& now,
                                                      const std::string& idle_cutoff) {
  auto c = pool_->acquire();
  auto r = c->query(std::string("SELECT s.csrf_token, s.expires_at, ") + kUserColumns +
                        ", COALESCE(s.last_seen_at, s.created_at), s.device_id FROM sessions s JOIN users u ON u.id = s.user_id "
                        "LEFT JOIN teams t ON t.id = u.team_id "
                        "WHERE s.token_hash = ? AND s.expires_at > ? AND COALESCE(s.last_seen_at, s.created_at) > ? "
                        "AND u.active = 1",
                    {token_hash, now, idle_cutoff});
  if (r.empty()) return std::nullopt;
  // user_from_row reads from column 0: re-base by copying the tail.
  sql::Rows user_rows;
  std::vector<std::optional<std::string>> cells;
  for (size_t col = 2; col < 12; ++col)
    cells.push_back(r.is_null(0, col) ? std::nullopt : std::optional<std::string>(r.text(0, col)));
  user_rows.add_row(std::move(cells));
  User u = user_from_row(user_rows, 0);
  return std::make_pair(Session{token_hash, u.id, r.text(0, 0), r.text(0, 1), r.text(0, 12), r.opt_integer(0, 13)}, u);
}

void Store::touch_session(const std::string& token_hash, const std::string& now) {
  pool_->acquire()->query("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", {now, token_hash});
}

Status Store::delete_session(const std::string& token_hash) {
  auto c = pool_->acquire();
  c->query("DELETE FROM sessions WHERE token_hash = ?", {token_hash});
  return Status::ok();
}

}  // namespace spiraal
