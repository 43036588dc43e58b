#include "store/store.h"

#include "core/audit_chain.h"
#include "core/clock.h"
#include "core/secrets.h"
#include "store/data_steps.h"
#include "store/migrations.h"
#include "store/store_internal.h"

namespace spiraal {
namespace {

using store_internal::insert_audit;
using store_internal::kUserColumns;
using store_internal::opt_param;
using store_internal::text_or_null;
using store_internal::user_from_row;

using nlohmann::json;
using sql::Param;
using sql::Params;

const char* kJobseekerColumns =
    "id, version, first_name, last_name, birth_date, profile, narrative, created_at, updated_at, registered_on";

Jobseeker jobseeker_from_row(const FieldCipher& fc, const sql::Rows& r, size_t i) {
  Jobseeker j;
  j.id = r.integer(i, 0);
  j.version = r.integer(i, 1);
  // Stored documents were validated on the way in; re-applying them through
  // apply_patch keeps one decoding path. "9999-12-31" lifts the date bound.
  json doc = json::parse(fc.open(r.text(i, 5)));
  doc.update(json::parse(fc.open(r.text(i, 6))));
  doc["first_name"] = r.text(i, 2);
  doc["last_name"] = r.text(i, 3);
  doc["birth_date"] = r.text(i, 4);
  doc["registered_on"] = r.text(i, 9);
  auto errors = apply_patch(j, doc, "9999-12-31");
  if (!errors.empty()) throw sql::Error("stored dossier " + std::to_string(j.id) + " does not decode");
  j.created_at = r.text(i, 7);
  j.updated_at = r.text(i, 8);
  return j;
}

const char* kContactColumns =
    "c.id, c.jobseeker_id, c.version, c.contact_date, c.kind, c.status, c.initiative, c.note, c.author_id, "
    "COALESCE(u.display_name, ''), c.created_at, c.updated_at";

Contact contact_from_row(const FieldCipher& fc, const sql::Rows& r, size_t i) {
  Contact c;
  c.id = r.integer(i, 0);
  c.jobseeker_id = r.integer(i, 1);
  c.version = r.integer(i, 2);
  c.date = r.text(i, 3);
  c.kind = r.text(i, 4);
  c.status = r.text(i, 5);
  c.initiative = r.text(i, 6);
  c.note = fc.open(r.text(i, 7));
  c.author_id = r.integer(i, 8);
  c.author_name = r.text(i, 9);
  c.created_at = r.text(i, 10);
  c.updated_at = r.text(i, 11);
  return c;
}

void insert_version(const FieldCipher& fc, sql::Connection& c, const Jobseeker& j, int64_t user_id) {
  c.query("INSERT INTO jobseeker_versions (jobseeker_id, version, changed_at, changed_by, data) VALUES (?, ?, ?, ?, ?)",
          {j.id, j.version, j.updated_at, user_id ? Param(user_id) : Param(nullptr), fc.seal(to_json(j).dump())});
}

std::string like_pattern(const std::string& search) {
  std::string out = "%";
  for (char ch : search) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += (ch >= 'A' && ch <= 'Z') ? char(ch - 'A' + 'a') : ch;
  }
  return out + "%";
}

}  // namespace

Result<std::unique_ptr<Store>> Store::open(const std::string& address, size_t pool_size,
                                           std::shared_ptr<const FieldCipher> cipher) {
  sql::Pool::Factory factory;
  if (sql::is_postgres_url(address))
    factory = [address] { return sql::open_postgres(address); };
  else
    factory = [address] { return sql::open_sqlite(address); };
  try {
    auto pool = std::make_unique<sql::Pool>(factory, pool_size);
    pool->acquire();  // fail now, not on the first request, when the database cannot be reached
    return std::make_unique<Store>(std::move(pool), std::move(cipher));
  } catch (const std::exception& e) {
    return Status::internal(e.what());
  }
}

Store::Store(std::unique_ptr<sql::Pool> pool, std::shared_ptr<const FieldCipher> cipher)
    : pool_(std::move(pool)),
      dialect_(pool_->dialect()),
      cipher_(cipher ? std::move(cipher) : std::make_shared<FieldCipher>("test", random_token(16))),
      audit_commits_(std::make_unique<GroupCommit<std::pair<AuditEntry, std::string>>>([this](const auto& batch) {
        auto c = pool_->acquire();
        sql::in_transaction(*c, [&] {
          for (const auto& [entry, at] : batch) store_internal::insert_audit(*c, entry, at);
        });
      })) {}

