#pragma once
// Persistence of Spiraal's records over either engine (sql::Connection).
// The Store checks no permissions: the services above it do (see
// dossier_service.h). Every multi-row write runs in one transaction, and
// writes to a dossier carry their audit record into that same transaction.
// Outcomes a caller can act on (not found, conflict, duplicate) come back as
// Status; a failing database throws sql::Error, which the web layer turns
// into a 500 without leaking details.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/access.h"
#include "core/audit_chain.h"
#include "core/contact.h"
#include "core/jobseeker.h"
#include "core/mdo.h"
#include "core/signals.h"
#include "core/status.h"
#include "store/field_cipher.h"
#include "store/group_commit.h"
#include "store/sql.h"

namespace spiraal {

struct User {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::kCoach;
  std::optional<int64_t> team_id;
  std::string team_name;
  bool active = true;
  std::string password_hash;
  std::string created_at;
  std::optional<int64_t> jobseeker_id;  // a jobseeker's own account: their dossier

  Principal principal() const { return {id, role, team_id, username, display_name, jobseeker_id}; }
};

// A team as the administrator manages it.
struct Team {
  int64_t id = 0;
  std::string name, region, organisation;
  int64_t members = 0;  // active staff accounts
};

struct NewUser {
  std::string username;
  std::string display_name;
  Role role = Role::kCoach;
  std::string team_name;  // created when missing; empty for no team
  std::string password_hash;
};

struct Session {
  std::string token_hash;
  int64_t user_id = 0;
  std::string csrf_token;
  std::string expires_at;
  std::string last_seen_at;  // read only
  std::optional<int64_t> device_id;  // a jobseeker's session: ends when the device is revoked
};

// One line of the audit log. Written for every read and write of a dossier.
struct AuditEntry {
  int64_t user_id = 0;
  std::string username;
  std::string action;  // e.g. "dossier.read", "contact.create"
  std::optional<int64_t> jobseeker_id;
  std::string detail;
};

struct AuditRecord {
  int64_t id = 0;
  std::string at;
  AuditEntry entry;
};

struct DossierVersion {
  int64_t version = 0;
  std::string changed_at;
  std::string changed_by;  // display name
  nlohmann::json data;
};

struct CaseloadRow {
  int64_t id = 0;
  std::string first_name, last_name, birth_date;
  std::string last_contact_date;  // the latest contact held; empty when none
  std::string updated_at;
  // What the caseload signals look at (core/signals.h).
  std::string state;              // spiral state code
  std::string opened_on;          // dossier created (date)
  std::string registered_on;
  std::string trajectory_started_on;
  std::string open_crisis_since;
  std::string last_score_table_on;
  std::string aftercare_due_on, open_absence_since, follow_up_due_on;
  // The MDO (core/mdo.h): the last held one, else the earliest start of an
  // active track ("" without one); the interval; the latest planned one.
  std::string mdo_base_on, mdo_planned_on;
  int mdo_interval_days = kDefaultMdoIntervalDays;
  std::vector<Signal> signals;    // filled by DossierService
  int64_t unread_messages = 0;    // from the jobseeker in "mijn traject", unread (DossierService)
};

template <typename T>
struct Page {
  std::vector<T> items;
  int64_t total = 0;
  int limit = 0;
  int offset = 0;
};

enum class CaseloadSort { kName, kBirthDate, kLastContact, kUpdated };

struct CaseloadQuery {
  // Exactly one of the two: a coach's own caseload or a whole team's.
  std::optional<int64_t> coach_id;
  std::optional<int64_t> team_id;
  std::string search;  // matches first or last name, case-insensitive
  CaseloadSort sort = CaseloadSort::kName;
  bool descending = false;
  int limit = 50;
  int offset = 0;
};

class Store {
 public:
  // Opens an SQLite file path or a postgresql:// URL with up to `pool_size`
  // connections. Does not migrate. Sensitive free text is sealed with
  // `cipher`; without one (unit tests only) a random key lives as long as
  // the Store, so nothing written can be read after a restart.
  static Result<std::unique_ptr<Store>> open(const std::string& address, size_t pool_size = 8,
                                             std::shared_ptr<const FieldCipher> cipher = nullptr);
  Store(std::unique_ptr<sql::Pool> pool, std::shared_ptr<const FieldCipher> cipher);
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Applies pending migrations; returns the names applied.
  Result<std::vector<std::string>> migrate();
  sql::Dialect dialect() const { return dialect_; }
  // Direct access for bulk loaders (demo data) and tests.
  sql::Pool& pool() { return *pool_; }
  // Seals and opens sensitive free text for this store's records.
  const FieldCipher& cipher() const { return *cipher_; }

