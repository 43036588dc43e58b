#include "store/goal_service.h"

#include <algorithm>

#include "core/clock.h"
#include "core/field_reader.h"
#include "store/store_internal.h"

namespace spiraal {

using nlohmann::json;
using store_internal::opt_param;

namespace {

Goal goal_from_row(const sql::Rows& r, size_t i, const FieldCipher& cipher) {
  Goal g;
  g.id = r.integer(i, 0);
  g.jobseeker_id = r.integer(i, 1);
  g.version = r.integer(i, 2);
  g.text = cipher.open(r.text(i, 3));
  g.track = r.text(i, 4);
  g.domain = r.text(i, 5);
  g.horizon = r.text(i, 6);
  g.features = json::parse(r.text(i, 7)).get<std::vector<std::string>>();
  g.status = r.text(i, 8);
  return g;
}

constexpr const char* kGoalColumns = "id, jobseeker_id, version, text, track, domain, horizon, features, status";
constexpr const char* kActionColumns =
    "a.id, a.goal_id, a.version, a.text, a.owner, a.organisation_id, COALESCE(o.name, ''), a.due_on, a.status";

GoalAction action_from_row(const sql::Rows& r, size_t i, const FieldCipher& cipher) {
  GoalAction a;
  a.id = r.integer(i, 0);
  a.goal_id = r.integer(i, 1);
  a.version = r.integer(i, 2);
  a.text = cipher.open(r.text(i, 3));
  a.owner = r.text(i, 4);
  a.organisation_id = r.opt_integer(i, 5);
  a.organisation_name = r.text(i, 6);
  a.due_on = r.text(i, 7);
  a.status = r.text(i, 8);
  return a;
}

Status invalid_or(FieldErrors errors) { return errors.empty() ? Status::ok() : Status::invalid(std::move(errors)); }

}  // namespace

std::vector<GoalWithActions> GoalService::load_goals(int64_t jobseeker_id) {
  auto c = store_.pool().acquire();
  auto g = c->query(std::string("SELECT ") + kGoalColumns + " FROM goals WHERE jobseeker_id = ? ORDER BY id",
                    {jobseeker_id});
  auto a = c->query(std::string("SELECT ") + kActionColumns +
                        " FROM goal_actions a LEFT JOIN organisations o ON o.id = a.organisation_id "
                        "WHERE a.jobseeker_id = ? ORDER BY a.due_on, a.id",
                    {jobseeker_id});
  std::vector<GoalWithActions> out;
  for (size_t i = 0; i < g.size(); ++i) out.push_back({goal_from_row(g, i, store_.cipher()), {}});
  for (size_t i = 0; i < a.size(); ++i) {
    GoalAction action = action_from_row(a, i, store_.cipher());
    for (auto& x : out)
      if (x.goal.id == action.goal_id) x.actions.push_back(action);
  }
  return out;
}

Result<std::vector<GoalWithActions>> GoalService::goals(const Principal& p, int64_t id) {
  if (auto s = dossiers_.authorize(p, DossierService::read_action(p), id, "goals.read"); !s.is_ok()) return s;
  store_.audit(dossiers_.entry(p, "goals.read", id));
  return load_goals(id);
}

Result<Goal> GoalService::add_goal(const Principal& p, int64_t id, const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, id, "goal.create"); !s.is_ok()) return s;
  Goal g;
  if (auto s = invalid_or(apply_goal(g, body, true)); !s.is_ok()) return s;
  g.jobseeker_id = id;
  g.version = 1;
  const std::string now = now_utc();
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    g.id = c->query("INSERT INTO goals (jobseeker_id, version, text, track, domain, horizon, features, status, "
                    "created_by, created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    {id, store_.cipher().seal(g.text), g.track, g.domain, g.horizon, json(g.features).dump(), g.status,
                     p.user_id, now, now})
               .integer(0, 0);
    Store::append_audit(*c, dossiers_.entry(p, "goal.create", id, std::to_string(g.id)));
  });
  return g;
}

