#include "store/demo_data.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "store/demo_contacts.h"
#include "store/demo_people.h"

namespace spiraal {
namespace {

using sql::Params;

constexpr int64_t kMaxJobseekers = 10'000'000;
constexpr int64_t kJobseekersPerTransaction = 2000;
// Rows per multi-row INSERT: few round trips to PostgreSQL, and a parameter
// count (100 x 10) far below both engines' limits.
constexpr size_t kRowsPerInsert = 100;
constexpr int64_t kOwnCaseload = 40;  // the fixed login `coach`
// Generated coaches draw a caseload in [50, 80] (65 on average); the last one
// is evened out with its neighbour, which keeps every caseload at 40 or more.
constexpr int64_t kMinCaseload = 50;
constexpr int64_t kMaxCaseload = 80;
constexpr double kCoachesPerTeam = 10;

struct FixedLogin {
  const char* username;
  const char* role;
  const char* display_name;
};
const FixedLogin kFixedLogins[] = {
    {"coach", "coach", "Demo-coach"},
    {"coordinator", "coordinator", "Demo-coördinator"},
    {"admin", "admin", "Demo-beheerder"},
    {"analyst", "analyst", "Demo-analist"},
    {"partner", "partner", "Demo-partner"},
    {"toeleider", "toeleider", "Demo-toeleider"},
};

// Writes the rows of one table as INSERTs of kRowsPerInsert rows through one
// prepared statement, and what is left at flush() one row at a time, so each
// table needs two statements whatever the row count.
class BulkInsert {
 public:
  // `head` is "INSERT INTO t (a, b, c)" and `row` the VALUES tuple with a `?`
  // per value, e.g. "(?, 1, ?)". With `returning_ids`, ids() collects the
  // generated ids in the order the rows were added.
  BulkInsert(sql::Connection& c, const std::string& head, const std::string& row, bool returning_ids)
      : c_(c), width_(std::count(row.begin(), row.end(), '?')), returning_ids_(returning_ids) {
    const std::string tail = returning_ids ? " RETURNING id" : "";
    one_sql_ = head + " VALUES " + row + tail;
    many_sql_ = head + " VALUES " + row;
    for (size_t i = 1; i < kRowsPerInsert; ++i) many_sql_ += ", " + row;
    many_sql_ += tail;
    buffer_.reserve(width_ * kRowsPerInsert);
  }
  BulkInsert(const BulkInsert&) = delete;
  BulkInsert& operator=(const BulkInsert&) = delete;

  // Adds one row: as many values as `row` has placeholders.
  template <typename... Values>
  void add(Values&&... values) {
    (buffer_.emplace_back(std::forward<Values>(values)), ...);
    ++rows_;
    if (buffer_.size() == width_ * kRowsPerInsert) {
      run(many_sql_, buffer_);
      buffer_.clear();
    }
  }

  // Writes the rows still buffered.
  void flush() {
    for (auto at = buffer_.begin(); at != buffer_.end(); at += width_) run(one_sql_, Params(at, at + width_));
    buffer_.clear();
  }

  int64_t rows() const { return rows_; }
  const std::vector<int64_t>& ids() const { return ids_; }

 private:
  void run(const std::string& sql, const Params& params) {
    sql::Rows r = c_.query(sql, params);
    if (!returning_ids_) return;
    const size_t first = ids_.size();
    for (size_t i = 0; i < r.size(); ++i) ids_.push_back(r.integer(i, 0));
    // RETURNING promises no row order, but both engines hand out identity
    // values in VALUES order, so sorted ids line up with the rows.
    std::sort(ids_.begin() + first, ids_.end());
  }

