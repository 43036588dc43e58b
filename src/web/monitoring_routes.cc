// Anonymised monitoring for the analyst role: the indicators as a page with
// a chart, as JSON, and as CSV or XLSX exports — every one suppressed the
// same way (core/monitoring.h). An analyst reaches no dossier route.
#include "report/monitoring_export.h"
#include "web/app.h"

namespace spiraal {

using nlohmann::json;

namespace {

// A code of the flat monitoring rows in the caller's language: an indicator
// or cell name, a vocabulary code (sex, outcome class, …) or a spiral phase;
// the code itself when nothing has text for it. Compound cells ("open_sea
// share_of_started") are read word by word.
std::string humanise(const Ctx& c, const std::string& codes) {
  static const std::vector<std::string> kPrefixes = {
      "monitoring.label.",         "vocab.sex.",           "vocab.education.", "vocab.dutch_level.",
      "vocab.kansengroep.",        "vocab.referrer_kind.", "vocab.outcome_class.", "spiral."};
  std::string out;
  size_t from = 0;
  while (from <= codes.size()) {
    size_t space = codes.find(' ', from);
    std::string code = codes.substr(from, space == std::string::npos ? std::string::npos : space - from);
    std::string label = code;
    for (const auto& prefix : kPrefixes)
      if (std::string text = c.t(prefix + code); !code.empty() && text != prefix + code) {
        label = text;
        break;
      }
    out += (out.empty() ? "" : " · ") + label;
    if (space == std::string::npos) break;
    from = space + 1;
  }
  return out;
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

// The W² averages on the first and the latest table, outside and inside,
// over all started trajectories (null under 5 people: not drawn).
json w2_chart(const Ctx& c, const json& m) {
  const json& w = m["w2_change"];
  return {{"labels", {c.t("monitoring.label.outside"), c.t("monitoring.label.inside")}},
          {"series", {{{"label", c.t("monitoring.label.first")}, {"data", {w["outside"]["first"], w["inside"]["first"]}}},
                      {{"label", c.t("monitoring.label.last")}, {"data", {w["outside"]["last"], w["inside"]["last"]}}}}}};
}

// True when a chart has at least one value to draw.
bool drawable(const json& chart) {
  for (const auto& s : chart["series"])
    for (const auto& v : s["data"])
      if (!v.is_null()) return true;
  return false;
}

json options(const std::vector<std::string>& values, const std::string& selected) {
  json out = json::array();
  for (const auto& v : values) out.push_back({{"name", v}, {"selected", v == selected}});
  return out;
}

}  // namespace

void App::add_monitoring_routes() {
  add("GET", "/api/v1/monitoring", "api.monitoring", Access::kAuthenticated, [this](Ctx& c) {
    if (!allowed(*c.who, Action::kReadMonitoring)) return fail(c, Status::forbidden());
    auto f = parse_monitoring_filter(query_filter(c.req));
    if (!f.is_ok()) return fail(c, f.status());
    auto m = monitoring_.indicators(*c.who, f.value());
    if (!m.is_ok()) return fail(c, m.status());
    send_json(c, 200, m.value());
  });
  add("GET", "/api/v1/monitoring/export", "api.monitoring.export", Access::kAuthenticated, [this](Ctx& c) {
    if (!allowed(*c.who, Action::kReadMonitoring)) return fail(c, Status::forbidden());
    json q = query_filter(c.req);
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
    json q = query_filter(c.req);
    int status = 200;
    auto f = parse_monitoring_filter(q);
    auto read = page_filter(c, m, f, status);
    if (!read) return fail(c, f.status());
    const MonitoringFilter& filter = *read;
    auto v = monitoring_.indicators(*c.who, filter);
    if (!v.is_ok()) return fail(c, v.status());
    json rows = json::array();
    auto flat = monitoring_rows(v.value());
    for (size_t i = 1; i < flat.size(); ++i)  // row 0 is the header: the table has its own
      rows.push_back({{"section", humanise(c, flat[i][0])},
                      {"indicator", humanise(c, flat[i][1])},
                      {"cell", humanise(c, flat[i][2])},
                      {"value", flat[i][3]}});
    m["rows"] = rows;
    json charts = {{"outcomes", outcome_chart(c, v.value())}, {"w2", w2_chart(c, v.value())}};
    m["chart"] = charts.dump();
    m["too_few"] = !drawable(charts["outcomes"]) || !drawable(charts["w2"]);
    m["filter"] = {{"from", filter.from},     {"to", filter.to},
                   {"team", filter.team},     {"region", filter.region},
                   {"organisation", filter.organisation}, {"referral_source", filter.referral_source}};
    auto choices = monitoring_.choices();
    m["teams"] = options(choices.teams, filter.team);
    m["regions"] = options(choices.regions, filter.region);
    m["organisations"] = options(choices.organisations, filter.organisation);
    m["sources"] = vocabulary_options(c, "referrer_kind", filter.referral_source);
    std::string query;
    for (const auto& [k, val] : q.items()) query += "&" + k + "=" + url_encode(val.get<std::string>());
    m["export_query"] = query;
    html(c, status, "monitoring", m);
  });
}

}  // namespace spiraal
