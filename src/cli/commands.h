#pragma once
// The subcommands of `spiraal`. Each returns the process exit code: 0 on
// success, 1 when the operation failed, 2 for bad input.
#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "core/signals.h"
#include "store/store.h"

namespace spiraal::cli {

struct Options {
  std::string db = "spiraal.db";
  std::string key_file;  // empty: $SPIRAAL_KEY_FILE, or <db>.key for SQLite
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string static_dir;  // empty: the build's static directory
  int threads = 64;         // serve: HTTP workers (a keep-alive connection holds one)
  int db_connections = 16;  // serve: the database connection pool
  bool insecure_cookies = false;
  SignalSettings signals;
  std::string username, role, display_name, team, label = "cli";
  std::string organisation;  // user add: a partner's service on the social map
  bool password_stdin = false;
  int64_t jobseekers = 200;
  uint64_t seed = 20100301;
  std::string demo_password = "spiraal-demo";
  int64_t jobseeker_id = 0;
  std::string out_dir;        // subject export: write JSON, HTML and PDF here
  std::string lang = "nl";    // subject export: language of the readable report
  int retention_months = 60;  // subject retention: months after closing
  bool yes = false;           // subject erase: confirmed
  std::string backup_file;    // backup --to / restore --from
  bool force = false;         // restore: replace an existing SQLite file
  std::string catalogue;      // catalogue import: occupations | vacancies | trainings
  std::string file;           // catalogue / measures import: the file to read
  std::string format;         // catalogue import: csv | json; export monitoring: csv | xlsx
  std::string from, to;       // export monitoring: trajectories started in this period
  std::string referral_source;  // export monitoring: only this referrer kind (and --team: one team)
  std::string out_file;       // export monitoring: where to write (stdout for CSV when empty)
  std::string region;         // team set; export monitoring: only this region
  std::vector<std::string> trusted_proxies;  // serve: reverse proxies whose X-Forwarded-For counts
  std::string sms_outbox;                    // serve: directory for SMS texts (a gateway sends them)
  // (`organisation` above: team set, export monitoring: the guiding organisation)
};

// Opens and migrates the database (with its key); prints why not on failure.
// Defined in open_store.cc, which bench/ compiles too.
std::unique_ptr<Store> open_store(const Options& o, size_t pool_size = 2);
// The key file: --key-file, else $SPIRAAL_KEY_FILE, else <db>.key beside an
// SQLite file; "" for PostgreSQL without either.
std::string key_path(const Options& o);

int run_serve(const Options& o);
int run_migrate(const Options& o);
int run_user_add(const Options& o, std::istream& password_in);
int run_token_create(const Options& o);
int run_demo_data(const Options& o);
int run_subject_export(const Options& o);
int run_backup(const Options& o);
int run_restore(const Options& o);
int run_subject_erase(const Options& o);
int run_subject_retention(const Options& o);
int run_audit_verify(const Options& o);
int run_keys_rotate(const Options& o);
int run_catalogue_import(const Options& o);
int run_measures_import(const Options& o);
int run_measures_export(const Options& o);
int run_export_monitoring(const Options& o);
int run_team_set(const Options& o);

}  // namespace spiraal::cli