Result<Goal> GoalService::update_goal(const Principal& p, int64_t id, int64_t goal_id, const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, id, "goal.update"); !s.is_ok()) return s;
  auto version = expected_version(body);
  if (!version.is_ok()) return version.status();
  auto all = load_goals(id);
  auto it = std::find_if(all.begin(), all.end(), [&](const auto& x) { return x.goal.id == goal_id; });
  if (it == all.end()) return Status::not_found();
  Goal g = it->goal;
  if (auto s = invalid_or(apply_goal(g, body, false)); !s.is_ok()) return s;
  bool stale = false;
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    stale = c->query("UPDATE goals SET version = version + 1, text = ?, track = ?, domain = ?, horizon = ?, "
                     "features = ?, status = ?, updated_at = ? WHERE id = ? AND jobseeker_id = ? AND version = ? "
                     "RETURNING id",
                     {store_.cipher().seal(g.text), g.track, g.domain, g.horizon, json(g.features).dump(), g.status,
                      now_utc(), goal_id, id, version.value()})
                .empty();
    if (!stale) Store::append_audit(*c, dossiers_.entry(p, "goal.update", id, std::to_string(goal_id)));
  });
  if (stale) return Status::conflict();
  g.version = version.value() + 1;
  return g;
}

Result<GoalAction> GoalService::add_action(const Principal& p, int64_t id, int64_t goal_id, const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, id, "action.create"); !s.is_ok()) return s;
  GoalAction a;
  FieldErrors errors = apply_action(a, body, true);
  auto c = store_.pool().acquire();
  if (c->query("SELECT 1 FROM goals WHERE id = ? AND jobseeker_id = ?", {goal_id, id}).empty()) return Status::not_found();
  if (a.organisation_id) {
    auto o = c->query("SELECT name FROM organisations WHERE id = ?", {*a.organisation_id});
    if (o.empty()) errors.push_back({"organisation_id", "not_on_social_map"});
    else a.organisation_name = o.text(0, 0);
  }
  if (auto s = invalid_or(std::move(errors)); !s.is_ok()) return s;
  a.goal_id = goal_id;
  a.version = 1;
  const std::string now = now_utc();
  sql::in_transaction(*c, [&] {
    a.id = c->query("INSERT INTO goal_actions (goal_id, jobseeker_id, version, text, owner, organisation_id, due_on, "
                    "status, created_by, created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    {goal_id, id, store_.cipher().seal(a.text), a.owner, opt_param(a.organisation_id), a.due_on,
                     a.status, p.user_id, now, now})
               .integer(0, 0);
    Store::append_audit(*c, dossiers_.entry(p, "action.create", id, std::to_string(a.id)));
  });
  return a;
}

Result<GoalAction> GoalService::update_action(const Principal& p, int64_t id, int64_t action_id, const json& body) {
  if (auto s = dossiers_.authorize(p, DossierService::write_action(p), id, "action.update"); !s.is_ok()) return s;
  auto version = expected_version(body);
  if (!version.is_ok()) return version.status();
  // The jobseeker moves the status of their own actions, nothing else.
  const bool self = p.role == Role::kJobseeker;
  if (self) {
    FieldErrors errors;
    refuse_unknown(body, "", {"version", "status"}, errors);
    if (!errors.empty()) return Status::invalid(std::move(errors));
  }
  auto c = store_.pool().acquire();
  auto r = c->query(std::string("SELECT ") + kActionColumns +
                        " FROM goal_actions a LEFT JOIN organisations o ON o.id = a.organisation_id "
                        "WHERE a.id = ? AND a.jobseeker_id = ?",
                    {action_id, id});
  if (r.empty()) return Status::not_found();
  GoalAction a = action_from_row(r, 0, store_.cipher());
  if (self && a.owner != "jobseeker") return Status::forbidden();
  FieldErrors errors = apply_action(a, body, false);
  if (a.organisation_id && body.contains("organisation_id")) {
    auto o = c->query("SELECT name FROM organisations WHERE id = ?", {*a.organisation_id});
    if (o.empty()) errors.push_back({"organisation_id", "not_on_social_map"});
    else a.organisation_name = o.text(0, 0);
  }
  if (auto s = invalid_or(std::move(errors)); !s.is_ok()) return s;
  bool stale = false;
  sql::in_transaction(*c, [&] {
    stale = c->query("UPDATE goal_actions SET version = version + 1, text = ?, owner = ?, organisation_id = ?, "
                     "due_on = ?, status = ?, updated_at = ? WHERE id = ? AND version = ? RETURNING id",
                     {store_.cipher().seal(a.text), a.owner, opt_param(a.organisation_id), a.due_on, a.status,
                      now_utc(), action_id, version.value()})
                .empty();
    if (!stale) Store::append_audit(*c, dossiers_.entry(p, "action.update", id, std::to_string(action_id)));
  });
  if (stale) return Status::conflict();
  a.version = version.value() + 1;
  return a;
}

std::optional<int64_t> GoalService::organisation_of(int64_t user_id) {
  auto r = store_.pool().acquire()->query("SELECT organisation_id FROM users WHERE id = ?", {user_id});
  return r.empty() ? std::nullopt : r.opt_integer(0, 0);
}

