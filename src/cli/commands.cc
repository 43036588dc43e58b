#include "cli/commands.h"

#include <algorithm>
#include <httplib.h>
#include <spdlog/spdlog.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>

#include "core/account.h"
#include "core/secrets.h"
#include "store/demo_cooperation.h"
#include "store/demo_outreach.h"
#include "store/demo_data.h"
#include "store/demo_goals.h"
#include "store/demo_groups.h"
#include "store/demo_signals.h"
#include "store/goal_service.h"
#include "store/portal_service.h"
#include "store/demo_instruments.h"
#include "store/demo_catalogues.h"
#include "store/demo_social_map.h"
#include "store/demo_tracks.h"
#include "store/demo_trajectories.h"
#include "store/demo_work.h"
#include "store/reseal.h"
#include "store/store.h"
#include "web/app.h"
#include "web/i18n.h"

namespace spiraal::cli {
namespace {

void print_errors(const FieldErrors& errors) {
  for (const auto& e : errors) std::cerr << "spiraal: " << Catalogs::get().describe("en", e) << "\n";
}

httplib::Server* running_server = nullptr;
void stop_server(int) {
  if (running_server) running_server->stop();
}

}  // namespace

int run_serve(const Options& o) {
  auto store = open_store(o, size_t(o.db_connections));
  if (!store) return 1;
  AppOptions options;
  options.secure_cookies = !o.insecure_cookies;
  options.signals = o.signals;
  options.trusted_proxies = o.trusted_proxies;
  options.sms_outbox_dir = o.sms_outbox;
  options.static_dir = o.static_dir.empty() ? SPIRAAL_DEFAULT_STATIC_DIR : o.static_dir;
  App app(*store, options);
  httplib::Server server;
  int threads = o.threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(size_t(threads)); };
  app.install(server);
  running_server = &server;
  std::signal(SIGINT, stop_server);
  std::signal(SIGTERM, stop_server);
  if (!server.bind_to_port(o.host, o.port)) {
    std::cerr << "spiraal: cannot listen on " << o.host << ":" << o.port << "\n";
    return 1;
  }
  std::cout << "Spiraal serves http://" << o.host << ":" << o.port << "/" << std::endl;
  server.listen_after_bind();
  return 0;
}

int run_migrate(const Options& o) {
  auto store = open_store(o);
  if (!store) return 1;
  std::cout << "database is up to date\n";
  return 0;
}

int run_user_add(const Options& o, std::istream& password_in) {
  std::string password;
  std::getline(password_in, password);
  std::string display = o.display_name.empty() ? o.username : o.display_name;
  auto errors = validate_account(o.username, display, o.role, password);
  if (!errors.empty()) {
    print_errors(errors);
    return 2;
  }
  auto store = open_store(o);
  if (!store) return 1;
  if (!o.organisation.empty()) {
    DossierService dossiers(*store);
    auto known = GoalService(*store, dossiers).organisations();
    if ((o.role != "partner" && o.role != "toeleider") ||
        std::none_of(known.begin(), known.end(), [&](const auto& org) { return org["name"] == o.organisation; })) {
      std::cerr << "spiraal: --organisation is for a partner or a toeleider, and must name an organisation of the social "
                   "map\n";
      return 2;
    }
  }
  auto hash = hash_password(password);
  if (!hash) return 1;
  auto user = store->create_user({o.username, display, *role_from_string(o.role), o.team, *hash});
  if (!user.is_ok()) {
    print_errors(user.status().fields());
    return 2;
  }
  if (!o.organisation.empty()) {
    DossierService dossiers(*store);
    GoalService(*store, dossiers).link_partner(user->id, o.organisation);  // checked above
  }
  std::cout << "user " << user->username << " (" << to_string(user->role) << ") created\n";
  return 0;
}

int run_token_create(const Options& o) {
  auto store = open_store(o);
  if (!store) return 1;
  auto user = store->user_by_username(o.username);
  if (!user) {
    std::cerr << "spiraal: no user " << o.username << "\n";
    return 2;
  }
  std::string token = "sp_" + random_token(24);
  store->add_token(user->id, sha256_hex(token), o.label);
  std::cout << token << "\n";
  return 0;
}

int run_team_set(const Options& o) {
  auto store = open_store(o);
  if (!store) return 1;
  Status s = store->set_team_place(o.team, o.region, o.organisation);
  if (s.code() == Code::kNotFound) {
    std::cerr << "spiraal: no team " << o.team << "\n";
    return 2;
  }
  if (!s.is_ok()) {
    for (const auto& e : s.fields()) std::cerr << "spiraal: --" << e.field << ": " << e.rule << " " << e.param << "\n";
    return 2;
  }
  std::cout << o.team << ": region " << o.region << ", organisation " << o.organisation << "\n";
  return 0;
}

