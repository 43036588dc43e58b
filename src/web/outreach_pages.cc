// Outreach pages: the toeleider's register, one person's page with the
// contact, phase, segment and warm-handover forms, and the outreach history
// on a dossier. Every form posts the same body the API takes.
#include "core/clock.h"
#include "core/vocabulary.h"
#include "web/app.h"
#include "web/dossier_view.h"
#include "web/outreach_view.h"

namespace spiraal {

using nlohmann::json;

namespace {

json options(const Ctx& c, const char* list) { return vocabulary_options(c, list, ""); }

// Answers a refused page form: the page again with the messages (422), or
// the error page for anything but invalid input.
template <typename Page>
void refused(App& app, Ctx& c, const Status& s, Page page) {
  if (s.code() != Code::kInvalid) return app.fail(c, s);
  page(c, field_messages(c, s.fields()), 422);
}

// Renders a page of the form `view` with today's date (the forms' default)
// and the messages of a refused form, if any.
void show(const App& app, Ctx& c, int status, const char* view, json m, const json& errors) {
  m["today"] = today_utc();
  m["errors"] = errors;
  m["has_errors"] = !errors.empty();
  app.html(c, status, view, std::move(m));
}

}  // namespace

void App::add_outreach_pages() {
  auto list_page = [this](Ctx& c, const json& errors, int status) {
    auto people = outreach_.list(*c.who);
    if (!people.is_ok()) return fail(c, people.status());
    json m = base_model(c);
    m["title"] = c.t("outreach.title");
    json items = json::array();
    for (const auto& p : people.value()) items.push_back(outreach_person_model(c, p));
    m["people"] = items;
    m["has_people"] = !items.empty();
    m["channel_options"] = options(c, "reach_channel");
    m["find_place_options"] = options(c, "find_place");
    m["form"] = form_to_json(c.form);
    show(*this, c, status, "outreach_list", std::move(m), errors);
  };
  add("GET", "/outreach", "outreach.list", Access::kAuthenticated, [list_page](Ctx& c) { list_page(c, json::array(), 200); });
  add("POST", "/outreach", "outreach.create", Access::kAuthenticated, [this, list_page](Ctx& c) {
    auto p = outreach_.create(*c.who, form_to_json(c.form));
    if (p.is_ok()) return redirect(c, "/outreach/" + std::to_string(p->id));
    refused(*this, c, p.status(), list_page);
  });

  auto person_page = [this](Ctx& c, const json& errors, int status) {
    auto r = outreach_.get(*c.who, c.path_id());
    if (!r.is_ok()) return fail(c, r.status());
    json m = base_model(c);
    const OutreachPerson& p = r->person;
    m["title"] = p.name;
    m["person"] = outreach_person_model(c, p);
    m["events"] = outreach_events_model(c, r->events);
    json phases = json::array();
    for (const auto& code : Vocabulary::get().codes("outreach_phase"))
      if (code != p.phase && code != "handover") phases.push_back({{"code", code}, {"label", c.t("vocab.outreach_phase." + code)}});
    m["phase_options"] = phases;
    m["contact_channel_options"] = options(c, "contact_channel");
    m["closing_options"] = options(c, "outreach_closing");
    m["attendance_options"] = options(c, "toeleider_attendance");
    m["condition_options"] = options(c, "context_condition");
    m["teams"] = outreach_.teams();
    m["can_hand_over"] = !p.jobseeker_id && p.phase != "closed";
    show(*this, c, status, "outreach_person", std::move(m), errors);
  };
  add("GET", R"(/outreach/(\d+))", "outreach.show", Access::kAuthenticated,
      [person_page](Ctx& c) { person_page(c, json::array(), 200); });
  add("POST", R"(/outreach/(\d+)/contacts)", "outreach.contacts.create", Access::kAuthenticated,
      [this, person_page](Ctx& c) {
        auto e = outreach_.add_contact(*c.who, c.path_id(), form_to_json(c.form));
        if (e.is_ok()) return redirect(c, "/outreach/" + std::to_string(c.path_id()));
        refused(*this, c, e.status(), person_page);
      });
  using Write = Result<OutreachPerson> (OutreachService::*)(const Principal&, int64_t, const json&);
  auto person_form = [this, person_page](const char* path, const char* name, Write write) {
    add("POST", std::string(R"(/outreach/(\d+)/)") + path, name, Access::kAuthenticated,
        [this, person_page, write](Ctx& c) {
          auto p = (outreach_.*write)(*c.who, c.path_id(), form_to_json(c.form));
          if (p.is_ok()) return redirect(c, "/outreach/" + std::to_string(c.path_id()));
          refused(*this, c, p.status(), person_page);
        });
  };
  person_form("moves", "outreach.moves.create", &OutreachService::move);
  person_form("segment", "outreach.segment", &OutreachService::decide_segment);
  person_form("handover", "outreach.handover", &OutreachService::hand_over);
  person_form("history-consent", "outreach.history_consent", &OutreachService::record_history_consent);
  add("POST", R"(/outreach/(\d+)/erase)", "outreach.erase", Access::kAuthenticated, [this, person_page](Ctx& c) {
    auto s = outreach_.erase(*c.who, c.path_id(), form_to_json(c.form));
    if (s.is_ok()) return redirect(c, "/outreach");
    refused(*this, c, s, person_page);
  });

  auto dossier_page = [this](Ctx& c, const json& errors, int status) {
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    auto h = outreach_.history_of_dossier(*c.who, c.path_id());
    if (!h.is_ok()) return fail(c, h.status());
    json m = base_model(c);
    m["title"] = c.t("outreach.history.title");
    m["jobseeker"] = header_model(c, j.value());
    m["handed_over"] = h->handed_over;
    m["shared"] = h->shared;
    if (h->record) {
      m["version"] = h->record->person.version;
      if (h->shared) {
        m["person"] = outreach_person_model(c, h->record->person);
        m["events"] = outreach_events_model(c, h->record->events);
      }
    }
    show(*this, c, status, "dossier_outreach", std::move(m), errors);
  };
  add("GET", R"(/jobseekers/(\d+)/outreach)", "dossier_outreach.show", Access::kDossier,
      [dossier_page](Ctx& c) { dossier_page(c, json::array(), 200); });
  add("POST", R"(/jobseekers/(\d+)/outreach/consent)", "dossier_outreach.consent", Access::kDossier,
      [this, dossier_page](Ctx& c) {
        auto p = outreach_.record_dossier_history_consent(*c.who, c.path_id(), form_to_json(c.form));
        if (p.is_ok()) return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/outreach");
        refused(*this, c, p.status(), dossier_page);
      });
}

}  // namespace spiraal