Result<std::vector<std::string>> Store::migrate() {
  auto c = pool_->acquire();
  auto applied = spiraal::migrate(*c);
  if (!applied.is_ok()) return applied;
  for (const auto& name : *applied)
    if (name.starts_with("0028_")) share_score_item_snapshots(*c, *cipher_);
  // Records written before the hash chain existed (migration 0003) are
  // sealed once, in their original order, so the chain covers them too.
  sql::in_transaction(*c, [&] {
    auto r = c->query(
        "SELECT id, at, user_id, username, action, jobseeker_id, detail FROM audit_log WHERE seq IS NULL ORDER BY id");
    for (size_t i = 0; i < r.size(); ++i) {
      AuditEntry e{r.integer(i, 2), r.text(i, 3), r.text(i, 4), r.opt_integer(i, 5), r.text(i, 6)};
      c->query("DELETE FROM audit_log WHERE id = ?", {r.integer(i, 0)});
      insert_audit(*c, e, r.text(i, 1));
    }
  });
  return applied;
}

// --- Dossiers ---------------------------------------------------------------

Relation Store::relation(const Principal& p, int64_t jobseeker_id) {
  auto c = pool_->acquire();
  auto r = c->query(
      "SELECT j.team_id, (SELECT COUNT(*) FROM assignments a WHERE a.jobseeker_id = j.id AND a.user_id = ?) "
      "FROM jobseekers j WHERE j.id = ?",
      {p.user_id, jobseeker_id});
  if (r.empty()) return Relation::kNone;
  // A jobseeker's account reaches their own dossier and nothing else.
  if (p.role == Role::kJobseeker) return p.jobseeker_id == jobseeker_id ? Relation::kSelf : Relation::kNone;
  const std::string today = today_utc();
  // A partner stands to a dossier only through a consent in force, whatever
  // team the account was filed under.
  if (p.role == Role::kPartner)
    return c->query("SELECT 1 FROM consents WHERE recipient_id = ? AND jobseeker_id = ? AND given_on <= ? "
                    "AND (withdrawn_on IS NULL OR withdrawn_on > ?)",
                    {p.user_id, jobseeker_id, today, today})
                   .empty()
               ? Relation::kNone
               : Relation::kConsented;
  if (r.integer(0, 1) > 0) return Relation::kAssigned;
  auto team = r.opt_integer(0, 0);
  if (team && p.team_id && *team == *p.team_id) return Relation::kSameTeam;
  if (p.role == Role::kCoordinator &&
      !c->query("SELECT 1 FROM break_glass WHERE user_id = ? AND jobseeker_id = ? AND expires_at > ?",
                {p.user_id, jobseeker_id, now_utc()})
           .empty())
    return Relation::kBreakGlass;
  return Relation::kNone;
}

Result<Jobseeker> Store::create_jobseeker(Jobseeker j, std::optional<int64_t> team_id,
                                          std::optional<int64_t> coach_id, const AuditEntry& audit,
                                          const AlsoFn& also) {
  auto c = pool_->acquire();
  j.version = 1;
  j.created_at = j.updated_at = now_utc();
  sql::in_transaction(*c, [&] {
    j.id = c->query(
                "INSERT INTO jobseekers (version, team_id, first_name, last_name, birth_date, registered_on, profile, "
                "narrative, created_at, updated_at, created_by, updated_by) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                {j.version, opt_param(team_id), j.first_name, j.last_name, j.birth_date, text_or_null(j.registered_on),
                 cipher_->seal(profile_to_json(j).dump()), cipher_->seal(narrative_to_json(j).dump()), j.created_at,
                 j.updated_at, audit.user_id,
                 audit.user_id})
               .integer(0, 0);
    if (coach_id)
      c->query("INSERT INTO assignments (jobseeker_id, user_id, is_anchor, since) VALUES (?, ?, 1, ?)",
               {j.id, *coach_id, today_utc()});
    insert_version(*cipher_, *c, j, audit.user_id);
    AuditEntry e = audit;
    e.jobseeker_id = j.id;
    insert_audit(*c, e, now_utc());
    if (also) also(*c, j.id);
  });
  return j;
}

