#include "store/consent_service.h"

#include <chrono>

#include "core/clock.h"
#include "core/field_reader.h"
#include "core/jobseeker.h"

namespace spiraal {

using nlohmann::json;

std::vector<Consent> ConsentService::load(int64_t jobseeker_id) {
  auto c = store_.pool().acquire();
  auto r = c->query(
      "SELECT k.id, k.recipient_id, COALESCE(u.display_name, ''), k.purpose, k.scope, k.given_on, "
      "COALESCE(k.withdrawn_on, ''), COALESCE(b.display_name, '') FROM consents k "
      "LEFT JOIN users u ON u.id = k.recipient_id LEFT JOIN users b ON b.id = k.recorded_by "
      "WHERE k.jobseeker_id = ? ORDER BY k.given_on DESC, k.id DESC",
      {jobseeker_id});
  std::vector<Consent> out;
  for (size_t i = 0; i < r.size(); ++i) {
    Consent k;
    k.id = r.integer(i, 0);
    k.jobseeker_id = jobseeker_id;
    k.recipient_id = r.integer(i, 1);
    k.recipient_name = r.text(i, 2);
    k.purpose = store_.cipher().open(r.text(i, 3));
    k.scope = json::parse(r.text(i, 4)).get<std::vector<std::string>>();
    k.given_on = r.text(i, 5);
    k.withdrawn_on = r.text(i, 6);
    k.recorded_by = r.text(i, 7);
    out.push_back(std::move(k));
  }
  return out;
}

Result<std::vector<Consent>> ConsentService::list(const Principal& p, int64_t jobseeker_id) {
  if (auto s = dossiers_.authorize(p, DossierService::read_action(p), jobseeker_id, "consent.read"); !s.is_ok()) return s;
  store_.audit(dossiers_.entry(p, "consent.read", jobseeker_id));
  return load(jobseeker_id);
}

std::vector<json> ConsentService::partners() {
  std::vector<json> out;
  for (const auto& u : store_.list_users())
    if (u.role == Role::kPartner && u.active) out.push_back({{"id", u.id}, {"display_name", u.display_name}});
  return out;
}

Result<Consent> ConsentService::record(const Principal& p, int64_t jobseeker_id, const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, jobseeker_id, "consent.give"); !s.is_ok()) return s;
  auto parsed = parse_consent(body, today_utc());
  if (!parsed.is_ok()) return parsed.status();
  Consent k = parsed.value();
  auto recipient = store_.user_by_id(k.recipient_id);
  if (!recipient || recipient->role != Role::kPartner || !recipient->active)
    return Status::invalid_field("recipient_id", "partner");
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    k.id = c->query(
                "INSERT INTO consents (jobseeker_id, recipient_id, purpose, scope, given_on, recorded_by, recorded_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                {jobseeker_id, k.recipient_id, store_.cipher().seal(k.purpose), json(k.scope).dump(), k.given_on,
                 p.user_id, now_utc()})
               .integer(0, 0);
    Store::append_audit(*c, dossiers_.entry(p, "consent.give", jobseeker_id,
                                            recipient->username + ": " + json(k.scope).dump()));
  });
  k.jobseeker_id = jobseeker_id;
  k.recipient_name = recipient->display_name;
  k.recorded_by = p.display_name;
  return k;
}

