// The individuele sociale kaart of a dossier: API and page over
// SocialLinkService, grouped by welfare domain.
#include "core/vocabulary.h"
#include "web/app.h"
#include "web/dossier_view.h"
#include "web/i18n.h"

namespace spiraal {
namespace {

using nlohmann::json;

json link_from_form(const Form& f) {
  json body = {{"domain", f.get("domain")}, {"organisation_id", number_from_form(f.get("organisation_id"))},
               {"question_kind", f.get("question_kind")}, {"smart", f.get("smart")}};
  if (!f.get("contact_id").empty()) body["contact_id"] = number_from_form(f.get("contact_id"));
  return body;
}

}  // namespace

void App::add_social_link_routes() {
  add("GET", R"(/api/v1/jobseekers/(\d+)/social-links)", "api.social_links.list", Access::kDossier, [this](Ctx& c) {
    auto all = social_links_.list(*c.who, c.path_id());
    if (!all.is_ok()) return fail(c, all.status());
    json items = json::array();
    for (const auto& l : all.value()) items.push_back(to_json(l));
    send_json(c, 200, {{"items", items}});
  });
  add("POST", R"(/api/v1/jobseekers/(\d+)/social-links)", "api.social_links.create", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto l = social_links_.add(*c.who, c.path_id(), *body);
    if (!l.is_ok()) return fail(c, l.status());
    send_json(c, 201, to_json(l.value()));
  });
  add("POST", R"(/api/v1/jobseekers/(\d+)/social-links/(\d+)/remove)", "api.social_links.remove", Access::kDossier,
      [this](Ctx& c) {
        auto s = social_links_.remove(*c.who, c.path_id(), c.path_id(2));
        if (!s.is_ok()) return fail(c, s);
        send_json(c, 200, {{"removed", c.path_id(2)}});
      });

  auto page = [this](Ctx& c, const json& errors, int status) {
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    auto all = social_links_.list(*c.who, c.path_id());
    if (!all.is_ok()) return fail(c, all.status());
    json m = base_model(c);
    m["title"] = c.t("social_links.title");
    m["jobseeker"] = header_model(c, j.value());
    json domains = json::array();
    for (const auto& d : Vocabulary::get().codes("welfare_domain")) {
      json links = json::array();
      for (const auto& l : all.value())
        if (l.domain == d) {
          json v = to_json(l);
          v["kind_label"] = c.t("social_links.kind." + l.question_kind);
          links.push_back(v);
        }
      domains.push_back({{"label", c.t("vocab.welfare_domain." + d)}, {"links", links}});
    }
    m["domains"] = domains;
    m["domain_options"] = vocabulary_options(c, "welfare_domain", "");
    json orgs = json::array(), contacts = json::array();
    for (const auto& o : goals_.organisations()) orgs.push_back(o);
    for (const auto& k : social_links_.contact_choices()) contacts.push_back(k);
    m["organisations"] = orgs;
    m["contacts"] = contacts;
    m["errors"] = errors;
    html(c, status, "social_links", m);
  };
  add("GET", R"(/jobseekers/(\d+)/social-links)", "social_links.show", Access::kDossier,
      [page](Ctx& c) { page(c, json::array(), 200); });
  add("POST", R"(/jobseekers/(\d+)/social-links)", "social_links.create", Access::kDossier, [this, page](Ctx& c) {
    auto l = social_links_.add(*c.who, c.path_id(), link_from_form(c.form));
    if (l.is_ok()) return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/social-links");
    if (l.status().code() != Code::kInvalid) return fail(c, l.status());
    json errors = field_messages(c, l.status().fields());
    page(c, errors, 422);
  });
  add("POST", R"(/jobseekers/(\d+)/social-links/(\d+)/remove)", "social_links.remove", Access::kDossier, [this](Ctx& c) {
    auto s = social_links_.remove(*c.who, c.path_id(), c.path_id(2));
    if (!s.is_ok()) return fail(c, s);
    redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/social-links");
  });
}

}  // namespace spiraal