Result<Jobseeker> Store::jobseeker(int64_t id) {
  auto c = pool_->acquire();
  auto r = c->query(std::string("SELECT ") + kJobseekerColumns + " FROM jobseekers WHERE id = ?", {id});
  if (r.empty()) return Status::not_found();
  return jobseeker_from_row(*cipher_, r, 0);
}

Result<Jobseeker> Store::update_jobseeker(const Jobseeker& in, int64_t expected_version, const AuditEntry& audit) {
  auto c = pool_->acquire();
  Jobseeker j = in;
  j.updated_at = now_utc();
  return sql::in_transaction(*c, [&]() -> Result<Jobseeker> {
    auto r = c->query(
        "UPDATE jobseekers SET version = version + 1, first_name = ?, last_name = ?, birth_date = ?, "
        "registered_on = ?, profile = ?, narrative = ?, updated_at = ?, updated_by = ? "
        "WHERE id = ? AND version = ? RETURNING version, created_at",
        {j.first_name, j.last_name, j.birth_date, text_or_null(j.registered_on), cipher_->seal(profile_to_json(j).dump()),
         cipher_->seal(narrative_to_json(j).dump()), j.updated_at, audit.user_id, j.id, expected_version});
    if (r.empty()) {
      bool exists = !c->query("SELECT 1 FROM jobseekers WHERE id = ?", {j.id}).empty();
      return exists ? Status::conflict() : Status::not_found();
    }
    j.version = r.integer(0, 0);
    j.created_at = r.text(0, 1);
    insert_version(*cipher_, *c, j, audit.user_id);
    insert_audit(*c, audit, now_utc());
    return j;
  });
}

std::vector<DossierVersion> Store::jobseeker_versions(int64_t id) {
  auto c = pool_->acquire();
  auto r = c->query(
      "SELECT v.version, v.changed_at, COALESCE(u.display_name, ''), v.data FROM jobseeker_versions v "
      "LEFT JOIN users u ON u.id = v.changed_by WHERE v.jobseeker_id = ? ORDER BY v.version DESC",
      {id});
  std::vector<DossierVersion> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back({r.integer(i, 0), r.text(i, 1), r.text(i, 2), json::parse(cipher_->open(r.text(i, 3)))});
  return out;
}

