// Outreach in the JSON API: a toeleider's register (store/outreach_service.h)
// and, through the dossier, the outreach history a person chose to share.
#include "web/app.h"
#include "web/outreach_view.h"

namespace spiraal {

using nlohmann::json;

void App::add_outreach_routes() {
  add("GET", "/api/v1/outreach", "api.outreach.list", Access::kAuthenticated, [this](Ctx& c) {
    auto people = outreach_.list(*c.who);
    if (!people.is_ok()) return fail(c, people.status());
    json items = json::array();
    for (const auto& p : people.value()) items.push_back(to_json(p));
    send_json(c, 200, {{"items", items}});
  });
  add("POST", "/api/v1/outreach", "api.outreach.create", Access::kAuthenticated, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto p = outreach_.create(*c.who, *body);
    if (!p.is_ok()) return fail(c, p.status());
    send_json(c, 201, to_json(p.value()));
  });
  add("GET", "/api/v1/outreach/teams", "api.outreach.teams", Access::kAuthenticated, [this](Ctx& c) {
    if (!allowed(*c.who, Action::kOutreach)) return fail(c, Status::forbidden());
    send_json(c, 200, {{"items", outreach_.teams()}});
  });
  add("GET", R"(/api/v1/outreach/(\d+))", "api.outreach.read", Access::kAuthenticated, [this](Ctx& c) {
    auto r = outreach_.get(*c.who, c.path_id());
    if (!r.is_ok()) return fail(c, r.status());
    send_json(c, 200, outreach_record_json(r.value()));
  });
  add("POST", R"(/api/v1/outreach/(\d+)/contacts)", "api.outreach.contacts.create", Access::kAuthenticated,
      [this](Ctx& c) {
        auto body = json_body(c);
        if (!body) return;
        auto e = outreach_.add_contact(*c.who, c.path_id(), *body);
        if (!e.is_ok()) return fail(c, e.status());
        send_json(c, 201, to_json(e.value()));
      });
  // The writes that change the person answer with the person as saved.
  using Write = Result<OutreachPerson> (OutreachService::*)(const Principal&, int64_t, const json&);
  auto person_write = [this](const char* path, const char* name, Write write, int created) {
    add("POST", std::string(R"(/api/v1/outreach/(\d+)/)") + path, name, Access::kAuthenticated,
        [this, write, created](Ctx& c) {
          auto body = json_body(c);
          if (!body) return;
          auto p = (outreach_.*write)(*c.who, c.path_id(), *body);
          if (!p.is_ok()) return fail(c, p.status());
          send_json(c, created, to_json(p.value()));
        });
  };
  person_write("moves", "api.outreach.moves.create", &OutreachService::move, 200);
  person_write("segment", "api.outreach.segment", &OutreachService::decide_segment, 200);
  person_write("handover", "api.outreach.handover", &OutreachService::hand_over, 201);
  person_write("history-consent", "api.outreach.history_consent", &OutreachService::record_history_consent, 200);
  add("POST", R"(/api/v1/outreach/(\d+)/erase)", "api.outreach.erase", Access::kAuthenticated, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto s = outreach_.erase(*c.who, c.path_id(), *body);
    if (!s.is_ok()) return fail(c, s);
    send_json(c, 200, {{"erased", c.path_id()}});
  });

  add("GET", R"(/api/v1/jobseekers/(\d+)/outreach)", "api.dossier_outreach.read", Access::kDossier, [this](Ctx& c) {
    auto h = outreach_.history_of_dossier(*c.who, c.path_id());
    if (!h.is_ok()) return fail(c, h.status());
    send_json(c, 200, dossier_outreach_json(h.value()));
  });
  add("POST", R"(/api/v1/jobseekers/(\d+)/outreach/consent)", "api.dossier_outreach.consent", Access::kDossier,
      [this](Ctx& c) {
        auto body = json_body(c);
        if (!body) return;
        auto p = outreach_.record_dossier_history_consent(*c.who, c.path_id(), *body);
        if (!p.is_ok()) return fail(c, p.status());
        send_json(c, 200, {{"version", p->version}, {"shared", !p->history_shared_on.empty()},
                           {"history_shared_on", p->history_shared_on}});
      });
}

}  // namespace spiraal
