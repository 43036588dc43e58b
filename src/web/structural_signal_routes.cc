// Signaalfunctie in the JSON API (store/structural_signal_service.h): flags
// of structural barriers from the dossier, their counts, and the
// beleidsnota that bundles them for policy makers.
#include "web/app.h"

namespace spiraal {

using nlohmann::json;

namespace {

// The members of the query string that are given, `period` apart.
json selection_query(const httplib::Request& req, std::string* period) {
  json q = json::object();
  for (const auto& [key, value] : req.params) {
    if (value.empty() || key == "lang") continue;
    if (key == "period") {
      *period = value;
      continue;
    }
    q[key] = value;
  }
  return q;
}

json notes_json(const std::vector<PolicyNote>& notes) {
  json items = json::array();
  for (const auto& n : notes) items.push_back(to_json(n));
  return items;
}

}  // namespace

void App::add_structural_signal_routes() {
  add("GET", R"(/api/v1/jobseekers/(\d+)/structural-signals)", "api.structural_signals.list", Access::kDossier,
      [this](Ctx& c) {
        auto all = structural_signals_.list(*c.who, c.path_id());
        if (!all.is_ok()) return fail(c, all.status());
        json items = json::array();
        for (const auto& s : all.value()) items.push_back(to_json(s));
        send_json(c, 200, {{"items", items}});
      });
  add("POST", R"(/api/v1/jobseekers/(\d+)/structural-signals)", "api.structural_signals.create", Access::kDossier,
      [this](Ctx& c) {
        auto body = json_body(c);
        if (!body) return;
        auto s = structural_signals_.flag(*c.who, c.path_id(), *body);
        if (!s.is_ok()) return fail(c, s.status());
        send_json(c, 201, to_json(s.value()));
      });
  add("GET", "/api/v1/structural-signals/counts", "api.structural_signals.counts", Access::kAuthenticated,
      [this](Ctx& c) {
        if (!allowed(*c.who, Action::kBundleSignals)) return fail(c, Status::forbidden());
        std::string period = "quarter";
        auto s = parse_signal_selection(selection_query(c.req, &period));
        if (!s.is_ok()) return fail(c, s.status());
        auto counts = structural_signals_.counts(*c.who, s.value(), period);
        if (!counts.is_ok()) return fail(c, counts.status());
        send_json(c, 200, {{"period", period}, {"items", counts.value()}});
      });
  add("GET", "/api/v1/policy-notes", "api.policy_notes.list", Access::kAuthenticated, [this](Ctx& c) {
    auto all = structural_signals_.notes(*c.who);
    if (!all.is_ok()) return fail(c, all.status());
    send_json(c, 200, {{"items", notes_json(all.value())}});
  });
  add("POST", "/api/v1/policy-notes", "api.policy_notes.create", Access::kAuthenticated, [this](Ctx& c) {
    if (!allowed(*c.who, Action::kBundleSignals)) return fail(c, Status::forbidden());
    auto body = json_body(c);
    if (!body) return;
    auto n = structural_signals_.create_note(*c.who, *body);
    if (!n.is_ok()) return fail(c, n.status());
    send_json(c, 201, to_json(n.value()));
  });
  add("GET", R"(/api/v1/policy-notes/(\d+))", "api.policy_notes.read", Access::kAuthenticated, [this](Ctx& c) {
    auto n = structural_signals_.note(*c.who, c.path_id());
    if (!n.is_ok()) return fail(c, n.status());
    send_json(c, 200, to_json(n.value()));
  });
  add("PUT", R"(/api/v1/policy-notes/(\d+))", "api.policy_notes.update", Access::kAuthenticated, [this](Ctx& c) {
    if (!allowed(*c.who, Action::kBundleSignals)) return fail(c, Status::forbidden());
    auto body = json_body(c);
    if (!body) return;
    auto n = structural_signals_.update_note(*c.who, c.path_id(), *body);
    if (!n.is_ok()) return fail(c, n.status());
    send_json(c, 200, to_json(n.value()));
  });
  add("POST", R"(/api/v1/policy-notes/(\d+)/finalise)", "api.policy_notes.finalise", Access::kAuthenticated,
      [this](Ctx& c) {
        if (!allowed(*c.who, Action::kBundleSignals)) return fail(c, Status::forbidden());
        auto body = json_body(c);
        if (!body) return;
        auto n = structural_signals_.finalise_note(*c.who, c.path_id(), *body);
        if (!n.is_ok()) return fail(c, n.status());
        send_json(c, 200, to_json(n.value()));
      });
}

}  // namespace spiraal
