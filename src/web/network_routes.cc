// The network coordinator's regional view: page and API over NetworkService.
#include "web/app.h"

namespace spiraal {

using nlohmann::json;

void App::add_network_routes() {
  add("GET", "/api/v1/network", "api.network", Access::kAuthenticated, [this](Ctx& c) {
    if (!allowed(*c.who, Action::kReadNetwork)) return fail(c, Status::forbidden());
    auto f = parse_network_filter(query_filter(c.req));
    if (!f.is_ok()) return fail(c, f.status());
    auto view = network_.overview(*c.who, f.value());
    if (!view.is_ok()) return fail(c, view.status());
    send_json(c, 200, view.value());
  });
  add("GET", "/network", "network.show", Access::kAuthenticated, [this](Ctx& c) {
    if (!allowed(*c.who, Action::kReadNetwork)) return fail(c, Status::forbidden());
    json m = base_model(c);
    m["title"] = c.t("network.title");
    json q = query_filter(c.req);
    int status = 200;
    auto f = parse_network_filter(q);
    auto read = page_filter(c, m, f, status);
    if (!read) return fail(c, f.status());
    const NetworkFilter& filter = *read;
    auto view = network_.overview(*c.who, filter);
    if (!view.is_ok()) return fail(c, view.status());
    json v = view.value();
    for (auto& s : v["segments"]) s["label"] = c.t("outreach.segment." + std::to_string(s["segment"].get<int>()));
    for (auto& k : v["conditions"]) k["label"] = c.t("vocab.context_condition." + k["condition"].get<std::string>());
    for (auto& fl : v["flows"])
      for (const char* key : {"median_days_reach_to_handover", "median_days_handover_to_first_contact"})
        if (fl[key].is_null()) fl[key] = c.t("network.too_few");
    for (auto& k : v["structural_signals"]["counts"])
      k["label"] = c.t("vocab.structural_barrier." + k["category"].get<std::string>());
    for (auto& n : v["structural_signals"]["notes"])
      for (auto& k : n["counts"]) k["label"] = c.t("vocab.structural_barrier." + k["category"].get<std::string>());
    m["view"] = v;
    m["has_signal_counts"] = !v["structural_signals"]["counts"].empty();
    m["has_signal_notes"] = !v["structural_signals"]["notes"].empty();
    m["has_services"] = !v["services"].empty();
    m["has_flows"] = !v["flows"].empty();
    m["has_conditions"] = !v["conditions"].empty();
    m["filter"] = {{"from", filter.from}, {"to", filter.to}, {"region", filter.region}};
    json regions = json::array();
    for (const auto& r : network_.regions()) regions.push_back({{"name", r}, {"selected", r == filter.region}});
    m["regions"] = regions;
    html(c, status, "network", m);
  });
}

}  // namespace spiraal
