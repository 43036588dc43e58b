#include "store/dossier_service.h"

#include "core/clock.h"

namespace spiraal {

Result<int64_t> expected_version(const nlohmann::json& patch) {
  if (!patch.is_object() || !patch.contains("version")) return Status::invalid_field("version", "required");
  const auto& v = patch["version"];
  if (!v.is_number_integer() || v.get<int64_t>() < 1) return Status::invalid_field("version", "type_integer");
  return v.get<int64_t>();
}

namespace {

// Adds the completeness errors of `missing` for fields that have no error yet,
// so a wrongly typed name is reported once, not also as missing.
void add_missing(FieldErrors& errors, const FieldErrors& missing) {
  for (const auto& m : missing) {
    bool known = false;
    for (const auto& e : errors) known |= e.field == m.field;
    if (!known) errors.push_back(m);
  }
}

}  // namespace

AuditEntry DossierService::entry(const Principal& p, const char* action, int64_t id, std::string detail) const {
  return AuditEntry{p.user_id, p.username, action, id, std::move(detail)};
}

Action DossierService::read_action(const Principal& p) {
  return p.role == Role::kJobseeker ? Action::kReadOwn : Action::kReadDossier;
}

Action DossierService::write_action(const Principal& p) {
  return p.role == Role::kJobseeker ? Action::kWriteOwn : Action::kWriteDossier;
}

Status DossierService::authorize(const Principal& p, Action a, int64_t id, const char* what) {
  Relation r = store_.relation(p, id);
  if (allowed(p, a, r)) return Status::ok();
  store_.audit(entry(p, "access.denied", id, what));
  // Someone who could read it (a coordinator of the team) learns it exists;
  // everyone else cannot tell a refused dossier from a missing one.
  return allowed(p, Action::kReadDossier, r) ? Status::forbidden() : Status::not_found();
}

Result<Jobseeker> DossierService::create(const Principal& p, const nlohmann::json& body) {
  if (!allowed(p, Action::kCreateJobseeker)) return Status::forbidden();
  Jobseeker j;
  FieldErrors errors = apply_patch(j, body, today_utc(), {});
  add_missing(errors, validate(j));
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return store_.create_jobseeker(std::move(j), p.team_id, p.user_id, entry(p, "dossier.create", 0));
}

Result<Jobseeker> DossierService::read(const Principal& p, int64_t id) {
  if (auto s = authorize(p, read_action(p), id, "dossier.read"); !s.is_ok()) return s;
  auto j = store_.jobseeker(id);
  if (j.is_ok()) store_.audit(entry(p, "dossier.read", id));
  return j;
}

Result<Jobseeker> DossierService::update(const Principal& p, int64_t id, const nlohmann::json& patch) {
  if (auto s = authorize(p, Action::kWriteDossier, id, "dossier.update"); !s.is_ok()) return s;
  auto version = expected_version(patch);
  if (!version.is_ok()) return version.status();
  auto current = store_.jobseeker(id);
  if (!current.is_ok()) return current.status();
  Jobseeker j = current.value();
  FieldErrors errors = apply_patch(j, patch, today_utc());
  add_missing(errors, validate(j));
  if (!errors.empty()) return Status::invalid(std::move(errors));
  std::string fields;
  for (const auto& [key, value] : patch.items())
    if (key != "version") fields += (fields.empty() ? "" : ",") + key;
  return store_.update_jobseeker(j, version.value(), entry(p, "dossier.update", id, fields));
}

Result<std::vector<DossierVersion>> DossierService::history(const Principal& p, int64_t id) {
  if (auto s = authorize(p, Action::kReadDossier, id, "dossier.history"); !s.is_ok()) return s;
  store_.audit(entry(p, "dossier.history", id));
  return store_.jobseeker_versions(id);
}

Result<std::vector<User>> DossierService::coaches(const Principal& p, int64_t id) {
  if (auto s = authorize(p, Action::kReadDossier, id, "dossier.coaches"); !s.is_ok()) return s;
  return store_.coaches_of(id);
}

Result<std::vector<AuditRecord>> DossierService::access_log(const Principal& p, int64_t id) {
  if (auto s = authorize(p, read_action(p), id, "dossier.access_log"); !s.is_ok()) return s;
  return store_.audit_for(id);
}

Result<Page<CaseloadRow>> DossierService::caseload(const Principal& p, CaseloadQuery q) {
  if (!allowed(p, Action::kListCaseload)) return Status::forbidden();
  q.coach_id.reset();
  q.team_id.reset();
  if (p.role == Role::kCoordinator && p.team_id)
    q.team_id = p.team_id;
  else
    q.coach_id = p.user_id;
  auto page = store_.caseload(q);
  std::string today = today_utc();
  for (auto& row : page.items) {
    row.signals = compute_signals({row.state, row.opened_on, row.registered_on, row.trajectory_started_on,
                                   row.last_contact_date, row.open_crisis_since, row.last_score_table_on,
                                   row.aftercare_due_on, row.open_absence_since, row.follow_up_due_on},
                                  signals_, today);
    if (auto since = mdo_overdue_since(row.mdo_base_on, row.mdo_interval_days, row.mdo_planned_on, today);
        !since.empty() && row.state != "closed")
      row.signals.push_back({"mdo_due", since});
  }
  // Messages from "mijn traject" not read yet, over the whole caseload
  // (few: they are read as they come), one query of a fixed shape.
  if (!page.items.empty()) {
    auto r = store_.pool().acquire()->query(
        q.team_id ? "SELECT m.jobseeker_id, COUNT(*) FROM portal_messages m JOIN jobseekers j ON j.id = m.jobseeker_id "
                    "WHERE j.team_id = ? AND m.from_jobseeker = 1 AND m.read_at IS NULL GROUP BY m.jobseeker_id"
                  : "SELECT m.jobseeker_id, COUNT(*) FROM portal_messages m JOIN assignments a ON "
                    "a.jobseeker_id = m.jobseeker_id WHERE a.user_id = ? AND m.from_jobseeker = 1 AND m.read_at IS NULL "
                    "GROUP BY m.jobseeker_id",
        {q.team_id ? *q.team_id : *q.coach_id});
    for (size_t i = 0; i < r.size(); ++i)
      for (auto& row : page.items)
        if (row.id == r.integer(i, 0)) row.unread_messages = r.integer(i, 1);
  }
  return page;
}

Result<Page<Contact>> DossierService::contacts(const Principal& p, int64_t id, int limit, int offset) {
  if (auto s = authorize(p, Action::kReadDossier, id, "contacts.read"); !s.is_ok()) return s;
  store_.audit(entry(p, "contacts.read", id));
  return store_.contacts(id, limit, offset);
}

Result<ContactSummary> DossierService::contact_summary(const Principal& p, int64_t id) {
  if (auto s = authorize(p, Action::kReadDossier, id, "contacts.summary"); !s.is_ok()) return s;
  return store_.contact_summary(id);
}

Result<Contact> DossierService::contact(const Principal& p, int64_t id, int64_t contact_id) {
  if (auto s = authorize(p, Action::kReadDossier, id, "contact.read"); !s.is_ok()) return s;
  auto c = store_.contact(id, contact_id);
  if (c.is_ok()) store_.audit(entry(p, "contact.read", id, "contact " + std::to_string(contact_id)));
  return c;
}

Result<Contact> DossierService::add_contact(const Principal& p, int64_t id, const nlohmann::json& body) {
  if (auto s = authorize(p, Action::kWriteDossier, id, "contact.create"); !s.is_ok()) return s;
  Contact c;
  c.jobseeker_id = id;
  c.author_id = p.user_id;
  FieldErrors errors = apply_patch(c, body, today_utc());
  add_missing(errors, validate(c));
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return store_.add_contact(std::move(c), entry(p, "contact.create", id));
}

Result<Contact> DossierService::update_contact(const Principal& p, int64_t id, int64_t contact_id,
                                               const nlohmann::json& patch) {
  if (auto s = authorize(p, Action::kWriteDossier, id, "contact.update"); !s.is_ok()) return s;
  auto version = expected_version(patch);
  if (!version.is_ok()) return version.status();
  auto current = store_.contact(id, contact_id);
  if (!current.is_ok()) return current.status();
  Contact c = current.value();
  FieldErrors errors = apply_patch(c, patch, today_utc());
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return store_.update_contact(c, version.value(),
                               entry(p, "contact.update", id, "contact " + std::to_string(contact_id)));
}

}  // namespace spiraal
