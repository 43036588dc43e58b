#pragma once
// The jobseeker dossier: the handbook's vignet (chapter 8, section 2) as a
// value type, with the one set of validation rules that forms and the API share.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/status.h"

namespace spiraal {

// A barrier in one domain, marked for attention now or in a later phase.
struct Barrier {
  std::string text;
  std::string priority;  // vocabulary "barrier_priority": now | later
  bool operator==(const Barrier&) const = default;
};

// Strengths and barriers in one welfare or work domain.
struct DomainNotes {
  std::string strengths;
  std::vector<Barrier> barriers;
  bool operator==(const DomainNotes&) const = default;
};

struct Jobseeker {
  int64_t id = 0;
  int64_t version = 0;  // bumped by every successful update; optimistic locking
  // Objective data (vignet section 1).
  std::string first_name, last_name, birth_date, sex, origin, civil_status;
  std::optional<int> children;
  std::string living_situation, status;
  std::optional<int> unemployment_months, inactivity_months;
  std::string education, studies, dutch_level;
  std::set<std::string> kansengroep;  // vocabulary "kansengroep"
  std::string registered_on;          // VDAB registration; the 9-month rule counts from here
  // Narrative sections (vignet sections 2-5).
  std::string life_history;
  std::map<std::string, DomainNotes> welfare;  // keyed by vocabulary "welfare_domain"
  std::map<std::string, DomainNotes> work;     // keyed by vocabulary "work_domain"
  std::string trajectory_so_far;
  std::string what_gives_strength;
  // Bookkeeping, set by the store.
  std::string created_at, updated_at;
  bool operator==(const Jobseeker&) const = default;
};

// The scalar fields of the objective data, in form order. Forms, the API
// and validation all iterate this one list.
enum class FieldKind { kName, kShortText, kDate, kChoice, kCount };
struct FieldSpec {
  const char* name;
  FieldKind kind;
  const char* vocabulary;  // for kChoice: the vocabulary list name
};
const std::vector<FieldSpec>& objective_fields();

// Names of the dossier sections, as used in routes and on the dossier page.
const std::vector<std::string>& dossier_sections();

// The dossier fields that hold sensitive free text (stored encrypted).
nlohmann::json narrative_to_json(const Jobseeker& j);
// The objective data, without id, version, names, birth and registration dates
// (those are columns of their own).
nlohmann::json profile_to_json(const Jobseeker& j);
// The whole dossier as the API shows it.
nlohmann::json to_json(const Jobseeker& j);
// Only the fields of one section (see dossier_sections()).
nlohmann::json section_to_json(const Jobseeker& j, const std::string& section);

// Applies a partial update (the API's PATCH body, or a parsed form) to `j`.
// Keys listed in `ignored` (e.g. "version") are skipped. Every problem is
// reported at once; on any error `j` may be partly changed and must be
// discarded. `today` bounds dates (no birth dates in the future).
FieldErrors apply_patch(Jobseeker& j, const nlohmann::json& patch, const std::string& today,
                        const std::set<std::string>& ignored = {"version"});

// Checks the invariants of a whole dossier (required names and birth date).
FieldErrors validate(const Jobseeker& j);

// Limits, shared with the forms (maxlength attributes) and the docs.
inline constexpr size_t kMaxNameLength = 100;
inline constexpr size_t kMaxShortText = 200;
inline constexpr size_t kMaxLongText = 20000;
inline constexpr size_t kMaxBarrierText = 500;
inline constexpr size_t kMaxBarriersPerDomain = 30;

}  // namespace spiraal
