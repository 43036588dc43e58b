#include "store/trajectory_store.h"

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "store/store_internal.h"

namespace spiraal {
namespace {

using nlohmann::json;
using sql::Param;

using store_internal::text_or_null;

const char* kReferralColumns =
    "r.id, r.jobseeker_id, r.version, r.referrer_kind, r.referrer_organisation, r.referrer_person, r.referred_on, "
    "r.reason, r.warm_handover, COALESCE(r.warm_handover_on, ''), r.status, r.created_at, "
    "j.first_name || ' ' || j.last_name";

Referral referral_from_row(const FieldCipher& fc, const sql::Rows& rows, size_t i) {
  Referral r;
  r.id = rows.integer(i, 0);
  r.jobseeker_id = rows.integer(i, 1);
  r.version = rows.integer(i, 2);
  r.referrer_kind = rows.text(i, 3);
  r.referrer_organisation = rows.text(i, 4);
  r.referrer_person = rows.text(i, 5);
  r.referred_on = rows.text(i, 6);
  r.reason = fc.open(rows.text(i, 7));
  r.warm_handover = rows.integer(i, 8) != 0;
  r.warm_handover_on = rows.text(i, 9);
  r.status = rows.text(i, 10);
  r.created_at = rows.text(i, 11);
  r.jobseeker_name = rows.text(i, 12);
  return r;
}

const char* kScreeningColumns =
    "jobseeker_id, version, screened_on, indicators, conditions, mmpp, COALESCE(outcome, ''), "
    "COALESCE(outcome_reason, ''), COALESCE(outcome_on, ''), updated_at";

Screening screening_from_row(const FieldCipher& fc, const sql::Rows& rows) {
  Screening s;
  s.jobseeker_id = rows.integer(0, 0);
  s.version = rows.integer(0, 1);
  // Stored values were validated on the way in; decode through the same rules.
  json body = {{"screened_on", rows.text(0, 2)},
               {"indicators", json::parse(rows.text(0, 3))},
               {"conditions", json::parse(fc.open(rows.text(0, 4)))},
               {"mmpp", json::parse(fc.open(rows.text(0, 5)))}};
  if (!apply_patch(s, body, "9999-12-31").empty()) throw sql::Error("stored screening does not decode");
  s.outcome = rows.text(0, 6);
  s.outcome_reason = rows.text(0, 7);
  s.outcome_on = rows.text(0, 8);
  s.updated_at = rows.text(0, 9);
  return s;
}

const char* kCrisisColumns = "id, jobseeker_id, version, cause, started_on, COALESCE(ended_on, ''), created_at";

Crisis crisis_from_row(const FieldCipher& fc, const sql::Rows& rows, size_t i) {
  return {rows.integer(i, 0), rows.integer(i, 1), rows.integer(i, 2), fc.open(rows.text(i, 3)),
          rows.text(i, 4),    rows.text(i, 5),    rows.text(i, 6)};
}

// Reads on a connection the caller already holds: a thread never asks the
// pool for a second connection while holding one.
std::optional<Screening> screening_on(const FieldCipher& fc, sql::Connection& c, int64_t jobseeker_id) {
  auto rows = c.query(std::string("SELECT ") + kScreeningColumns + " FROM screenings WHERE jobseeker_id = ?",
                      {jobseeker_id});
  if (rows.empty()) return std::nullopt;
  return screening_from_row(fc, rows);
}

Trajectory trajectory_on(sql::Connection& c, int64_t jobseeker_id) {
  auto r = c.query(
      "SELECT state, version, COALESCE(last_moved_on, ''), COALESCE(started_on, ''), COALESCE(outcome, '') "
      "FROM trajectories WHERE jobseeker_id = ?",
      {jobseeker_id});
  Trajectory t;
  t.jobseeker_id = jobseeker_id;
  if (r.empty()) return t;
  t.state = parse_spiral_state(r.text(0, 0)).value_or(SpiralState{});
  t.version = r.integer(0, 1);
  t.last_moved_on = r.text(0, 2);
  t.started_on = r.text(0, 3);
  t.outcome = r.text(0, 4);
  return t;
}

// Writes a move and the new state; kConflict when the version moved on.
Result<Trajectory> write_move(const FieldCipher& fc, sql::Connection& c, int64_t jobseeker_id, int64_t expected_version,
                              const SpiralState& from, MoveKind kind, const MoveRequest& m, int64_t user_id) {
  auto to = *parse_spiral_state(m.to_state);
  Trajectory before = trajectory_on(c, jobseeker_id);
  if (before.version != expected_version || before.state != from) return Status::conflict();
  std::string started = before.started_on;
  if (started.empty() && to.stage == Stage::kCycle1) started = m.moved_on;
  std::string outcome = kind == MoveKind::kClose ? m.outcome : "";
  std::string now = now_utc();
  if (before.version == 0) {
    c.query(
        "INSERT INTO trajectories (jobseeker_id, state, version, last_moved_on, started_on, outcome, updated_at) "
        "VALUES (?, ?, 1, ?, ?, ?, ?)",
        {jobseeker_id, to.code(), m.moved_on, text_or_null(started), text_or_null(outcome), now});
  } else {
    auto r = c.query(
        "UPDATE trajectories SET state = ?, version = version + 1, last_moved_on = ?, started_on = ?, outcome = ?, "
        "updated_at = ? WHERE jobseeker_id = ? AND version = ? RETURNING version",
        {to.code(), m.moved_on, text_or_null(started), text_or_null(outcome), now, jobseeker_id, expected_version});
    if (r.empty()) return Status::conflict();
  }
  c.query(
      "INSERT INTO spiral_moves (jobseeker_id, from_state, to_state, kind, moved_on, reason, outcome, recorded_by, "
      "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {jobseeker_id, from.code(), to.code(), to_string(kind), m.moved_on, fc.seal(m.reason), text_or_null(outcome),
       user_id ? Param(user_id) : Param(nullptr), now});
  return trajectory_on(c, jobseeker_id);
}

}  // namespace