  sql::Connection& c_;
  std::string one_sql_, many_sql_;  // one row; kRowsPerInsert rows
  size_t width_;                    // values per row
  bool returning_ids_;
  Params buffer_;                   // values of rows not yet written
  int64_t rows_ = 0;                // rows added
  std::vector<int64_t> ids_;        // with returning_ids: of the rows written
};

// Caseload sizes, in the order of the coaches; the first is `coach`'s.
std::vector<int64_t> plan_caseloads(demo::Random& r, int64_t jobseekers) {
  std::vector<int64_t> sizes = {std::min(jobseekers, kOwnCaseload)};
  for (int64_t left = jobseekers - sizes[0]; left > 0; left -= sizes.back())
    sizes.push_back(std::min(left, r.between(kMinCaseload, kMaxCaseload)));
  // A short last caseload joins its neighbour's, or shares it half and half.
  if (sizes.size() > 2 && sizes.back() < kMinCaseload) {
    const int64_t both = sizes[sizes.size() - 2] + sizes.back();
    sizes.pop_back();
    sizes.back() = both;
    if (both > kMaxCaseload) {
      sizes.back() = both - both / 2;
      sizes.push_back(both / 2);
    }
  }
  return sizes;
}

std::string numbered(const char* prefix, size_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%04zu", prefix, n);
  return buf;
}

// "Team Antwerpen-Noord"; when the places run out, "Team Antwerpen-Noord 2".
std::string team_name(const demo::PhraseBank& bank, size_t team) {
  const auto& areas = bank.team_areas;
  std::string name = "Team " + areas[team % areas.size()];
  if (team >= areas.size()) name += " " + std::to_string(team / areas.size() + 1);
  return name;
}

struct Coach {
  int64_t id;
  int64_t team_id;
};

struct Staff {
  std::vector<Coach> coaches;  // one per caseload, in the same order
  int64_t teams = 0;
};

int64_t insert_user(sql::Connection& c, const std::string& username, const std::string& display_name,
                    const std::string& role, std::optional<int64_t> team_id, const std::string& password_hash,
                    const std::string& now) {
  return c
      .query("INSERT INTO users (username, display_name, role, team_id, password_hash, active, created_at) "
             "VALUES (?, ?, ?, ?, ?, 1, ?) RETURNING id",
             {username, display_name, role, team_id ? sql::Param(*team_id) : sql::Param(nullptr), password_hash, now})
      .integer(0, 0);
}

// The teams, the fixed logins, a coach per caseload and a coordinator per
// team. Coaches fill the teams in order; the first team is that of `coach`
// and `coordinator`, team n > 1 is led by coordinator000n.
Staff create_staff(sql::Connection& c, demo::Random& r, const demo::PhraseBank& bank, size_t coaches,
                   const std::string& password_hash) {
  const size_t teams = std::max<size_t>(1, std::lround(double(coaches) / kCoachesPerTeam));
  const std::string now = now_utc();
  std::vector<int64_t> team_ids;
  for (size_t t = 0; t < teams; ++t)
    team_ids.push_back(c.query("INSERT INTO teams (name, region, organisation) VALUES (?, ?, ?) RETURNING id",
                               {team_name(bank, t), bank.team_regions[t % bank.team_regions.size()],
                                bank.team_organisations[t % bank.team_organisations.size()]})
                           .integer(0, 0));

  Staff staff;
  staff.teams = int64_t(teams);
  for (const auto& login : kFixedLogins) {
    const std::string role = login.role;
    std::optional<int64_t> team;
    if (role == "coach" || role == "coordinator") team = team_ids[0];
    int64_t id = insert_user(c, login.username, login.display_name, role, team, password_hash, now);
    if (role == "coach") staff.coaches.push_back({id, *team});
  }
  for (size_t k = 1; k < coaches; ++k) {
    const int64_t team = team_ids[k * teams / coaches];
    staff.coaches.push_back(
        {insert_user(c, numbered("coach", k), make_staff_name(r, bank), "coach", team, password_hash, now), team});
  }
  for (size_t t = 1; t < teams; ++t)
    insert_user(c, numbered("coordinator", t + 1), make_staff_name(r, bank), "coordinator", team_ids[t],
                password_hash, now);
  return staff;
}

// What every batch of jobseekers draws from.
struct Generation {
  const demo::PhraseBank& bank;
  demo::Random root;  // jobseeker i draws from root.fork(i + 1)
  std::string today;
  long today_days;
  std::vector<Coach> coaches;
  std::vector<size_t> coach_of;  // jobseeker index -> index in coaches
};

// A dossier waiting for its id before its history can be written.
struct Draft {
  Jobseeker jobseeker;
  demo::Trajectory trajectory;
  demo::Random random;  // the jobseeker's stream, continued for the contacts
  const Coach* coach;
};

// Writes jobseekers [first, last) with their first version, their anchor
// coach and their contacts; returns the number of contacts.
int64_t write_jobseekers(sql::Connection& c, const Generation& g, int64_t first, int64_t last) {
  std::vector<Draft> drafts;
  drafts.reserve(last - first);
  BulkInsert jobseekers(c,
                        "INSERT INTO jobseekers (version, team_id, first_name, last_name, birth_date, profile, "
                        "narrative, created_at, updated_at, created_by, updated_by)",
                        "(1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", true);
  for (int64_t i = first; i < last; ++i) {
    demo::Random r = g.root.fork(uint64_t(i) + 1);
    Jobseeker j = demo::make_jobseeker(r, g.bank, g.today);
    const demo::Trajectory t = demo::make_trajectory(r, g.today_days);
    const Coach& coach = g.coaches[g.coach_of[i]];
    // The dossier as written at the start of the trajectory.
    j.version = 1;
    j.created_at = j.updated_at = iso_from_days(t.start) + "T09:00:00Z";
    jobseekers.add(coach.team_id, j.first_name, j.last_name, j.birth_date, profile_to_json(j).dump(),
                   narrative_to_json(j).dump(), j.created_at, j.updated_at, coach.id, coach.id);
    drafts.push_back({std::move(j), t, r, &coach});
  }
  jobseekers.flush();
  if (jobseekers.ids().size() != drafts.size()) throw sql::Error("demo data: INSERT RETURNING lost rows");

  BulkInsert versions(c, "INSERT INTO jobseeker_versions (jobseeker_id, version, changed_at, changed_by, data)",
                      "(?, 1, ?, ?, ?)", false);
  BulkInsert assignments(c, "INSERT INTO assignments (jobseeker_id, user_id, is_anchor, since)", "(?, ?, 1, ?)",
                         false);
  BulkInsert contacts(c,
                      "INSERT INTO contacts (jobseeker_id, version, contact_date, kind, status, initiative, note, "
                      "author_id, created_at, updated_at)",
                      "(?, 1, ?, ?, ?, ?, ?, ?, ?, ?)", false);
  for (size_t k = 0; k < drafts.size(); ++k) {
    Draft& d = drafts[k];
    Jobseeker& j = d.jobseeker;
    j.id = jobseekers.ids()[k];
    versions.add(j.id, j.updated_at, d.coach->id, to_json(j).dump());
    assignments.add(j.id, d.coach->id, iso_from_days(d.trajectory.start));
    for (Contact& ct : demo::make_contacts(d.random, g.bank, d.trajectory, j.first_name, d.coach->id))
      contacts.add(j.id, std::move(ct.date), std::move(ct.kind), std::move(ct.status), std::move(ct.initiative),
                   std::move(ct.note), ct.author_id, std::move(ct.created_at), std::move(ct.updated_at));
  }
  versions.flush();
  assignments.flush();
  contacts.flush();
  return contacts.rows();
}

}  // namespace

Result<DemoSummary> generate_demo_data(Store& store, const DemoOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
  auto progress = [&](const std::string& line) {
    if (options.progress) options.progress(line);
  };
  if (options.jobseekers < 0 || options.jobseekers > kMaxJobseekers)
    return Status::invalid_field("jobseekers", "range", "0-" + std::to_string(kMaxJobseekers));
  auto bank = demo::PhraseBank::load();
  if (!bank.is_ok()) return bank.status();

  try {
    auto c = store.pool().acquire();
    if (!c->query("SELECT 1 FROM jobseekers LIMIT 1").empty()) return Status::invalid_field("database", "not_empty");

    const demo::Random root(options.seed);
    demo::Random staff_random = root.fork(0);
    const std::vector<int64_t> caseloads = plan_caseloads(staff_random, options.jobseekers);
    Staff staff;
    try {
      staff = sql::in_transaction(
          *c, [&] { return create_staff(*c, staff_random, *bank, caseloads.size(), options.password_hash); });
    } catch (const sql::Error& e) {
      if (e.unique_violation) return Status::invalid_field("database", "not_empty");
      throw;
    }
    progress("demo-data: " + std::to_string(staff.teams) + " teams, " + std::to_string(caseloads.size()) +
             " coaches");

    const std::string today = today_utc();
    Generation g{*bank, root, today, *days_from_iso(today), std::move(staff.coaches), {}};
    for (size_t k = 0; k < caseloads.size(); ++k) g.coach_of.insert(g.coach_of.end(), caseloads[k], k);

    DemoSummary summary;
    summary.teams = staff.teams;
    summary.coaches = int64_t(caseloads.size());
    for (int64_t first = 0; first < options.jobseekers; first += kJobseekersPerTransaction) {
      const int64_t last = std::min(options.jobseekers, first + kJobseekersPerTransaction);
      summary.contacts += sql::in_transaction(*c, [&] { return write_jobseekers(*c, g, first, last); });
      summary.jobseekers = summary.versions = last;
      char line[128];
      std::snprintf(line, sizeof line, "demo-data: %lld of %lld jobseekers, %lld contacts (%.1f s)",
                    static_cast<long long>(last), static_cast<long long>(options.jobseekers),
                    static_cast<long long>(summary.contacts), seconds());
      progress(line);
    }
    summary.seconds = seconds();
    return summary;
  } catch (const std::exception& e) {  // sql::Error, or a vocabulary code the generator does not know
    return Status::internal(std::string("demo data: ") + e.what());
  }
}

std::vector<std::pair<std::string, std::string>> demo_logins() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& login : kFixedLogins) out.emplace_back(login.username, login.role);
  return out;
}

}  // namespace spiraal
