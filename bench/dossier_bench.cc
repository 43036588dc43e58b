// Times what a coach reads most (issue 10): the dossier as
// GET /api/v1/jobseekers/{id} gathers it and the coach's caseload as
// /caseload lists it, each next to the raw SQL that fetches the same data,
// on an existing demo database (`spiraal demo-data --jobseekers N`).
//
//   spiraal_dossier_bench --db FILE|postgresql://... [--key-file FILE]
//       [--coach USERNAME] [--benchmark_* flags]
//
// --db defaults to $SPIRAAL_BENCH_DB; --coach to the demo `coach`. Every
// benchmark walks round the coach's own dossiers, one per iteration.
//
//   dossier/endpoint   DossierService::read (access check, the row, opening
//                      its sealed fields, the audit record of the read) and
//                      the coaches and contact summary the endpoint adds
//   dossier/no-audit   the same without the audit record
//   dossier/raw        one query each for the row, the coaches and the
//                      contacts, and opening the sealed fields (no SQL can);
//                      checked against the endpoint for every dossier first
//   timeline/endpoint  DossierService::contacts, the newest 20 (access check,
//                      audit record, count, page with notes opened)
//   timeline/raw       one query for the page and the count, notes opened
//   scores/endpoint    ScoreService::tables: every score table, item sets opened
//   scores/raw         one query, item sets opened
//   caseload/endpoint  DossierService::caseload: the list and each row's signals
//   caseload/raw       the list query alone, rows read and dropped
//
// Not timed here: HTTP, the token check and the JSON or HTML (see
// bench/run-load.sh for the whole request).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "store/dossier_service.h"
#include "store/score_service.h"

namespace spiraal::bench {
namespace {

// The dossiers benchmarks walk round, one per iteration.
class Walk {
 public:
  explicit Walk(std::vector<int64_t> ids) : ids_(std::move(ids)) {}
  int64_t next() { return ids_[at_++ % ids_.size()]; }