Result<Consent> ConsentService::withdraw(const Principal& p, int64_t jobseeker_id, int64_t consent_id) {
  if (auto s = dossiers_.authorize(p, DossierService::write_action(p), jobseeker_id, "consent.withdraw"); !s.is_ok()) return s;
  const std::string today = today_utc();
  bool changed = false;
  {
    auto c = store_.pool().acquire();
    sql::in_transaction(*c, [&] {
      changed = !c->query("UPDATE consents SET withdrawn_on = ? WHERE id = ? AND jobseeker_id = ? AND withdrawn_on IS NULL "
                          "RETURNING id",
                          {today, consent_id, jobseeker_id})
                     .empty();
      if (!changed) return;
      Store::append_audit(*c, dossiers_.entry(p, "consent.withdraw", jobseeker_id, std::to_string(consent_id)));
      // Withdrawn by the jobseeker in "mijn traject": the coach hears of it
      // on the caseload, in the same transaction.
      if (p.role == Role::kJobseeker) {
        auto k = c->query("SELECT COALESCE(u.display_name, ''), k.purpose FROM consents k "
                          "LEFT JOIN users u ON u.id = k.recipient_id WHERE k.id = ?",
                          {consent_id});
        std::string notice = k.text(0, 0) + " · " + store_.cipher().open(k.text(0, 1));
        c->query("INSERT INTO portal_messages (jobseeker_id, from_jobseeker, author_id, kind, body, created_at) "
                 "VALUES (?, 1, ?, 'consent_withdrawn', ?, ?)",
                 {jobseeker_id, p.user_id, store_.cipher().seal(notice), now_utc()});
      }
    });
  }
  for (auto& k : load(jobseeker_id))
    if (k.id == consent_id) return changed ? Result<Consent>(k) : Status::conflict("consent_withdrawn");
  return Status::not_found();
}

Result<ConsentService::Shared> ConsentService::shared(const Principal& p, int64_t jobseeker_id) {
  if (auto s = dossiers_.authorize(p, Action::kReadShared, jobseeker_id, "shared.read"); !s.is_ok()) return s;
  auto j = store_.jobseeker(jobseeker_id);
  if (!j.is_ok()) return j.status();
  const std::string today = today_utc();
  auto consents = load(jobseeker_id);
  Shared out{j.value(), shared_sections(consents, p.user_id, today), {}};
  for (const auto& k : consents)
    if (k.recipient_id == p.user_id && in_force(k, today)) out.purposes.push_back(k.purpose);
  store_.audit(dossiers_.entry(p, "shared.read", jobseeker_id, json(out.sections).dump()));
  return out;
}

Result<std::vector<json>> ConsentService::shared_with(const Principal& p) {
  if (p.role != Role::kPartner) return Status::forbidden();
  const std::string today = today_utc();
  auto c = store_.pool().acquire();
  auto r = c->query(
      "SELECT DISTINCT j.id, j.first_name, j.last_name FROM consents k JOIN jobseekers j ON j.id = k.jobseeker_id "
      "WHERE k.recipient_id = ? AND k.given_on <= ? AND (k.withdrawn_on IS NULL OR k.withdrawn_on > ?) "
      "ORDER BY j.last_name, j.first_name",
      {p.user_id, today, today});
  std::vector<json> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back({{"id", r.integer(i, 0)}, {"full_name", r.text(i, 1) + " " + r.text(i, 2)}});
  return out;
}

Result<std::string> ConsentService::break_glass(const Principal& p, int64_t jobseeker_id, const json& body) {
  if (!allowed(p, Action::kBreakGlass)) return Status::forbidden();
  if (!store_.jobseeker(jobseeker_id).is_ok()) return Status::not_found();
  FieldErrors errors;
  std::string reason;
  if (!body.is_object()) return Status::invalid_field("", "type_object");
  read_text(body.value("reason", json()), "reason", 500, reason, errors);
  if (reason.size() < 10) errors.push_back({"reason", "reason_too_short", "10"});
  if (!errors.empty()) return Status::invalid(std::move(errors));
  std::string opened = now_utc();
  std::string expires = utc_timestamp(std::chrono::system_clock::now() + std::chrono::hours(kBreakGlassHours));
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    c->query("INSERT INTO break_glass (user_id, jobseeker_id, reason, opened_at, expires_at) VALUES (?, ?, ?, ?, ?)",
               {p.user_id, jobseeker_id, store_.cipher().seal(reason), opened, expires});
    Store::append_audit(*c, dossiers_.entry(p, "access.break_glass", jobseeker_id, reason));
  });
  return expires;
}

}  // namespace spiraal