// --- Referrals --------------------------------------------------------------

Result<Referral> TrajectoryStore::create_referral(const Jobseeker& j, Referral r, std::optional<int64_t> team_id,
                                                  const AuditEntry& audit, const Store::AlsoFn& also) {
  auto created = store_.create_jobseeker(j, team_id, std::nullopt, audit, [&](sql::Connection& c, int64_t id) {
    r.jobseeker_id = id;
    r.id = c.query(
                "INSERT INTO referrals (jobseeker_id, team_id, version, referrer_kind, referrer_organisation, "
                "referrer_person, referred_on, reason, warm_handover, warm_handover_on, status, created_by, "
                "created_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, 'waiting', ?, ?) RETURNING id",
                {id, team_id ? Param(*team_id) : Param(nullptr), r.referrer_kind, r.referrer_organisation,
                 r.referrer_person, r.referred_on, store_.cipher().seal(r.reason), int64_t(r.warm_handover),
                 text_or_null(r.warm_handover_on), audit.user_id, now_utc()})
               .integer(0, 0);
    Store::append_audit(c, {audit.user_id, audit.username, "referral.create", id, "referral " + std::to_string(r.id)});
    if (also) also(c, id);
  });
  if (!created.is_ok()) return created.status();
  return referral(r.id);
}

Result<Referral> TrajectoryStore::referral(int64_t id) {
  auto c = store_.pool().acquire();
  auto rows = c->query(std::string("SELECT ") + kReferralColumns +
                           " FROM referrals r JOIN jobseekers j ON j.id = r.jobseeker_id WHERE r.id = ?",
                       {id});
  if (rows.empty()) return Status::not_found();
  return referral_from_row(store_.cipher(), rows, 0);
}