Status GoalService::link_partner(int64_t user_id, const std::string& organisation_name) {
  auto c = store_.pool().acquire();
  auto o = c->query("SELECT id FROM organisations WHERE name = ?", {organisation_name});
  if (o.empty()) return Status::invalid_field("organisation", "not_on_social_map");
  c->query("UPDATE users SET organisation_id = ? WHERE id = ?", {o.integer(0, 0), user_id});
  return Status::ok();
}

std::vector<GoalAction> GoalService::actions_of(int64_t jobseeker_id, int64_t organisation_id) {
  auto r = store_.pool().acquire()->query(
      std::string("SELECT ") + kActionColumns +
          " FROM goal_actions a LEFT JOIN organisations o ON o.id = a.organisation_id "
          "WHERE a.jobseeker_id = ? AND a.organisation_id = ? ORDER BY a.due_on, a.id",
      {jobseeker_id, organisation_id});
  std::vector<GoalAction> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(action_from_row(r, i, store_.cipher()));
  return out;
}

Result<GoalAction> GoalService::update_action_of(const Principal& p, int64_t jobseeker_id, int64_t action_id,
                                                 int64_t organisation_id, const json& body) {
  auto version = expected_version(body);
  if (!version.is_ok()) return version.status();
  FieldErrors errors;
  refuse_unknown(body, "", {"version", "status"}, errors);
  auto mine = actions_of(jobseeker_id, organisation_id);
  auto it = std::find_if(mine.begin(), mine.end(), [&](const GoalAction& a) { return a.id == action_id; });
  if (it == mine.end()) return Status::not_found();
  GoalAction a = *it;
  for (auto& e : apply_action(a, {{"status", body.value("status", json())}}, false)) errors.push_back(std::move(e));
  if (!errors.empty()) return Status::invalid(std::move(errors));
  bool stale = false;
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    stale = c->query("UPDATE goal_actions SET version = version + 1, status = ?, updated_at = ? "
                     "WHERE id = ? AND organisation_id = ? AND version = ? RETURNING id",
                     {a.status, now_utc(), action_id, organisation_id, version.value()})
                .empty();
    if (!stale) Store::append_audit(*c, dossiers_.entry(p, "action.update_by_partner", jobseeker_id, std::to_string(action_id)));
  });
  if (stale) return Status::conflict();
  a.version = version.value() + 1;
  return a;
}

std::vector<json> GoalService::organisations() {
  auto r = store_.pool().acquire()->query("SELECT id, name FROM organisations ORDER BY name");
  std::vector<json> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back({{"id", r.integer(i, 0)}, {"name", r.text(i, 1)}});
  return out;
}

Result<std::vector<FollowUp>> GoalService::followups(const Principal& p, int64_t id) {
  if (auto s = dossiers_.authorize(p, Action::kReadDossier, id, "followups.read"); !s.is_ok()) return s;
  std::vector<FollowUp> out;
  {
    auto c = store_.pool().acquire();
    auto r = c->query(
        "SELECT f.id, f.held_on, f.improved, f.actions_review, COALESCE(u.display_name, '') FROM followups f "
        "LEFT JOIN users u ON u.id = f.created_by WHERE f.jobseeker_id = ? ORDER BY f.held_on DESC, f.id DESC",
        {id});
    for (size_t i = 0; i < r.size(); ++i)
      out.push_back({r.integer(i, 0), r.text(i, 1), store_.cipher().open(r.text(i, 2)),
                     store_.cipher().open(r.text(i, 3)), r.text(i, 4)});
  }
  store_.audit(dossiers_.entry(p, "followups.read", id));
  return out;
}

Result<FollowUp> GoalService::add_followup(const Principal& p, int64_t id, const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, id, "followup.create"); !s.is_ok()) return s;
  auto f = parse_followup(body, today_utc());
  if (!f.is_ok()) return f.status();
  FollowUp out = f.value();
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    out.id = c->query("INSERT INTO followups (jobseeker_id, held_on, improved, actions_review, created_by, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                      {id, out.held_on, store_.cipher().seal(out.improved), store_.cipher().seal(out.actions_review),
                       p.user_id, now_utc()})
                 .integer(0, 0);
    Store::append_audit(*c, dossiers_.entry(p, "followup.create", id, std::to_string(out.id)));
  });
  out.recorded_by = p.display_name;
  return out;
}

