// Pages outside a single dossier: log-in, language switch, home and caseload.
#include "core/clock.h"
#include "core/secrets.h"
#include "web/app.h"
#include "web/i18n.h"
#include "web/paging.h"
#include "web/view.h"

namespace spiraal {
namespace {

// Only local paths are followed after log-in or a language switch.
std::string safe_next(const std::string& next) {
  if (next.size() > 1 && next[0] == '/' && next[1] != '/' && next[1] != '\\') return next;
  return "/";
}

nlohmann::json signal_labels(const Ctx& c, const std::vector<Signal>& signals) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : signals) out.push_back({{"code", s.code}, {"label", c.t("signal." + s.code)}, {"since", s.since}});
  return out;
}

}  // namespace

void App::add_page_routes() {
  add("GET", "/healthz", "healthz", Access::kPublic, [this](Ctx& c) {
    store_.pool().acquire()->query("SELECT 1");
    c.res.set_content("ok", "text/plain");
  });

  add("GET", "/", "home", Access::kPublic, [this](Ctx& c) {
    if (!c.who) return redirect(c, "/login");
    if (c.who->role == Role::kJobseeker) return redirect(c, "/mijn");
    if (allowed(*c.who, Action::kListCaseload)) return redirect(c, "/caseload");
    if (allowed(*c.who, Action::kManageUsers)) return redirect(c, "/admin/users");
    if (allowed(*c.who, Action::kOutreach)) return redirect(c, "/outreach");
    if (allowed(*c.who, Action::kReadMonitoring)) return redirect(c, "/monitoring");
    html(c, 200, "home", base_model(c));
  });

  // The log-in form, with its own CSRF token: the one in the cookie when it
  // looks like ours (another tab's form stays valid), or a new one.
  auto login_page = [this](Ctx& c, int status, nlohmann::json model) {
    std::string token = cookie_value(c.req.get_header_value("Cookie"), kLoginCookie);
    if (token.size() != 32 || token.find_first_not_of("0123456789abcdef") != std::string::npos)
      token = random_token(16);
    c.res.set_header("Set-Cookie", auth_.login_cookie(token));
    model["login_csrf"] = token;
    html(c, status, "login", model);
  };

  add("GET", "/login", "login.form", Access::kPublic, [this, login_page](Ctx& c) {
    if (c.who) return redirect(c, "/");
    auto model = base_model(c);
    model["next"] = safe_next(c.req.get_param_value("next"));
    login_page(c, 200, model);
  });

  add("POST", "/login", "login.submit", Access::kPublic, [this, login_page](Ctx& c) {
    std::string username = c.form.get("username");
    auto model = base_model(c);
    model["next"] = safe_next(c.form.get("next"));
    model["username"] = username;
    // Login CSRF: a form posted from another site would log this browser in
    // to somebody else's account. Not counted as a failed attempt.
    std::string expected = cookie_value(c.req.get_header_value("Cookie"), kLoginCookie);
    if (expected.empty() || !same_secret(c.form.get("_csrf"), expected)) {
      model["error"] = c.t("login.expired");
      return login_page(c, 403, model);
    }
    auto result = auth_.login(username, c.form.get("password"), client_address(c.req, options_.trusted_proxies));
    if (!result.is_ok()) {
      model["error"] = c.t(result.status().code() == Code::kTooManyRequests ? "login.too_many" : "login.failed");
      return login_page(c, http_status(result.status().code()), model);
    }
    c.res.set_header("Set-Cookie", auth_.session_cookie(result->token));
    redirect(c, safe_next(c.form.get("next")));
  });

  add("POST", "/logout", "logout", Access::kAuthenticated, [this](Ctx& c) {
    auth_.logout(c.caller);
    c.res.set_header("Set-Cookie", auth_.clear_session_cookie());
    redirect(c, c.who->role == Role::kJobseeker ? "/mijn/login" : "/login");
  });

  add("GET", "/lang/(nl|en|fr)", "language", Access::kPublic, [this](Ctx& c) {
    c.res.set_header("Set-Cookie", auth_.language_cookie(c.req.matches[1]));
    redirect(c, safe_next(c.req.get_param_value("next")));
  });

  add("GET", "/caseload", "caseload", Access::kCaseload, [this](Ctx& c) {
    auto model = base_model(c);
    auto q = caseload_query(c.req.params);
    if (!q.is_ok()) return fail(c, q.status());
    auto page = dossiers_.caseload(*c.who, q.value());
    if (!page.is_ok()) return fail(c, page.status());
    std::string today = today_utc();
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : page->items)
      rows.push_back({{"id", r.id},
                      {"name", r.last_name + ", " + r.first_name},
                      {"birth_date", r.birth_date},
                      {"age", age_in_years(r.birth_date, today)},
                      {"last_contact", r.last_contact_date.empty() ? c.t("caseload.never") : r.last_contact_date},
                      {"state", c.t("spiral." + r.state)},
                      {"signals", signal_labels(c, r.signals)},
                      {"unread", r.unread_messages},
                      {"has_unread", r.unread_messages > 0}});
    const auto& query = q.value();
    model["q"] = query.search;
    model["rows"] = rows;
    model["empty"] = rows.empty();
    model["total"] = page->total;
    model["title"] = c.t(c.who->role == Role::kCoordinator ? "caseload.team_title" : "caseload.title");
    // Column headers sort; clicking the current column flips the order.
    nlohmann::json columns = nlohmann::json::array();
    for (auto s : {CaseloadSort::kName, CaseloadSort::kBirthDate, CaseloadSort::kLastContact}) {
      bool current = s == query.sort;
      bool next_desc = current && !query.descending;
      columns.push_back({{"label", c.t("caseload.col." + to_string(s))},
                         {"href", "/caseload?sort=" + to_string(s) + "&order=" + (next_desc ? "desc" : "asc") +
                                      "&q=" + url_encode(query.search)},
                         {"aria_sort", current ? (query.descending ? "descending" : "ascending") : "none"}});
    }
    model["columns"] = columns;
    int page_no = query.offset / query.limit + 1;
    std::string base = "/caseload?sort=" + to_string(query.sort) + "&order=" + (query.descending ? "desc" : "asc") +
                       "&q=" + url_encode(query.search) + "&page=";
    if (page_no > 1) model["prev_href"] = base + std::to_string(page_no - 1);
    if (query.offset + query.limit < page->total) model["next_href"] = base + std::to_string(page_no + 1);
    model["page_label"] = c.t("caseload.page", std::to_string(page_no));
    model["can_create"] = allowed(*c.who, Action::kCreateJobseeker);
    // htmx live search asks for the table only.
    if (c.req.get_header_value("HX-Request") == "true") {
      c.res.set_content(Views::get().fragment("caseload_table", model), "text/html; charset=utf-8");
      return;
    }
    html(c, 200, "caseload", model);
  });
}

}  // namespace spiraal
