// Goals and actions, follow-up meetings and the trajectory agreement: API
// and pages over GoalService. The agreement prints as a plain-language
// sheet for the jobseeker (print CSS).
#include <algorithm>

#include "core/clock.h"
#include "core/vocabulary.h"
#include "web/app.h"
#include "web/dossier_view.h"
#include "web/i18n.h"

namespace spiraal {
namespace {

using nlohmann::json;

json goals_json(const std::vector<GoalWithActions>& all) {
  json items = json::array();
  for (const auto& g : all) {
    json goal = to_json(g.goal);
    goal["actions"] = json::array();
    for (const auto& a : g.actions) goal["actions"].push_back(to_json(a));
    items.push_back(goal);
  }
  return {{"items", items}};
}

template <typename T>
json items_json(const std::vector<T>& all) {
  json items = json::array();
  for (const auto& x : all) items.push_back(to_json(x));
  return {{"items", items}};
}

std::string domain_label(const Ctx& c, const std::string& track, const std::string& domain) {
  return c.t(std::string("vocab.") + (track == "work" ? "work_domain." : "welfare_domain.") + domain);
}

// One goal as the pages show it (also inside an agreement, from its copy).
json goal_view(const Ctx& c, const json& g) {
  json features = json::array();
  const json ticked = g.value("features", json::array());
  for (const auto& f : goal_features())
    features.push_back({{"code", f}, {"label", c.t("goal.feature." + f)},
                        {"on", std::find(ticked.begin(), ticked.end(), json(f)) != ticked.end()}});
  json actions = json::array();
  for (const auto& a : g.value("actions", json::array())) {
    json v = a;
    std::string owner = a.value("owner", "");
    v["owner_label"] = owner == "partner" ? a.value("organisation_name", "") : c.t("goal.owner." + owner);
    v["status_label"] = c.t("goal.action_status." + a.value("status", "todo"));
    for (const char* s : {"todo", "doing", "done", "dropped"}) v["is_" + std::string(s)] = a.value("status", "") == s;
    actions.push_back(v);
  }
  json out = g;
  out["features"] = features;
  out["actions"] = actions;
  out["track_label"] = c.t("goal.track." + g.value("track", "welfare"));
  out["domain_label"] = domain_label(c, g.value("track", ""), g.value("domain", ""));
  out["horizon_label"] = c.t("goal.horizon." + g.value("horizon", "short"));
  out["status_label"] = c.t("goal.status." + g.value("status", "open"));
  return out;
}

// The goal form's body; features from ticked boxes.
json goal_from_form(const Form& f) {
  std::string domain = f.get("track") == "work" ? f.get("work_domain") : f.get("welfare_domain");
  return {{"text", f.get("text")}, {"track", f.get("track")}, {"domain", domain}, {"horizon", f.get("horizon")},
          {"features", f.all("features")}};
}

json action_from_form(const Form& f) {
  json body = {{"text", f.get("text")}, {"owner", f.get("owner")}, {"due_on", f.get("due_on")}};
  if (f.get("owner") == "partner") body["organisation_id"] = number_from_form(f.get("organisation_id"));
  return body;
}

}  // namespace

void App::add_goal_routes() {
  // --- API ---
  add("GET", R"(/api/v1/jobseekers/(\d+)/goals)", "api.goals.list", Access::kDossier, [this](Ctx& c) {
    auto all = goals_.goals(*c.who, c.path_id());
    if (!all.is_ok()) return fail(c, all.status());
    send_json(c, 200, goals_json(all.value()));
  });
  add("POST", R"(/api/v1/jobseekers/(\d+)/goals)", "api.goals.create", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto g = goals_.add_goal(*c.who, c.path_id(), *body);
    if (!g.is_ok()) return fail(c, g.status());
    send_json(c, 201, to_json(g.value()));
  });
  add("PUT", R"(/api/v1/jobseekers/(\d+)/goals/(\d+))", "api.goals.update", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto g = goals_.update_goal(*c.who, c.path_id(), c.path_id(2), *body);
    if (!g.is_ok()) return fail(c, g.status());
    send_json(c, 200, to_json(g.value()));
  });
  add("POST", R"(/api/v1/jobseekers/(\d+)/goals/(\d+)/actions)", "api.actions.create", Access::kDossier,
      [this](Ctx& c) {
        auto body = json_body(c);
        if (!body) return;
        auto a = goals_.add_action(*c.who, c.path_id(), c.path_id(2), *body);
        if (!a.is_ok()) return fail(c, a.status());
        send_json(c, 201, to_json(a.value()));
      });
  add("PUT", R"(/api/v1/jobseekers/(\d+)/actions/(\d+))", "api.actions.update", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto a = goals_.update_action(*c.who, c.path_id(), c.path_id(2), *body);
    if (!a.is_ok()) return fail(c, a.status());
    send_json(c, 200, to_json(a.value()));
  });
  add("GET", R"(/api/v1/jobseekers/(\d+)/followups)", "api.followups.list", Access::kDossier, [this](Ctx& c) {
    auto all = goals_.followups(*c.who, c.path_id());
    if (!all.is_ok()) return fail(c, all.status());
    send_json(c, 200, items_json(all.value()));
  });
  add("POST", R"(/api/v1/jobseekers/(\d+)/followups)", "api.followups.create", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto f = goals_.add_followup(*c.who, c.path_id(), *body);
    if (!f.is_ok()) return fail(c, f.status());
    send_json(c, 201, to_json(f.value()));
  });
  add("GET", R"(/api/v1/jobseekers/(\d+)/agreements)", "api.agreements.list", Access::kDossier, [this](Ctx& c) {
    auto all = goals_.agreements(*c.who, c.path_id());
    if (!all.is_ok()) return fail(c, all.status());
    send_json(c, 200, items_json(all.value()));
  });
  add("POST", R"(/api/v1/jobseekers/(\d+)/agreements)", "api.agreements.draft", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto a = goals_.draft_agreement(*c.who, c.path_id(), *body);
    if (!a.is_ok()) return fail(c, a.status());
    send_json(c, 201, to_json(a.value()));
  });
  add("POST", R"(/api/v1/jobseekers/(\d+)/agreements/(\d+)/sign)", "api.agreements.sign", Access::kDossier,
      [this](Ctx& c) {
        auto body = json_body(c);
        if (!body) return;
        auto a = goals_.sign_agreement(*c.who, c.path_id(), c.path_id(2), *body);
        if (!a.is_ok()) return fail(c, a.status());
        send_json(c, 200, to_json(a.value()));
      });

  // --- Pages ---
  auto goals_page = [this](Ctx& c, const json& errors, int status, const json& draft) {
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    auto all = goals_.goals(*c.who, c.path_id());
    auto followups = goals_.followups(*c.who, c.path_id());
    if (!all.is_ok() || !followups.is_ok()) return fail(c, all.is_ok() ? followups.status() : all.status());
    json m = base_model(c);
    m["title"] = c.t("goal.title");
    m["jobseeker"] = header_model(c, j.value());
    m["today"] = today_utc();
    json goals = json::array();
    const json listed = goals_json(all.value());
    for (const auto& g : listed["items"]) goals.push_back(goal_view(c, g));
    m["goals"] = goals;
    m["followups"] = items_json(followups.value())["items"];
    json features = json::array();
    const json ticked = draft.value("features", json::array());
    for (const auto& f : goal_features())
      features.push_back({{"code", f}, {"label", c.t("goal.feature." + f)},
                          {"on", std::find(ticked.begin(), ticked.end(), json(f)) != ticked.end()}});
    m["features"] = features;
    m["draft_text"] = draft.value("text", "");
    m["welfare_domains"] = vocabulary_options(c, "welfare_domain", draft.value("domain", ""));
    m["work_domains"] = vocabulary_options(c, "work_domain", draft.value("domain", ""));
    json orgs = json::array();
    for (const auto& o : goals_.organisations()) orgs.push_back(o);
    m["organisations"] = orgs;
    m["errors"] = errors;
    html(c, status, "goals", m);
  };
  auto back_to_goals = [this](Ctx& c) { redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/goals"); };

  add("GET", R"(/jobseekers/(\d+)/goals)", "goals.show", Access::kDossier,
      [goals_page](Ctx& c) { goals_page(c, json::array(), 200, json::object()); });
  add("POST", R"(/jobseekers/(\d+)/goals)", "goals.create", Access::kDossier, [this, goals_page, back_to_goals](Ctx& c) {
    json body = goal_from_form(c.form);
    auto g = goals_.add_goal(*c.who, c.path_id(), body);
    if (g.is_ok()) return back_to_goals(c);
    if (g.status().code() != Code::kInvalid) return fail(c, g.status());
    goals_page(c, field_messages(c, g.status().fields()), 422, body);
  });
  add("POST", R"(/jobseekers/(\d+)/goals/(\d+)/actions)", "actions.create", Access::kDossier,
      [this, goals_page, back_to_goals](Ctx& c) {
        auto a = goals_.add_action(*c.who, c.path_id(), c.path_id(2), action_from_form(c.form));
        if (a.is_ok()) return back_to_goals(c);
        if (a.status().code() != Code::kInvalid) return fail(c, a.status());
        goals_page(c, field_messages(c, a.status().fields()), 422, json::object());
      });
  add("POST", R"(/jobseekers/(\d+)/actions/(\d+))", "actions.update", Access::kDossier,
      [this, goals_page, back_to_goals](Ctx& c) {
        auto a = goals_.update_action(*c.who, c.path_id(), c.path_id(2),
                                      {{"version", number_from_form(c.form.get("version"))}, {"status", c.form.get("status")}});
        if (a.is_ok()) return back_to_goals(c);
        if (a.status().code() != Code::kInvalid) return fail(c, a.status());
        goals_page(c, field_messages(c, a.status().fields()), 422, json::object());
      });
  add("POST", R"(/jobseekers/(\d+)/followups)", "followups.create", Access::kDossier,
      [this, goals_page, back_to_goals](Ctx& c) {
        auto f = goals_.add_followup(*c.who, c.path_id(),
                                     {{"held_on", c.form.get("held_on")}, {"improved", c.form.get("improved")},
                                      {"actions_review", c.form.get("actions_review")}});
        if (f.is_ok()) return back_to_goals(c);
        if (f.status().code() != Code::kInvalid) return fail(c, f.status());
        goals_page(c, field_messages(c, f.status().fields()), 422, json::object());
      });

  auto agreements_page = [this](Ctx& c, const json& errors, int status) {
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    auto all = goals_.goals(*c.who, c.path_id());
    auto versions = goals_.agreements(*c.who, c.path_id());
    if (!all.is_ok() || !versions.is_ok()) return fail(c, all.is_ok() ? versions.status() : all.status());
    json m = base_model(c);
    m["title"] = c.t("agreement.title");
    m["jobseeker"] = header_model(c, j.value());
    m["today"] = today_utc();
    json goals = json::array();
    for (const auto& g : all.value())
      if (g.goal.status == "open") goals.push_back({{"id", g.goal.id}, {"text", g.goal.text}});
    m["open_goals"] = goals;
    json list = json::array();
    for (const auto& a : versions.value())
      list.push_back({{"id", a.id}, {"version", a.version}, {"goals", a.goals.size()}, {"signed_on", a.signed_on},
                      {"signed_by", a.signed_by}, {"created_at", a.created_at}, {"unsigned", a.signed_on.empty()}});
    m["versions"] = list;
    m["errors"] = errors;
    html(c, status, "agreements", m);
  };

  add("GET", R"(/jobseekers/(\d+)/agreements)", "agreements.show", Access::kDossier,
      [agreements_page](Ctx& c) { agreements_page(c, json::array(), 200); });
  add("POST", R"(/jobseekers/(\d+)/agreements)", "agreements.draft", Access::kDossier,
      [this, agreements_page](Ctx& c) {
        json ids = json::array();
        for (const auto& v : c.form.all("goal_ids")) ids.push_back(number_from_form(v));
        json occupations = json::array();
        for (const auto& o : c.form.all("occupations"))
          if (o.find_first_not_of(" \t") != std::string::npos) occupations.push_back(o);
        json body = {{"goal_ids", ids}, {"phasing", c.form.get("phasing")}, {"followup", c.form.get("followup")},
                     {"evaluation_on", c.form.get("evaluation_on")}, {"occupations", occupations}};
        auto a = goals_.draft_agreement(*c.who, c.path_id(), body);
        if (a.is_ok()) return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/agreements");
        if (a.status().code() != Code::kInvalid) return fail(c, a.status());
        agreements_page(c, field_messages(c, a.status().fields()), 422);
      });
  add("POST", R"(/jobseekers/(\d+)/agreements/(\d+)/sign)", "agreements.sign", Access::kDossier,
      [this, agreements_page](Ctx& c) {
        if (c.form.get("agreed") != "1") {
          // Only someone who may sign hears that the box was not ticked.
          if (auto s = dossiers_.authorize(*c.who, Action::kWriteDossier, c.path_id(), "agreement.sign"); !s.is_ok())
            return fail(c, s);
          return agreements_page(c, json::array({c.t("agreement.not_agreed")}), 422);
        }
        auto a = goals_.sign_agreement(*c.who, c.path_id(), c.path_id(2), {{"signed_on", c.form.get("signed_on")}});
        if (a.is_ok()) return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/agreements");
        if (a.status().code() != Code::kInvalid) return fail(c, a.status());
        agreements_page(c, field_messages(c, a.status().fields()), 422);
      });
  add("GET", R"(/jobseekers/(\d+)/agreements/(\d+)/print)", "agreements.print", Access::kDossier,
      [this](Ctx& c) { print_agreement(c, c.path_id(), c.path_id(2)); });
}

void App::print_agreement(Ctx& c, int64_t id, int64_t agreement_id) {
  auto j = dossiers_.read(*c.who, id);
  if (!j.is_ok()) return fail(c, j.status());
  auto versions = goals_.agreements(*c.who, id);
  if (!versions.is_ok()) return fail(c, versions.status());
  auto it = std::find_if(versions->begin(), versions->end(), [&](const Agreement& a) { return a.id == agreement_id; });
  if (it == versions->end()) return fail(c, Status::not_found());
  json m = base_model(c);
  m["title"] = c.t("agreement.title");
  m["jobseeker"] = header_model(c, j.value());
  json a = to_json(*it);
  json goals = json::array();
  for (const auto& g : it->goals) goals.push_back(goal_view(c, g));
  a["goals"] = goals;
  a["signed"] = !it->signed_on.empty();
  m["agreement"] = a;
  html(c, 200, "agreement_print", m);
}

}  // namespace spiraal