std::vector<Agreement> GoalService::load_agreements(int64_t id) {
  auto c = store_.pool().acquire();
  auto r = c->query(
      "SELECT a.id, a.version, a.content, COALESCE(a.signed_on, ''), COALESCE(s.display_name, ''), "
      "COALESCE(b.display_name, ''), a.created_at FROM agreements a LEFT JOIN users s ON s.id = a.signed_by "
      "LEFT JOIN users b ON b.id = a.created_by WHERE a.jobseeker_id = ? ORDER BY a.version DESC",
      {id});
  std::vector<Agreement> out;
  for (size_t i = 0; i < r.size(); ++i) {
    Agreement a;
    a.id = r.integer(i, 0);
    a.jobseeker_id = id;
    a.version = r.integer(i, 1);
    json content = json::parse(store_.cipher().open(r.text(i, 2)));
    a.goals = content.value("goals", json::array());
    a.phasing = content.value("phasing", "");
    a.followup = content.value("followup", "");
    a.evaluation_on = content.value("evaluation_on", "");
    a.occupations = content.value("occupations", std::vector<std::string>{});
    a.signed_on = r.text(i, 3);
    a.signed_by = r.text(i, 4);
    a.created_by = r.text(i, 5);
    a.created_at = r.text(i, 6);
    out.push_back(std::move(a));
  }
  return out;
}

Result<std::vector<Agreement>> GoalService::agreements(const Principal& p, int64_t id) {
  if (auto s = dossiers_.authorize(p, DossierService::read_action(p), id, "agreements.read"); !s.is_ok()) return s;
  store_.audit(dossiers_.entry(p, "agreements.read", id));
  return load_agreements(id);
}

Result<Agreement> GoalService::draft_agreement(const Principal& p, int64_t id, const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, id, "agreement.draft"); !s.is_ok()) return s;
  Agreement a;
  auto ids = parse_agreement_draft(body, today_utc(), a);
  if (!ids.is_ok()) return ids.status();
  FieldErrors errors;
  for (const auto& g : load_goals(id)) {
    if (std::find(ids->begin(), ids->end(), g.goal.id) == ids->end()) continue;
    json goal = to_json(g.goal);
    goal["actions"] = json::array();
    for (const auto& action : g.actions) goal["actions"].push_back(to_json(action));
    a.goals.push_back(goal);
  }
  if (a.goals.size() != ids->size()) errors.push_back({"goal_ids", "choice"});
  if (!errors.empty()) return Status::invalid(std::move(errors));
  json content = {{"goals", a.goals},
                  {"phasing", a.phasing},
                  {"followup", a.followup},
                  {"evaluation_on", a.evaluation_on},
                  {"occupations", a.occupations}};
  a.jobseeker_id = id;
  a.created_at = now_utc();
  a.created_by = p.display_name;
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    a.version = c->query("SELECT COALESCE(MAX(version), 0) + 1 FROM agreements WHERE jobseeker_id = ?", {id}).integer(0, 0);
    a.id = c->query("INSERT INTO agreements (jobseeker_id, version, content, created_by, created_at) "
                    "VALUES (?, ?, ?, ?, ?) RETURNING id",
                    {id, a.version, store_.cipher().seal(content.dump()), p.user_id, a.created_at})
               .integer(0, 0);
    Store::append_audit(*c, dossiers_.entry(p, "agreement.draft", id, std::to_string(a.version)));
  });
  return a;
}

Result<Agreement> GoalService::sign_agreement(const Principal& p, int64_t id, int64_t agreement_id, const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, id, "agreement.sign"); !s.is_ok()) return s;
  if (!body.is_object()) return Status::invalid_field("", "type_object");
  auto all = load_agreements(id);
  auto it = std::find_if(all.begin(), all.end(), [&](const Agreement& a) { return a.id == agreement_id; });
  if (it == all.end()) return Status::not_found();
  std::string signed_on;
  FieldErrors errors;
  const std::string today = today_utc();
  if (!read_text(body.value("signed_on", json(today)), "signed_on", 10, signed_on, errors)) signed_on.clear();
  if (signed_on.empty()) signed_on = today;
  for (auto& e : signing_errors(*it, signed_on, today)) errors.push_back(std::move(e));
  if (!errors.empty()) return Status::invalid(std::move(errors));
  bool raced = false;
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    raced = c->query("UPDATE agreements SET signed_on = ?, signed_by = ?, signed_at = ? "
                     "WHERE id = ? AND signed_on IS NULL RETURNING id",
                     {signed_on, p.user_id, now_utc(), agreement_id})
                .empty();
    if (!raced) Store::append_audit(*c, dossiers_.entry(p, "agreement.sign", id, std::to_string(it->version)));
  });
  if (raced) return Status::conflict();
  it->signed_on = signed_on;
  it->signed_by = p.display_name;
  return *it;
}

}  // namespace spiraal
