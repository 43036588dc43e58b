// Pages of referral (toeleiding), selection (knipperlichtenlijst, conditions,
// MMPP, decision) and the trajectory with its timeline. They call the same
// TrajectoryService as the API.
#include "core/clock.h"
#include "core/knipperlichten.h"
#include "core/vocabulary.h"
#include "web/app.h"
#include "web/i18n.h"
#include "web/view.h"

namespace spiraal {
namespace {

using nlohmann::json;


std::string state_label(const Ctx& c, const std::string& code) { return c.t("spiral." + code); }

json error_list(const Ctx& c, const Status& s) {
  json out = field_messages(c, s.fields());
  if (out.empty() && !s.is_ok()) out.push_back(c.t("error." + s.message()));
  return out;
}

json knipperlicht_model(const Ctx& c, const std::set<std::string>& ticked) {
  auto result = evaluate_knipperlichten(ticked);
  std::set<std::string> counted;
  if (result.is_ok()) counted.insert(result->counted_rubrics.begin(), result->counted_rubrics.end());
  json rubrics = json::array();
  for (const auto& r : knipperlicht_rubrics()) {
    json indicators = json::array();
    for (const auto& i : r.indicators)
      indicators.push_back({{"code", i.code}, {"text", c.lang == "en" ? i.en : i.nl}, {"checked", ticked.count(i.code) > 0}});
    rubrics.push_back({{"code", r.code},
                       {"title", c.lang == "en" ? r.en : r.nl},
                       {"counted", counted.count(r.code) > 0},
                       {"indicators", indicators}});
  }
  bool yes = result.is_ok() && result->probably_in_poverty;
  std::string n = std::to_string(counted.size());
  return {{"rubrics", rubrics},
          {"probably", yes},
          {"result", c.t(yes ? "selection.result_yes" : "selection.result_no", n)},
          {"note", c.t("screening.indication_not_label")}};
}

// The screening as the form shows it (saved values, or what was typed).
json screening_model(const Ctx& c, const Screening& s) {
  json m = knipperlicht_model(c, s.indicators);
  json conditions = json::array();
  for (const auto& code : Vocabulary::get().codes("participation_condition")) {
    auto it = s.conditions.find(code);
    conditions.push_back({{"code", code},
                          {"label", c.t("vocab.participation_condition." + code)},
                          {"met", it != s.conditions.end() && it->second.met},
                          {"motivation", it != s.conditions.end() ? it->second.motivation : ""}});
  }
  m["conditions"] = conditions;
  m["mmpp"] = {{"present", s.mmpp.present}, {"service", s.mmpp.service}, {"consent", s.mmpp.consent},
               {"consent_on", s.mmpp.consent_on}, {"warm_handover", s.mmpp.warm_handover}};
  m["version"] = s.version;
  m["screened_on"] = s.screened_on.empty() ? today_utc() : s.screened_on;
  m["decided"] = !s.outcome.empty();
  if (!s.outcome.empty())
    m["decision"] = c.t("selection.decided", c.t("vocab.screening_outcome." + s.outcome)) + " (" + s.outcome_on +
                    "): " + s.outcome_reason;
  return m;
}

// The screening body of the selection form, in the API's shape.
json screening_from_form(const Form& f) {
  json conditions = json::object();
  for (const auto& code : Vocabulary::get().codes("participation_condition"))
    conditions[code] = {{"met", f.has("condition." + code + ".met")}, {"motivation", f.get("condition." + code + ".motivation")}};
  json body = {{"indicators", f.all("indicator")},
               {"conditions", conditions},
               {"mmpp",
                {{"present", f.has("mmpp.present")},
                 {"service", f.get("mmpp.service")},
                 {"consent", f.has("mmpp.consent")},
                 {"consent_on", f.get("mmpp.consent_on")},
                 {"warm_handover", f.has("mmpp.warm_handover")}}}};
  if (f.has("screened_on")) body["screened_on"] = f.get("screened_on");
  if (f.has("version")) body["version"] = std::atoll(f.get("version").c_str());
  return body;
}

// Everything the timeline chart needs, in days since 1970 (web/static/js/timeline.js).
json timeline_model(const Ctx& c, const TrajectoryView& v) {
  long today = *days_from_iso(today_utc());
  json states = json::array();
  for (const auto& s : all_spiral_states()) states.push_back({{"rank", s.rank()}, {"label", state_label(c, s.code())}});
  json steps = json::array();
  for (const auto& m : v.moves)
    steps.push_back({{"x", *days_from_iso(m.moved_on)}, {"y", parse_spiral_state(m.to_state)->rank()},
                     {"kind", m.kind}, {"label", c.t("move_kind." + m.kind)}});
  if (!v.moves.empty()) steps.push_back({{"x", today}, {"y", v.trajectory.state.rank()}, {"kind", "now"}, {"label", c.t("trajectory.now")}});
  json crises = json::array();
  for (const auto& cr : v.crises)
    crises.push_back({{"from", *days_from_iso(cr.started_on)},
                      {"to", cr.ended_on.empty() ? today : *days_from_iso(cr.ended_on)},
                      {"cause", cr.cause}});
  json contacts = json::array();
  for (const auto& ct : v.contacts)
    if (ct.status != "rescheduled") contacts.push_back({{"x", *days_from_iso(ct.date)}, {"missed", ct.status == "missed"}});
  return {{"states", states}, {"steps", steps}, {"crises", crises}, {"contacts", contacts}, {"today", today},
          {"labels", {{"phase", c.t("trajectory.timeline")}, {"crisis", c.t("trajectory.crises")},
                      {"held", c.t("journal.held")}, {"missed", c.t("journal.missed")}}}};
}

json trajectory_model(const Ctx& c, const App& app, const Jobseeker& j, const TrajectoryView& v) {
  json m = app.base_model(c);
  m["title"] = c.t("trajectory.title");
  m["jobseeker"] = {{"id", j.id}, {"full_name", j.first_name + " " + j.last_name}};
  m["state"] = state_label(c, v.trajectory.state.code());
  m["focus"] = c.t(v.welfare_focus ? "trajectory.focus_welfare" : "trajectory.focus_work");
  m["welfare_focus"] = v.welfare_focus;
  m["version"] = v.trajectory.version;
  m["today"] = today_utc();
  int falls = 0;
  json moves = json::array();
  for (auto it = v.moves.rbegin(); it != v.moves.rend(); ++it) {
    falls += it->kind == "slide_back";
    moves.push_back({{"moved_on", it->moved_on},
                     {"from", state_label(c, it->from_state)},
                     {"to", state_label(c, it->to_state)},
                     {"kind", c.t("move_kind." + it->kind)},
                     {"kind_code", it->kind},
                     {"reason", it->reason},
                     {"outcome", it->outcome.empty() ? "" : c.t("vocab.outcome_class." + it->outcome)},
                     {"by", it->recorded_by}});
  }
  m["moves"] = moves;
  m["has_moves"] = !moves.empty();
  m["falls"] = c.t("trajectory.falls", std::to_string(falls));
  m["crisis_count"] = c.t("trajectory.crisis_count", std::to_string(v.crises.size()));
  // Time spent per phase, in the order lived.
  json durations = json::array();
  for (size_t i = 0; i < v.moves.size(); ++i) {
    long from = *days_from_iso(v.moves[i].moved_on);
    long to = i + 1 < v.moves.size() ? *days_from_iso(v.moves[i + 1].moved_on) : *days_from_iso(today_utc());
    if (v.moves[i].to_state == "closed") continue;
    durations.push_back({{"state", state_label(c, v.moves[i].to_state)}, {"days", c.t("trajectory.days", std::to_string(to - from))}});
  }
  m["durations"] = durations;
  json crises = json::array();
  for (const auto& cr : v.crises)
    crises.push_back({{"id", cr.id}, {"version", cr.version}, {"cause", cr.cause}, {"started_on", cr.started_on},
                      {"ended_on", cr.ended_on}, {"open", cr.open()}});
  m["crises"] = crises;
  json targets = json::array();
  for (const auto& s : all_spiral_states())
    if (s != v.trajectory.state && classify_move(v.trajectory.state, s).is_ok())
      targets.push_back({{"code", s.code()}, {"label", state_label(c, s.code())}});
  m["targets"] = targets;
  m["outcomes"] = vocabulary_options(c, "outcome_class", "");
  m["timeline"] = script_json(timeline_model(c, v));
  return m;
}

}  // namespace

void App::add_spiral_pages() {
  add("GET", "/referrals", "referrals", Access::kCaseload, [this](Ctx& c) {
    auto list = trajectories_.waiting_referrals(*c.who);
    if (!list.is_ok()) return fail(c, list.status());
    json m = base_model(c);
    m["title"] = c.t("referral.title");
    m["referrals"] = json::array();
    for (const auto& r : list.value())
      m["referrals"].push_back({{"id", r.id},
                                {"name", r.jobseeker_name},
                                {"referred_on", r.referred_on},
                                {"kind", c.t("vocab.referrer_kind." + r.referrer_kind)},
                                {"organisation", r.referrer_organisation},
                                {"person", r.referrer_person},
                                {"reason", r.reason},
                                {"warm", c.t(r.warm_handover ? "referral.warm_yes" : "referral.warm_no")}});
    m["empty"] = list->empty();
    html(c, 200, "referrals", m);
  });

  auto referral_form = [this](Ctx& c, const json& values, const json& errors, int status) {
    json m = base_model(c);
    m["title"] = c.t("referral.new_title");
    m["v"] = values;
    m["kinds"] = vocabulary_options(c, "referrer_kind", values.value("referrer_kind", ""));
    m["errors"] = errors;
    m["today"] = today_utc();
    html(c, status, "referral_new", m);
  };

  add("GET", "/referrals/new", "referrals.new", Access::kCreate,
      [referral_form](Ctx& c) { referral_form(c, json{{"referred_on", today_utc()}}, json::array(), 200); });

  add("POST", "/referrals", "referrals.create", Access::kCreate, [this, referral_form](Ctx& c) {
    json body = json::object();
    for (const char* key : {"first_name", "last_name", "birth_date", "registered_on", "referrer_kind",
                            "referrer_organisation", "referrer_person", "referred_on", "reason", "warm_handover_on"})
      body[key] = c.form.get(key);
    body["warm_handover"] = c.form.has("warm_handover");
    auto r = trajectories_.refer(*c.who, body);
    if (r.is_ok()) return redirect(c, "/referrals");
    if (r.status().code() != Code::kInvalid) return fail(c, r.status());
    referral_form(c, body, error_list(c, r.status()), 422);
  });

  add("POST", R"(/referrals/(\d+)/pick-up)", "referrals.pick_up", Access::kCaseload, [this](Ctx& c) {
    auto s = trajectories_.pick_up(*c.who, c.path_id());
    if (!s.is_ok()) return fail(c, s);
    auto r = TrajectoryStore(store_).referral(c.path_id());
    redirect(c, "/jobseekers/" + std::to_string(r->jobseeker_id) + "/selection");
  });

  add("POST", "/knipperlichten/evaluate", "knipperlichten.evaluate", Access::kCaseload, [](Ctx& c) {
    auto ticked = c.form.all("indicator");
    auto result = evaluate_knipperlichten({ticked.begin(), ticked.end()});
    if (!result.is_ok()) {
      c.res.status = 422;
      return;
    }
    c.res.set_content(Views::get().fragment("knipperlicht_result", knipperlicht_model(c, {ticked.begin(), ticked.end()})),
                      "text/html; charset=utf-8");
  });

  auto selection_page = [this](Ctx& c, int64_t id, const Screening& s, const json& errors, int status) {
    auto j = dossiers_.read(*c.who, id);
    if (!j.is_ok()) return fail(c, j.status());
    json m = base_model(c);
    m["title"] = c.t("selection.title");
    m["jobseeker"] = {{"id", id}, {"full_name", j->first_name + " " + j->last_name}};
    m["s"] = screening_model(c, s);
    m["errors"] = errors;
    m["today"] = today_utc();
    m["outcomes"] = vocabulary_options(c, "screening_outcome", "");
    m["anchors"] = json::array();
    for (const auto& u : store_.list_users())
      if (u.active && u.team_id == c.who->team_id && (u.role == Role::kCoach || u.role == Role::kCoordinator))
        m["anchors"].push_back({{"id", u.id}, {"name", u.display_name}, {"selected", u.id == c.who->user_id}});
    auto referrals = trajectories_.referrals_of(*c.who, id);
    if (referrals.is_ok() && !referrals->empty()) {
      const auto& r = referrals->front();
      m["referral"] = {{"text", c.t("referral.referred_by") + ": " + c.t("vocab.referrer_kind." + r.referrer_kind) + ", " +
                                    r.referrer_organisation + " (" + r.referred_on + ")"},
                       {"reason", r.reason},
                       {"warm", c.t(r.warm_handover ? "referral.warm_yes" : "referral.warm_no")}};
    }
    html(c, status, "selection", m);
  };

  add("GET", R"(/jobseekers/(\d+)/selection)", "selection.show", Access::kDossier, [this, selection_page](Ctx& c) {
    auto s = trajectories_.screening(*c.who, c.path_id());
    if (!s.is_ok() && s.status().code() != Code::kNotFound) return fail(c, s.status());
    selection_page(c, c.path_id(), s.is_ok() ? s.value() : Screening{}, json::array(), 200);
  });

  add("POST", R"(/jobseekers/(\d+)/selection)", "selection.save", Access::kDossier, [this, selection_page](Ctx& c) {
    json body = screening_from_form(c.form);
    auto s = trajectories_.save_screening(*c.who, c.path_id(), body);
    if (s.is_ok()) return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/selection");
    if (s.status().code() != Code::kInvalid && s.status().code() != Code::kConflict) return fail(c, s.status());
    Screening typed;  // show what was typed, with the reasons it was refused
    apply_patch(typed, body, today_utc());
    selection_page(c, c.path_id(), typed, error_list(c, s.status()), http_status(s.status().code()));
  });

  add("POST", R"(/jobseekers/(\d+)/selection/outcome)", "selection.decide", Access::kDossier,
      [this, selection_page](Ctx& c) {
        json body = {{"version", std::atoll(c.form.get("version").c_str())},
                     {"outcome", c.form.get("outcome")},
                     {"reason", c.form.get("reason")},
                     {"decided_on", c.form.get("decided_on")}};
        if (!c.form.get("anchor_coach_id").empty()) body["anchor_coach_id"] = std::atoll(c.form.get("anchor_coach_id").c_str());
        auto s = trajectories_.decide(*c.who, c.path_id(), body);
        if (s.is_ok())
          return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) +
                                 (s->outcome == "included" ? "/trajectory" : "/selection"));
        if (s.status().code() != Code::kInvalid && s.status().code() != Code::kConflict) return fail(c, s.status());
        auto current = trajectories_.screening(*c.who, c.path_id());
        selection_page(c, c.path_id(), current.is_ok() ? current.value() : Screening{}, error_list(c, s.status()),
                       http_status(s.status().code()));
      });

  auto trajectory_page = [this](Ctx& c, const json& errors, int status) {
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    auto v = trajectories_.trajectory(*c.who, c.path_id());
    if (!v.is_ok()) return fail(c, v.status());
    json m = trajectory_model(c, *this, j.value(), v.value());
    m["errors"] = errors;
    html(c, status, "trajectory", m);
  };

  add("GET", R"(/jobseekers/(\d+)/trajectory)", "trajectory.show", Access::kDossier,
      [trajectory_page](Ctx& c) { trajectory_page(c, json::array(), 200); });

  add("POST", R"(/jobseekers/(\d+)/trajectory/moves)", "trajectory.move", Access::kDossier,
      [this, trajectory_page](Ctx& c) {
        json body = {{"version", std::atoll(c.form.get("version").c_str())},
                     {"to_state", c.form.get("to_state")},
                     {"moved_on", c.form.get("moved_on")},
                     {"reason", c.form.get("reason")}};
        if (!c.form.get("outcome").empty()) body["outcome"] = c.form.get("outcome");
        auto t = trajectories_.move(*c.who, c.path_id(), body);
        if (t.is_ok()) return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/trajectory");
        if (t.status().code() != Code::kInvalid && t.status().code() != Code::kConflict) return fail(c, t.status());
        trajectory_page(c, error_list(c, t.status()), http_status(t.status().code()));
      });

  add("POST", R"(/jobseekers/(\d+)/crises)", "crises.open", Access::kDossier, [this, trajectory_page](Ctx& c) {
    auto cr = trajectories_.open_crisis(*c.who, c.path_id(),
                                        {{"cause", c.form.get("cause")}, {"started_on", c.form.get("started_on")}});
    if (cr.is_ok()) return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/trajectory");
    if (cr.status().code() != Code::kInvalid) return fail(c, cr.status());
    trajectory_page(c, error_list(c, cr.status()), 422);
  });

  add("POST", R"(/jobseekers/(\d+)/crises/(\d+)/end)", "crises.end", Access::kDossier, [this, trajectory_page](Ctx& c) {
    auto cr = trajectories_.update_crisis(*c.who, c.path_id(), c.path_id(2),
                                          {{"version", std::atoll(c.form.get("version").c_str())},
                                           {"ended_on", c.form.get("ended_on")}});
    if (cr.is_ok()) return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/trajectory");
    if (cr.status().code() != Code::kInvalid && cr.status().code() != Code::kConflict) return fail(c, cr.status());
    trajectory_page(c, error_list(c, cr.status()), http_status(cr.status().code()));
  });
}

}  // namespace spiraal
