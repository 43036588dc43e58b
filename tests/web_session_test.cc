// Browser-facing behaviour over HTTP: log-in, cookies, CSRF, rate limiting,
// language switch, and forms that answer with errors in the user's language.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <regex>

#include "core/clock.h"
#include "test_support.h"
#include "web/form.h"
#include "web/i18n.h"
#include "web/view.h"

namespace spiraal::testing {
namespace {

class WebSessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = TestDb::create(Engine::kSqlite);
    coach_ = add_user(db_->store(), "coach.a", Role::kCoach, "Team Noord", "juist-wachtwoord");
    server_ = std::make_unique<TestServer>(db_->store());
  }

  // Logs in through the form; returns the session cookie ("name=value").
  std::string login(const std::string& password = "juist-wachtwoord") {
    auto r = post_login(*server_, "username=coach.a&password=" + url_encode(password) + "&next=%2Fcaseload");
    last_ = r->status;
    std::string set = r->get_header_value("Set-Cookie");
    set_cookie_ = set;
    return set.substr(0, set.find(';'));
  }
  // The CSRF token embedded in a page.
  std::string csrf(const std::string& cookie, const std::string& path = "/caseload") {
    auto r = server_->client().Get(path.c_str(), {{"Cookie", cookie}});
    std::smatch m;
    std::regex re(R"re(name="_csrf" value="([0-9a-f]+)")re");
    return std::regex_search(r->body, m, re) ? std::string(m[1]) : std::string();
  }
  httplib::Result post_form(const std::string& cookie, const std::string& path, const std::string& body) {
    return server_->client().Post(path.c_str(), {{"Cookie", cookie}}, body, "application/x-www-form-urlencoded");
  }

  std::unique_ptr<TestDb> db_;
  TestUser coach_;
  std::unique_ptr<TestServer> server_;
  int last_ = 0;
  std::string set_cookie_;
};

TEST_F(WebSessionTest, Login_SetsASecureHttpOnlySameSiteCookieAndRedirects) {
  std::string cookie = login();
  EXPECT_EQ(last_, 303);
  EXPECT_NE(set_cookie_.find("HttpOnly"), std::string::npos);
  EXPECT_NE(set_cookie_.find("Secure"), std::string::npos);
  EXPECT_NE(set_cookie_.find("SameSite=Lax"), std::string::npos);
  auto page = server_->client().Get("/caseload", {{"Cookie", cookie}});
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Mijn caseload"), std::string::npos);
}

TEST_F(WebSessionTest, WrongPassword_Answers401WithADutchMessage) {
  login("fout");
  EXPECT_EQ(last_, 401);
  auto r = post_login(*server_, "username=coach.a&password=fout");
  EXPECT_NE(r->body.find("klopt niet"), std::string::npos);
}

