#include "store/voice_service.h"

#include <algorithm>

#include "core/clock.h"
#include "store/store_internal.h"

namespace spiraal {

using nlohmann::json;
using store_internal::opt_param;

namespace {

constexpr const char* kRequestColumns =
    "id, jobseeker_id, version, status, reason, requested_on, from_coach_id, recorded_by, answer_reason, new_coach_id, "
    "answered_by, answered_on";

CounsellorRequest request_from_row(const sql::Rows& r, size_t i, const FieldCipher& cipher) {
  CounsellorRequest q;
  q.id = r.integer(i, 0);
  q.jobseeker_id = r.integer(i, 1);
  q.version = r.integer(i, 2);
  q.status = r.text(i, 3);
  q.reason = cipher.open(r.text(i, 4));
  q.requested_on = r.text(i, 5);
  q.from_coach_id = r.opt_integer(i, 6);
  q.recorded_by = r.opt_integer(i, 7).value_or(0);
  q.answer_reason = cipher.open(r.text(i, 8));
  q.new_coach_id = r.opt_integer(i, 9);
  q.answered_by = r.opt_integer(i, 10);
  q.answered_on = r.text(i, 11);
  return q;
}

}  // namespace

Result<std::vector<ContactFeedback>> VoiceService::feedback(const Principal& p, int64_t id) {
  if (auto s = dossiers_.authorize(p, Action::kReadDossier, id, "feedback.read"); !s.is_ok()) return s;
  store_.audit(dossiers_.entry(p, "feedback.read", id));
  auto c = store_.pool().acquire();
  auto r = c->query("SELECT id, contact_id, rating, text, channel, recorded_by, created_at FROM contact_feedback "
                    "WHERE jobseeker_id = ? ORDER BY contact_id",
                    {id});
  std::vector<ContactFeedback> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back({r.integer(i, 0), id, r.integer(i, 1), int(r.integer(i, 2)), store_.cipher().open(r.text(i, 3)),
                   r.text(i, 4), r.opt_integer(i, 5).value_or(0), r.text(i, 6)});
  return out;
}

Result<ContactFeedback> VoiceService::give_feedback(const Principal& p, int64_t id, int64_t contact_id, const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, id, "feedback.create"); !s.is_ok()) return s;
  if (!store_.contact(id, contact_id).is_ok()) return Status::not_found();
  auto parsed = parse_contact_feedback(body);
  if (!parsed.is_ok()) return parsed.status();
  ContactFeedback f = parsed.value();
  f.jobseeker_id = id;
  f.contact_id = contact_id;
  f.recorded_by = p.user_id;
  f.created_at = now_utc();
  auto c = store_.pool().acquire();
  bool given = false;
  sql::in_transaction(*c, [&] {
    // The unique key on contact_id guards against a race; this check answers
    // the ordinary second attempt without an error in the database log.
    given = !c->query("SELECT 1 FROM contact_feedback WHERE contact_id = ?", {contact_id}).empty();
    if (given) return;
    f.id = c->query("INSERT INTO contact_feedback (jobseeker_id, contact_id, rating, text, channel, recorded_by, "
                    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    {id, contact_id, int64_t(f.rating), store_.cipher().seal(f.text), f.channel, p.user_id,
                     f.created_at})
               .integer(0, 0);
    Store::append_audit(*c, dossiers_.entry(p, "feedback.create", id, "contact " + std::to_string(contact_id)));
  });
  if (given) return Status::conflict("feedback_given");
  return f;
}

std::vector<CounsellorRequest> VoiceService::load_requests(const std::string& where, int64_t key) {
  auto c = store_.pool().acquire();
  auto r = c->query(std::string("SELECT ") + kRequestColumns + " FROM counsellor_requests WHERE " + where +
                        " ORDER BY id DESC",
                    {key});
  std::vector<CounsellorRequest> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(request_from_row(r, i, store_.cipher()));
  return out;
}

Result<std::vector<CounsellorRequest>> VoiceService::requests(const Principal& p, int64_t id) {
  if (auto s = dossiers_.authorize(p, Action::kReadDossier, id, "counsellor_request.read"); !s.is_ok()) return s;
  store_.audit(dossiers_.entry(p, "counsellor_request.read", id));
  return load_requests("jobseeker_id = ?", id);
}

Result<CounsellorRequest> VoiceService::ask(const Principal& p, int64_t id, const json& body) {
  // The assigned coach records it, or a coordinator of the team.
  Relation r = store_.relation(p, id);
  if (!allowed(p, Action::kWriteDossier, r) && !allowed(p, Action::kAnswerCounsellorRequest, r))
    return dossiers_.authorize(p, Action::kWriteDossier, id, "counsellor_request.create");
  auto parsed = parse_counsellor_request(body, today_utc());
  if (!parsed.is_ok()) return parsed.status();
  CounsellorRequest q = parsed.value();
  q.jobseeker_id = id;
  q.version = 1;
  q.recorded_by = p.user_id;
  const std::string now = now_utc();
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    auto anchor = c->query("SELECT user_id FROM assignments WHERE jobseeker_id = ? ORDER BY is_anchor DESC, since, "
                           "user_id LIMIT 1",
                           {id});
    if (!anchor.empty()) q.from_coach_id = anchor.integer(0, 0);
    auto team = c->query("SELECT team_id FROM jobseekers WHERE id = ?", {id}).opt_integer(0, 0);
    q.id = c->query("INSERT INTO counsellor_requests (jobseeker_id, team_id, version, status, reason, requested_on, "
                    "from_coach_id, recorded_by, answer_reason, created_at, updated_at) "
                    "VALUES (?, ?, 1, 'open', ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    {id, opt_param(team), store_.cipher().seal(q.reason), q.requested_on, opt_param(q.from_coach_id),
                     p.user_id, store_.cipher().seal(""), now, now})
               .integer(0, 0);
    Store::append_audit(*c, dossiers_.entry(p, "counsellor_request.create", id, std::to_string(q.id)));
  });
  return q;
}

