// The signaalfunctie pages: on a dossier, its structural barriers and the
// form that flags one; for coordinators, the counts per period, region and
// category with the beleidsnota's made from them, and one note as a
// printable sheet. Forms post the same JSON the API takes to the same
// StructuralSignalService.
#include "web/app.h"
#include "web/dossier_view.h"
#include "web/i18n.h"

namespace spiraal {
namespace {

using nlohmann::json;

// The selection members given in the query string (or a form), and the period.
json selection_from(const httplib::Request& req, std::string& period) {
  json q = json::object();
  for (const char* key : {"category", "from", "to", "region"})
    if (auto v = req.get_param_value(key); !v.empty()) q[key] = v;
  if (auto p = req.get_param_value("period"); p == "month" || p == "quarter") period = p;
  return q;
}

json note_model(const Ctx& c, const PolicyNote& n) {
  json m = to_json(n);
  m["category_label"] =
      n.selection.category.empty() ? c.t("signals.all_categories") : c.t("vocab.structural_barrier." + n.selection.category);
  for (const char* list : {"counts", "descriptions"})
    for (auto& row : m["content"][list]) row["label"] = c.t("vocab.structural_barrier." + row["category"].get<std::string>());
  m["has_counts"] = !m["content"]["counts"].empty();
  m["has_descriptions"] = !m["content"]["descriptions"].empty();
  return m;
}

}  // namespace

void App::add_structural_signal_pages() {
  // --- On a dossier.
  auto dossier_page = [this](Ctx& c, const json& errors, int status, const json& draft, bool flagged) {
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    auto signals = structural_signals_.list(*c.who, c.path_id());
    if (!signals.is_ok()) return fail(c, signals.status());
    json m = base_model(c);
    m["jobseeker"] = header_model(c, j.value());
    m["title"] = c.t("signals.dossier_title");
    json items = json::array();
    for (const auto& s : signals.value()) {
      json row = to_json(s);
      row["label"] = c.t("vocab.structural_barrier." + s.category);
      items.push_back(row);
    }
    m["signals"] = items;
    m["can_flag"] = allowed(*c.who, Action::kWriteDossier, store_.relation(*c.who, c.path_id()));
    m["categories"] = vocabulary_options(c, "structural_barrier", draft.value("category", ""));
    m["draft"] = draft;
    m["flagged"] = flagged;
    m["errors"] = errors;
    html(c, status, "structural_signals", m);
  };
  add("GET", R"(/jobseekers/(\d+)/structural-signals)", "structural_signals.show", Access::kDossier,
      [dossier_page](Ctx& c) {
        dossier_page(c, json::array(), 200, json::object(), c.req.get_param_value("flagged") == "1");
      });
  add("POST", R"(/jobseekers/(\d+)/structural-signals)", "structural_signals.create", Access::kDossier,
      [this, dossier_page](Ctx& c) {
        json body = form_to_json(c.form);
        auto s = structural_signals_.flag(*c.who, c.path_id(), body);
        if (s.is_ok())
          return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/structural-signals?flagged=1");
        if (s.status().code() != Code::kInvalid) return fail(c, s.status());
        dossier_page(c, field_messages(c, s.status().fields()), 422, body, false);
      });

  // --- For coordinators.
  add("GET", "/structural-signals", "structural_signals.overview", Access::kAuthenticated, [this](Ctx& c) {
    if (!allowed(*c.who, Action::kBundleSignals)) return fail(c, Status::forbidden());
    json m = base_model(c);
    m["title"] = c.t("signals.title");
    std::string period = "quarter";
    json q = selection_from(c.req, period);
    auto parsed = parse_signal_selection(q);
    SignalSelection s;
    int status = 200;
    if (parsed.is_ok()) {
      s = parsed.value();
    } else {
      m["errors"] = field_messages(c, parsed.status().fields());
      status = 422;
    }
    auto counts = structural_signals_.counts(*c.who, s, period);
    if (!counts.is_ok()) return fail(c, counts.status());
    json rows = counts.value();
    for (auto& r : rows) r["label"] = c.t("vocab.structural_barrier." + r["category"].get<std::string>());
    m["counts"] = rows;
    auto notes = structural_signals_.notes(*c.who);
    if (!notes.is_ok()) return fail(c, notes.status());
    json items = json::array();
    for (const auto& n : notes.value()) items.push_back(note_model(c, n));
    m["notes"] = items;
    m["filter"] = {{"from", s.from}, {"to", s.to}, {"region", s.region}, {"category", s.category}};
    m["months"] = period == "month";
    m["categories"] = vocabulary_options(c, "structural_barrier", s.category);
    json regions = json::array();
    for (const auto& r : structural_signals_.regions()) regions.push_back({{"name", r}, {"selected", r == s.region}});
    m["regions"] = regions;
    html(c, status, "structural_signal_counts", m);
  });
  add("POST", "/policy-notes", "policy_notes.create", Access::kAuthenticated, [this](Ctx& c) {
    if (!allowed(*c.who, Action::kBundleSignals)) return fail(c, Status::forbidden());
    json body = form_to_json(c.form);
    for (const char* key : {"category", "from", "to", "region"})
      if (body.contains(key) && body[key] == "") body.erase(key);
    auto n = structural_signals_.create_note(*c.who, body);
    if (!n.is_ok()) return fail(c, n.status());
    redirect(c, "/policy-notes/" + std::to_string(n->id));
  });
  add("GET", R"(/policy-notes/(\d+))", "policy_notes.show", Access::kAuthenticated, [this](Ctx& c) {
    auto n = structural_signals_.note(*c.who, c.path_id());
    if (!n.is_ok()) return fail(c, n.status());
    json m = base_model(c);
    m["title"] = n->title;
    m["note"] = note_model(c, n.value());
    html(c, 200, "policy_note", m);
  });
  add("POST", R"(/policy-notes/(\d+))", "policy_notes.save", Access::kAuthenticated, [this](Ctx& c) {
    if (!allowed(*c.who, Action::kBundleSignals)) return fail(c, Status::forbidden());
    auto n = structural_signals_.update_note(*c.who, c.path_id(), form_to_json(c.form));
    if (!n.is_ok()) return fail(c, n.status());
    redirect(c, "/policy-notes/" + std::to_string(c.path_id()));
  });
  add("POST", R"(/policy-notes/(\d+)/finalise)", "policy_notes.finalise", Access::kAuthenticated, [this](Ctx& c) {
    if (!allowed(*c.who, Action::kBundleSignals)) return fail(c, Status::forbidden());
    auto n = structural_signals_.finalise_note(*c.who, c.path_id(), form_to_json(c.form));
    if (!n.is_ok()) return fail(c, n.status());
    redirect(c, "/policy-notes/" + std::to_string(c.path_id()));
  });
}

}  // namespace spiraal