 private:
  std::vector<int64_t> ids_;
  size_t at_ = 0;
};

struct Setup {
  std::unique_ptr<Store> store;
  std::unique_ptr<DossierService> dossiers;
  Principal coach;
  std::vector<int64_t> ids;
};

Setup& setup() {
  static Setup s;
  return s;
}


void dossier_endpoint(benchmark::State& state) {
  auto& s = setup();
  Walk walk(s.ids);
  for (auto _ : state) {
    auto j = s.dossiers->read(s.coach, walk.next());
    if (!j.is_ok()) throw std::runtime_error("read: " + j.status().message());
    benchmark::DoNotOptimize(s.store->coaches_of(j->id));
    benchmark::DoNotOptimize(s.store->contact_summary(j->id));
  }
}

void dossier_no_audit(benchmark::State& state) {
  auto& s = setup();
  Walk walk(s.ids);
  for (auto _ : state) {
    int64_t id = walk.next();
    if (!allowed(s.coach, Action::kReadDossier, s.store->relation(s.coach, id))) throw std::runtime_error("refused");
    benchmark::DoNotOptimize(s.store->jobseeker(id));
    benchmark::DoNotOptimize(s.store->coaches_of(id));
    benchmark::DoNotOptimize(s.store->contact_summary(id));
  }
}

// The raw queries for one dossier: the row (only if the coach is assigned),
// its sealed fields opened, the coaches and the contacts.
struct RawDossier {
  std::string first_name, profile, narrative;
  size_t coaches = 0, contacts = 0;
};

RawDossier raw_dossier(Setup& s, int64_t id) {
  auto c = s.store->pool().acquire();
  auto row = c->query(
      "SELECT j.first_name, j.profile, j.narrative FROM jobseekers j JOIN assignments a ON a.jobseeker_id = j.id "
      "WHERE j.id = ? AND a.user_id = ?",
      {id, s.coach.user_id});
  if (row.empty()) throw std::runtime_error("no row");
  RawDossier d{row.text(0, 0), s.store->cipher().open(row.text(0, 1)), s.store->cipher().open(row.text(0, 2))};
  d.coaches = c->query("SELECT u.id, u.username, u.display_name, u.role, u.team_id, t.name FROM assignments a "
                       "JOIN users u ON u.id = a.user_id LEFT JOIN teams t ON t.id = u.team_id WHERE "
                       "a.jobseeker_id = ? ORDER BY a.is_anchor DESC, u.display_name",
                       {id})
                  .size();
  d.contacts =
      c->query("SELECT id, contact_date, status FROM contacts WHERE jobseeker_id = ? ORDER BY contact_date, id", {id})
          .size();
  return d;
}

// One raw query's rows, and its sealed column opened row by row.
struct Opened {
  sql::Rows rows;
  std::vector<std::string> texts;
};

Opened opened(Setup& s, const std::string& query, int64_t id, size_t sealed) {
  Opened o{s.store->pool().acquire()->query(query, {id}), {}};
  for (size_t i = 0; i < o.rows.size(); ++i) o.texts.push_back(s.store->cipher().open(o.rows.text(i, sealed)));
  return o;
}

// The newest 20 contacts with the total (last column), notes opened.
Opened raw_timeline(Setup& s, int64_t id) {
  return opened(s,
                "SELECT c.id, c.version, c.contact_date, c.kind, c.status, c.initiative, c.note, c.author_id, "
                "u.display_name, c.created_at, c.updated_at, COUNT(*) OVER () FROM contacts c "
                "LEFT JOIN users u ON u.id = c.author_id WHERE c.jobseeker_id = ? "
                "ORDER BY c.contact_date DESC, c.id DESC LIMIT 20",
                id, 6);
}

// Every score table, and the item sets they were scored with opened.
Opened raw_scores(Setup& s, int64_t id) {
  Opened o = opened(s, "SELECT id, items FROM score_item_snapshots WHERE jobseeker_id = ?", id, 1);
  o.rows = s.store->pool().acquire()->query(
      "SELECT id, taken_on, scorer, item_snapshot_id, scores, created_at FROM score_tables WHERE jobseeker_id = ? "
      "ORDER BY taken_on, id",
      {id});
  return o;
}

// Before timing: the raw queries give what the endpoint gives, for every dossier.
void check_agreement(Setup& s) {
  for (int64_t id : s.ids) {
    auto j = s.store->jobseeker(id);
    if (!j.is_ok()) throw std::runtime_error("dossier " + std::to_string(id) + ": " + j.status().message());
    RawDossier raw = raw_dossier(s, id);
    ContactSummary summary = s.store->contact_summary(id);
    if (raw.first_name != j->first_name || raw.coaches != s.store->coaches_of(id).size() ||
        raw.contacts != size_t(summary.held + summary.missed + summary.rescheduled) || raw.profile.empty())
      throw std::runtime_error("dossier " + std::to_string(id) + ": the raw queries disagree with the endpoint");
    auto page = s.store->contacts(id, 20, 0);
    Opened timeline = raw_timeline(s, id);
    const sql::Rows& raw_page = timeline.rows;
    const size_t tables = raw_scores(s, id).rows.size();
    ScoreService scores(*s.store, *s.dossiers);
    if (raw_page.size() != page.items.size() || (!page.items.empty() && raw_page.integer(0, 11) != page.total) ||
        (!page.items.empty() && raw_page.integer(0, 0) != page.items.front().id) ||
        (!page.items.empty() && timeline.texts.front() != page.items.front().note) ||
        tables != scores.tables(s.coach, id).value().size())
      throw std::runtime_error("dossier " + std::to_string(id) + ": the raw timeline or scores disagree");
  }
}

void timeline_endpoint(benchmark::State& state) {
  auto& s = setup();
  Walk walk(s.ids);
  for (auto _ : state) {
    auto page = s.dossiers->contacts(s.coach, walk.next(), 20, 0);
    if (!page.is_ok()) throw std::runtime_error("contacts: " + page.status().message());
    benchmark::DoNotOptimize(page);
  }
}

void scores_endpoint(benchmark::State& state) {
  auto& s = setup();
  ScoreService scores(*s.store, *s.dossiers);
  Walk walk(s.ids);
  for (auto _ : state) {
    auto all = scores.tables(s.coach, walk.next());
    if (!all.is_ok()) throw std::runtime_error("score tables: " + all.status().message());
    benchmark::DoNotOptimize(all);
  }
}

// Times `raw` (one dossier's raw queries, sealed text opened) round the coach's dossiers.
template <auto raw>
void walk_raw(benchmark::State& state) {
  auto& s = setup();
  Walk walk(s.ids);
  for (auto _ : state) benchmark::DoNotOptimize(raw(s, walk.next()));
}

CaseloadQuery coach_caseload() {
  CaseloadQuery q;
  q.coach_id = setup().coach.user_id;
  return q;  // the page's defaults: by name, 50 a page
}

void caseload_endpoint(benchmark::State& state) {
  auto& s = setup();
  for (auto _ : state) benchmark::DoNotOptimize(s.dossiers->caseload(s.coach, coach_caseload()));
}

void caseload_raw(benchmark::State& state) {
  auto& s = setup();
  for (auto _ : state) benchmark::DoNotOptimize(s.store->caseload(coach_caseload()));
}

int run(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  cli::Options o;
  if (const char* env = std::getenv("SPIRAAL_BENCH_DB"); env && *env) o.db = env;
  std::string username = "coach";
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value");
    if (arg == "--db") o.db = argv[++i];
    else if (arg == "--key-file") o.key_file = argv[++i];
    else if (arg == "--coach") username = argv[++i];
    else throw std::invalid_argument("unknown argument " + arg);
  }
  auto& s = setup();
  s.store = cli::open_store(o, 2);
  if (!s.store) return 1;
  auto coach = s.store->user_by_username(username);
  if (!coach || coach->role != Role::kCoach) throw std::invalid_argument("no coach login " + username + " in " + o.db);
  s.coach = coach->principal();
  s.dossiers = std::make_unique<DossierService>(*s.store);
  CaseloadQuery all = coach_caseload();
  all.limit = 1'000'000;
  for (const auto& row : s.store->caseload(all).items) s.ids.push_back(row.id);
  if (s.ids.empty()) throw std::invalid_argument(username + " has no dossiers");
  std::cerr << username << ": " << s.ids.size() << " dossiers\n";
  check_agreement(s);

  using Fn = void (*)(benchmark::State&);
  const std::pair<const char*, Fn> benchmarks[] = {{"dossier/endpoint", dossier_endpoint},
                                                   {"dossier/no-audit", dossier_no_audit},
                                                   {"dossier/raw", walk_raw<raw_dossier>},
                                                   {"timeline/endpoint", timeline_endpoint},
                                                   {"timeline/raw", walk_raw<raw_timeline>},
                                                   {"scores/endpoint", scores_endpoint},
                                                   {"scores/raw", walk_raw<raw_scores>},
                                                   {"caseload/endpoint", caseload_endpoint},
                                                   {"caseload/raw", caseload_raw}};
  for (auto [name, fn] : benchmarks)
    benchmark::RegisterBenchmark(name, fn)->Unit(benchmark::kMicrosecond)->UseRealTime()->MinTime(2.0);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

}  // namespace
}  // namespace spiraal::bench

int main(int argc, char** argv) {
  try {
    return spiraal::bench::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "spiraal_dossier_bench: " << e.what() << "\n";
    return 2;
  }
}
