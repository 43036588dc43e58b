// The W² score table: API and page (radar charts per moment, an overlay of
// two snapshots, the per-item reading, and the perception gap between the
// jobseeker's and the coach's scores).
#include "core/clock.h"
#include "web/app.h"
#include "web/i18n.h"
#include "web/view.h"

namespace spiraal {
namespace {

using nlohmann::json;

json table_json(const StoredScoreTable& s) {
  json out = to_json(s.table);
  out["items"] = items_to_json(s.items);
  return out;
}

std::optional<int> score_of(const ScoreTable& t, const std::string& code, const std::string& moment) {
  for (const auto& s : t.scores)
    if (s.code == code) return moment == "start" ? s.start : moment == "now" ? s.now : s.future;
  return std::nullopt;
}

json value(std::optional<int> v) { return v ? json(*v) : json(nullptr); }

// The newest snapshot by `scorer`, or null.
const StoredScoreTable* latest(const std::vector<StoredScoreTable>& all, const std::string& scorer) {
  const StoredScoreTable* found = nullptr;
  for (const auto& t : all)
    if (t.table.scorer == scorer) found = &t;
  return found;
}

json scores_model(const Ctx& c, const App& app, const Jobseeker& j, const ItemSet& set,
                  const std::vector<StoredScoreTable>& all, int64_t a_id, int64_t b_id) {
  json m = app.base_model(c);
  m["title"] = c.t("scores.title");
  m["jobseeker"] = {{"id", j.id}, {"full_name", j.first_name + " " + j.last_name}};
  m["today"] = today_utc();
  m["note"] = c.t("scores.no_cutoffs");
  json items = json::array();
  for (const auto& i : set.items) items.push_back({{"code", i.code}, {"label", i.label}, {"side", c.t("scores.side." + i.side)}});
  m["form_items"] = items;
  // Compare snapshot A (earlier) with B (later); by default the two newest.
  const StoredScoreTable* a = nullptr;
  const StoredScoreTable* b = nullptr;
  for (const auto& t : all) {
    if (t.table.id == a_id) a = &t;
    if (t.table.id == b_id) b = &t;
  }
  if (!b && !all.empty()) b = &all.back();
  if (!a && all.size() > 1) a = &all[all.size() - 2];
  json snapshots = json::array();
  for (const auto& t : all)
    snapshots.push_back({{"id", t.table.id},
                         {"label", t.table.taken_on + " · " + c.t("scores.scorer." + t.table.scorer) +
                                       (t.table.self_entered ? " · " + c.t("scores.self_entered") : "")},
                         {"a", &t == a},
                         {"b", &t == b}});
  m["snapshots"] = snapshots;
  json chart = {{"labels", {{"start", c.t("scores.moment.start")}, {"now", c.t("scores.moment.now")},
                            {"future", c.t("scores.moment.future")}, {"outside", c.t("scores.side.outside")},
                            {"inside", c.t("scores.side.inside")}}}};
  json reading = json::array();
  if (b) {
    for (const auto& item : b->items) {
      json row = {{"label", item.label}, {"side", item.side}, {"b_start", value(score_of(b->table, item.code, "start"))},
                  {"b_now", value(score_of(b->table, item.code, "now"))},
                  {"b_future", value(score_of(b->table, item.code, "future"))}};
      Reading r = a ? read_change(score_of(a->table, item.code, "now"), score_of(b->table, item.code, "now"))
                    : read_change(score_of(b->table, item.code, "start"), score_of(b->table, item.code, "now"));
      if (a) row["a_now"] = value(score_of(a->table, item.code, "now"));
      row["reading"] = c.t("scores.reading." + to_string(r));
      row["reading_code"] = to_string(r);
      reading.push_back(row);
    }
    chart["b"] = table_json(*b);
    chart["b_label"] = b->table.taken_on + " · " + c.t("scores.scorer." + b->table.scorer);
    m["b_label"] = chart["b_label"];
  }
  if (a) {
    chart["a"] = table_json(*a);
    chart["a_label"] = a->table.taken_on + " · " + c.t("scores.scorer." + a->table.scorer);
    m["a_label"] = chart["a_label"];
  }
  m["compare"] = a != nullptr;
  m["reading"] = reading;
  // Perception gap: the newest jobseeker snapshot against the newest coach one.
  const StoredScoreTable* own = latest(all, "jobseeker");
  const StoredScoreTable* coach = latest(all, "coach");
  json gap = json::array();
  if (own && coach) {
    for (const auto& item : own->items) {
      auto o = score_of(own->table, item.code, "now"), k = score_of(coach->table, item.code, "now");
      gap.push_back({{"label", item.label}, {"own", value(o)}, {"coach", value(k)},
                     {"difference", o && k ? json(*o - *k) : json(nullptr)}});
    }
  }
  m["gap"] = gap;
  if (own && coach)
    m["gap_dates"] = own->table.taken_on + (own->table.self_entered ? " (" + c.t("scores.self_entered") + ")" : "") +
                     " · " + coach->table.taken_on;
  m["chart"] = script_json(chart);
  return m;
}

}  // namespace

void App::add_score_routes() {
  add("GET", R"(/api/v1/jobseekers/(\d+)/score-items)", "api.scores.items", Access::kDossier, [this](Ctx& c) {
    auto set = scores_.item_set(*c.who, c.path_id(), c.lang);
    if (!set.is_ok()) return fail(c, set.status());
    send_json(c, 200, {{"version", set->version}, {"items", items_to_json(set->items)}});
  });

  add("PUT", R"(/api/v1/jobseekers/(\d+)/score-items)", "api.scores.items.save", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto set = scores_.save_item_set(*c.who, c.path_id(), *body, c.lang);
    if (!set.is_ok()) return fail(c, set.status());
    send_json(c, 200, {{"version", set->version}, {"items", items_to_json(set->items)}});
  });

