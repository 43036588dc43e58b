#include "store/portal_service.h"

#include <chrono>

#include "core/clock.h"
#include "core/field_reader.h"
#include "core/secrets.h"
#include "store/store_internal.h"

namespace spiraal {

using nlohmann::json;

namespace {

std::string hours_from_now(int hours) {
  return utc_timestamp(std::chrono::system_clock::now() + std::chrono::hours(hours));
}

}  // namespace

Result<PortalInvitation> PortalService::invite(const Principal& p, int64_t id, const json& body,
                                               const std::string& sms_text) {
  if (auto s = dossiers_.authorize(p, Action::kInvite, id, "portal.invite"); !s.is_ok()) return s;
  auto parsed = parse_invitation(body);
  if (!parsed.is_ok()) return parsed.status();
  const Invitation& inv = parsed.value();
  if (inv.channel == "sms" && !sms_) return Status::invalid_field("channel", "sms_unavailable");
  PortalInvitation out{0, new_invitation_code(), inv.channel, hours_from_now(kInvitationHours)};
  const std::string now = now_utc();
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    // One code in force at a time: a new one replaces the last.
    c->query(
        "UPDATE portal_invitations SET expires_at = ? WHERE jobseeker_id = ? AND used_at IS NULL AND expires_at > ?",
        {now, id, now});
    out.id = c->query(
                  "INSERT INTO portal_invitations (jobseeker_id, code_hash, channel, phone, consent_on, created_by, "
                  "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                  {id, sha256_hex(out.code), inv.channel, store_.cipher().seal(inv.phone), today_utc(), p.user_id, now,
                   out.expires_at})
                 .integer(0, 0);
    Store::append_audit(*c, dossiers_.entry(p, "portal.invite", id, inv.channel));
    // Sent inside the transaction: a text that cannot be handed to the
    // outbox leaves no code behind.
    if (inv.channel == "sms") {
      std::string text = sms_text;
      if (auto pos = text.find("{param}"); pos != std::string::npos) text.replace(pos, 7, format_code(out.code));
      if (auto s = sms_->send(inv.phone, text); !s.is_ok()) throw sql::Error(s.message());
    }
  });
  return out;
}

Result<PortalAccount> PortalService::account(const Principal& p, int64_t id) {
  if (auto s = dossiers_.authorize(p, Action::kInvite, id, "portal.account"); !s.is_ok()) return s;
  PortalAccount out;
  auto c = store_.pool().acquire();
  out.exists = !c->query("SELECT 1 FROM users WHERE jobseeker_id = ?", {id}).empty();
  auto r = c->query(
      "SELECT id, label, created_at, last_used_at, COALESCE(revoked_at, '') FROM portal_devices "
      "WHERE jobseeker_id = ? ORDER BY id DESC",
      {id});
  for (size_t i = 0; i < r.size(); ++i)
    out.devices.push_back({r.integer(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4)});
  auto open = c->query(
      "SELECT MAX(expires_at) FROM portal_invitations WHERE jobseeker_id = ? AND used_at IS NULL "
      "AND expires_at > ?",
      {id, now_utc()});
  out.open_invitation_expires_at = open.text(0, 0);
  return out;
}

Status PortalService::revoke_device(const Principal& p, int64_t id, int64_t device_id) {
  if (auto s = dossiers_.authorize(p, Action::kInvite, id, "portal.revoke"); !s.is_ok()) return s;
  auto c = store_.pool().acquire();
  return sql::in_transaction(*c, [&]() -> Status {
    auto r = c->query(
        "UPDATE portal_devices SET revoked_at = ?, revoked_by = ? WHERE id = ? AND jobseeker_id = ? "
        "AND revoked_at IS NULL RETURNING id",
        {now_utc(), p.user_id, device_id, id});
    if (r.empty())
      return c->query("SELECT 1 FROM portal_devices WHERE id = ? AND jobseeker_id = ?", {device_id, id}).empty()
                 ? Status::not_found()
                 : Status::conflict("device_revoked");
    c->query("DELETE FROM sessions WHERE device_id = ?", {device_id});
    Store::append_audit(*c, dossiers_.entry(p, "portal.revoke", id, std::to_string(device_id)));
    return Status::ok();
  });
}

Status PortalService::check_code(const std::string& typed) {
  std::string code = normalise_code(typed);
  if (code.empty()) return Status::not_found("invitation_code");
  auto r = store_.pool().acquire()->query(
      "SELECT 1 FROM portal_invitations WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?",
      {sha256_hex(code), now_utc()});
  return r.empty() ? Status::not_found("invitation_code") : Status::ok();
}