namespace {

// An invitation code for the demo coach's first dossier, so that Mijn
// traject can be tried at once (given in person, with consent, as a coach
// would); nullopt when there is no such dossier.
std::optional<PortalInvitation> demo_invitation(Store& store) {
  auto coach = store.user_by_username("coach");
  if (!coach) return std::nullopt;
  auto first = store.pool().acquire()->query(
      "SELECT jobseeker_id FROM assignments WHERE user_id = ? ORDER BY jobseeker_id LIMIT 1", {coach->id});
  if (first.empty()) return std::nullopt;
  DossierService dossiers(store);
  PortalService portal(store, dossiers, nullptr);
  auto code =
      portal.invite(coach->principal(), first.integer(0, 0), {{"channel", "in_person"}, {"consent", true}}, "");
  return code.is_ok() ? std::optional(code.value()) : std::nullopt;
}

}  // namespace

int run_demo_data(const Options& o) {
  if (o.demo_password.size() < kMinPasswordLength) {
    std::cerr << "spiraal: the demo password needs at least " << kMinPasswordLength << " characters\n";
    return 2;
  }
  auto store = open_store(o);
  if (!store) return 1;
  DemoOptions options;
  options.jobseekers = o.jobseekers;
  options.seed = o.seed;
  options.password_hash = hash_password(o.demo_password).value_or("");
  options.progress = [](const std::string& line) { std::cerr << line << "\n"; };
  auto summary = generate_demo_data(*store, options);
  std::optional<DemoTrajectorySummary> paths;
  std::optional<DemoInstrumentSummary> instruments;
  std::optional<DemoWorkSummary> work;
  std::optional<int> social_map;  // organisations in the sociale kaart
  std::optional<DemoCatalogueSummary> catalogues;
  Result<DemoGoalSummary> goals = DemoGoalSummary{};
  Result<DemoCooperationSummary> cooperation = DemoCooperationSummary{};
  Result<DemoOutreachSummary> outreach = DemoOutreachSummary{};
  Result<DemoTracksSummary> tracks = DemoTracksSummary{};
  Result<DemoGroupSummary> groups = DemoGroupSummary{};
  Result<DemoSignalSummary> signals = DemoSignalSummary{};
  std::optional<PortalInvitation> invitation;
  if (summary.is_ok()) {
    auto generated = generate_demo_trajectories(*store, o.seed, options.progress);
    if (generated.is_ok()) paths = generated.value();
    auto filled = generate_demo_instruments(*store, o.seed, options.progress);
    if (filled.is_ok()) instruments = filled.value();
    auto road = generate_demo_work(*store, o.seed, options.progress);  // written sealed: reseal_all skips it
    if (road.is_ok()) work = road.value();
    else std::cerr << "spiraal: demo road to work failed: " << road.status().message() << "\n";
    goals = generate_demo_goals(*store, o.seed, options.progress);  // plain text: sealed by reseal_all below
    auto organisations = generate_demo_social_map(*store);  // as a coordinator would import them
    if (organisations.is_ok()) social_map = organisations.value();
    auto imported = generate_demo_catalogues(*store, o.jobseekers, o.seed);  // as a coordinator would import them
    if (imported.is_ok()) catalogues = imported.value();
    else std::cerr << "spiraal: demo catalogues: " << imported.status().message() << "\n";
    reseal_all(*store, 5000, options.progress);  // the bulk loaders write plain text
    cooperation = generate_demo_cooperation(*store);  // through the services: sealed and audited
    int people = int(std::clamp<long>(o.jobseekers / 50, 40, 2000));
    outreach = generate_demo_outreach(*store, people, o.seed, options.password_hash);
    tracks = generate_demo_tracks(*store);              // likewise
    groups = generate_demo_groups(*store);               // likewise
    signals = generate_demo_signals(*store, o.seed);     // likewise
    invitation = demo_invitation(*store);
  }
  if (!summary.is_ok()) {
    print_errors(summary.status().fields());
    if (summary.status().fields().empty()) std::cerr << "spiraal: " << summary.status().message() << "\n";
    return summary.status().code() == Code::kInvalid ? 2 : 1;
  }
  const auto& s = summary.value();
  std::cout << "demo data: " << s.teams << " teams, " << s.coaches << " coaches, " << s.jobseekers
            << " jobseekers, " << s.contacts << " contacts in " << s.seconds << " s\n";
  if (paths)
    std::cout << "trajectories: " << paths->referrals << " referrals (" << paths->waiting << " waiting), "
              << paths->screenings << " screenings, " << paths->moves << " spiral moves, " << paths->crises
              << " crises, " << paths->closed << " closed\n";
  if (instruments)
    std::cout << "instruments: " << instruments->score_tables << " score tables (" << instruments->by_coach
              << " by the coach), " << instruments->instrument_versions() << " instrument versions ("
              << instruments->balances << " balances, " << instruments->ecograms << " ecograms, "
              << instruments->life_events << " life-event lines) for " << instruments->jobseekers << " jobseekers\n";
  if (work) {
    std::cout << "road to work: " << work->records << " work records for " << work->jobseekers << " jobseekers (";
    bool first = true;
    for (const auto& [kind, n] : work->kinds) std::cout << (first ? "" : ", ") << n << " " << kind, first = false;
    std::cout << "); " << work->hired << " hired, " << work->rejected << " rejected, " << work->starts_ended
              << " starts ended, in " << work->seconds << " s\n";
  }
  if (social_map) std::cout << "sociale kaart: " << *social_map << " organisations\n";
  if (catalogues)
    std::cout << "catalogues: " << catalogues->occupations << " occupations, " << catalogues->vacancies << " vacancies, "
              << catalogues->trainings << " training offers\n";
  if (goals.is_ok())
    std::cout << "goals: " << goals->goals << " goals, " << goals->actions << " actions, " << goals->agreements
              << " trajectory agreements, " << goals->overlegs << " W²-overlegs\n";
  else
    std::cerr << "spiraal: demo goals failed: " << goals.status().message() << "\n";
  if (cooperation.is_ok())
    std::cout << "cooperation (demo coach): " << cooperation->goals << " goals, " << cooperation->actions << " actions, "
              << cooperation->agreements << " trajectory agreements, " << cooperation->consents
              << " consents shared with the demo partner\n";
  else
    std::cerr << "spiraal: demo goals and consents failed: " << cooperation.status().message() << "\n";
  if (outreach.is_ok())
    std::cout << "outreach: " << outreach->toeleiders << " toeleiders (login toeleider), " << outreach->people
              << " people met, " << outreach->contacts << " contacts, " << outreach->moves << " phase moves, "
              << outreach->segments << " segments, " << outreach->handovers << " warm handovers\n";
  else {
    std::cerr << "spiraal: demo outreach failed: " << outreach.status().message() << "\n";
    print_errors(outreach.status().fields());
  }
  if (tracks.is_ok())
    std::cout << "parallel tracks (demo coach): " << tracks->tracks << " tracks, " << tracks->mdos << " MDOs held, "
              << tracks->feedback << " contact feedback, " << tracks->requests << " requests for another counsellor\n";
  else
    std::cerr << "spiraal: demo tracks failed: " << tracks.status().message() << "\n";
  if (groups.is_ok())
    std::cout << "groepswerking: " << groups->groups << " groups, " << groups->members << " members, "
              << groups->sessions << " sessions, " << groups->themes << " passed themes\n";
  else
    std::cerr << "spiraal: demo groups failed: " << groups.status().message() << "\n";
  if (signals.is_ok())
    std::cout << "signaalfunctie: " << signals->signals << " structural signals, " << signals->notes
              << " beleidsnota's (one final)\n";
  else
    std::cerr << "spiraal: demo signals failed: " << signals.status().message() << "\n";
  std::cout << "demo logins (password \"" << o.demo_password << "\"):\n";
  for (const auto& [username, role] : demo_logins()) std::cout << "  " << username << "  (" << role << ")\n";
  if (invitation)
    std::cout << "mijn traject (the jobseeker's own view): open /mijn/start on a phone or a narrow window and type "
              << invitation->code << " (valid until " << invitation->expires_at
              << "); later codes: as coach, a dossier's \"Mijn traject en berichten\"\n";
  else
    std::cout << "mijn traject (the jobseeker's own view): as coach, open a dossier, \"Mijn traject en berichten\", "
                 "make a code, then open /mijn/start on a phone or a narrow window\n";
  return 0;
}