std::vector<Referral> TrajectoryStore::referrals(std::optional<int64_t> team_id, const std::string& status,
                                                 int limit) {
  auto c = store_.pool().acquire();
  auto rows = c->query(std::string("SELECT ") + kReferralColumns +
                           " FROM referrals r JOIN jobseekers j ON j.id = r.jobseeker_id "
                           "WHERE r.team_id = ? AND r.status = ? ORDER BY r.referred_on, r.id LIMIT ?",
                       {team_id ? Param(*team_id) : Param(int64_t(-1)), status, int64_t(limit)});
  std::vector<Referral> out;
  for (size_t i = 0; i < rows.size(); ++i) out.push_back(referral_from_row(store_.cipher(), rows, i));
  return out;
}

std::vector<Referral> TrajectoryStore::referrals_of(int64_t jobseeker_id) {
  auto c = store_.pool().acquire();
  auto rows = c->query(std::string("SELECT ") + kReferralColumns +
                           " FROM referrals r JOIN jobseekers j ON j.id = r.jobseeker_id WHERE r.jobseeker_id = ? "
                           "ORDER BY r.referred_on DESC, r.id DESC",
                       {jobseeker_id});
  std::vector<Referral> out;
  for (size_t i = 0; i < rows.size(); ++i) out.push_back(referral_from_row(store_.cipher(), rows, i));
  return out;
}

Status TrajectoryStore::pick_up(int64_t referral_id, int64_t coach_id, const AuditEntry& audit) {
  auto c = store_.pool().acquire();
  return sql::in_transaction(*c, [&]() -> Status {
    auto r = c->query(
        "UPDATE referrals SET status = 'picked_up', picked_up_by = ?, version = version + 1 "
        "WHERE id = ? AND status = 'waiting' RETURNING jobseeker_id",
        {coach_id, referral_id});
    if (r.empty()) return Status::conflict("already_picked_up");
    int64_t jobseeker_id = r.integer(0, 0);
    if (c->query("SELECT 1 FROM assignments WHERE jobseeker_id = ? AND user_id = ?", {jobseeker_id, coach_id}).empty())
      c->query("INSERT INTO assignments (jobseeker_id, user_id, is_anchor, since) VALUES (?, ?, 0, ?)",
               {jobseeker_id, coach_id, today_utc()});
    AuditEntry e = audit;
    e.jobseeker_id = jobseeker_id;
    Store::append_audit(*c, e);
    return Status::ok();
  });
}

// --- Screening ---------------------------------------------------------------

std::optional<Screening> TrajectoryStore::screening(int64_t jobseeker_id) {
  auto c = store_.pool().acquire();
  return screening_on(store_.cipher(), *c, jobseeker_id);
}

Result<Screening> TrajectoryStore::save_screening(Screening s, int64_t expected_version, const AuditEntry& audit) {
  json j = to_json(s);
  std::string now = now_utc();
  auto c = store_.pool().acquire();
  Status status = sql::in_transaction(*c, [&]() -> Status {
    if (expected_version == 0) {
      if (!c->query("SELECT 1 FROM screenings WHERE jobseeker_id = ?", {s.jobseeker_id}).empty())
        return Status::conflict();
      c->query(
          "INSERT INTO screenings (jobseeker_id, version, screened_on, indicators, counted_rubrics, "
          "probably_in_poverty, conditions, mmpp, updated_by, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)",
          {s.jobseeker_id, s.screened_on, j["indicators"].dump(), j["counted_rubrics"].dump(),
           int64_t(s.result.probably_in_poverty), store_.cipher().seal(j["conditions"].dump()),
           store_.cipher().seal(j["mmpp"].dump()), audit.user_id, now});
    } else {
      auto r = c->query(
          "UPDATE screenings SET version = version + 1, screened_on = ?, indicators = ?, counted_rubrics = ?, "
          "probably_in_poverty = ?, conditions = ?, mmpp = ?, updated_by = ?, updated_at = ? "
          "WHERE jobseeker_id = ? AND version = ? AND outcome IS NULL RETURNING version",
          {s.screened_on, j["indicators"].dump(), j["counted_rubrics"].dump(), int64_t(s.result.probably_in_poverty),
           store_.cipher().seal(j["conditions"].dump()), store_.cipher().seal(j["mmpp"].dump()), audit.user_id, now,
           s.jobseeker_id, expected_version});
      if (r.empty()) return Status::conflict();
    }
    Store::append_audit(*c, audit);
    return Status::ok();
  });
  if (!status.is_ok()) return status;
  return screening_on(store_.cipher(), *c, s.jobseeker_id).value();
}

