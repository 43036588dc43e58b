// The `spiraal` command: one binary for the server and its operator tasks.
// Every subcommand takes --db (an SQLite path or a postgresql:// URL).
#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <csignal>
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  // Logs go to stderr: stdout carries what a command answers (JSON exports,
  // tokens), which a log line would corrupt.
  spdlog::set_default_logger(spdlog::stderr_color_mt("spiraal"));
  CLI::App app{"Spiraal: case management for integrated work-welfare trajectory guidance"};
  app.require_subcommand(1);
  spiraal::cli::Options opts;

  auto db_option = [&](CLI::App* sub) {
    sub->add_option("--db", opts.db, "SQLite file path or postgresql:// URL")->capture_default_str();
    sub->add_option("--key-file", opts.key_file,
                    "Field-encryption key file (default: $SPIRAAL_KEY_FILE, or <db>.key next to an SQLite file)");
  };

  auto* serve = app.add_subcommand("serve", "Serve the web application and the JSON API");
  db_option(serve);
  serve->add_option("--host", opts.host, "Address to listen on")->capture_default_str();
  serve->add_option("--port", opts.port, "Port to listen on")->capture_default_str()->check(CLI::Range(1, 65535));
  serve->add_option("--static-dir", opts.static_dir, "Directory with the web assets")->capture_default_str();
  serve->add_option("--threads", opts.threads,
                    "HTTP worker threads; each open keep-alive connection holds one, so at least the clients (or "
                    "the proxy's upstream keep-alive connections) expected at once")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  serve->add_option("--db-connections", opts.db_connections, "Database connections of this server (a pool)")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  serve->add_option("--no-contact-weeks", opts.signals.no_contact_weeks, "Signal after this many weeks without contact")
      ->capture_default_str()
      ->check(CLI::Range(1, 104));
  serve->add_option("--crisis-weeks", opts.signals.crisis_weeks, "Signal a crisis open longer than this many weeks")
      ->capture_default_str()
      ->check(CLI::Range(1, 104));
  serve->add_option("--trusted-proxy", opts.trusted_proxies,
                    "Address of a reverse proxy (e.g. 127.0.0.1 for nginx on this host) whose X-Forwarded-For "
                    "names the client, for the log-in limit; repeat for several");
  serve->add_option("--sms-outbox", opts.sms_outbox,
                    "Directory where SMS texts (invitations to \"mijn traject\") are left as JSON files for an SMS "
                    "gateway to send; without it, invitations are given in person only");
  serve->add_flag("--insecure-cookies", opts.insecure_cookies,
                  "Leave the Secure flag off cookies (plain-HTTP testing only)");

  auto* migrate = app.add_subcommand("migrate", "Apply pending database migrations");
  db_option(migrate);

  auto* user = app.add_subcommand("user", "Manage user accounts");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Add a user; the password is read from standard input");
  db_option(user_add);
  user_add->add_option("--username", opts.username, "Login name")->required();
  user_add->add_option("--role", opts.role, "coach, coordinator, partner, analyst, admin or toeleider")->required();
  user_add->add_option("--display-name", opts.display_name, "Name shown in the application");
  user_add->add_option("--team", opts.team, "Team name (created when missing)");
  user_add->add_option("--organisation", opts.organisation,
                       "For a partner or a toeleider: the service of the social map the account works for");
  user_add->add_flag("--password-stdin", opts.password_stdin, "Read the password from standard input")->required();

  auto* team = app.add_subcommand("team", "Manage teams");
  team->require_subcommand(1);
  auto* team_set = team->add_subcommand("set", "Set the region a team serves and its guiding organisation");
  db_option(team_set);
  team_set->add_option("--team", opts.team, "Team name")->required();
  team_set->add_option("--region", opts.region, "Region, for the monitoring breakdowns and filters")->required();
  team_set->add_option("--organisation", opts.organisation, "Guiding organisation (VDAB, an OCMW, a CAW, …)")->required();

  auto* token = app.add_subcommand("token", "Manage personal API tokens");
  token->require_subcommand(1);
  auto* token_create = token->add_subcommand("create", "Create an API token and print it once");
  db_option(token_create);
  token_create->add_option("--username", opts.username, "Owner of the token")->required();
  token_create->add_option("--label", opts.label, "What the token is for")->capture_default_str();

  auto* demo = app.add_subcommand("demo-data", "Fill an empty database with fictional demo data");
  db_option(demo);
  demo->add_option("--jobseekers", opts.jobseekers, "Number of jobseekers")->capture_default_str()->check(
      CLI::Range(int64_t(1), int64_t(10000000)));
  demo->add_option("--seed", opts.seed, "Random seed")->capture_default_str();
  demo->add_option("--password", opts.demo_password, "Password of every demo login")->capture_default_str();

  auto* audit = app.add_subcommand("audit", "Check the audit log");
  audit->require_subcommand(1);
  auto* audit_verify = audit->add_subcommand("verify", "Recompute the audit log's hash chain; exit 1 when broken");
  db_option(audit_verify);

  auto* keys = app.add_subcommand("keys", "Manage the field-encryption keys");
  keys->require_subcommand(1);
  auto* keys_rotate = keys->add_subcommand("rotate", "Add a new key and re-encrypt every sensitive field with it");
  db_option(keys_rotate);

  auto* backup = app.add_subcommand("backup", "Write a consistent backup while the server runs (SQLite VACUUM INTO, pg_dump)");
  db_option(backup);
  backup->add_option("--to", opts.backup_file, "Backup file to create")->required();
  auto* restore = app.add_subcommand("restore", "Restore a backup made by `spiraal backup`");
  db_option(restore);
  restore->add_option("--from", opts.backup_file, "Backup file")->required();
  restore->add_flag("--force", opts.force, "Replace an existing SQLite database (stop the server first)");

  auto* subject = app.add_subcommand("subject", "GDPR rights of one person: access, erasure, retention");
  subject->require_subcommand(1);
  auto* subject_export = subject->add_subcommand("export", "Everything held on one jobseeker: JSON, or JSON + PDF with --out");
  db_option(subject_export);
  subject_export->add_option("--jobseeker", opts.jobseeker_id, "Jobseeker id")->required();
  subject_export->add_option("--out", opts.out_dir, "Directory for spiraal-<id>.json, .html and .pdf (default: JSON on stdout)");
  subject_export->add_option("--lang", opts.lang, "Language of the readable report (nl or en)")
      ->capture_default_str()
      ->check(CLI::IsMember({"nl", "en"}));
  auto* subject_erase = subject->add_subcommand("erase", "Erase one jobseeker's personal data, keeping an anonymised tombstone");
  db_option(subject_erase);
  subject_erase->add_option("--jobseeker", opts.jobseeker_id, "Jobseeker id")->required();
  subject_erase->add_flag("--yes", opts.yes, "Confirm: this cannot be undone")->required();
  auto* subject_retention = subject->add_subcommand("retention", "List closed dossiers past the retention period");
  db_option(subject_retention);
  subject_retention->add_option("--months", opts.retention_months, "Retention period after closing, in months")
      ->capture_default_str()
      ->check(CLI::Range(1, 1200));

  auto* catalogue = app.add_subcommand("catalogue", "The catalogues matching uses: occupations, vacancies, training offers");
  catalogue->require_subcommand(1);
  auto* catalogue_import = catalogue->add_subcommand("import", "Import a CSV or JSON file; every refused line is reported");
  db_option(catalogue_import);
  catalogue_import->add_option("--name", opts.catalogue, "occupations, vacancies or trainings")
      ->required()
      ->check(CLI::IsMember({"occupations", "vacancies", "trainings"}));
  catalogue_import->add_option("--file", opts.file, "The file to import")->required();
  catalogue_import->add_option("--format", opts.format, "csv or json (default: from the file name)")
      ->check(CLI::IsMember({"csv", "json"}));
  auto* measures = app.add_subcommand("measures", "The employment measures and their dated eligibility rules");
  measures->require_subcommand(1);
  auto* measures_import = measures->add_subcommand("import", "Replace the measures by a catalogue document (JSON), validated whole");
  db_option(measures_import);
  measures_import->add_option("--file", opts.file, "The catalogue document (the shape of data/employment_measures.json)")
      ->required();
  auto* measures_export = measures->add_subcommand("export", "Print the measures in force as JSON");
  db_option(measures_export);

  auto* export_cmd = app.add_subcommand("export", "Anonymised exports for analysts");
  export_cmd->require_subcommand(1);
  auto* export_monitoring =
      export_cmd->add_subcommand("monitoring", "The monitoring indicators, suppressed as on screen, as CSV or XLSX");
  db_option(export_monitoring);
  export_monitoring->add_option("--from", opts.from, "Trajectories started on or after (YYYY-MM-DD)");
  export_monitoring->add_option("--to", opts.to, "Trajectories started on or before (YYYY-MM-DD)");
  export_monitoring->add_option("--team", opts.team, "Only this team");
  export_monitoring->add_option("--region", opts.region, "Only the teams of this region");
  export_monitoring->add_option("--organisation", opts.organisation, "Only the teams of this guiding organisation");
  export_monitoring->add_option("--referral-source", opts.referral_source, "Only this referrer kind");
  export_monitoring->add_option("--format", opts.format, "csv or xlsx")->check(CLI::IsMember({"csv", "xlsx"}))
      ->default_val("csv");
  export_monitoring->add_option("--out", opts.out_file, "File to write (required for xlsx; CSV goes to stdout without)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  std::signal(SIGPIPE, SIG_IGN);
  using namespace spiraal::cli;
  try {
    if (*serve) return run_serve(opts);
    if (*migrate) return run_migrate(opts);
    if (*user_add) return run_user_add(opts, std::cin);
    if (*token_create) return run_token_create(opts);
    if (*team_set) return run_team_set(opts);
    if (*demo) return run_demo_data(opts);
    if (*backup) return run_backup(opts);
    if (*restore) return run_restore(opts);
    if (*subject_export) return run_subject_export(opts);
    if (*subject_erase) return run_subject_erase(opts);
    if (*subject_retention) return run_subject_retention(opts);
    if (*audit_verify) return run_audit_verify(opts);
    if (*keys_rotate) return run_keys_rotate(opts);
    if (*catalogue_import) return run_catalogue_import(opts);
    if (*measures_import) return run_measures_import(opts);
    if (*measures_export) return run_measures_export(opts);
    if (*export_monitoring) return run_export_monitoring(opts);
  } catch (const std::exception& e) {
    // A database that cannot be reached or read, or a wrong key: say so plainly.
    std::cerr << "spiraal: " << e.what() << "\n";
    return 1;
  }
  return 2;
}