std::vector<User> VoiceService::team_coaches(int64_t id) {
  std::optional<int64_t> team;
  {
    auto c = store_.pool().acquire();
    auto r = c->query("SELECT team_id FROM jobseekers WHERE id = ?", {id});
    if (!r.empty()) team = r.opt_integer(0, 0);
  }
  std::vector<User> out;
  if (!team) return out;
  for (auto& u : store_.list_users())
    if (u.active && u.team_id == team && (u.role == Role::kCoach || u.role == Role::kCoordinator))
      out.push_back(std::move(u));
  return out;
}

Result<CounsellorRequest> VoiceService::answer(const Principal& p, int64_t id, int64_t rid, const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kAnswerCounsellorRequest, id, "counsellor_request.answer"); !s.is_ok())
    return s;
  {
    auto c = store_.pool().acquire();
    auto team = c->query("SELECT team_id FROM jobseekers WHERE id = ?", {id}).opt_integer(0, 0);
    if (!team || team != p.team_id) {
      store_.audit(dossiers_.entry(p, "access.denied", id, "counsellor_request.answer"));
      return Status::forbidden();
    }
  }
  auto version = expected_version(body);
  if (!version.is_ok()) return version.status();
  auto all = load_requests("jobseeker_id = ?", id);
  auto it = std::find_if(all.begin(), all.end(), [&](const CounsellorRequest& q) { return q.id == rid; });
  if (it == all.end()) return Status::not_found();
  // A stale version is a conflict before anything else: the caller saw another state.
  if (it->version != version.value()) return Status::conflict();
  CounsellorRequest q = *it;
  json rest = body;
  rest.erase("version");
  if (auto s = apply_counsellor_answer(q, rest, p.user_id, today_utc()); !s.is_ok()) return s;
  if (q.new_coach_id) {
    bool in_team = false;
    for (const auto& u : team_coaches(id)) in_team |= u.id == *q.new_coach_id;
    if (!in_team) return Status::invalid_field("new_coach_id", "not_in_team");
  }
  bool stale = false;
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    stale = c->query("UPDATE counsellor_requests SET version = version + 1, status = ?, answer_reason = ?, "
                     "new_coach_id = ?, answered_by = ?, answered_on = ?, updated_at = ? "
                     "WHERE id = ? AND jobseeker_id = ? AND version = ? AND status = 'open' RETURNING id",
                     {q.status, store_.cipher().seal(q.answer_reason), opt_param(q.new_coach_id), p.user_id,
                      q.answered_on, now_utc(), rid, id, version.value()})
                .empty();
    if (stale) return;
    if (q.status == "granted") {
      // The old counsellor no longer guides the person; the new one becomes
      // the anchor person (as TrajectoryStore::decide sets the anchor).
      if (q.from_coach_id)
        c->query("DELETE FROM assignments WHERE jobseeker_id = ? AND user_id = ?", {id, *q.from_coach_id});
      c->query("UPDATE assignments SET is_anchor = 0 WHERE jobseeker_id = ?", {id});
      if (c->query("UPDATE assignments SET is_anchor = 1 WHERE jobseeker_id = ? AND user_id = ? RETURNING user_id",
                   {id, *q.new_coach_id})
              .empty())
        c->query("INSERT INTO assignments (jobseeker_id, user_id, is_anchor, since) VALUES (?, ?, 1, ?)",
                 {id, *q.new_coach_id, today_utc()});
    }
    Store::append_audit(*c, dossiers_.entry(p, "counsellor_request.answer", id, std::to_string(rid) + " " + q.status));
  });
  if (stale) return Status::conflict();
  q.version = version.value() + 1;
  return q;
}

Result<std::vector<QueuedCounsellorRequest>> VoiceService::queue(const Principal& p) {
  if (p.role != Role::kCoordinator || !p.team_id) return Status::forbidden();
  auto all = load_requests("team_id = ?", *p.team_id);
  std::stable_partition(all.begin(), all.end(), [](const CounsellorRequest& q) { return q.status == "open"; });
  std::vector<QueuedCounsellorRequest> out;
  for (auto& q : all) {
    QueuedCounsellorRequest item{q, "", ""};
    if (auto j = store_.jobseeker(q.jobseeker_id); j.is_ok()) item.jobseeker_name = j->first_name + " " + j->last_name;
    if (q.from_coach_id)
      if (auto u = store_.user_by_id(*q.from_coach_id)) item.from_coach_name = u->display_name;
    out.push_back(std::move(item));
  }
  store_.audit({p.user_id, p.username, "counsellor_request.queue", std::nullopt, std::to_string(out.size())});
  return out;
}

}  // namespace spiraal
