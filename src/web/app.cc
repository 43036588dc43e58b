#include "web/app.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "core/vocabulary.h"
#include "web/i18n.h"
#include "web/view.h"

namespace spiraal {

int http_status(Code code) {
  switch (code) {
    case Code::kOk: return 200;
    case Code::kInvalid: return 422;
    case Code::kNotFound: return 404;
    case Code::kForbidden: return 403;
    case Code::kConflict: return 409;
    case Code::kUnauthenticated: return 401;
    case Code::kTooManyRequests: return 429;
    case Code::kInternal: return 500;
  }
  return 500;
}

nlohmann::json field_messages(const Ctx& c, const FieldErrors& errors) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : errors) out.push_back(Catalogs::get().describe(c.lang, e));
  return out;
}

std::string csv_problem_text(const Ctx& c, const CsvProblem& p) {
  if (!p.field.empty()) return Catalogs::get().describe(c.lang, FieldError{p.field, p.rule, p.param});
  return c.t("error." + p.rule, p.param);
}

std::string client_address(const httplib::Request& req, const std::vector<std::string>& trusted_proxies) {
  auto trusted = [&](const std::string& a) {
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), a) != trusted_proxies.end();
  };
  if (!trusted(req.remote_addr)) return req.remote_addr;
  const std::string chain = req.get_header_value("X-Forwarded-For");
  size_t end = chain.size();
  while (end > 0) {
    size_t comma = chain.rfind(',', end - 1);
    size_t begin = comma == std::string::npos ? 0 : comma + 1;
    std::string hop = chain.substr(begin, end - begin);
    hop.erase(0, hop.find_first_not_of(' '));
    hop.erase(hop.find_last_not_of(' ') + 1);
    if (!hop.empty() && !trusted(hop)) return hop;
    if (comma == std::string::npos) break;
    end = comma;
  }
  return req.remote_addr;
}

nlohmann::json query_filter(const httplib::Request& req) {
  nlohmann::json q = nlohmann::json::object();
  for (const auto& [key, value] : req.params)
    if (!value.empty() && key != "lang") q[key] = value;
  return q;
}

nlohmann::json vocabulary_options(const Ctx& c, const std::string& list, const std::string& selected) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& code : Vocabulary::get().codes(list))
    out.push_back({{"code", code}, {"label", c.t("vocab." + list + "." + code)}, {"selected", code == selected}});
  return out;
}

int64_t Ctx::path_id(size_t i) const {
  if (i >= req.matches.size()) return 0;
  try {
    return std::stoll(req.matches[i].str());
  } catch (const std::exception&) {
    return 0;  // out of range: no such record
  }
}

std::string Ctx::t(const std::string& key, const std::string& param) const {
  return Catalogs::get().text(lang, key, param);
}

App::App(Store& store, AppOptions options)
    : store_(store),
      options_(std::move(options)),
      dossiers_(store, options_.signals),
      trajectories_(store, dossiers_),
      scores_(store, dossiers_),
      instruments_(store, dossiers_),
      consents_(store, dossiers_),
      social_map_(store),
      goals_(store, dossiers_),
      overlegs_(store, dossiers_),
      social_links_(store, dossiers_),
      work_(store, dossiers_),
      catalogues_(store),
      outreach_(store, dossiers_),
      network_(store),
      reports_(store, dossiers_),
      monitoring_(store),
      dashboard_(store, dossiers_),
      tracks_(store, dossiers_),
      mdos_(store, dossiers_, tracks_),
      voice_(store, dossiers_),
      groups_(store, dossiers_),
      structural_signals_(store, dossiers_),
      sms_(options_.sms_outbox_dir.empty() ? nullptr : std::make_unique<DirectorySmsOutbox>(options_.sms_outbox_dir)),
      portal_(store, dossiers_, sms_.get()),
      auth_(store, options_.secure_cookies) {
  add_api_routes();
  add_spiral_api_routes();
  add_spiral_pages();
  add_score_routes();
  add_instrument_routes();
  add_consent_routes();
  add_subject_routes();
  add_social_map_routes();
  add_goal_routes();
  add_overleg_routes();
  add_social_link_routes();
  add_work_routes();
  add_work_pages();
  add_catalogue_routes();
  add_match_routes();
  add_outreach_routes();
  add_outreach_pages();
  add_network_routes();
  add_integrated_report_routes();
  add_monitoring_routes();
  add_dashboard_routes();
  add_track_routes();
  add_voice_routes();
  add_group_routes();
  add_group_pages();
  add_structural_signal_routes();
  add_structural_signal_pages();
  add_portal_pages();
  add_portal_routes();
  add_page_routes();
  add_dossier_pages();
  add_admin_routes();
}

