// The coach's side of "mijn traject", over PortalService: invite the
// jobseeker (with their consent) by a one-time code in person or by SMS
// text, see and revoke their devices, and the messages with them. The same
// operations as JSON under /api/v1.
#include <algorithm>

#include "web/app.h"
#include "web/dossier_view.h"

namespace spiraal {
namespace {

using nlohmann::json;

json account_json(const PortalAccount& a) {
  json devices = json::array();
  for (const auto& d : a.devices)
    devices.push_back({{"id", d.id},
                       {"label", d.label},
                       {"created_at", d.created_at},
                       {"last_used_at", d.last_used_at},
                       {"revoked_at", d.revoked_at},
                       {"active", d.revoked_at.empty()}});
  return {{"exists", a.exists}, {"devices", devices}, {"open_invitation_expires_at", a.open_invitation_expires_at}};
}

json message_json(const PortalMessage& m) {
  return {{"id", m.id},     {"from_jobseeker", m.from_jobseeker}, {"author", m.author},  {"kind", m.kind},
          {"text", m.text}, {"created_at", m.created_at},         {"read_at", m.read_at}};
}

// The invitation body of the page's form.
json invitation_form(const Form& f) {
  return {{"channel", f.get("channel")}, {"phone", f.get("phone")}, {"consent", f.get("consent") == "1"}};
}

}  // namespace

void App::add_portal_routes() {
  // --- API
  add("POST", R"(/api/v1/jobseekers/(\d+)/portal/invitations)", "api.portal.invite", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto inv = portal_.invite(*c.who, c.path_id(), *body, c.t("portal.sms", "{param}"));
    if (!inv.is_ok()) return fail(c, inv.status());
    send_json(c, 201,
              {{"id", inv->id},
               {"code", format_code(inv->code)},
               {"channel", inv->channel},
               {"expires_at", inv->expires_at}});
  });
  add("GET", R"(/api/v1/jobseekers/(\d+)/portal)", "api.portal.account", Access::kDossier, [this](Ctx& c) {
    auto a = portal_.account(*c.who, c.path_id());
    if (!a.is_ok()) return fail(c, a.status());
    send_json(c, 200, account_json(a.value()));
  });
  add("POST", R"(/api/v1/jobseekers/(\d+)/portal/devices/(\d+)/revoke)", "api.portal.revoke", Access::kDossier,
      [this](Ctx& c) {
        if (auto s = portal_.revoke_device(*c.who, c.path_id(), c.path_id(2)); !s.is_ok()) return fail(c, s);
        c.res.status = 204;
      });
  add("PUT", R"(/api/v1/jobseekers/(\d+)/portal/story)", "api.portal.story", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    if (auto s = portal_.set_opened(*c.who, c.path_id(), *body); !s.is_ok()) return fail(c, s);
    auto opened = portal_.opened(*c.who, c.path_id());
    if (!opened.is_ok()) return fail(c, opened.status());
    send_json(c, 200, {{"open", opened.value()}});
  });
  add("GET", R"(/api/v1/jobseekers/(\d+)/messages)", "api.messages.list", Access::kDossier, [this](Ctx& c) {
    auto all = portal_.messages(*c.who, c.path_id());
    if (!all.is_ok()) return fail(c, all.status());
    json items = json::array();
    for (const auto& m : all.value()) items.push_back(message_json(m));
    send_json(c, 200, {{"items", items}});
  });
  add("POST", R"(/api/v1/jobseekers/(\d+)/messages)", "api.messages.send", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto m = portal_.send(*c.who, c.path_id(), *body);
    if (!m.is_ok()) return fail(c, m.status());
    send_json(c, 201, message_json(m.value()));
  });

  // --- The coach's page
  auto portal_page = [this](Ctx& c, int status, const json& errors, const std::string& code) {
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    auto account = portal_.account(*c.who, c.path_id());
    if (!account.is_ok()) return fail(c, account.status());
    auto messages = portal_.messages(*c.who, c.path_id());
    if (!messages.is_ok()) return fail(c, messages.status());
    json m = base_model(c);
    m["title"] = c.t("portal.admin.title");
    m["jobseeker"] = header_model(c, j.value());
    m["account"] = account_json(account.value());
    for (auto& d : m["account"]["devices"])  // "2026-12-06T02:58:31Z" reads as "2026-12-06 02:58"
      for (const char* key : {"created_at", "last_used_at", "revoked_at"}) {
        std::string t = d[key].get<std::string>().substr(0, 16);
        if (t.size() > 10) t[10] = ' ';
        d[key] = t;
      }
    m["errors"] = errors;
    if (!code.empty()) m["code"] = format_code(code);
    m["sms"] = !options_.sms_outbox_dir.empty();
    json list = json::array();
    for (auto it = messages->rbegin(); it != messages->rend(); ++it) {
      json v = message_json(*it);
      if (it->kind == "consent_withdrawn") v["text"] = c.t("portal.admin.consent_withdrawn", it->text);
      v["notice"] = it->kind != "message";
      v["at"] = it->created_at.substr(0, 16);
      list.push_back(v);
    }
    m["messages"] = list;
    m["max"] = kMessageLength;
    auto opened = portal_.opened(*c.who, c.path_id());
    if (!opened.is_ok()) return fail(c, opened.status());
    json parts = json::array();
    for (const char* part : kStoryParts)
      parts.push_back({{"code", part},
                       {"label", c.t(std::string("portal.admin.part.") + part)},
                       {"open", std::find(opened->begin(), opened->end(), part) != opened->end()}});
    m["story_parts"] = parts;
    html(c, status, "portal_admin", m);
  };
  add("GET", R"(/jobseekers/(\d+)/portal)", "portal_admin.show", Access::kDossier,
      [portal_page](Ctx& c) { portal_page(c, 200, json::array(), ""); });
  add("POST", R"(/jobseekers/(\d+)/portal/invite)", "portal_admin.invite", Access::kDossier,
      [this, portal_page](Ctx& c) {
        auto inv = portal_.invite(*c.who, c.path_id(), invitation_form(c.form), c.t("portal.sms", "{param}"));
        if (inv.is_ok()) return portal_page(c, 200, json::array(), inv->code);
        if (inv.status().code() != Code::kInvalid) return fail(c, inv.status());
        portal_page(c, 422, field_messages(c, inv.status().fields()), "");
      });
  add("POST", R"(/jobseekers/(\d+)/portal/devices/(\d+)/revoke)", "portal_admin.revoke", Access::kDossier,
      [this](Ctx& c) {
        if (auto s = portal_.revoke_device(*c.who, c.path_id(), c.path_id(2)); !s.is_ok()) return fail(c, s);
        redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/portal");
      });
  add("POST", R"(/jobseekers/(\d+)/portal/story)", "portal_admin.story", Access::kDossier, [this, portal_page](Ctx& c) {
    auto s = portal_.set_opened(*c.who, c.path_id(), {{"open", c.form.all("open")}});
    if (s.is_ok()) return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/portal");
    if (s.code() != Code::kInvalid) return fail(c, s);
    portal_page(c, 422, field_messages(c, s.fields()), "");
  });
  add("POST", R"(/jobseekers/(\d+)/messages)", "portal_admin.message", Access::kDossier, [this, portal_page](Ctx& c) {
    auto m = portal_.send(*c.who, c.path_id(), {{"text", c.form.get("text")}});
    if (m.is_ok()) return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/portal#messages");
    if (m.status().code() != Code::kInvalid) return fail(c, m.status());
    portal_page(c, 422, field_messages(c, m.status().fields()), "");
  });
}

}  // namespace spiraal
