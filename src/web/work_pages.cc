// The road-to-work pages of a dossier: competences (mindmap, decisions,
// competence maps), job targets (work profile, four checks, exploration
// placements), applications through the 8 steps, and starts in work or
// training with aftercare. Every form posts to one generic route per kind
// of work record; the body is read by form_to_json and validated by the
// same WorkService the API uses.
#include <algorithm>

#include "core/clock.h"
#include "store/catalogue_service.h"
#include "web/app.h"
#include "web/dossier_view.h"
#include "web/work_models.h"
#include "web/work_view.h"

namespace spiraal {
namespace {

using nlohmann::json;

// The page each kind of record is edited on.
std::string page_of(const std::string& kind) {
  if (kind == "situation" || kind == "competence_decision" || kind == "work_experience" || kind == "business_card")
    return "competences";
  if (kind == "work_profile" || kind == "job_target" || kind == "placement") return "job-targets";
  if (kind == "application") return "applications";
  return "work-starts";
}

}  // namespace

void App::add_work_pages() {
  // Renders one of the four pages, with `errors` from a refused form.
  auto page = [this](Ctx& c, const std::string& name, const json& errors, int status) {
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    auto all = work_.list(*c.who, c.path_id());
    if (!all.is_ok()) return fail(c, all.status());
    json m = base_model(c);
    m["jobseeker"] = header_model(c, j.value());
    m["today"] = today_utc();
    m["errors"] = errors;
    std::string view = name;
    std::replace(view.begin(), view.end(), '-', '_');
    m["title"] = c.t("work.page." + view);
    if (name == "competences") competences_model(c, all.value(), m);
    if (name == "job-targets") job_targets_model(c, all.value(), m);
    if (name == "applications") applications_model(c, all.value(), current_measure_catalogue(store_), m);
    if (name == "work-starts") work_starts_model(c, all.value(), m);
    html(c, status, view, m);
  };
  for (const char* name : {"competences", "job-targets", "applications", "work-starts"}) {
    std::string n = name;
    std::string route = n;
    std::replace(route.begin(), route.end(), '-', '_');
    add("GET", R"(/jobseekers/(\d+)/)" + n, route + ".show", Access::kDossier,
        [page, n](Ctx& c) { page(c, n, json::array(), 200); });
  }

  // The printable cards and sheets: one record, a dossier header, print CSS.
  auto sheet = [this](Ctx& c, const std::string& view, const std::function<bool(json&, const std::vector<WorkRecord>&)>& fill) {
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    auto all = work_.list(*c.who, c.path_id());
    if (!all.is_ok()) return fail(c, all.status());
    json m = base_model(c);
    m["jobseeker"] = header_model(c, j.value());
    m["jobseeker"]["first_name"] = j->first_name;
    m["title"] = c.t("work.sheet." + view);
    if (!fill(m, all.value())) return fail(c, Status::not_found());
    html(c, 200, view + "_print", m);
  };
  add("GET", R"(/jobseekers/(\d+)/business-card/print)", "business_card.print", Access::kDossier, [sheet](Ctx& c) {
    sheet(c, "business_card", [&c](json& m, const std::vector<WorkRecord>& all) {
      auto cards = records_of(all, "business_card");
      if (cards.empty()) return false;
      json card = cards.front()->content;
      card["key"] = competence_labels(c, card["key"]);
      m["card"] = card;
      return true;
    });
  });
  auto start_of = [](const std::vector<WorkRecord>& all, int64_t id) -> const WorkRecord* {
    for (const auto* s : records_of(all, "work_start"))
      if (s->id == id) return s;
    return nullptr;
  };
  add("GET", R"(/jobseekers/(\d+)/work-starts/(\d+)/emergency-card)", "emergency_card.print", Access::kDossier,
      [sheet, start_of](Ctx& c) {
        sheet(c, "emergency_card", [&](json& m, const std::vector<WorkRecord>& all) {
          const WorkRecord* s = start_of(all, c.path_id(2));
          if (!s) return false;
          m["start"] = s->content;
          return true;
        });
      });
  add("GET", R"(/jobseekers/(\d+)/work-starts/(\d+)/employer-sheet)", "employer_sheet.print", Access::kDossier,
      [sheet, start_of](Ctx& c) {
        sheet(c, "employer_sheet", [&](json& m, const std::vector<WorkRecord>& all) {
          const WorkRecord* s = start_of(all, c.path_id(2));
          if (!s) return false;
          m["start"] = s->content;
          m["sections"] = employer_sections(c, all, *s);
          return true;
        });
      });

  for (const auto& kind : work_record_kinds()) {
    const WorkRecordKind* k = &kind;
    auto answer = [this, page, k](Ctx& c, const Result<WorkRecord>& r) {
      const std::string back = page_of(k->name);
      if (r.is_ok())
        return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/" + back + "#" + k->name + "-" +
                               std::to_string(r->id));
      if (r.status().code() != Code::kInvalid) return fail(c, r.status());
      page(c, back, field_messages(c, r.status().fields()), 422);
    };
    const std::string base = R"(/jobseekers/(\d+)/work/)" + kind.collection;
    if (kind.single) {
      add("POST", base, kind.name + ".save", Access::kDossier, [this, k, answer](Ctx& c) {
        answer(c, work_.save_single(*c.who, c.path_id(), *k, form_to_json(c.form)));
      });
      continue;
    }
    if (!kind.created_by_system)
      add("POST", base, kind.name + ".create", Access::kDossier, [this, k, answer](Ctx& c) {
        answer(c, work_.add(*c.who, c.path_id(), *k, form_to_json(c.form)));
      });
    add("POST", base + R"(/(\d+))", kind.name + ".update", Access::kDossier, [this, k, answer](Ctx& c) {
      answer(c, work_.update(*c.who, c.path_id(), *k, c.path_id(2), form_to_json(c.form)));
    });
  }
}

}  // namespace spiraal
