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

// Writes the demo data into a migrated database whose jobseekers table is
// empty (Status::invalid_field("database", "not_empty") otherwise; a demo
// username that is already taken gives invalid_field("username", "taken")).
//
// Every generated coach holds 30 to 80 dossiers, 65 on average, and the fixed
// login `coach` holds 40 (or all when there are fewer). Coaches are grouped
// into teams of about ten, each with its own coordinator; the fixed login
// `coordinator` leads the team of `coach`.
//
// Writes one transaction per batch of jobseekers, so a database failure half
// way (kInternal) leaves the batches before it in place: start again on a
// fresh database.
Result<DemoSummary> generate_demo_data(Store& store, const DemoOptions& options);

// The fixed demo logins (username, role) that generate_demo_data creates.
std::vector<std::pair<std::string, std::string>> demo_logins();

}  // namespace spiraal
