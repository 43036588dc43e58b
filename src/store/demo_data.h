#pragma once
// `spiraal demo-data`: fills an empty database with fictional teams, staff,
// jobseekers and contact journals, for demonstrations and load tests. The
// jobseekers follow the distributions of the handbook's Tabel 1; their stories
// come from the phrase banks of data/demo_names.json.
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace spiraal {

struct DemoOptions {
  int64_t jobseekers = 200;
  uint64_t seed = 20100301;     // the same seed gives the same people and stories
  std::string password_hash;    // argon2id hash set on every demo user (computed once by the caller)
  std::function<void(const std::string&)> progress;  // optional: one line per batch written
};

struct DemoSummary {
  int64_t teams = 0;
  int64_t coaches = 0;  // users with the role coach, `coach` included
  int64_t jobseekers = 0;
  int64_t contacts = 0;
  int64_t versions = 0;  // jobseeker_versions rows
  double seconds = 0;
};

// Writes the demo data into a migrated database. Refuses with
// Status::invalid_field("database", "not_empty") when the database already
// holds jobseekers, or a user or team with one of the demo names, and with
// invalid_field("jobseekers", "range") for a negative or absurd count.
//
// The fixed login `coach` holds 40 dossiers (all, when there are fewer); the
// generated coaches coach0001... hold 40 to 80, 65 on average (one may hold
// fewer when too few jobseekers are left over). Coaches are grouped into
// teams of about ten, named after Flemish places, each with a coordinator;
// the fixed login `coordinator` leads the team of `coach`.
//
// Writes one transaction per batch of jobseekers, so a database failure half
// way (kInternal) leaves the batches before it in place: start again on a
// fresh database.
Result<DemoSummary> generate_demo_data(Store& store, const DemoOptions& options);

// The fixed demo logins (username, role) that generate_demo_data creates.
std::vector<std::pair<std::string, std::string>> demo_logins();

}  // namespace spiraal