Result<Screening> TrajectoryStore::decide(int64_t jobseeker_id, int64_t expected_version, const std::string& outcome,
                                          const std::string& reason, const std::string& decided_on, int64_t anchor_id,
                                          const AuditEntry& audit) {
  auto c = store_.pool().acquire();
  auto status = sql::in_transaction(*c, [&]() -> Status {
    auto r = c->query(
        "UPDATE screenings SET version = version + 1, outcome = ?, outcome_reason = ?, outcome_on = ?, "
        "updated_by = ?, updated_at = ? WHERE jobseeker_id = ? AND version = ? AND outcome IS NULL RETURNING version",
        {outcome, reason, decided_on, audit.user_id, now_utc(), jobseeker_id, expected_version});
    if (r.empty()) return Status::conflict();
    c->query("UPDATE referrals SET status = 'screened', version = version + 1 WHERE jobseeker_id = ? AND status <> "
             "'screened'",
             {jobseeker_id});
    if (outcome == "included") {
      c->query("UPDATE assignments SET is_anchor = 0 WHERE jobseeker_id = ?", {jobseeker_id});
      if (c->query("UPDATE assignments SET is_anchor = 1 WHERE jobseeker_id = ? AND user_id = ? RETURNING user_id",
                   {jobseeker_id, anchor_id})
              .empty())
        c->query("INSERT INTO assignments (jobseeker_id, user_id, is_anchor, since) VALUES (?, ?, 1, ?)",
                 {jobseeker_id, anchor_id, today_utc()});
      Trajectory t = trajectory_on(*c, jobseeker_id);
      auto moved = write_move(store_.cipher(), *c, jobseeker_id, t.version, t.state, MoveKind::kForward,
                              {"c1.1", decided_on, reason, ""}, audit.user_id);
      if (!moved.is_ok()) return moved.status();
    }
    Store::append_audit(*c, audit);
    return Status::ok();
  });
  if (!status.is_ok()) return status;
  return screening_on(store_.cipher(), *c, jobseeker_id).value();
}

// --- The spiral ---------------------------------------------------------------

Trajectory TrajectoryStore::trajectory(int64_t jobseeker_id) {
  auto c = store_.pool().acquire();
  return trajectory_on(*c, jobseeker_id);
}

std::vector<SpiralMove> TrajectoryStore::moves(int64_t jobseeker_id) {
  auto c = store_.pool().acquire();
  auto rows = c->query(
      "SELECT m.id, m.from_state, m.to_state, m.kind, m.moved_on, m.reason, COALESCE(m.outcome, ''), "
      "COALESCE(u.display_name, ''), m.recorded_at FROM spiral_moves m LEFT JOIN users u ON u.id = m.recorded_by "
      "WHERE m.jobseeker_id = ? ORDER BY m.moved_on, m.id",
      {jobseeker_id});
  std::vector<SpiralMove> out;
  for (size_t i = 0; i < rows.size(); ++i)
    out.push_back({rows.integer(i, 0), rows.text(i, 1), rows.text(i, 2), rows.text(i, 3), rows.text(i, 4),
                   store_.cipher().open(rows.text(i, 5)), rows.text(i, 6), rows.text(i, 7), rows.text(i, 8)});
  return out;
}

