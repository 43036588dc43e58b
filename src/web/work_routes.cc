// The road to work over the API: one collection per kind of work record
// (core/work_record.h), under /api/v1/jobseekers/{id}/<collection>, plus the
// key competences and the derived competence and aftercare summaries.
#include "core/clock.h"
#include "core/competences.h"
#include "web/app.h"
#include "web/work_view.h"

namespace spiraal {
namespace {

using nlohmann::json;

json items_json(const std::vector<WorkRecord>& all) {
  json items = json::array();
  for (const auto& r : all) items.push_back(to_json(r));
  return {{"items", items}};
}

}  // namespace

void App::add_work_routes() {
  add("GET", R"(/api/v1/key-competences)", "api.key_competences", Access::kAuthenticated, [this](Ctx& c) {
    json items = json::array();
    for (const auto& k : key_competences())
      items.push_back({{"code", k.code},
                       {"name", c.lang == "en" ? k.en : k.nl},
                       {"definition", c.lang == "en" ? k.definition_en : k.definition_nl}});
    send_json(c, 200, {{"items", items}});
  });

  for (const auto& kind : work_record_kinds()) {
    const std::string base = R"(/api/v1/jobseekers/(\d+)/)" + kind.collection;
    const WorkRecordKind* k = &kind;
    add("GET", base, "api." + kind.name + ".list", Access::kDossier, [this, k](Ctx& c) {
      auto all = work_.list(*c.who, c.path_id(), k);
      if (!all.is_ok()) return fail(c, all.status());
      send_json(c, 200, items_json(all.value()));
    });
    if (kind.single) {
      add("PUT", base, "api." + kind.name + ".save", Access::kDossier, [this, k](Ctx& c) {
        auto body = json_body(c);
        if (!body) return;
        auto r = work_.save_single(*c.who, c.path_id(), *k, *body);
        if (!r.is_ok()) return fail(c, r.status());
        send_json(c, 200, to_json(r.value()));
      });
      continue;
    }
    if (!kind.created_by_system)
      add("POST", base, "api." + kind.name + ".create", Access::kDossier, [this, k](Ctx& c) {
        auto body = json_body(c);
        if (!body) return;
        auto r = work_.add(*c.who, c.path_id(), *k, *body);
        if (!r.is_ok()) return fail(c, r.status());
        send_json(c, 201, to_json(r.value()));
      });
    add("PUT", base + R"(/(\d+))", "api." + kind.name + ".update", Access::kDossier, [this, k](Ctx& c) {
      auto body = json_body(c);
      if (!body) return;
      auto r = work_.update(*c.who, c.path_id(), *k, c.path_id(2), *body);
      if (!r.is_ok()) return fail(c, r.status());
      send_json(c, 200, to_json(r.value()));
    });
  }

  add("GET", R"(/api/v1/jobseekers/(\d+)/competences)", "api.competences", Access::kDossier, [this](Ctx& c) {
    auto all = work_.list(*c.who, c.path_id());
    if (!all.is_ok()) return fail(c, all.status());
    send_json(c, 200, competence_summary(all.value()));
  });
  add("GET", R"(/api/v1/jobseekers/(\d+)/aftercare)", "api.aftercare", Access::kDossier, [this](Ctx& c) {
    auto all = work_.list(*c.who, c.path_id());
    if (!all.is_ok()) return fail(c, all.status());
    send_json(c, 200, {{"items", aftercare_summary(all.value(), today_utc())}});
  });
}

}  // namespace spiraal
