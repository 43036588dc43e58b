// The team coordinator's dashboard (teamoverzicht): page and API over
// TeamDashboardService.
#include "web/app.h"
#include "web/view.h"

namespace spiraal {

using nlohmann::json;

void App::add_dashboard_routes() {
  add("GET", "/api/v1/dashboard", "api.dashboard", Access::kAuthenticated, [this](Ctx& c) {
    auto view = dashboard_.overview(*c.who);
    if (!view.is_ok()) return fail(c, view.status());
    send_json(c, 200, view.value());
  });
  add("GET", "/dashboard", "dashboard.show", Access::kAuthenticated, [this](Ctx& c) {
    auto view = dashboard_.overview(*c.who);
    if (!view.is_ok()) return fail(c, view.status());
    json v = view.value();
    json m = base_model(c);
    m["title"] = c.t("dashboard.title");
    for (auto& row : v["caseload"])
      if (row["coach_id"] == 0) row["coach"] = c.t("dashboard.no_anchor");
    json labels = json::array(), counts = json::array();
    for (auto& p : v["phases"]) {
      p["label"] = c.t("spiral." + p["state"].get<std::string>());
      labels.push_back(p["label"]);
      counts.push_back(p["dossiers"]);
    }
    for (auto& s : v["signals"]) s["label"] = c.t("signal." + s["code"].get<std::string>());
    if (v["referrals"]["oldest_waiting_days"].is_null()) v["referrals"]["oldest_waiting_days"] = "–";
    m["view"] = v;
    m["has_caseload"] = !v["caseload"].empty();
    m["has_crises"] = !v["crises"]["dossiers"].empty();
    m["chart"] = script_json({{"labels", labels}, {"counts", counts}, {"label", c.t("dashboard.dossiers")}});
    html(c, 200, "dashboard", m);
  });
}

}  // namespace spiraal
