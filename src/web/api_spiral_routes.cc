// The JSON API of referral, selection, the spiral and crises.
#include "core/knipperlichten.h"
#include "web/app.h"
#include "web/i18n.h"

namespace spiraal {
namespace {

using nlohmann::json;

json trajectory_json(const Trajectory& t) {
  return {{"jobseeker_id", t.jobseeker_id}, {"state", t.state.code()},      {"version", t.version},
          {"last_moved_on", t.last_moved_on}, {"started_on", t.started_on}, {"outcome", t.outcome}};
}

json move_json(const SpiralMove& m) {
  return {{"id", m.id},           {"from_state", m.from_state}, {"to_state", m.to_state},
          {"kind", m.kind},       {"moved_on", m.moved_on},     {"reason", m.reason},
          {"outcome", m.outcome}, {"recorded_by", m.recorded_by}, {"recorded_at", m.recorded_at}};
}

}  // namespace

json signals_json(const std::vector<Signal>& signals) {
  json out = json::array();
  for (const auto& s : signals) out.push_back({{"code", s.code}, {"since", s.since}});
  return out;
}

void App::add_spiral_api_routes() {
  add("GET", "/api/v1/knipperlichten", "api.knipperlichten.list", Access::kAuthenticated, [this](Ctx& c) {
    json rubrics = json::array();
    for (const auto& r : knipperlicht_rubrics()) {
      json indicators = json::array();
      for (const auto& i : r.indicators) indicators.push_back({{"code", i.code}, {"text", c.lang == "en" ? i.en : i.nl}});
      rubrics.push_back({{"code", r.code}, {"title", c.lang == "en" ? r.en : r.nl}, {"indicators", indicators}});
    }
    send_json(c, 200, {{"rubrics", rubrics}, {"threshold", knipperlicht_threshold()}});
  });

  add("POST", "/api/v1/screenings/knipperlichten", "api.knipperlichten.evaluate", Access::kCaseload, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    FieldErrors errors;
    std::set<std::string> ticked;
    for (const auto& [key, value] : body->items()) {
      if (key != "indicators") errors.push_back({key, "unknown_field"});
      else if (!value.is_array()) errors.push_back({key, "type_list"});
      else
        for (const auto& v : value) v.is_string() ? (void)ticked.insert(v.get<std::string>()) : errors.push_back({key, "type_text"});
    }
    if (!errors.empty()) return fail(c, Status::invalid(errors));
    auto result = evaluate_knipperlichten(ticked);
    if (!result.is_ok()) return fail(c, result.status());
    send_json(c, 200, {{"counted_rubrics", result->counted_rubrics},
                       {"rubrics_counted", result->counted_rubrics.size()},
                       {"threshold", knipperlicht_threshold()},
                       {"probably_in_poverty", result->probably_in_poverty},
                       {"note", c.t("screening.indication_not_label")}});
  });

  add("GET", "/api/v1/referrals", "api.referrals.list", Access::kCaseload, [this](Ctx& c) {
    auto list = trajectories_.waiting_referrals(*c.who);
    if (!list.is_ok()) return fail(c, list.status());
    json items = json::array();
    for (const auto& r : list.value()) items.push_back(to_json(r));
    send_json(c, 200, {{"items", items}});
  });

  add("POST", "/api/v1/referrals", "api.referrals.create", Access::kCreate, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto r = trajectories_.refer(*c.who, *body);
    if (!r.is_ok()) return fail(c, r.status());
    send_json(c, 201, to_json(r.value()));
  });

  add("POST", R"(/api/v1/referrals/(\d+)/pick-up)", "api.referrals.pick_up", Access::kCaseload, [this](Ctx& c) {
    auto s = trajectories_.pick_up(*c.who, c.path_id());
    if (!s.is_ok()) return fail(c, s);
    send_json(c, 200, {{"picked_up", true}});
  });

  add("GET", R"(/api/v1/jobseekers/(\d+)/referrals)", "api.jobseekers.referrals", Access::kDossier, [this](Ctx& c) {
    auto list = trajectories_.referrals_of(*c.who, c.path_id());
    if (!list.is_ok()) return fail(c, list.status());
    json items = json::array();
    for (const auto& r : list.value()) items.push_back(to_json(r));
    send_json(c, 200, {{"items", items}});
  });

  add("GET", R"(/api/v1/jobseekers/(\d+)/screening)", "api.screening.read", Access::kDossier, [this](Ctx& c) {
    auto s = trajectories_.screening(*c.who, c.path_id());
    if (!s.is_ok()) return fail(c, s.status());
    send_json(c, 200, to_json(s.value()));
  });

  add("PUT", R"(/api/v1/jobseekers/(\d+)/screening)", "api.screening.save", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto s = trajectories_.save_screening(*c.who, c.path_id(), *body);
    if (!s.is_ok()) return fail(c, s.status());
    send_json(c, 200, to_json(s.value()));
  });

  add("POST", R"(/api/v1/jobseekers/(\d+)/screening/outcome)", "api.screening.decide", Access::kDossier,
      [this](Ctx& c) {
        auto body = json_body(c);
        if (!body) return;
        auto s = trajectories_.decide(*c.who, c.path_id(), *body);
        if (!s.is_ok()) return fail(c, s.status());
        send_json(c, 200, to_json(s.value()));
      });

  add("GET", R"(/api/v1/jobseekers/(\d+)/trajectory)", "api.trajectory.read", Access::kDossier, [this](Ctx& c) {
    auto v = trajectories_.trajectory(*c.who, c.path_id());
    if (!v.is_ok()) return fail(c, v.status());
    json out = trajectory_json(v->trajectory);
    out["focus"] = v->welfare_focus ? "welfare" : "work";
    out["moves"] = json::array();
    for (const auto& m : v->moves) out["moves"].push_back(move_json(m));
    out["crises"] = json::array();
    for (const auto& cr : v->crises) out["crises"].push_back(to_json(cr));
    send_json(c, 200, out);
  });

  add("POST", R"(/api/v1/jobseekers/(\d+)/trajectory/moves)", "api.trajectory.move", Access::kDossier,
      [this](Ctx& c) {
        auto body = json_body(c);
        if (!body) return;
        auto t = trajectories_.move(*c.who, c.path_id(), *body);
        if (!t.is_ok()) return fail(c, t.status());
        send_json(c, 201, trajectory_json(t.value()));
      });

  add("POST", R"(/api/v1/jobseekers/(\d+)/crises)", "api.crises.open", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto cr = trajectories_.open_crisis(*c.who, c.path_id(), *body);
    if (!cr.is_ok()) return fail(c, cr.status());
    send_json(c, 201, to_json(cr.value()));
  });

  add("PATCH", R"(/api/v1/jobseekers/(\d+)/crises/(\d+))", "api.crises.update", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto cr = trajectories_.update_crisis(*c.who, c.path_id(), c.path_id(2), *body);
    if (!cr.is_ok()) return fail(c, cr.status());
    send_json(c, 200, to_json(cr.value()));
  });
}

}  // namespace spiraal
