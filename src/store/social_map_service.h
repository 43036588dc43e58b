#pragma once
// The sociale kaart in the database: organisations and their contact persons.
// Coaches, coordinators, partners and admins consult it (kReadSocialMap);
// coordinators and admins maintain it (kManageSocialMap), by hand or by a
// CSV import that takes every valid line in one transaction. It holds no
// dossier data, so reads are not audited; every write is, without a
// jobseeker id.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/social_map.h"
#include "store/store.h"

namespace spiraal {

struct OrganisationQuery {
  std::string search;  // part of the name, any case
  std::string theme;   // a social_theme code; empty for all
  int limit = 500;
};

// What an import did: the number of organisations added and, per refused
// line (or for the whole file, line 0), why.
struct SocialMapImport {
  int imported = 0;
  std::vector<CsvProblem> rejected;
  bool unreadable = false;  // the file itself was refused; nothing was imported
};

class SocialMapService {
 public:
  // `store` must outlive the service.
  explicit SocialMapService(Store& store) : store_(store) {}

  // Organisations by name, without their contacts.
  Result<std::vector<Organisation>> list(const Principal& p, const OrganisationQuery& q);
  // One organisation with its contacts.
  Result<Organisation> get(const Principal& p, int64_t id);
  // Adds an organisation (version 1); a name already in use (any case) is a
  // field error "name_exists".
  Result<Organisation> create(const Principal& p, const nlohmann::json& body);
  // Replaces the fields of an organisation when its stored version is still
  // body.version; kConflict otherwise, and nothing changes.
  Result<Organisation> update(const Principal& p, int64_t id, const nlohmann::json& body);
  // Adds a contact person {name, role, phone, email} to an organisation.
  Result<OrganisationContact> add_contact(const Principal& p, int64_t organisation_id, const nlohmann::json& body);
  // Checks the whole file first (core/social_map.h), then adds every valid
  // line, with its contact person, in one transaction: a line is imported
  // whole or not at all. Should another write take a name meanwhile, nothing
  // is imported and the answer is kConflict.
  Result<SocialMapImport> import_csv(const Principal& p, std::string_view bytes);

  // Whether an organisation with this id exists (for records that point to
  // one, such as goal actions). Needs no principal: it reveals nothing.
  bool organisation_exists(int64_t id);

 private:
  std::vector<OrganisationContact> contacts_of(sql::Connection& c, int64_t organisation_id);
  // Inserts `o` and its contacts on a connection inside the caller's
  // transaction; returns the new id.
  int64_t insert(sql::Connection& c, const Organisation& o, const std::string& now);
  AuditEntry entry(const Principal& p, std::string action, std::string detail) const;

  Store& store_;
};

}  // namespace spiraal
