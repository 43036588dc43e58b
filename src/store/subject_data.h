#pragma once
// Everything Spiraal holds on one person, table by table: the map behind the
// GDPR rights. A subject-access export (report/subject_export.h) reads
// every row of it; an erasure
// deletes every row of it and keeps an anonymised tombstone for statistics
// (and so the audit chain, which cannot change, still points somewhere).
// A new table with personal data must be listed here: tests/subject_test.cc
// fails when a table with a jobseeker_id column is missing.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "store/store.h"

namespace spiraal {

struct SubjectTable {
  const char* table;
  const char* person_column;  // the column (or a scalar subquery) naming the jobseeker
  std::vector<const char*> columns;
  std::vector<const char*> json_columns;  // read back as JSON
};

// Every table that holds data on a jobseeker, children before parents.
const std::vector<SubjectTable>& subject_tables();

// The rows of one table on the person, as [{column: value}], sealed text
// opened and JSON columns parsed.
nlohmann::json subject_rows(Store& store, const SubjectTable& t, int64_t jobseeker_id);

// The anonymised record kept after an erasure.
struct Tombstone {
  int64_t jobseeker_id = 0;
  std::string erased_on;
  std::string age_band;        // at erasure, e.g. "35-44"
  std::optional<int64_t> team_id;
  std::string registered_year;  // year of VDAB registration, or ""
  std::string final_state;      // spiral state at erasure, or ""
  std::string outcome;          // outcome class when closed, or ""
  int64_t contacts = 0, crises = 0, moves = 0;
};

// Deletes every row on the person (see subject_tables()) in one
// transaction and writes the tombstone; the audit log keeps its records.
Result<Tombstone> erase_subject(Store& store, int64_t jobseeker_id, const AuditEntry& audit);

// Dossiers whose trajectory closed more than `months` ago: candidates for
// erasure under the retention period. [{id, closed_on, outcome}]
std::vector<nlohmann::json> retention_due(Store& store, int months);

}  // namespace spiraal