Result<Unlocked> PortalService::redeem(const std::string& typed, const std::string& secret, const std::string& repeat,
                                       const std::string& device_label) {
  if (auto s = check_code(typed); !s.is_ok()) return s;
  if (auto errors = validate_portal_secret(secret, repeat); !errors.empty()) return Status::invalid(std::move(errors));
  auto hash = hash_password(secret);
  if (!hash) return Status::internal("password hashing failed");
  Unlocked out;
  out.device_token = random_token();
  const std::string now = now_utc();
  bool used = false;
  {
    auto c = store_.pool().acquire();
    sql::in_transaction(*c, [&] {
      auto inv = c->query(
          "UPDATE portal_invitations SET used_at = ? WHERE code_hash = ? AND used_at IS NULL AND "
          "expires_at > ? RETURNING jobseeker_id",
          {now, sha256_hex(normalise_code(typed)), now});
      if (inv.empty()) return void(used = true);  // used up by a parallel request
      int64_t id = inv.integer(0, 0);
      auto user = c->query("SELECT id FROM users WHERE jobseeker_id = ?", {id});
      int64_t user_id;
      if (user.empty()) {
        std::string first = c->query("SELECT first_name FROM jobseekers WHERE id = ?", {id}).text(0, 0);
        user_id = c->query(
                       "INSERT INTO users (username, display_name, role, password_hash, active, created_at, "
                       "jobseeker_id) VALUES (?, ?, 'jobseeker', ?, 1, ?, ?) RETURNING id",
                       {"mijn." + std::to_string(id), first, *hash, now, id})
                      .integer(0, 0);
      } else {
        user_id = user.integer(0, 0);
        c->query("UPDATE users SET password_hash = ?, active = 1 WHERE id = ?", {*hash, user_id});
      }
      out.device_id = c->query(
                           "INSERT INTO portal_devices (jobseeker_id, user_id, token_hash, label, created_at, "
                           "last_used_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                           {id, user_id, sha256_hex(out.device_token), device_label.substr(0, 80), now, now})
                          .integer(0, 0);
      Store::append_audit(*c, AuditEntry{user_id, "mijn." + std::to_string(id), "portal.device.add", id,
                                         std::to_string(out.device_id)});
      out.user.id = user_id;
    });
  }  // the pool gives a thread one connection at a time
  if (used) return Status::not_found("invitation_code");
  out.user = *store_.user_by_id(out.user.id);
  return out;
}

std::optional<DeviceKey> PortalService::device_of(const std::string& device_token) {
  if (device_token.empty()) return std::nullopt;
  auto r = store_.pool().acquire()->query(
      "SELECT id, user_id, CASE WHEN revoked_at IS NULL THEN 0 ELSE 1 END FROM portal_devices WHERE token_hash = ?",
      {sha256_hex(device_token)});
  if (r.empty()) return std::nullopt;
  return DeviceKey{r.integer(0, 0), r.integer(0, 1), r.integer(0, 2) != 0};
}

Result<Unlocked> PortalService::unlock(const std::optional<DeviceKey>& device, const std::string& secret) {
  std::optional<User> user;
  if (device && !device->revoked) user = store_.user_by_id(device->user_id);
  // A revoked or unknown device takes as long as a wrong PIN.
  bool ok = verify_password_or_dummy(secret, user ? &user->password_hash : nullptr) && user->active &&
            user->role == Role::kJobseeker;
  if (!ok) return Status::unauthenticated();
  store_.pool().acquire()->query("UPDATE portal_devices SET last_used_at = ? WHERE id = ?", {now_utc(), device->id});
  return Unlocked{*user, device->id, {}};
}

Result<std::vector<std::string>> PortalService::opened(const Principal& p, int64_t id) {
  Action a = p.role == Role::kJobseeker ? Action::kReadOwn : Action::kInvite;
  if (auto s = dossiers_.authorize(p, a, id, "portal.story"); !s.is_ok()) return s;
  auto r = store_.pool().acquire()->query(
      "SELECT instrument FROM portal_openings WHERE jobseeker_id = ? ORDER BY instrument", {id});
  std::vector<std::string> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(r.text(i, 0));
  return out;
}

Status PortalService::set_opened(const Principal& p, int64_t id, const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kInvite, id, "portal.story.open"); !s.is_ok()) return s;
  FieldErrors errors;
  std::vector<std::string> parts;
  if (!body.is_object() || !body.contains("open") || !body["open"].is_array()) {
    errors.push_back({"open", "type_list"});
  } else {
    refuse_unknown(body, "", {"open"}, errors);
    for (const auto& v : body["open"])
      if (v.is_string() && is_story_part(v.get<std::string>()))
        parts.push_back(v.get<std::string>());
      else
        errors.push_back({"open", "choice"});
  }
  if (!errors.empty()) return Status::invalid(std::move(errors));
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    c->query("DELETE FROM portal_openings WHERE jobseeker_id = ?", {id});
    for (const auto& part : parts)
      c->query(
          "INSERT INTO portal_openings (jobseeker_id, instrument, opened_by, opened_at) VALUES (?, ?, ?, ?) "
          "ON CONFLICT DO NOTHING",
          {id, part, p.user_id, now_utc()});
    std::string detail;
    for (const auto& part : parts) detail += (detail.empty() ? "" : ",") + part;
    Store::append_audit(*c, dossiers_.entry(p, "portal.story.open", id, detail));
  });
  return Status::ok();
}