int run_audit_verify(const Options& o) {
  auto store = open_store(o);
  if (!store) return 1;
  ChainCheck check = store->verify_audit_chain();
  if (!check.intact) {
    std::cout << "audit log BROKEN at record " << check.broken_at << ": " << check.reason << " (" << check.records
              << " records intact before it)\n";
    return 1;
  }
  std::cout << "audit log intact: " << check.records << " records\n";
  return 0;
}

int run_keys_rotate(const Options& o) {
  std::string path = key_path(o);
  if (path.empty() || !std::filesystem::exists(path)) {
    std::cerr << "spiraal: no key file to rotate (" << (path.empty() ? "give --key-file" : path) << ")\n";
    return 2;
  }
  // 1. A new current key, the old ones still listed: every value stays readable.
  auto id = FieldCipher::prepend_new_key(path);
  if (!id.is_ok()) {
    std::cerr << "spiraal: " << id.status().message() << "\n";
    return 1;
  }
  auto store = open_store(o);
  if (!store) return 1;
  // 2. Every sealed value rewritten under the new key.
  int64_t n = reseal_all(*store, 2000, [](const std::string& line) { std::cerr << line << "\n"; });
  // 3. Only now are the old keys dropped from the file.
  if (auto s = FieldCipher::keep_only_current(path); !s.is_ok()) {
    std::cerr << "spiraal: " << s.message() << "\n";
    return 1;
  }
  std::cout << "rotated to key " << id.value() << ": " << n << " values re-encrypted\n";
  return 0;
}

}  // namespace spiraal::cli
