#pragma once
// The HTTP application: one route table for pages and the JSON API, both
// served from the same domain services (store/dossier_service.h).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "core/access.h"
#include "store/consent_service.h"
#include "store/dossier_service.h"
#include "store/goal_service.h"
#include "store/group_service.h"
#include "store/overleg_service.h"
#include "store/social_link_service.h"
#include "store/catalogue_service.h"
#include "store/work_service.h"
#include "store/network_service.h"
#include "store/team_dashboard_service.h"
#include "store/outreach_service.h"
#include "store/portal_service.h"
#include "store/integrated_report_service.h"
#include "store/monitoring_service.h"
#include "store/track_service.h"
#include "store/mdo_service.h"
#include "store/voice_service.h"
#include "store/instrument_service.h"
#include "store/score_service.h"
#include "store/social_map_service.h"
#include "store/structural_signal_service.h"
#include "store/trajectory_service.h"
#include "store/store.h"
#include "web/auth.h"
#include "web/form.h"

namespace spiraal {

struct AppOptions {
  bool secure_cookies = true;             // off only for plain-HTTP tests of cookie handling
  std::string static_dir;                 // web assets (CSS, JS, vendored npm libraries)
  size_t max_body_bytes = 1 << 20;        // larger bodies get 413
  int read_timeout_seconds = 10;          // a client that stalls while sending is cut off
  int write_timeout_seconds = 30;         // ... or while receiving
  int keep_alive_seconds = 5;             // idle keep-alive connections are closed
  SignalSettings signals;                 // thresholds of the caseload signals
  std::vector<std::string> trusted_proxies;  // reverse proxies whose X-Forwarded-For is believed
  std::string sms_outbox_dir;             // where SMS texts are left for a gateway; "" = no SMS invitations
};

// What a route needs before its handler runs. Dossier-level checks
// (relationship) happen in DossierService; these are the caller-level ones.
enum class Access {
  kPublic,         // anyone, logged in or not
  kAuthenticated,  // any logged-in user
  kCaseload,       // allowed(kListCaseload)
  kCreate,         // allowed(kCreateJobseeker)
  kDossier,        // any logged-in user; the service checks the relationship
  kManageUsers,    // allowed(kManageUsers)
  kPortal,         // a jobseeker in "mijn traject"; nobody logged in is sent to /mijn/login
};

// One request as the handlers see it.
struct Ctx {
  const httplib::Request& req;
  httplib::Response& res;
  bool api = false;                 // under /api/: JSON in and out
  std::string lang;                 // "nl" or "en"
  Caller caller;
  std::optional<Principal> who;     // set unless the route is public and nobody is logged in
  Form form;                        // parsed urlencoded body of page POSTs

  int64_t path_id(size_t i = 1) const;  // the i-th regex group of the path as a number
  std::string t(const std::string& key, const std::string& param = {}) const;
};

using RouteHandler = std::function<void(Ctx&)>;

struct Route {
  std::string method;   // GET, POST, PATCH, PUT
  std::string pattern;  // httplib regex
  std::string name;     // stable name used by the route matrix test and docs
  Access access;
  RouteHandler handler;
};

class App {
 public:
  // `store` must outlive the App.
  App(Store& store, AppOptions options);
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Registers every route, the static files and the error handlers.
  void install(httplib::Server& server);
  const std::vector<Route>& routes() const { return routes_; }

  // --- Shared response helpers (used by api_routes.cc and page_routes.cc)
  void send_json(Ctx& c, int status, const nlohmann::json& body) const;
  // Answers a failed Status: JSON for the API, an HTML page otherwise.
  void fail(Ctx& c, const Status& s) const;
  void html(Ctx& c, int status, const std::string& view, nlohmann::json model) const;
  void redirect(Ctx& c, const std::string& to) const;
  // The JSON body of an API write, or nullopt after answering 400/415.
  std::optional<nlohmann::json> json_body(Ctx& c) const;
  // The model every page shares: catalog, user, CSRF token, language switch.
  nlohmann::json base_model(const Ctx& c) const;

  Store& store() { return store_; }
  DossierService& dossiers() { return dossiers_; }
  TrajectoryService& trajectories() { return trajectories_; }
  Auth& auth() { return auth_; }