Result<std::optional<Appointment>> PortalService::next_appointment(const Principal& p) {
  const int64_t id = p.jobseeker_id.value_or(0);
  if (auto s = dossiers_.authorize(p, Action::kReadOwn, id, "portal.appointment"); !s.is_ok()) return s;
  const std::string today = today_utc();
  auto r = store_.pool().acquire()->query(
      "SELECT planned_on, 'overleg' FROM overlegs WHERE jobseeker_id = ? AND status = 'planned' AND planned_on >= ? "
      "UNION ALL SELECT planned_on, 'mdo' FROM mdos WHERE jobseeker_id = ? AND status = 'planned' AND planned_on >= ? "
      "UNION ALL SELECT contact_date, 'contact' FROM contacts WHERE jobseeker_id = ? AND contact_date >= ? "
      "ORDER BY 1 LIMIT 1",
      {id, today, id, today, id, today});
  if (r.empty()) return std::optional<Appointment>{};
  return std::optional<Appointment>{Appointment{r.text(0, 0), r.text(0, 1)}};
}

Result<std::vector<DossierReader>> PortalService::readers(const Principal& p) {
  const int64_t id = p.jobseeker_id.value_or(0);
  if (auto s = dossiers_.authorize(p, Action::kReadOwn, id, "portal.readers"); !s.is_ok()) return s;
  auto r = store_.pool().acquire()->query(
      "SELECT substr(a.at, 1, 10), COALESCE(u.display_name, a.username), COALESCE(u.role, ''), COUNT(*) "
      "FROM audit_log a LEFT JOIN users u ON u.id = a.user_id WHERE a.jobseeker_id = ? AND a.user_id <> ? "
      "AND a.action <> 'access.denied' GROUP BY substr(a.at, 1, 10), COALESCE(u.display_name, a.username), "
      "COALESCE(u.role, '') ORDER BY 1 DESC, 2 LIMIT 100",
      {id, p.user_id});
  std::vector<DossierReader> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2), r.integer(i, 3)});
  store_.audit(dossiers_.entry(p, "portal.readers", id));
  return out;
}

Status PortalService::authorize_messages(const Principal& p, int64_t id, bool write, const char* what) {
  Action a = p.role == Role::kJobseeker ? (write ? Action::kWriteOwn : Action::kReadOwn) : Action::kMessage;
  return dossiers_.authorize(p, a, id, what);
}

Result<std::vector<PortalMessage>> PortalService::messages(const Principal& p, int64_t id) {
  if (auto s = authorize_messages(p, id, false, "messages.read"); !s.is_ok()) return s;
  const bool self = p.role == Role::kJobseeker;
  std::vector<PortalMessage> out;
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    auto r = c->query(
        "SELECT m.id, m.from_jobseeker, COALESCE(u.display_name, ''), m.kind, m.body, m.created_at, "
        "COALESCE(m.read_at, '') FROM portal_messages m LEFT JOIN users u ON u.id = m.author_id "
        "WHERE m.jobseeker_id = ? ORDER BY m.id DESC LIMIT 200",
        {id});
    for (size_t i = 0; i < r.size(); ++i)
      out.push_back({r.integer(i, 0), r.integer(i, 1) != 0, r.text(i, 2), r.text(i, 3),
                     store_.cipher().open(r.text(i, 4)), r.text(i, 5), r.text(i, 6)});
    // What the other side wrote is read now.
    c->query("UPDATE portal_messages SET read_at = ? WHERE jobseeker_id = ? AND from_jobseeker = ? AND read_at IS NULL",
             {now_utc(), id, int64_t(self ? 0 : 1)});
    Store::append_audit(*c, dossiers_.entry(p, "messages.read", id));
  });
  return out;
}

int64_t PortalService::unread(const Principal& p, int64_t id) {
  return store_.pool()
      .acquire()
      ->query("SELECT COUNT(*) FROM portal_messages WHERE jobseeker_id = ? AND from_jobseeker = ? AND read_at IS NULL",
              {id, int64_t(p.role == Role::kJobseeker ? 0 : 1)})
      .integer(0, 0);
}

Result<PortalMessage> PortalService::send(const Principal& p, int64_t id, const json& body) {
  if (auto s = authorize_messages(p, id, true, "message.send"); !s.is_ok()) return s;
  auto text = parse_message(body);
  if (!text.is_ok()) return text.status();
  const bool self = p.role == Role::kJobseeker;
  PortalMessage m{0, self, p.display_name, "message", text.value(), now_utc(), {}};
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    m.id = c->query(
                "INSERT INTO portal_messages (jobseeker_id, from_jobseeker, author_id, kind, body, created_at) "
                "VALUES (?, ?, ?, 'message', ?, ?) RETURNING id",
                {id, int64_t(self ? 1 : 0), p.user_id, store_.cipher().seal(m.text), m.created_at})
               .integer(0, 0);
    Store::append_audit(*c, dossiers_.entry(p, "message.send", id));
  });
  return m;
}

}  // namespace spiraal
