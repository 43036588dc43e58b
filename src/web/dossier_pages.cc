// The dossier pages: create, view (sections and contact journal), edit one
// section, version history. They call the same DossierService as the API.
#include "core/clock.h"
#include "core/vocabulary.h"
#include "web/app.h"
#include "web/dossier_view.h"
#include "web/i18n.h"

namespace spiraal {
namespace {

using nlohmann::json;


json dossier_model(const Ctx& c, const App& app, const Jobseeker& j, const std::vector<User>& coaches,
                   const ContactSummary& summary, const Page<Contact>& contacts) {
  json m = app.base_model(c);
  m["title"] = j.first_name + " " + j.last_name;
  m["jobseeker"] = header_model(c, j);
  for (const auto& u : coaches) m["coaches"].push_back(u.display_name);
  m["summary"] = {{"held", summary.held},
                  {"missed", summary.missed},
                  {"rescheduled", summary.rescheduled},
                  {"current_streak", summary.current_missed_streak},
                  {"longest_streak", summary.longest_missed_streak},
                  {"streak_alert", summary.current_missed_streak >= 2},
                  {"streak_text", c.t("journal.streak_now", std::to_string(summary.current_missed_streak))},
                  {"last_held", summary.last_held_date.empty() ? "—" : summary.last_held_date}};
  add_sections(m, c, j, dossier_sections());
  m["can_edit"] = true;
  json rows = json::array();
  for (const auto& ct : contacts.items)
    rows.push_back({{"id", ct.id},
                    {"date", ct.date},
                    {"kind", c.t("vocab.contact_kind." + ct.kind)},
                    {"status", c.t("vocab.contact_status." + ct.status)},
                    {"status_code", ct.status},
                    {"initiative", c.t("vocab.contact_initiative." + ct.initiative)},
                    {"note", ct.note},
                    {"author", ct.author_name}});
  m["contacts"] = rows;
  m["contacts_total"] = contacts.total;
  m["contact_form"] = {{"today", today_utc()},
                       {"kinds", vocabulary_options(c, "contact_kind", "office")},
                       {"statuses", vocabulary_options(c, "contact_status", "held")},
                       {"initiatives", vocabulary_options(c, "contact_initiative", "coach")}};
  return m;
}

// Errors that belong to one form field (exact path or below it).
std::string errors_for(const Ctx& c, const FieldErrors& errors, const std::string& path) {
  std::string out;
  for (const auto& e : errors)
    if (e.field == path || e.field.starts_with(path + "."))
      out += (out.empty() ? "" : " ") + c.t("error." + e.rule, e.param);
  return out;
}

json domain_form(const Ctx& c, const json& values, const char* section, const char* list, const FieldErrors& errors) {
  json out = json::array();
  for (const auto& domain : Vocabulary::get().codes(list)) {
    json notes = values.value(section, json::object()).value(domain, json::object());
    json barriers = json::array();
    for (const auto& b : notes.value("barriers", json::array())) {
      std::string priority = b.value("priority", "now");
      barriers.push_back({{"text", b.value("text", "")}, {"now", priority == "now"}, {"later", priority == "later"}});
    }
    for (int i = 0; i < 2; ++i) barriers.push_back({{"text", ""}, {"now", true}, {"later", false}});
    std::string base = std::string(section) + "." + domain;
    out.push_back({{"key", base},
                   {"label", c.t(std::string("vocab.") + list + "." + domain)},
                   {"strengths", notes.value("strengths", "")},
                   {"barriers", barriers},
                   {"error", errors_for(c, errors, base)}});
  }
  return out;
}

// The edit form of one section. `values` has the shape of section_to_json().
json edit_model(const Ctx& c, const App& app, const std::string& section, const json& values, int64_t version,
                const FieldErrors& errors) {
  json m = app.base_model(c);
  m["section"] = section;
  m["section_title"] = c.t("section." + section);
  m["version"] = version;
  m["errors"] = field_messages(c, errors);
  if (section == "objective") {
    json fields = json::array();
    for (const auto& f : objective_fields()) {
      json v = values.value(f.name, json());
      std::string value = v.is_string() ? v.get<std::string>() : v.is_number() ? std::to_string(v.get<int>()) : "";
      json field = {{"name", f.name},
                    {"label", c.t(std::string("field.") + f.name)},
                    {"value", value},
                    {"error", errors_for(c, errors, f.name)},
                    {"required", std::string(f.name) == "first_name" || std::string(f.name) == "last_name" ||
                                     std::string(f.name) == "birth_date"}};
      switch (f.kind) {
        case FieldKind::kName: field["is_text"] = true; field["maxlength"] = kMaxNameLength; break;
        case FieldKind::kShortText: field["is_text"] = true; field["maxlength"] = kMaxShortText; break;
        case FieldKind::kDate: field["is_date"] = true; break;
        case FieldKind::kCount: field["is_count"] = true; break;
        case FieldKind::kChoice: field["is_choice"] = true; field["options"] = vocabulary_options(c, f.vocabulary, value); break;
      }
      fields.push_back(field);
    }
    m["objective_fields"] = fields;
    json groups = json::array();
    auto chosen = values.value("kansengroep", json::array());
    for (const auto& code : Vocabulary::get().codes("kansengroep"))
      groups.push_back({{"code", code},
                        {"label", c.t("vocab.kansengroep." + code)},
                        {"checked", std::find(chosen.begin(), chosen.end(), code) != chosen.end()}});
    m["kansengroep"] = groups;
    m["is_objective"] = true;
  } else if (section == "welfare" || section == "work") {
    m["domains"] = domain_form(c, values, section.c_str(), section == "welfare" ? "welfare_domain" : "work_domain",
                               errors);
    m["priorities_now"] = c.t("vocab.barrier_priority.now");
    m["priorities_later"] = c.t("vocab.barrier_priority.later");
    m["is_domains"] = true;
  } else {
    m["is_text"] = true;
    m["text_value"] = values.value(section, "");
    m["text_error"] = errors_for(c, errors, section);
    m["hint"] = c.t("hint." + section);
  }
  return m;
}

bool is_section(const std::string& s) {
  const auto& all = dossier_sections();
  return std::find(all.begin(), all.end(), s) != all.end();
}

}  // namespace

void App::add_dossier_pages() {
  add("GET", "/jobseekers/new", "jobseekers.new", Access::kCreate, [this](Ctx& c) {
    json m = edit_model(c, *this, "objective", json::object(), 0, {});
    m["title"] = c.t("dossier.new_title");
    m["action"] = "/jobseekers";
    m["is_new"] = true;
    html(c, 200, "edit", m);
  });

  add("POST", "/jobseekers", "jobseekers.create", Access::kCreate, [this](Ctx& c) {
    json body = dossier_patch_from_form(c.form, "objective");
    body.erase("version");
    auto j = dossiers_.create(*c.who, body);
    if (!j.is_ok()) {
      if (j.status().code() != Code::kInvalid) return fail(c, j.status());
      json m = edit_model(c, *this, "objective", body, 0, j.status().fields());
      m["title"] = c.t("dossier.new_title");
      m["action"] = "/jobseekers";
      m["is_new"] = true;
      return html(c, 422, "edit", m);
    }
    redirect(c, "/jobseekers/" + std::to_string(j->id));
  });

  add("GET", R"(/jobseekers/(\d+))", "jobseekers.show", Access::kDossier, [this](Ctx& c) {
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    auto contacts = dossiers_.contacts(*c.who, j->id, 100, 0);
    if (!contacts.is_ok()) return fail(c, contacts.status());
    json m = dossier_model(c, *this, j.value(), store_.coaches_of(j->id), store_.contact_summary(j->id),
                           contacts.value());
    if (c.req.get_param_value("saved") == "1") m["flash"] = c.t("dossier.saved");
    html(c, 200, "dossier", m);
  });

  add("GET", R"(/jobseekers/(\d+)/edit/([a-z_]+))", "jobseekers.edit", Access::kDossier, [this](Ctx& c) {
    std::string section = c.req.matches[2];
    if (!is_section(section)) return fail(c, Status::not_found());
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    if (!allowed(*c.who, Action::kWriteDossier, store_.relation(*c.who, j->id))) return fail(c, Status::forbidden());
    json m = edit_model(c, *this, section, section_to_json(j.value(), section), j->version, {});
    m["title"] = c.t("section." + section);
    m["jobseeker"] = header_model(c, j.value());
    m["action"] = "/jobseekers/" + std::to_string(j->id) + "/edit/" + section;
    html(c, 200, "edit", m);
  });

  add("POST", R"(/jobseekers/(\d+)/edit/([a-z_]+))", "jobseekers.save", Access::kDossier, [this](Ctx& c) {
    std::string section = c.req.matches[2];
    if (!is_section(section)) return fail(c, Status::not_found());
    json patch = dossier_patch_from_form(c.form, section);
    auto j = dossiers_.update(*c.who, c.path_id(), patch);
    if (j.is_ok()) return redirect(c, "/jobseekers/" + std::to_string(j->id) + "?saved=1");
    Code code = j.status().code();
    if (code != Code::kInvalid && code != Code::kConflict) return fail(c, j.status());
    // Show the form again with what was typed, and why it was refused.
    auto current = dossiers_.read(*c.who, c.path_id());
    if (!current.is_ok()) return fail(c, current.status());
    json values = patch;
    values.erase("version");
    const json& typed = patch.contains("version") ? patch["version"] : json();
    int64_t version = typed.is_number_integer() ? typed.get<int64_t>() : 0;
    json m = edit_model(c, *this, section, values, version, j.status().fields());
    m["title"] = c.t("section." + section);
    m["jobseeker"] = header_model(c, current.value());
    m["action"] = "/jobseekers/" + std::to_string(current->id) + "/edit/" + section;
    if (code == Code::kConflict) {
      m["conflict"] = c.t("error.version_conflict");
      m["version"] = version;
    }
    html(c, http_status(code), "edit", m);
  });

  add("GET", R"(/jobseekers/(\d+)/history)", "jobseekers.history", Access::kDossier, [this](Ctx& c) {
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    auto versions = dossiers_.history(*c.who, j->id);
    if (!versions.is_ok()) return fail(c, versions.status());
    auto log = dossiers_.access_log(*c.who, j->id);
    if (!log.is_ok()) return fail(c, log.status());
    json m = base_model(c);
    m["title"] = c.t("history.title");
    m["jobseeker"] = header_model(c, j.value());
    for (const auto& v : versions.value())
      m["versions"].push_back({{"version", v.version}, {"changed_at", v.changed_at}, {"changed_by", v.changed_by},
                               {"data", v.data.dump(2)}});
    for (const auto& r : log.value())
      m["access"].push_back({{"at", r.at},
                             {"who", r.entry.username},
                             {"action", c.t("audit." + r.entry.action)},
                             {"flagged", r.entry.action == "access.break_glass"},
                             {"detail", r.entry.detail}});
    html(c, 200, "history", m);
  });

  add("POST", R"(/jobseekers/(\d+)/contacts)", "contacts.create", Access::kDossier, [this](Ctx& c) {
    auto ct = dossiers_.add_contact(*c.who, c.path_id(), contact_from_form(c.form));
    if (ct.is_ok()) return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "#journal");
    fail(c, ct.status());
  });
}

}  // namespace spiraal