void App::add(std::string method, std::string pattern, std::string name, Access access, RouteHandler h) {
  routes_.push_back({std::move(method), std::move(pattern), std::move(name), access, std::move(h)});
}

void App::install(httplib::Server& server) {
  server.set_payload_max_length(options_.max_body_bytes);
  server.set_read_timeout(options_.read_timeout_seconds, 0);
  server.set_write_timeout(options_.write_timeout_seconds, 0);
  server.set_keep_alive_timeout(options_.keep_alive_seconds);
  server.set_keep_alive_max_count(100);
  // Headers and body go out in separate writes: without TCP_NODELAY, Nagle
  // and the client's delayed ACK hold every response back ~40 ms.
  server.set_tcp_nodelay(true);
  if (!options_.static_dir.empty()) server.set_mount_point("/static", options_.static_dir);
  for (const auto& route : routes_) {
    auto handler = [this, &route](const httplib::Request& req, httplib::Response& res) { dispatch(route, req, res); };
    if (route.method == "GET") server.Get(route.pattern, handler);
    else if (route.method == "POST") server.Post(route.pattern, handler);
    else if (route.method == "PATCH") server.Patch(route.pattern, handler);
    else if (route.method == "PUT") server.Put(route.pattern, handler);
  }
  server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    try {
      std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      spdlog::error("{} {}: {}", req.method, req.path, e.what());
    } catch (...) {
      spdlog::error("{} {}: unknown exception", req.method, req.path);
    }
    res.status = 500;
    res.set_content(R"({"error":"internal","message":"Internal error / Interne fout"})", "application/json");
  });
  // Answers with a body for statuses httplib produces itself (404 on unknown
  // paths, 413 on oversized bodies, 400 on unparsable requests).
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string lang = language_from_accept(req.get_header_value("Accept-Language"));
    std::string key = res.status == 404 ? "not_found" : res.status == 413 ? "too_large" : "bad_request";
    std::string message = Catalogs::get().text(lang, "error." + key);
    if (req.path.starts_with("/api/"))
      res.set_content(nlohmann::json{{"error", key}, {"message", message}}.dump(), "application/json");
    else
      res.set_content("<!doctype html><html lang=\"" + lang + "\"><title>" + message + "</title><p>" + message +
                          "</p><p><a href=\"/\">Spiraal</a></p>",
                      "text/html; charset=utf-8");
  });
  server.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "same-origin");
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                   "frame-ancestors 'none'; form-action 'self'");
    if (!res.has_header("Cache-Control")) res.set_header("Cache-Control", "no-store");
  });
}

void App::dispatch(const Route& route, const httplib::Request& req, httplib::Response& res) {
  Ctx c{req, res, false, {}, {}, {}, {}};
  c.api = req.path.starts_with("/api/");
  c.caller = auth_.identify(req.get_header_value("Authorization"), req.get_header_value("Cookie"));
  if (c.api)
    c.lang = req.has_param("lang") ? Catalogs::get().supported(req.get_param_value("lang"))
                                   : language_from_accept(req.get_header_value("Accept-Language"));
  else if (std::string chosen = cookie_value(req.get_header_value("Cookie"), kLanguageCookie); !chosen.empty())
    c.lang = Catalogs::get().supported(chosen);
  else  // "mijn traject" follows the phone's language until one is chosen
    c.lang = req.path.starts_with("/mijn") ? language_from_accept(req.get_header_value("Accept-Language"))
                                            : Catalogs::kDefaultLanguage;
  if (c.caller.user) c.who = c.caller.user->principal();

  if (route.access != Access::kPublic && !c.who) {
    if (c.api) return fail(c, Status::unauthenticated());
    if (route.access == Access::kPortal) return redirect(c, "/mijn/login");
    return redirect(c, "/login?next=" + url_encode(req.path));
  }
  // "Mijn traject" is the jobseeker's; a professional account has its own
  // pages, and a jobseeker's account opens no professional page or API,
  // not even on their own dossier (the services would allow a part).
  if (route.access == Access::kPortal && c.who->role != Role::kJobseeker) return fail(c, Status::forbidden());
  if (route.access != Access::kPortal && route.access != Access::kPublic && c.who &&
      c.who->role == Role::kJobseeker)
    return fail(c, Status::not_found());
  std::optional<Action> action;
  if (route.access == Access::kCaseload) action = Action::kListCaseload;
  if (route.access == Access::kCreate) action = Action::kCreateJobseeker;
  if (route.access == Access::kManageUsers) action = Action::kManageUsers;
  if (action && !allowed(*c.who, *action)) return fail(c, Status::forbidden());

  if (req.method != "GET") {
    if (req.get_header_value("Content-Type").starts_with("application/x-www-form-urlencoded"))
      c.form = Form::parse(req.body);
    // Browser sessions must prove the request came from our own pages.
    if (c.caller.via_session) {
      // A file upload (multipart/form-data) carries the token as a form part.
      std::string token = c.form.has("_csrf")  ? c.form.get("_csrf")
                          : req.has_file("_csrf") ? req.get_file_value("_csrf").content
                                                  : req.get_header_value("X-CSRF-Token");
      if (!same_secret(token, c.caller.csrf_token)) return fail(c, Status::forbidden("csrf"));
    }
  }
  route.handler(c);
}

