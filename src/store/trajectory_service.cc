#include "store/trajectory_service.h"

#include "core/clock.h"
#include "core/text.h"

namespace spiraal {
namespace {

using nlohmann::json;

// An optional integer member; a field error when present with another type.
std::optional<int64_t> int_member(const json& body, const char* key, FieldErrors& errors) {
  if (!body.contains(key) || body[key].is_null()) return std::nullopt;
  if (!body[key].is_number_integer()) {
    errors.push_back({key, "type_integer"});
    return std::nullopt;
  }
  return body[key].get<int64_t>();
}

std::string text_member(const json& body, const char* key, FieldErrors& errors) {
  if (!body.contains(key) || body[key].is_null()) return {};
  if (!body[key].is_string()) {
    errors.push_back({key, "type_text"});
    return {};
  }
  return body[key].get<std::string>();
}

void refuse_unknown(const json& body, std::initializer_list<const char*> known, FieldErrors& errors) {
  for (const auto& [key, _] : body.items()) {
    bool ok = false;
    for (const char* k : known) ok |= key == k;
    if (!ok) errors.push_back({key, "unknown_field"});
  }
}

}  // namespace

Result<Referral> TrajectoryService::refer(const Principal& p, const json& body) {
  if (!allowed(p, Action::kCreateJobseeker)) return Status::forbidden();
  if (!body.is_object()) return Status::invalid_field("", "type_object");
  std::string today = today_utc();
  // The person's fields and the referral's fields arrive in one body.
  json person = json::object(), rest = json::object();
  for (const auto& [key, value] : body.items())
    (key == "first_name" || key == "last_name" || key == "birth_date" || key == "registered_on" ? person : rest)[key] =
        value;
  Jobseeker j;
  FieldErrors errors = apply_patch(j, person, today, {});
  for (const auto& e : validate(j)) errors.push_back(e);
  Referral r;
  for (const auto& e : apply_patch(r, rest, today)) errors.push_back(e);
  for (const auto& e : validate(r)) errors.push_back(e);
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return data_.create_referral(j, std::move(r), p.team_id, dossiers_.entry(p, "dossier.create", 0, "referral"));
}

Result<std::vector<Referral>> TrajectoryService::waiting_referrals(const Principal& p, int limit) {
  if (!allowed(p, Action::kListCaseload)) return Status::forbidden();
  return data_.referrals(p.team_id, "waiting", limit);
}

Result<std::vector<Referral>> TrajectoryService::referrals_of(const Principal& p, int64_t jobseeker_id) {
  if (auto s = dossiers_.authorize(p, Action::kReadDossier, jobseeker_id, "referral.read"); !s.is_ok()) return s;
  return data_.referrals_of(jobseeker_id);
}

Status TrajectoryService::pick_up(const Principal& p, int64_t referral_id) {
  auto r = data_.referral(referral_id);
  if (!r.is_ok()) return r.status();
  if (auto s = dossiers_.authorize(p, Action::kPickUpReferral, r->jobseeker_id, "referral.pick_up"); !s.is_ok())
    return s;
  return data_.pick_up(referral_id, p.user_id, dossiers_.entry(p, "referral.pick_up", r->jobseeker_id));
}

Result<Screening> TrajectoryService::screening(const Principal& p, int64_t jobseeker_id) {
  if (auto s = dossiers_.authorize(p, Action::kReadDossier, jobseeker_id, "screening.read"); !s.is_ok()) return s;
  auto found = data_.screening(jobseeker_id);
  if (!found) return Status::not_found();
  store_.audit(dossiers_.entry(p, "screening.read", jobseeker_id));
  return *found;
}

Result<Screening> TrajectoryService::save_screening(const Principal& p, int64_t jobseeker_id, const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, jobseeker_id, "screening.save"); !s.is_ok()) return s;
  FieldErrors errors;
  if (!body.is_object()) return Status::invalid_field("", "type_object");
  int64_t version = int_member(body, "version", errors).value_or(0);
  Screening s = data_.screening(jobseeker_id).value_or(Screening{});
  if (s.version != 0 && !s.outcome.empty()) return Status::conflict("screening_decided");
  s.jobseeker_id = jobseeker_id;
  for (const auto& e : apply_patch(s, body, today_utc())) errors.push_back(e);
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return data_.save_screening(std::move(s), version, dossiers_.entry(p, "screening.save", jobseeker_id));
}