Result<Trajectory> TrajectoryStore::move(int64_t jobseeker_id, int64_t expected_version, const SpiralState& from,
                                         MoveKind kind, const MoveRequest& m, const AuditEntry& audit) {
  auto c = store_.pool().acquire();
  return sql::in_transaction(*c, [&]() -> Result<Trajectory> {
    auto t = write_move(store_.cipher(), *c, jobseeker_id, expected_version, from, kind, m, audit.user_id);
    if (t.is_ok()) Store::append_audit(*c, audit);
    return t;
  });
}

// --- Crises -------------------------------------------------------------------

std::vector<Crisis> TrajectoryStore::crises(int64_t jobseeker_id) {
  auto c = store_.pool().acquire();
  auto rows = c->query(std::string("SELECT ") + kCrisisColumns +
                           " FROM crises WHERE jobseeker_id = ? ORDER BY started_on, id",
                       {jobseeker_id});
  std::vector<Crisis> out;
  for (size_t i = 0; i < rows.size(); ++i) out.push_back(crisis_from_row(store_.cipher(), rows, i));
  return out;
}

Result<Crisis> TrajectoryStore::crisis(int64_t jobseeker_id, int64_t crisis_id) {
  auto c = store_.pool().acquire();
  auto rows = c->query(std::string("SELECT ") + kCrisisColumns + " FROM crises WHERE id = ? AND jobseeker_id = ?",
                       {crisis_id, jobseeker_id});
  if (rows.empty()) return Status::not_found();
  return crisis_from_row(store_.cipher(), rows, 0);
}

Result<Crisis> TrajectoryStore::open_crisis(Crisis cr, int64_t user_id, const AuditEntry& audit) {
  auto c = store_.pool().acquire();
  auto id = sql::in_transaction(*c, [&]() -> Result<int64_t> {
    if (!c->query("SELECT 1 FROM crises WHERE jobseeker_id = ? AND ended_on IS NULL", {cr.jobseeker_id}).empty())
      return Status::invalid_field("started_on", "crisis_open");
    int64_t id = c->query(
                      "INSERT INTO crises (jobseeker_id, version, cause, started_on, ended_on, recorded_by, "
                      "created_at) VALUES (?, 1, ?, ?, ?, ?, ?) RETURNING id",
                      {cr.jobseeker_id, store_.cipher().seal(cr.cause), cr.started_on, text_or_null(cr.ended_on),
                       user_id, now_utc()})
                     .integer(0, 0);
    Store::append_audit(*c, audit);
    return id;
  });
  if (!id.is_ok()) return id.status();
  auto rows = c->query(std::string("SELECT ") + kCrisisColumns + " FROM crises WHERE id = ?", {id.value()});
  return crisis_from_row(store_.cipher(), rows, 0);
}

Result<Crisis> TrajectoryStore::update_crisis(const Crisis& cr, int64_t expected_version, const AuditEntry& audit) {
  auto c = store_.pool().acquire();
  auto status = sql::in_transaction(*c, [&]() -> Status {
    auto r = c->query(
        "UPDATE crises SET version = version + 1, cause = ?, started_on = ?, ended_on = ? "
        "WHERE id = ? AND jobseeker_id = ? AND version = ? RETURNING version",
        {store_.cipher().seal(cr.cause), cr.started_on, text_or_null(cr.ended_on), cr.id, cr.jobseeker_id,
         expected_version});
    if (r.empty()) return Status::conflict();
    Store::append_audit(*c, audit);
    return Status::ok();
  });
  if (!status.is_ok()) return status;
  auto rows = c->query(std::string("SELECT ") + kCrisisColumns + " FROM crises WHERE id = ?", {cr.id});
  return crisis_from_row(store_.cipher(), rows, 0);
}

}  // namespace spiraal
