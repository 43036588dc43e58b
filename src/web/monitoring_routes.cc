// Anonymised monitoring for the analyst role: the indicators as a page with
// a chart, as JSON, and as CSV or XLSX exports — every one suppressed the
// same way (core/monitoring.h). An analyst reaches no dossier route.
#include "report/monitoring_export.h"
#include "web/app.h"

namespace spiraal {

using nlohmann::json;

namespace {

// The filter members present in the query string.
json query_members(const httplib::Request& req) {
  json q = json::object();
  for (const auto& [key, value] : req.params)
    if (!value.empty() && key != "lang") q[key] = value;
  return q;
}

// Outcome shares per class over all started and over the closed ones, for
// the chart (suppressed shares are left out, not drawn as zero).
json outcome_chart(const Ctx& c, const json& m) {
  json labels = json::array(), started = json::array(), closed = json::array();
  for (const auto& o : m["outcomes"]["by_class"]) {
    labels.push_back(c.t("vocab.outcome_class." + o["class"].get<std::string>()));
    started.push_back(o["share_of_started"]);
    closed.push_back(o["share_of_closed"]);
  }
  return {{"labels", labels},
          {"series", {{{"label", c.t("monitoring.of_started")}, {"data", started}},
                      {{"label", c.t("monitoring.of_closed")}, {"data", closed}}}}};
}

}  // namespace

void App::add_monitoring_routes() {
  add("GET", "/api/v1/monitoring", "api.monitoring", Access::kAuthenticated, [this](Ctx& c) {
    if (!allowed(*c.who, Action::kReadMonitoring)) return fail(c, Status::forbidden());
    auto f = parse_monitoring_filter(query_members(c.req));
    if (!f.is_ok()) return fail(c, f.status());
    auto m = monitoring_.indicators(*c.who, f.value());
    if (!m.is_ok()) return fail(c, m.status());
    send_json(c, 200, m.value());
  });
  add("GET", "/api/v1/monitoring/export", "api.monitoring.export", Access::kAuthenticated, [this](Ctx& c) {
    if (!allowed(*c.who, Action::kReadMonitoring)) return fail(c, Status::forbidden());
    json q = query_members(c.req);
    std::string format = q.value("format", "csv");
    if (format != "csv" && format != "xlsx") return fail(c, Status::invalid_field("format", "choice"));
    auto f = parse_monitoring_filter(q);
    if (!f.is_ok()) return fail(c, f.status());
    auto m = monitoring_.indicators(*c.who, f.value());
    if (!m.is_ok()) return fail(c, m.status());
    auto rows = monitoring_rows(m.value());
    c.res.set_header("Content-Disposition", "attachment; filename=\"spiraal-monitoring." + format + "\"");
    if (format == "csv") return c.res.set_content(monitoring_csv(rows), "text/csv; charset=utf-8");
    auto xlsx = monitoring_xlsx(rows);
    if (!xlsx.is_ok()) return fail(c, xlsx.status());
    c.res.set_content(xlsx.value(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  });
  add("GET", "/monitoring", "monitoring.show", Access::kAuthenticated, [this](Ctx& c) {
    if (!allowed(*c.who, Action::kReadMonitoring)) return fail(c, Status::forbidden());
    json m = base_model(c);
    m["title"] = c.t("monitoring.title");
    json q = query_members(c.req);
    auto f = parse_monitoring_filter(q);
    MonitoringFilter filter;
    int status = 200;
    if (f.is_ok()) {
      filter = f.value();
    } else {
      if (f.status().code() != Code::kInvalid) return fail(c, f.status());
      m["errors"] = field_messages(c, f.status().fields());
      m["has_errors"] = true;
      status = 422;
    }
    auto v = monitoring_.indicators(*c.who, filter);
    if (!v.is_ok()) return fail(c, v.status());
    json rows = json::array();
    for (const auto& r : monitoring_rows(v.value())) rows.push_back({{"section", r[0]}, {"indicator", r[1]}, {"cell", r[2]}, {"value", r[3]}});
    rows.erase(rows.begin());  // the header row: the table has its own
    m["rows"] = rows;
    m["chart"] = outcome_chart(c, v.value()).dump();
    m["filter"] = {{"from", filter.from}, {"to", filter.to}, {"team", filter.team}, {"referral_source", filter.referral_source}};
    json teams = json::array();
    for (const auto& t : monitoring_.teams()) teams.push_back({{"name", t}, {"selected", t == filter.team}});
    m["teams"] = teams;
    m["sources"] = vocabulary_options(c, "referrer_kind", filter.referral_source);
    std::string query;
    for (const auto& [k, val] : q.items()) query += "&" + k + "=" + url_encode(val.get<std::string>());
    m["export_query"] = query;
    html(c, status, "monitoring", m);
  });
}

}  // namespace spiraal