// The work_records subqueries write `w.status || ''` so that SQLite (without
// ANALYZE statistics) looks rows up by jobseeker, not by kind and status
// across the whole table (about 50 s for a team's ~700 rows at 100k
// jobseekers). The concatenation is portable; PostgreSQL has no unary + on text.
Page<CaseloadRow> Store::caseload(const CaseloadQuery& q) {
  std::string from =
      " FROM jobseekers j" +
      std::string(q.coach_id ? " JOIN assignments a ON a.jobseeker_id = j.id WHERE a.user_id = ?"
                             : " WHERE j.team_id = ?");
  Params params = {q.coach_id ? *q.coach_id : q.team_id.value_or(-1)};
  if (!q.search.empty()) {
    from += " AND (lower(j.first_name) LIKE ? ESCAPE '\\' OR lower(j.last_name) LIKE ? ESCAPE '\\' OR "
            "lower(j.first_name || ' ' || j.last_name) LIKE ? ESCAPE '\\')";
    std::string pattern = like_pattern(q.search);
    params.insert(params.end(), {pattern, pattern, pattern});
  }
  const char* order = "lower(j.last_name), lower(j.first_name)";
  switch (q.sort) {
    case CaseloadSort::kName: break;
    case CaseloadSort::kBirthDate: order = "j.birth_date"; break;
    case CaseloadSort::kLastContact: order = "last_contact"; break;
    case CaseloadSort::kUpdated: order = "j.updated_at"; break;
  }
  const char* dir = q.descending ? " DESC" : " ASC";
  auto c = pool_->acquire();
  Page<CaseloadRow> page;
  page.limit = q.limit;
  page.offset = q.offset;
  page.total = c->query("SELECT COUNT(*)" + from, params).integer(0, 0);
  Params list_params = params;
  list_params.push_back(int64_t(q.limit));
  list_params.push_back(int64_t(q.offset));
  auto r = c->query(
      "SELECT j.id, j.first_name, j.last_name, j.birth_date, j.updated_at, "
      "(SELECT MAX(ct.contact_date) FROM contacts ct WHERE ct.jobseeker_id = j.id AND ct.status = 'held') "
      "AS last_contact, "
      "COALESCE((SELECT t.state FROM trajectories t WHERE t.jobseeker_id = j.id), 'selection'), "
      "substr(j.created_at, 1, 10), COALESCE(j.registered_on, ''), "
      "COALESCE((SELECT t.started_on FROM trajectories t WHERE t.jobseeker_id = j.id), ''), "
      "COALESCE((SELECT MIN(cr.started_on) FROM crises cr WHERE cr.jobseeker_id = j.id AND cr.ended_on IS NULL), ''), "
      "COALESCE((SELECT MAX(s.taken_on) FROM score_tables s WHERE s.jobseeker_id = j.id), ''), "
      "COALESCE((SELECT MIN(w.due_on) FROM work_records w WHERE w.jobseeker_id = j.id AND w.kind = 'work_start' "
      "AND w.status || '' = 'active' AND w.due_on <> ''), ''), "
      "COALESCE((SELECT MIN(w.due_on) FROM work_records w WHERE w.jobseeker_id = j.id AND w.kind = 'absence_signal' "
      "AND w.status || '' = 'open'), ''), "
      "COALESCE((SELECT MIN(w.due_on) FROM work_records w WHERE w.jobseeker_id = j.id "
      "AND w.kind = 'sustainability_check' AND w.status || '' = 'due'), ''), "
      "CASE WHEN EXISTS (SELECT 1 FROM tracks t WHERE t.jobseeker_id = j.id AND t.status = 'active') THEN "
      "COALESCE((SELECT MAX(m.held_on) FROM mdos m WHERE m.jobseeker_id = j.id AND m.status = 'held'), "
      "(SELECT MIN(t.starts_on) FROM tracks t WHERE t.jobseeker_id = j.id AND t.status = 'active')) ELSE '' END, "
      "COALESCE((SELECT p.interval_days FROM mdo_plans p WHERE p.jobseeker_id = j.id), " +
          std::to_string(kDefaultMdoIntervalDays) +
          "), "
          "COALESCE((SELECT MAX(m.planned_on) FROM mdos m WHERE m.jobseeker_id = j.id AND m.status = 'planned'), '')" +
          from + " ORDER BY " + order + dir + ", j.id LIMIT ? OFFSET ?",
      list_params);
  for (size_t i = 0; i < r.size(); ++i) {
    CaseloadRow row;
    row.id = r.integer(i, 0);
    row.first_name = r.text(i, 1);
    row.last_name = r.text(i, 2);
    row.birth_date = r.text(i, 3);
    row.updated_at = r.text(i, 4);
    row.last_contact_date = r.text(i, 5);
    row.state = r.text(i, 6);
    row.opened_on = r.text(i, 7);
    row.registered_on = r.text(i, 8);
    row.trajectory_started_on = r.text(i, 9);
    row.open_crisis_since = r.text(i, 10);
    row.last_score_table_on = r.text(i, 11);
    row.aftercare_due_on = r.text(i, 12);
    row.open_absence_since = r.text(i, 13);
    row.follow_up_due_on = r.text(i, 14);
    row.mdo_base_on = r.text(i, 15);
    row.mdo_interval_days = int(r.integer(i, 16));
    row.mdo_planned_on = r.text(i, 17);
    page.items.push_back(std::move(row));
  }
  return page;
}

std::vector<User> Store::coaches_of(int64_t jobseeker_id) {
  auto c = pool_->acquire();
  auto r = c->query(std::string("SELECT ") + kUserColumns +
                        " FROM assignments a JOIN users u ON u.id = a.user_id LEFT JOIN teams t ON t.id = u.team_id "
                        "WHERE a.jobseeker_id = ? ORDER BY a.is_anchor DESC, u.display_name",
                    {jobseeker_id});
  std::vector<User> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(user_from_row(r, i));
  return out;
}

Status Store::assign_coach(int64_t jobseeker_id, int64_t user_id) {
  auto c = pool_->acquire();
  try {
    c->query("INSERT INTO assignments (jobseeker_id, user_id, is_anchor, since) VALUES (?, ?, 0, ?)",
             {jobseeker_id, user_id, today_utc()});
  } catch (const sql::Error& e) {
    if (!e.unique_violation) throw;
  }
  return Status::ok();
}