  add("GET", R"(/api/v1/jobseekers/(\d+)/score-tables)", "api.scores.list", Access::kDossier, [this](Ctx& c) {
    auto all = scores_.tables(*c.who, c.path_id());
    if (!all.is_ok()) return fail(c, all.status());
    json items = json::array();
    for (const auto& t : all.value()) items.push_back(table_json(t));
    send_json(c, 200, {{"items", items}});
  });

  add("POST", R"(/api/v1/jobseekers/(\d+)/score-tables)", "api.scores.add", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto t = scores_.add_table(*c.who, c.path_id(), *body, c.lang);
    if (!t.is_ok()) return fail(c, t.status());
    send_json(c, 201, table_json(t.value()));
  });

  auto page = [this](Ctx& c, const json& errors, int status, const char* template_name) {
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    auto set = scores_.item_set(*c.who, c.path_id(), c.lang);
    auto all = scores_.tables(*c.who, c.path_id());
    if (!set.is_ok() || !all.is_ok()) return fail(c, set.is_ok() ? all.status() : set.status());
    int64_t a = std::atoll(c.req.get_param_value("a").c_str()), b = std::atoll(c.req.get_param_value("b").c_str());
    json m = scores_model(c, *this, j.value(), set.value(), all.value(), a, b);
    m["errors"] = errors;
    html(c, status, template_name, m);
  };

  add("GET", R"(/jobseekers/(\d+)/scores)", "scores.show", Access::kDossier,
      [page](Ctx& c) { page(c, json::array(), 200, "scores"); });

  // The "mijn instrumenten" sheet: the chosen snapshot's circles and reading,
  // printed through print CSS.
  add("GET", R"(/jobseekers/(\d+)/scores/sheet)", "scores.sheet", Access::kDossier,
      [page](Ctx& c) { page(c, json::array(), 200, "scores_sheet"); });

  add("POST", R"(/jobseekers/(\d+)/scores)", "scores.add", Access::kDossier, [this, page](Ctx& c) {
    json scores = json::object();
    auto set = scores_.item_set(*c.who, c.path_id(), c.lang);
    if (!set.is_ok()) return fail(c, set.status());
    for (const auto& item : set->items) {
      json one = json::object();
      for (const char* moment : {"start", "now", "future"}) {
        one[moment] = number_from_form(c.form.get("score." + item.code + "." + moment));
      }
      scores[item.code] = one;
    }
    auto t = scores_.add_table(*c.who, c.path_id(),
                               {{"taken_on", c.form.get("taken_on")}, {"scorer", c.form.get("scorer")}, {"scores", scores}},
                               c.lang);
    if (t.is_ok()) return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/scores");
    if (t.status().code() != Code::kInvalid) return fail(c, t.status());
    json errors = field_messages(c, t.status().fields());
    page(c, errors, 422, "scores");
  });
}

}  // namespace spiraal
