#include "store/subject_data.h"

#include <algorithm>

#include "core/clock.h"
#include "core/jobseeker.h"

namespace spiraal {

using nlohmann::json;

const std::vector<SubjectTable>& subject_tables() {
  static const std::vector<SubjectTable> tables = {
      {"integrated_reports", "jobseeker_id",
       {"id", "version", "status", "sections", "finalised_on", "created_by", "created_at", "updated_at"}, {"sections"}},
      // The outreach before the dossier, once a consented handover linked it.
      {"outreach_events", "(SELECT p.jobseeker_id FROM outreach_people p WHERE p.id = person_id)",
       {"id", "person_id", "kind", "occurred_on", "content", "created_by", "created_at"}, {"content"}},
      {"handovers", "jobseeker_id",
       {"id", "person_id", "from_organisation_id", "to_team_id", "region", "segment", "first_contact_on",
        "handed_over_on", "joint_date", "toeleider_attends", "open_conditions"},
       {}},
      {"outreach_people", "jobseeker_id",
       {"id", "version", "toeleider_id", "organisation_id", "phase", "segment", "segment_on", "channel", "find_place",
        "referred_by", "region", "first_contact_on", "history_shared_on", "content", "created_at", "updated_at"},
       {"content"}},
      // "Mijn traject": messages, devices and invitation codes (digests).
      {"portal_messages", "jobseeker_id", {"id", "from_jobseeker", "author_id", "kind", "body", "created_at", "read_at"}, {}},
      {"portal_devices", "jobseeker_id",
       {"id", "user_id", "label", "created_at", "last_used_at", "revoked_at", "revoked_by"}, {}},
      {"portal_openings", "jobseeker_id", {"instrument", "opened_by", "opened_at"}, {}},
      {"portal_invitations", "jobseeker_id",
       {"id", "channel", "phone", "consent_on", "created_by", "created_at", "expires_at", "used_at"}, {}},
      {"contact_feedback", "jobseeker_id",
       {"id", "contact_id", "rating", "text", "channel", "recorded_by", "created_at"}, {}},
      {"counsellor_requests", "jobseeker_id",
       {"id", "team_id", "version", "status", "reason", "requested_on", "from_coach_id", "recorded_by", "answer_reason",
        "new_coach_id", "answered_by", "answered_on", "created_at", "updated_at"},
       {}},
      {"mdos", "jobseeker_id",
       {"id", "version", "status", "planned_on", "held_on", "document", "created_by", "created_at", "updated_at"},
       {"document"}},
      {"mdo_plans", "jobseeker_id",
       {"version", "interval_days", "consent_on", "consent_withdrawn_on", "updated_by", "updated_at"}, {}},
      {"tracks", "jobseeker_id",
       {"id", "version", "kind", "worker_user_id", "worker_name", "organisation_id", "rhythm_days", "starts_on", "ends_on",
        "status", "aim", "created_by", "created_at", "updated_at"},
       {}},
      // Signaalfunctie: the person's own flags (a beleidsnota keeps only
      // merged descriptions and counts, no link back, so it stays).
      {"structural_signals", "jobseeker_id",
       {"id", "region", "category", "description", "signalled_on", "version", "created_by", "created_at"}, {}},
      // Groepswerking: attendance before the membership it names.
      {"group_attendance", "jobseeker_id", {"id", "group_id", "session_id", "member_id", "held_on", "status"}, {}},
      {"group_members", "jobseeker_id",
       {"id", "group_id", "role", "name", "organisation", "joined_on", "created_by", "created_at"}, {}},
      {"work_records", "jobseeker_id",
       {"id", "kind", "parent_id", "version", "status", "due_on", "content", "created_by", "created_at", "updated_at"},
       {"content"}},
      {"social_links", "jobseeker_id",
       {"id", "domain", "organisation_id", "contact_id", "question_kind", "smart", "created_by", "created_at"}, {}},
      {"overlegs", "jobseeker_id", {"id", "version", "status", "planned_on", "document", "created_by", "created_at", "updated_at"},
       {"document"}},
      {"agreements", "jobseeker_id",
       {"id", "version", "content", "signed_on", "signed_by", "signed_at", "created_by", "created_at"}, {"content"}},
      {"followups", "jobseeker_id", {"id", "held_on", "improved", "actions_review", "created_by", "created_at"}, {}},
      {"goal_actions", "jobseeker_id",
       {"id", "goal_id", "version", "text", "owner", "organisation_id", "due_on", "status", "created_by", "created_at",
        "updated_at"},
       {}},
      {"goals", "jobseeker_id",
       {"id", "version", "text", "track", "domain", "horizon", "features", "status", "created_by", "created_at",
        "updated_at"},
       {"features"}},
      {"break_glass", "jobseeker_id", {"id", "user_id", "reason", "opened_at", "expires_at"}, {}},
      {"consents", "jobseeker_id",
       {"id", "recipient_id", "purpose", "scope", "given_on", "withdrawn_on", "recorded_by", "recorded_at"}, {"scope"}},
      {"instrument_versions", "jobseeker_id", {"id", "instrument", "taken_on", "document", "created_by", "created_at"},
       {"document"}},
      {"score_tables", "jobseeker_id",
       {"id", "taken_on", "scorer", "item_snapshot_id", "scores", "created_by", "created_at"}, {"scores"}},
      // The item sets the tables above were scored with (after them: erasure
      // deletes in this order).
      {"score_item_snapshots", "jobseeker_id", {"id", "items"}, {"items"}},
      {"score_item_sets", "jobseeker_id", {"version", "items", "updated_at"}, {"items"}},
      {"crises", "jobseeker_id", {"id", "version", "cause", "started_on", "ended_on", "recorded_by", "created_at"}, {}},
      {"spiral_moves", "jobseeker_id",
       {"id", "from_state", "to_state", "kind", "moved_on", "reason", "outcome", "recorded_by", "recorded_at"}, {}},
      {"trajectories", "jobseeker_id", {"state", "version", "last_moved_on", "started_on", "outcome", "updated_at"}, {}},
      {"screenings", "jobseeker_id",
       {"version", "screened_on", "indicators", "counted_rubrics", "probably_in_poverty", "conditions", "mmpp", "outcome",
        "outcome_reason", "outcome_on", "updated_by", "updated_at"},
       {"indicators", "counted_rubrics", "conditions", "mmpp"}},
      {"referrals", "jobseeker_id",
       {"id", "team_id", "version", "referrer_kind", "referrer_organisation", "referrer_person", "referred_on", "reason",
        "warm_handover", "warm_handover_on", "status", "picked_up_by", "created_by", "created_at"},
       {}},
      {"contacts", "jobseeker_id",
       {"id", "version", "contact_date", "kind", "status", "initiative", "note", "author_id", "created_at", "updated_at"},
       {}},
      {"assignments", "jobseeker_id", {"user_id", "is_anchor", "since"}, {}},
      {"jobseeker_versions", "jobseeker_id", {"version", "changed_at", "changed_by", "data"}, {"data"}},
      {"jobseekers", "id",
       {"id", "version", "team_id", "first_name", "last_name", "birth_date", "registered_on", "profile", "narrative",
        "created_at", "updated_at", "created_by", "updated_by"},
       {"profile", "narrative"}},
  };
  return tables;
}

namespace {

std::string column_list(const SubjectTable& t) {
  std::string out;
  for (const char* c : t.columns) out += (out.empty() ? "" : ", ") + std::string(c);
  return out;
}

json read_rows(sql::Connection& c, const FieldCipher& cipher, const SubjectTable& t, int64_t id) {
  // In a fixed order (the first column names the row), so two exports of the
  // same data are the same document on either store, before and after a restore.
  auto r = c.query("SELECT " + column_list(t) + " FROM " + t.table + " WHERE " + t.person_column + " = ? ORDER BY " +
                       t.columns.front(),
                   {id});
  json out = json::array();
  for (size_t i = 0; i < r.size(); ++i) {
    json row = json::object();
    for (size_t k = 0; k < t.columns.size(); ++k) {
      if (r.is_null(i, k)) {
        row[t.columns[k]] = nullptr;
        continue;
      }
      std::string v = cipher.open(r.text(i, k));
      bool is_json = std::find_if(t.json_columns.begin(), t.json_columns.end(),
                                  [&](const char* j) { return std::string(j) == t.columns[k]; }) != t.json_columns.end();
      row[t.columns[k]] = is_json ? json::parse(v, nullptr, false) : json(v);
    }
    out.push_back(std::move(row));
  }
  return out;
}

std::string age_band(const std::string& birth_date, const std::string& today) {
  int age = age_in_years(birth_date, today);
  if (age < 25) return "<25";
  if (age < 35) return "25-34";
  if (age < 45) return "35-44";
  if (age < 55) return "45-54";
  return "55+";
}

int64_t count(sql::Connection& c, const char* table, int64_t id) {
  return c.query(std::string("SELECT COUNT(*) FROM ") + table + " WHERE jobseeker_id = ?", {id}).integer(0, 0);
}

}  // namespace

json subject_rows(Store& store, const SubjectTable& t, int64_t jobseeker_id) {
  auto c = store.pool().acquire();
  return read_rows(*c, store.cipher(), t, jobseeker_id);
}

Result<Tombstone> erase_subject(Store& store, int64_t id, const AuditEntry& audit) {
  auto j = store.jobseeker(id);
  if (!j.is_ok()) return Status::not_found();
  Tombstone t;
  t.jobseeker_id = id;
  t.erased_on = today_utc();
  t.age_band = age_band(j->birth_date, t.erased_on);
  t.registered_year = j->registered_on.substr(0, 4);
  auto c = store.pool().acquire();
  sql::in_transaction(*c, [&] {
    t.team_id = c->query("SELECT team_id FROM jobseekers WHERE id = ?", {id}).opt_integer(0, 0);
    auto traj = c->query("SELECT state, COALESCE(outcome, '') FROM trajectories WHERE jobseeker_id = ?", {id});
    if (!traj.empty()) t.final_state = traj.text(0, 0), t.outcome = traj.text(0, 1);
    t.contacts = count(*c, "contacts", id);
    t.crises = count(*c, "crises", id);
    t.moves = count(*c, "spiral_moves", id);
    // The person's own account ("mijn traject") stays as an empty, closed
    // row: the records it wrote point at it.
    c->query("DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE jobseeker_id = ?)", {id});
    c->query("UPDATE users SET jobseeker_id = NULL, active = 0, display_name = '', password_hash = '', "
             "username = 'erased.' || CAST(id AS TEXT) WHERE jobseeker_id = ?",
             {id});
    for (const auto& table : subject_tables())
      c->query(std::string("DELETE FROM ") + table.table + " WHERE " + table.person_column + " = ?", {id});
    c->query(
        "INSERT INTO tombstones (jobseeker_id, erased_on, erased_by, age_band, team_id, registered_year, final_state, "
        "outcome, contacts, crises, moves) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {id, t.erased_on, audit.username, t.age_band, t.team_id ? sql::Param(*t.team_id) : sql::Param(nullptr),
         t.registered_year, t.final_state, t.outcome, t.contacts, t.crises, t.moves});
    Store::append_audit(*c, audit);
  });
  return t;
}

std::vector<json> retention_due(Store& store, int months) {
  const std::string cutoff = add_months(today_utc(), -months);
  auto c = store.pool().acquire();
  auto r = c->query(
      "SELECT j.id, t.last_moved_on, COALESCE(t.outcome, '') FROM jobseekers j JOIN trajectories t ON t.jobseeker_id = j.id "
      "WHERE t.state = 'closed' AND t.last_moved_on < ? ORDER BY t.last_moved_on, j.id",
      {cutoff});
  std::vector<json> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back({{"id", r.integer(i, 0)}, {"closed_on", r.text(i, 1)}, {"outcome", r.text(i, 2)}});
  return out;
}

}  // namespace spiraal