// Login CSRF: a log-in form posted from another site (no cookie of ours,
// or a token that does not match it) opens no session and costs no attempt.
TEST_F(WebSessionTest, LoginPostedWithoutTheFormsToken_IsRefusedWithoutCountingAsAFailure) {
  auto client = server_->client();
  auto bare = client.Post("/login", "username=coach.a&password=juist-wachtwoord", "application/x-www-form-urlencoded");
  EXPECT_EQ(bare->status, 403);
  EXPECT_NE(bare->body.find("kwam niet van deze site"), std::string::npos);
  EXPECT_EQ(bare->get_header_value("Set-Cookie").find(kSessionCookie), std::string::npos);

  auto page = client.Get("/login");
  const std::string set = page->get_header_value("Set-Cookie");
  EXPECT_TRUE(set.starts_with(std::string(kLoginCookie) + "=")) << set;
  EXPECT_NE(set.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(set.find("HttpOnly"), std::string::npos);
  EXPECT_NE(set.find("Path=/login"), std::string::npos);
  const std::string cookie = set.substr(0, set.find(';'));
  auto forged = client.Post("/login", {{"Cookie", cookie}},
                            "_csrf=00000000000000000000000000000000&username=coach.a&password=juist-wachtwoord",
                            "application/x-www-form-urlencoded");
  EXPECT_EQ(forged->status, 403);
  EXPECT_EQ(db_->store().login_failures("u:coach.a", "0000"), 0);

  // A second form (another tab) keeps the token, so the first still works.
  auto again = client.Get("/login", {{"Cookie", cookie}});
  EXPECT_EQ(again->get_header_value("Set-Cookie").substr(0, cookie.size()), cookie);
  login();
  EXPECT_EQ(last_, 303);
}

// After a wrong password the form comes back with a token that still works.
TEST_F(WebSessionTest, AfterAWrongPassword_TheReturnedFormLogsIn) {
  auto client = server_->client();
  auto page = client.Get("/login");
  const std::string set = page->get_header_value("Set-Cookie");
  const httplib::Headers cookie = {{"Cookie", set.substr(0, set.find(';'))}};
  auto token_in = [](const std::string& html) {
    std::smatch m;
    return std::regex_search(html, m, std::regex(R"re(name="_csrf" value="([0-9a-f]{32})")re")) ? std::string(m[1])
                                                                                                 : std::string();
  };
  auto wrong = client.Post("/login", cookie, "_csrf=" + token_in(page->body) + "&username=coach.a&password=fout",
                           "application/x-www-form-urlencoded");
  EXPECT_EQ(wrong->status, 401);
  auto right = client.Post("/login", cookie,
                           "_csrf=" + token_in(wrong->body) + "&username=coach.a&password=juist-wachtwoord",
                           "application/x-www-form-urlencoded");
  EXPECT_EQ(right->status, 303);
}

TEST_F(WebSessionTest, TooManyFailures_AreRateLimitedEvenWithTheRightPassword) {
  for (int i = 0; i < 5; ++i) login("fout");
  login();
  EXPECT_EQ(last_, 429);
}

TEST_F(WebSessionTest, FormPostWithoutCsrfToken_IsRefused) {
  std::string cookie = login();
  auto r = post_form(cookie, "/jobseekers", "first_name=Ann&last_name=P&birth_date=1985-01-01");
  EXPECT_EQ(r->status, 403);
  auto wrong = post_form(cookie, "/jobseekers", "_csrf=deadbeef&first_name=Ann&last_name=P&birth_date=1985-01-01");
  EXPECT_EQ(wrong->status, 403);
  auto ok = post_form(cookie, "/jobseekers",
                      "_csrf=" + csrf(cookie) + "&first_name=Ann&last_name=P&birth_date=1985-01-01");
  EXPECT_EQ(ok->status, 303);
  EXPECT_TRUE(ok->get_header_value("Location").starts_with("/jobseekers/"));
}

TEST_F(WebSessionTest, InvalidForm_Answers422AndKeepsWhatWasTyped) {
  std::string cookie = login();
  auto r = post_form(cookie, "/jobseekers", "_csrf=" + csrf(cookie) + "&first_name=Ann&last_name=&birth_date=2099-01-01");
  EXPECT_EQ(r->status, 422);
  EXPECT_NE(r->body.find("mag niet in de toekomst liggen"), std::string::npos);
  EXPECT_NE(r->body.find("is verplicht"), std::string::npos);
  EXPECT_NE(r->body.find("value=\"Ann\""), std::string::npos);
}

TEST_F(WebSessionTest, StaleEditForm_Answers409WithTheConflictMessage) {
  std::string cookie = login();
  std::string token = csrf(cookie);
  post_form(cookie, "/jobseekers", "_csrf=" + token + "&first_name=Ann&last_name=P&birth_date=1985-01-01");
  std::string base = "/jobseekers/1/edit/life_history";
  EXPECT_EQ(post_form(cookie, base, "_csrf=" + token + "&version=1&life_history=Eerste")->status, 303);
  auto stale = post_form(cookie, base, "_csrf=" + token + "&version=1&life_history=Tweede");
  EXPECT_EQ(stale->status, 409);
  EXPECT_NE(stale->body.find("intussen gewijzigd"), std::string::npos);
  EXPECT_EQ(db_->store().jobseeker(1)->life_history, "Eerste");
}

TEST_F(WebSessionTest, ChecklistForm_VersionsCompareSideBySideAndPrintAsASheet) {
  std::string cookie = login();
  std::string token = csrf(cookie);
  post_form(cookie, "/jobseekers", "_csrf=" + token + "&first_name=Ann&last_name=P&birth_date=1985-01-01");
  std::string base = "/jobseekers/1/instruments/outside_inside";
  EXPECT_EQ(post_form(cookie, base, "_csrf=" + token + "&taken_on=2026-01-10&mark.wounds=1&note.wounds=Weggezet+bij+het+OCMW")->status, 303);
  EXPECT_EQ(post_form(cookie, base, "_csrf=" + token + "&taken_on=2026-05-10&mark.dreams=1&note.dreams=Een+eigen+zaak")->status, 303);
  auto bad = post_form(cookie, base, "_csrf=" + token + "&taken_on=2099-01-01&mark.dreams=1");
  EXPECT_EQ(bad->status, 422);
  auto page = server_->client().Get(base.c_str(), {{"Cookie", cookie}});
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Twee versies naast elkaar"), std::string::npos);
  EXPECT_NE(page->body.find("Weggezet bij het OCMW"), std::string::npos);  // version A
  EXPECT_NE(page->body.find("Een eigen zaak"), std::string::npos);         // version B
  auto sheet = server_->client().Get((base + "/sheet?version=1").c_str(), {{"Cookie", cookie}});
  ASSERT_EQ(sheet->status, 200);
  EXPECT_NE(sheet->body.find("Mijn instrumenten: Buitenkant en binnenkant"), std::string::npos);
  EXPECT_NE(sheet->body.find("Kwetsuren: Weggezet bij het OCMW"), std::string::npos);
  EXPECT_EQ(sheet->body.find("Een eigen zaak"), std::string::npos);  // only the chosen version
}

TEST_F(WebSessionTest, LanguageSwitch_RendersEnglish) {
  std::string cookie = login();
  auto sw = server_->client().Get("/lang/en?next=%2Fcaseload", {{"Cookie", cookie}});
  EXPECT_EQ(sw->status, 303);
  EXPECT_EQ(sw->get_header_value("Location"), "/caseload");
  std::string lang = sw->get_header_value("Set-Cookie");
  lang = lang.substr(0, lang.find(';'));
  auto page = server_->client().Get("/caseload", {{"Cookie", cookie + "; " + lang}});
  EXPECT_NE(page->body.find("My caseload"), std::string::npos);
  EXPECT_NE(page->body.find("lang=\"en\""), std::string::npos);
}

TEST_F(WebSessionTest, NextParameter_NeverLeavesTheSite) {
  auto r = server_->client().Get("/lang/en?next=%2F%2Fevil.example");
  EXPECT_EQ(r->get_header_value("Location"), "/");
}

TEST_F(WebSessionTest, Logout_EndsTheSession) {
  std::string cookie = login();
  EXPECT_EQ(post_form(cookie, "/logout", "_csrf=" + csrf(cookie))->status, 303);
  auto r = server_->client().Get("/caseload", {{"Cookie", cookie}});
  EXPECT_EQ(r->status, 303);
  EXPECT_TRUE(r->get_header_value("Location").starts_with("/login"));
}

TEST_F(WebSessionTest, SessionsEndAfterIdleTimeAndAfterTheirLifetime) {
  std::string cookie = login();
  EXPECT_EQ(server_->client().Get("/caseload", {{"Cookie", cookie}})->status, 200);
  auto sessions = [&](const std::string& set) { db_->store().pool().acquire()->query("UPDATE sessions SET " + set); };
  // 31 minutes without a request: idle.
  sessions("last_seen_at = '" + utc_timestamp(std::chrono::system_clock::now() - std::chrono::minutes(31)) + "'");
  auto idle = server_->client().Get("/caseload", {{"Cookie", cookie}});
  EXPECT_EQ(idle->status, 303);
  EXPECT_TRUE(idle->get_header_value("Location").starts_with("/login"));
  // A fresh log-in; a request within the idle time keeps it alive...
  cookie = login();
  sessions("last_seen_at = '" + utc_timestamp(std::chrono::system_clock::now() - std::chrono::minutes(20)) + "'");
  EXPECT_EQ(server_->client().Get("/caseload", {{"Cookie", cookie}})->status, 200);
  // ...but not past its absolute lifetime.
  sessions("expires_at = '" + utc_timestamp(std::chrono::system_clock::now() - std::chrono::seconds(1)) + "'");
  EXPECT_EQ(server_->client().Get("/caseload", {{"Cookie", cookie}})->status, 303);
}

TEST(ClientAddress, TheForwardedClientCountsOnlyBehindATrustedProxy) {
  httplib::Request req;
  req.remote_addr = "127.0.0.1";
  req.set_header("X-Forwarded-For", "203.0.113.9, 10.0.0.2");
  // No proxy trusted: the peer, whatever the header says.
  EXPECT_EQ(client_address(req, {}), "127.0.0.1");
  // nginx on loopback trusted: the last hop it saw.
  EXPECT_EQ(client_address(req, {"127.0.0.1"}), "10.0.0.2");
  // Two proxies in a row, both trusted: the client before them.
  EXPECT_EQ(client_address(req, {"127.0.0.1", "10.0.0.2"}), "203.0.113.9");
  // A peer that is not a trusted proxy cannot pretend to be someone else.
  req.remote_addr = "198.51.100.7";
  EXPECT_EQ(client_address(req, {"127.0.0.1"}), "198.51.100.7");
  // Trusted proxy, no header: the proxy itself.
  httplib::Request bare;
  bare.remote_addr = "127.0.0.1";
  EXPECT_EQ(client_address(bare, {"127.0.0.1"}), "127.0.0.1");
}

TEST(RequestLimits, AClientThatStallsMidRequest_IsCutOff) {
  auto db = TestDb::create(Engine::kSqlite);
  AppOptions options;
  options.read_timeout_seconds = 1;
  TestServer server(db->store(), options);
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(uint16_t(server.port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  const std::string partial = "GET /healthz HTTP/1.1\r\nHost: x\r\n";  // never finished
  ASSERT_EQ(::send(fd, partial.data(), partial.size(), 0), ssize_t(partial.size()));
  timeval wait{4, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
  char buf[512];
  auto started = std::chrono::steady_clock::now();
  ssize_t got = ::recv(fd, buf, sizeof buf, 0);  // 0 (closed) or an error answer, well before 4 s
  auto waited = std::chrono::steady_clock::now() - started;
  ::close(fd);
  EXPECT_GE(got, 0);
  EXPECT_LT(waited, std::chrono::seconds(4));
}

// Two servers on one database (behind one proxy) share the count: three
// wrong guesses on one and two on the other block the username on both,
// for one client address as for another; a success clears the username.
TEST(LoginLimits, ServersOnOneDatabase_ShareTheFailureCount) {
  for (Engine engine : {Engine::kSqlite, Engine::kPostgres}) {
    auto db = TestDb::create(engine);
    if (!db) continue;  // PostgreSQL not configured
    Store& store = db->store();
    add_user(store, "coach.a", Role::kCoach, "Team Noord", "juist-wachtwoord");
    Auth first(store, true), second(store, true);
    for (int i = 0; i < 3; ++i)
      EXPECT_EQ(first.login("coach.a", "fout", "10.0.0.1").status().code(), Code::kUnauthenticated);
    for (int i = 0; i < 2; ++i)
      EXPECT_EQ(second.login("coach.a", "fout", "10.0.0.2").status().code(), Code::kUnauthenticated);
    EXPECT_EQ(first.login("coach.a", "juist-wachtwoord", "10.0.0.3").status().code(), Code::kTooManyRequests);
    EXPECT_EQ(second.login("coach.a", "juist-wachtwoord", "10.0.0.3").status().code(), Code::kTooManyRequests);
    // Another username from a fresh address is not affected.
    EXPECT_EQ(second.login("someone", "fout", "10.0.0.9").status().code(), Code::kUnauthenticated);
  }
}

TEST(LoginLimits, ASuccessClearsTheUsername_NotTheAddress) {
  auto db = TestDb::create(Engine::kSqlite);
  Store& store = db->store();
  add_user(store, "coach.a", Role::kCoach, "Team Noord", "juist-wachtwoord");
  Auth auth(store, true);
  for (int i = 0; i < 4; ++i) auth.login("coach.a", "fout", "10.0.0.1");
  ASSERT_TRUE(auth.login("coach.a", "juist-wachtwoord", "10.0.0.1").is_ok());
  EXPECT_EQ(store.login_failures("u:coach.a", "0000"), 0);
  EXPECT_EQ(store.login_failures("c:10.0.0.1", "0000"), 4);
  // An old window restarts at the next failure.
  store.add_login_failure("c:10.0.0.1", now_utc(), "9999");
  EXPECT_EQ(store.login_failures("c:10.0.0.1", "0000"), 1);
}

TEST_F(WebSessionTest, Pages_SendSecurityHeaders) {
  auto r = server_->client().Get("/login");
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(r->get_header_value("X-Frame-Options"), "DENY");
  EXPECT_EQ(r->get_header_value("Cache-Control"), "no-store");
}

}  // namespace
}  // namespace spiraal::testing

namespace spiraal::testing {
namespace {

TEST(Views, ListsGetAHasFlagForWrappingBlocks) {
  nlohmann::json model = {{"t", Catalogs::get().catalog("nl")}, {"status", 422}, {"message", "m"},
                          {"fields", {"Voornaam: is verplicht."}}};
  std::string html = Views::get().fragment("error", model);
  EXPECT_NE(html.find("<ul><li>Voornaam: is verplicht.</li></ul>"), std::string::npos) << html;
  model["fields"] = nlohmann::json::array();
  EXPECT_EQ(Views::get().fragment("error", model).find("<ul>"), std::string::npos);
}

// A template reaches the partials of its partials: shared → dossier_sections → domain.
TEST(Views, PartialsOfPartialsAreRendered) {
  nlohmann::json model = {{"t", Catalogs::get().catalog("nl")},
                          {"show_welfare", true},
                          {"welfare", {{{"label", "Wonen"}, {"strengths", "Een vast adres"}}}}};
  std::string html = Views::get().fragment("shared", model);
  EXPECT_NE(html.find("<h3>Wonen</h3>"), std::string::npos) << html;
  EXPECT_NE(html.find("Een vast adres"), std::string::npos) << html;
}

}  // namespace
}  // namespace spiraal::testing

#include "store/trajectory_service.h"

namespace spiraal::testing {
namespace {

// Every text a user can type is shown escaped on every page that shows it.
TEST(Xss, PayloadsInEveryTextField_AreRenderedEscaped) {
  const std::vector<std::string> payloads = {"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
                                             "</script><script>alert(2)</script>", "{{t.nav.logout}}"};
  auto db = TestDb::create(Engine::kSqlite);
  auto coach = add_user(db->store(), "coach.a", Role::kCoach, "Team Noord");
  DossierService dossiers(db->store());
  TrajectoryService trajectories(db->store(), dossiers);
  TestServer server(db->store());
  int tried = 0;
  for (const auto& p : payloads) {
    nlohmann::json body = {{"first_name", p}, {"last_name", p}, {"birth_date", "1980-01-01"}, {"origin", p},
                           {"studies", p}, {"life_history", p}, {"trajectory_so_far", p}, {"what_gives_strength", p},
                           {"welfare", {{"health", {{"strengths", p}, {"barriers", {{{"text", p}, {"priority", "now"}}}}}}}},
                           {"work", {{"language", {{"strengths", p}}}}}};
    auto j = dossiers.create(coach.principal(), body);
    ASSERT_TRUE(j.is_ok());
    ASSERT_TRUE(dossiers.add_contact(coach.principal(), j->id,
                                     {{"date", "2026-01-01"}, {"kind", "phone"}, {"status", "held"},
                                      {"initiative", "coach"}, {"note", p}})
                    .is_ok());
    ASSERT_TRUE(trajectories.open_crisis(coach.principal(), j->id, {{"cause", p}, {"started_on", "2026-01-02"}}).is_ok());
    tried += 13;
    for (const std::string page : {"", "/history", "/trajectory", "/selection", "/edit/objective", "/edit/welfare",
                                   "/edit/life_history"}) {
      auto r = server.client().Get(("/jobseekers/" + std::to_string(j->id) + page).c_str(), bearer(coach.token));
      ASSERT_EQ(r->status, 200) << page;
      EXPECT_EQ(r->body.find("<script>alert"), std::string::npos) << page << " with " << p;
      EXPECT_EQ(r->body.find("<img src=x"), std::string::npos) << page << " with " << p;
      EXPECT_EQ(r->body.find("</script><script>"), std::string::npos) << page << " with " << p;
      EXPECT_EQ(r->body.find(">Afmelden<", r->body.find("<main")), std::string::npos) << "template injection on " << page;
    }
    auto caseload = server.client().Get("/caseload", bearer(coach.token));
    EXPECT_EQ(caseload->body.find("<script>alert"), std::string::npos);
  }
  RecordProperty("payload_fields_tried", tried);
}

}  // namespace
}  // namespace spiraal::testing