// --- Contact journal --------------------------------------------------------

Result<Contact> Store::add_contact(Contact ct, const AuditEntry& audit) {
  ct.version = 1;
  ct.created_at = ct.updated_at = now_utc();
  auto c = pool_->acquire();
  sql::in_transaction(*c, [&] {
    ct.id = c->query(
                 "INSERT INTO contacts (jobseeker_id, version, contact_date, kind, status, initiative, note, "
                 "author_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 {ct.jobseeker_id, ct.version, ct.date, ct.kind, ct.status, ct.initiative, cipher_->seal(ct.note),
                  ct.author_id,
                  ct.created_at, ct.updated_at})
                .integer(0, 0);
    AuditEntry e = audit;
    e.detail = "contact " + std::to_string(ct.id);
    insert_audit(*c, e, now_utc());
  });
  return contact_on(*c, ct.jobseeker_id, ct.id);
}

Result<Contact> Store::update_contact(const Contact& ct, int64_t expected_version, const AuditEntry& audit) {
  auto c = pool_->acquire();
  auto status = sql::in_transaction(*c, [&]() -> Status {
    auto r = c->query(
        "UPDATE contacts SET version = version + 1, contact_date = ?, kind = ?, status = ?, initiative = ?, "
        "note = ?, updated_at = ? WHERE id = ? AND jobseeker_id = ? AND version = ? RETURNING version",
        {ct.date, ct.kind, ct.status, ct.initiative, cipher_->seal(ct.note), now_utc(), ct.id, ct.jobseeker_id,
         expected_version});
    if (r.empty()) {
      bool exists =
          !c->query("SELECT 1 FROM contacts WHERE id = ? AND jobseeker_id = ?", {ct.id, ct.jobseeker_id}).empty();
      return exists ? Status::conflict() : Status::not_found();
    }
    insert_audit(*c, audit, now_utc());
    return Status::ok();
  });
  if (!status.is_ok()) return status;
  return contact_on(*c, ct.jobseeker_id, ct.id);
}

Result<Contact> Store::contact(int64_t jobseeker_id, int64_t contact_id) {
  auto c = pool_->acquire();
  return contact_on(*c, jobseeker_id, contact_id);
}

Result<Contact> Store::contact_on(sql::Connection& c, int64_t jobseeker_id, int64_t contact_id) {
  auto r = c.query(std::string("SELECT ") + kContactColumns +
                        " FROM contacts c LEFT JOIN users u ON u.id = c.author_id WHERE c.id = ? AND c.jobseeker_id = ?",
                    {contact_id, jobseeker_id});
  if (r.empty()) return Status::not_found();
  return contact_from_row(*cipher_, r, 0);
}

Page<Contact> Store::contacts(int64_t jobseeker_id, int limit, int offset) {
  auto c = pool_->acquire();
  Page<Contact> page;
  page.limit = limit;
  page.offset = offset;
  page.total = c->query("SELECT COUNT(*) FROM contacts WHERE jobseeker_id = ?", {jobseeker_id}).integer(0, 0);
  auto r = c->query(std::string("SELECT ") + kContactColumns +
                        " FROM contacts c LEFT JOIN users u ON u.id = c.author_id WHERE c.jobseeker_id = ? "
                        "ORDER BY c.contact_date DESC, c.id DESC LIMIT ? OFFSET ?",
                    {jobseeker_id, int64_t(limit), int64_t(offset)});
  for (size_t i = 0; i < r.size(); ++i) page.items.push_back(contact_from_row(*cipher_, r, i));
  return page;
}

ContactSummary Store::contact_summary(int64_t jobseeker_id) {
  auto c = pool_->acquire();
  auto r = c->query("SELECT id, contact_date, status FROM contacts WHERE jobseeker_id = ?", {jobseeker_id});
  std::vector<Contact> contacts(r.size());
  for (size_t i = 0; i < r.size(); ++i) {
    contacts[i].id = r.integer(i, 0);
    contacts[i].date = r.text(i, 1);
    contacts[i].status = r.text(i, 2);
  }
  return summarize(std::move(contacts));
}

}  // namespace spiraal