Result<Screening> TrajectoryService::decide(const Principal& p, int64_t jobseeker_id, const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, jobseeker_id, "screening.decide"); !s.is_ok()) return s;
  if (!body.is_object()) return Status::invalid_field("", "type_object");
  FieldErrors errors;
  refuse_unknown(body, {"version", "outcome", "reason", "decided_on", "anchor_coach_id"}, errors);
  auto version = expected_version(body);
  if (!version.is_ok()) return version.status();
  std::string outcome = text_member(body, "outcome", errors);
  std::string reason = text_member(body, "reason", errors);
  std::string decided_on = text_member(body, "decided_on", errors);
  int64_t anchor = int_member(body, "anchor_coach_id", errors).value_or(p.user_id);
  auto current = data_.screening(jobseeker_id);
  if (!current) return Status::invalid_field("screening", "required");
  for (const auto& e : check_outcome(*current, outcome, reason, decided_on, today_utc())) errors.push_back(e);
  if (outcome == "included") {
    // The anchor person is a coach of the dossier's team (or the caller).
    auto coach = store_.user_by_id(anchor);
    bool ok = coach && coach->active && (coach->role == Role::kCoach || coach->role == Role::kCoordinator) &&
              (coach->id == p.user_id || store_.relation(coach->principal(), jobseeker_id) != Relation::kNone);
    if (!ok) errors.push_back({"anchor_coach_id", "not_a_team_coach"});
  }
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return data_.decide(jobseeker_id, version.value(), outcome, trim(reason), decided_on, anchor,
                      dossiers_.entry(p, "screening.decide", jobseeker_id, outcome));
}

Result<TrajectoryView> TrajectoryService::trajectory(const Principal& p, int64_t jobseeker_id) {
  if (auto s = dossiers_.authorize(p, DossierService::read_action(p), jobseeker_id, "trajectory.read"); !s.is_ok()) return s;
  TrajectoryView v;
  v.trajectory = data_.trajectory(jobseeker_id);
  v.moves = data_.moves(jobseeker_id);
  v.crises = data_.crises(jobseeker_id);
  for (const auto& c : v.crises) v.welfare_focus |= c.open();
  auto page = store_.contacts(jobseeker_id, 100000, 0);
  v.contacts.assign(page.items.rbegin(), page.items.rend());
  store_.audit(dossiers_.entry(p, "trajectory.read", jobseeker_id));
  return v;
}

Result<Trajectory> TrajectoryService::place(const Principal& p, int64_t jobseeker_id) {
  if (auto s = dossiers_.authorize(p, DossierService::read_action(p), jobseeker_id, "trajectory.read"); !s.is_ok())
    return s;
  Trajectory t = data_.trajectory(jobseeker_id);
  store_.audit(dossiers_.entry(p, "trajectory.read", jobseeker_id, "place"));
  return t;
}

Result<Trajectory> TrajectoryService::move(const Principal& p, int64_t jobseeker_id, const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, jobseeker_id, "trajectory.move"); !s.is_ok()) return s;
  if (!body.is_object()) return Status::invalid_field("", "type_object");
  FieldErrors errors;
  refuse_unknown(body, {"version", "to_state", "moved_on", "reason", "outcome"}, errors);
  int64_t version = int_member(body, "version", errors).value_or(-1);
  if (version < 0) errors.push_back({"version", "required"});
  MoveRequest m{text_member(body, "to_state", errors), text_member(body, "moved_on", errors),
                text_member(body, "reason", errors), text_member(body, "outcome", errors)};
  Trajectory t = data_.trajectory(jobseeker_id);
  auto kind = check_move(t.state, t.last_moved_on, m, today_utc());
  if (!kind.is_ok())
    for (const auto& e : kind.status().fields()) errors.push_back(e);
  if (!errors.empty()) return Status::invalid(std::move(errors));
  if (version != t.version) return Status::conflict();
  m.reason = trim(m.reason);
  return data_.move(jobseeker_id, version, t.state, kind.value(), m,
                    dossiers_.entry(p, "trajectory.move", jobseeker_id, t.state.code() + " -> " + m.to_state));
}

Result<Crisis> TrajectoryService::open_crisis(const Principal& p, int64_t jobseeker_id, const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, jobseeker_id, "crisis.open"); !s.is_ok()) return s;
  Crisis c;
  c.jobseeker_id = jobseeker_id;
  FieldErrors errors = apply_patch(c, body, today_utc());
  for (const auto& e : validate(c)) errors.push_back(e);
  if (data_.trajectory(jobseeker_id).state.stage == Stage::kClosed) errors.push_back({"started_on", "trajectory_closed"});
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return data_.open_crisis(std::move(c), p.user_id, dossiers_.entry(p, "crisis.open", jobseeker_id));
}

Result<Crisis> TrajectoryService::update_crisis(const Principal& p, int64_t jobseeker_id, int64_t crisis_id,
                                                const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, jobseeker_id, "crisis.update"); !s.is_ok()) return s;
  auto version = expected_version(body);
  if (!version.is_ok()) return version.status();
  auto current = data_.crisis(jobseeker_id, crisis_id);
  if (!current.is_ok()) return current.status();
  Crisis c = current.value();
  FieldErrors errors = apply_patch(c, body, today_utc());
  for (const auto& e : validate(c)) errors.push_back(e);
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return data_.update_crisis(c, version.value(),
                             dossiers_.entry(p, "crisis.update", jobseeker_id, "crisis " + std::to_string(crisis_id)));
}

}  // namespace spiraal