  // --- Teams and users
  Result<int64_t> ensure_team(const std::string& name);
  // Sets the region a team serves and its guiding organisation (monitoring
  // breakdowns); not_found for an unknown team, invalid for no name or a
  // value over 200 characters.
  Status set_team_place(const std::string& name, const std::string& region, const std::string& organisation);
  // Every team with its place and how many active staff accounts it has, by name.
  std::vector<Team> list_teams();
  Result<User> create_user(const NewUser& u);
  std::optional<User> user_by_username(const std::string& username);
  std::optional<User> user_by_id(int64_t id);
  std::vector<User> list_users();
  Status set_password(int64_t user_id, const std::string& password_hash);

  // --- API tokens and browser sessions (only digests are stored)
  Status add_token(int64_t user_id, const std::string& token_hash, const std::string& label);
  std::optional<User> user_by_token(const std::string& token_hash);
  Status create_session(const Session& s);
  // The live session with this digest and its (active) user.
  // The session and its user while it is neither expired (`now`) nor idle
  // since before `idle_cutoff`; `last_seen` is the last recorded use.
  std::optional<std::pair<Session, User>> session(const std::string& token_hash, const std::string& now,
                                                  const std::string& idle_cutoff);
  // Records a use of the session (for the idle timeout).
  void touch_session(const std::string& token_hash, const std::string& now);
  Status delete_session(const std::string& token_hash);
  // Log-in throttling, shared by every server on the database: the failures
  // of `subject` counted since `since` (0 once its window began before it).
  int64_t login_failures(const std::string& subject, const std::string& since);
  // One more failure; a count whose window began before `since` restarts
  // at `now`. Rows of passed windows are removed.
  void add_login_failure(const std::string& subject, const std::string& now, const std::string& since);
  void clear_login_failures(const std::string& subject);

  // --- Dossiers
  // How `p` stands to a dossier; kNone also when it does not exist.
  Relation relation(const Principal& p, int64_t jobseeker_id);
  // Creates the dossier (version 1) and assigns `coach_id` as anchor person.
  // `also` runs inside the same transaction with the new id, for records that
  // must be created together with the dossier (a referral).
  using AlsoFn = std::function<void(sql::Connection&, int64_t jobseeker_id)>;
  Result<Jobseeker> create_jobseeker(Jobseeker j, std::optional<int64_t> team_id, std::optional<int64_t> coach_id,
                                     const AuditEntry& audit, const AlsoFn& also = nullptr);
  Result<Jobseeker> jobseeker(int64_t id);
  // Saves `j` when the stored version is still `expected_version`;
  // kConflict otherwise. Keeps the new state in the version history.
  Result<Jobseeker> update_jobseeker(const Jobseeker& j, int64_t expected_version, const AuditEntry& audit);
  std::vector<DossierVersion> jobseeker_versions(int64_t id);
  Page<CaseloadRow> caseload(const CaseloadQuery& q);
  std::vector<User> coaches_of(int64_t jobseeker_id);
  Status assign_coach(int64_t jobseeker_id, int64_t user_id);

  // --- Contact journal
  Result<Contact> add_contact(Contact c, const AuditEntry& audit);
  Result<Contact> update_contact(const Contact& c, int64_t expected_version, const AuditEntry& audit);
  Result<Contact> contact(int64_t jobseeker_id, int64_t contact_id);
  // Newest first.
  Page<Contact> contacts(int64_t jobseeker_id, int limit, int offset);
  ContactSummary contact_summary(int64_t jobseeker_id);

  // --- Audit log (append-only)
  Status audit(const AuditEntry& e);
  // Appends inside a transaction the caller holds, so the record commits or
  // rolls back with the write it describes.
  static void append_audit(sql::Connection& c, const AuditEntry& e);
  std::vector<AuditRecord> audit_for(int64_t jobseeker_id, int limit = 200);
  // Recomputes the whole hash chain (`spiraal audit verify`).
  ChainCheck verify_audit_chain();

 private:
  // Reads a contact on a connection the caller already holds (a pool of one
  // must not be asked twice).
  Result<Contact> contact_on(sql::Connection& c, int64_t jobseeker_id, int64_t contact_id);

  std::unique_ptr<sql::Pool> pool_;
  sql::Dialect dialect_;
  std::shared_ptr<const FieldCipher> cipher_;  // never null
  // audit(): concurrent entries share one transaction (store_audit.cc).
  std::unique_ptr<GroupCommit<std::pair<AuditEntry, std::string>>> audit_commits_;
};

}  // namespace spiraal