void App::send_json(Ctx& c, int status, const nlohmann::json& body) const {
  c.res.status = status;
  c.res.set_content(body.dump(), "application/json");
}

void App::fail(Ctx& c, const Status& s) const {
  int status = http_status(s.code());
  std::string key = s.code() == Code::kInternal ? "internal" : s.message();
  if (s.code() == Code::kInternal) spdlog::error("{} {}: {}", c.req.method, c.req.path, s.message());
  if (c.api) {
    nlohmann::json body = {{"error", key}, {"message", c.t("error." + key)}};
    if (!s.fields().empty()) body["fields"] = Catalogs::get().describe_all(c.lang, s.fields());
    return send_json(c, status, body);
  }
  nlohmann::json model = c.req.path.starts_with("/mijn") ? portal_model(c, "") : base_model(c);
  model["message"] = c.t("error." + key);
  model["status"] = status;
  for (const auto& f : s.fields()) model["fields"].push_back(Catalogs::get().describe(c.lang, f));
  html(c, status, "error", std::move(model));
}

void App::html(Ctx& c, int status, const std::string& view, nlohmann::json model) const {
  c.res.status = status;
  c.res.set_content(Views::get().page(view, model), "text/html; charset=utf-8");
}

void App::redirect(Ctx& c, const std::string& to) const {
  c.res.status = 303;
  c.res.set_header("Location", to);
}

std::optional<nlohmann::json> App::json_body(Ctx& c) const {
  if (!c.req.get_header_value("Content-Type").starts_with("application/json")) {
    send_json(c, 415, {{"error", "content_type"}, {"message", c.t("error.content_type")}});
    return std::nullopt;
  }
  auto body = nlohmann::json::parse(c.req.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) {
    send_json(c, 400, {{"error", "malformed_json"}, {"message", c.t("error.malformed_json")}});
    return std::nullopt;
  }
  return body;
}

nlohmann::json App::base_model(const Ctx& c) const {
  nlohmann::json m;
  m["lang"] = c.lang;
  std::string other = c.lang == "nl" ? "en" : "nl";
  m["other_lang"] = {{"code", other}, {"label", Catalogs::get().text(other, "language.name")}};
  m["here"] = url_encode(c.req.path);
  m["csrf"] = c.caller.csrf_token;
  if (c.who) {
    m["user"] = {{"display_name", c.who->display_name},
                 {"role", c.t("vocab.role." + std::string(to_string(c.who->role)))},
                 {"can_caseload", allowed(*c.who, Action::kListCaseload)},
                 {"can_manage_users", allowed(*c.who, Action::kManageUsers)},
                 {"can_social_map", allowed(*c.who, Action::kReadSocialMap)},
                 {"can_catalogues", allowed(*c.who, Action::kReadCatalogues)},
                 {"can_outreach", allowed(*c.who, Action::kOutreach)},
                 {"can_network", allowed(*c.who, Action::kReadNetwork)},
                 {"can_monitoring", allowed(*c.who, Action::kReadMonitoring)},
                 {"can_dashboard", allowed(*c.who, Action::kReadTeamDashboard)},
                 {"can_counsellor_queue", c.who->role == Role::kCoordinator},
                 {"can_groups", allowed(*c.who, Action::kReadGroups)},
                 {"can_signals", allowed(*c.who, Action::kBundleSignals)},
                 {"is_partner", c.who->role == Role::kPartner}};
  }
  return m;
}

}  // namespace spiraal