 private:
  void add(std::string method, std::string pattern, std::string name, Access access, RouteHandler h);
  void add_api_routes();
  void add_page_routes();
  void add_dossier_pages();
  void add_admin_routes();
  void add_spiral_api_routes();
  void add_spiral_pages();
  void add_score_routes();
  void add_instrument_routes();
  void add_consent_routes();
  void add_subject_routes();
  void add_social_map_routes();
  void add_goal_routes();
  void add_overleg_routes();
  void add_social_link_routes();
  void add_work_routes();
  void add_work_pages();
  void add_catalogue_routes();
  void add_match_routes();
  void add_outreach_routes();
  void add_outreach_pages();
  void add_network_routes();
  void add_integrated_report_routes();
  void add_monitoring_routes();
  void add_dashboard_routes();
  void add_track_routes();
  void add_voice_routes();
  void add_group_routes();
  void add_group_pages();
  void add_structural_signal_routes();
  void add_structural_signal_pages();
  void add_portal_routes();
  void add_portal_pages();
  // The printable trajectory agreement, for the coach and for the jobseeker.
  void print_agreement(Ctx& c, int64_t jobseeker_id, int64_t agreement_id);
  // The page model of "mijn traject" (web/templates/portal_layout.mustache).
  nlohmann::json portal_model(const Ctx& c, const std::string& here) const;
  void dispatch(const Route& route, const httplib::Request& req, httplib::Response& res);

  Store& store_;
  AppOptions options_;
  DossierService dossiers_;
  TrajectoryService trajectories_;
  ScoreService scores_;
  InstrumentService instruments_;
  ConsentService consents_;
  SocialMapService social_map_;
  GoalService goals_;
  OverlegService overlegs_;
  SocialLinkService social_links_;
  WorkService work_;
  CatalogueService catalogues_;
  OutreachService outreach_;
  NetworkService network_;
  IntegratedReportService reports_;
  MonitoringService monitoring_;
  TeamDashboardService dashboard_;
  TrackService tracks_;
  MdoService mdos_;
  VoiceService voice_;
  GroupService groups_;
  StructuralSignalService structural_signals_;
  std::unique_ptr<SmsOutbox> sms_;
  PortalService portal_;
  Auth auth_;
  std::vector<Route> routes_;
};

// HTTP status for a failed Status code.
int http_status(Code code);
// A vocabulary list as <option>s in the caller's language, `selected` marked:
// [{"code","label","selected"}].
nlohmann::json vocabulary_options(const Ctx& c, const std::string& list, const std::string& selected);
// The messages of refused fields in the caller's language, for a form shown
// again with what was typed: ["Field: what is wrong.", ...].
nlohmann::json field_messages(const Ctx& c, const FieldErrors& errors);
// One import problem (core/csv.h) in the caller's language: "name: is
// verplicht." for a field, else the file-level message.
std::string csv_problem_text(const Ctx& c, const CsvProblem& p);
// The client's address: the peer, or, when the peer is one of the trusted
// reverse proxies, the right-most X-Forwarded-For entry that is not itself
// a trusted proxy (entries further left are the client's own claims).
std::string client_address(const httplib::Request& req, const std::vector<std::string>& trusted_proxies);
// The non-empty query-string members as a JSON object for a filter parser;
// `lang` (the page language, read by the layout) is left out.
nlohmann::json query_filter(const httplib::Request& req);
// The filter of a page read from its query string. Refused fields show on
// the page (`m`: errors, has_errors) over the default filter, with status
// 422; any other failure gives nullopt, for the caller to fail with.
template <class Filter>
std::optional<Filter> page_filter(const Ctx& c, nlohmann::json& m, const Result<Filter>& parsed, int& status) {
  if (parsed.is_ok()) return parsed.value();
  if (parsed.status().code() != Code::kInvalid) return std::nullopt;
  m["errors"] = field_messages(c, parsed.status().fields());
  m["has_errors"] = true;
  status = 422;
  return Filter{};
}
// Caseload signals as JSON: [{"code","since"}].
nlohmann::json signals_json(const std::vector<Signal>& signals);

}  // namespace spiraal
