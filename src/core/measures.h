#pragma once
// The catalogue of employment measures (tewerkstellingsmaatregelen) of seed
// 000, chapters 2-3 and appendix 3 (tables 7.1-7.8), and a rule-based
// proposal of the measures whose target-group criteria a person meets.
//
// The catalogue is reference data (data/employment_measures.json) describing
// 2011 policy. Eligibility is kept as data with validity dates, so that an
// organisation can upload a newer catalogue without a new release; the
// upload goes through the same parse_measure_catalogue() as the shipped one.
//
// A proposal is a suggestion for the coach, never a decision: criteria the
// seed gives only in prose (e.g. "oudere werkzoekenden") stay in
// Measure::target_group and are not tested.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace spiraal {

// A fact about a person or an employer that a rule may test.
struct MeasureFact {
  std::string code;                  // e.g. "leefloon", "age", "education_level"
  std::string type;                  // "bool", "int" or "choice"
  std::vector<std::string> choices;  // the allowed values when type == "choice"
  std::string nl;                    // label shown to Dutch-speaking coaches
  std::string en;
};

// One test on one fact. `op` is eq, ne, gte, lte (int facts only) or in;
// `value` has the fact's type (an array of such values for "in").
struct MeasureCondition {
  std::string fact;
  std::string op;
  nlohmann::json value;
  bool operator==(const MeasureCondition&) const = default;
};

// A set of conditions that together make a person eligible, valid from
// `valid_from` up to and including `valid_to` (empty: no end). Dates are
// YYYY-MM-DD.
struct MeasureRule {
  std::string valid_from;
  std::string valid_to;
  std::vector<MeasureCondition> conditions;
};

// One measure of the catalogue. Texts are Dutch as the seed writes them,
// except name_en.
struct Measure {
  std::string code;
  std::string name;
  std::string name_en;
  std::string module;                // training_on_job | guidance_on_job | wage_premium |
                                     // workplace_adaptation | leading_to_work | employer_attitude
  std::vector<std::string> circuit;  // social_economy | regular_economy | self_employment
  std::string place;                 // on_floor | beside_floor
  std::string beneficiary;           // jobseeker | employer
  std::string goal;
  std::string target_group;          // the criteria as the seed writes them
  std::string max_duration;
  std::optional<int> max_months;     // nullopt: no maximum in months given
  bool time_limited = false;         // seed table 3.4.2: risk of a revolving door
  std::vector<std::string> obligations;
  std::vector<std::string> exclusion_effects;
  bool needs_employer_consent = false;
  std::vector<std::string> strengths;
  std::vector<std::string> weaknesses;
  std::string provider;
  std::string source;                // seed section or table, never empty
  // The measure fits when ANY rule valid on the day has ALL its conditions
  // met. No rules: never proposed by rule (criteria not testable).
  std::vector<MeasureRule> rules;
};

struct MeasureCatalogue {
  std::string source;   // `_source`: the seed sections the catalogue cites
  std::string version;
  std::vector<MeasureFact> facts;
  std::vector<Measure> measures;

  // The declared fact with `code`, or nullptr.
  const MeasureFact* find_fact(const std::string& code) const;
  // The measure with `code`, or nullptr.
  const Measure* find_measure(const std::string& code) const;
};

// Validates a whole catalogue document: {_source, version, facts, measures}.
// Every field is checked; unknown modules, circuits, places and
// beneficiaries, bad or reversed dates, conditions on undeclared facts or
// with values of the wrong type, and duplicate codes are refused. Returns
// every field error at once (Status::invalid), with paths such as
// "measures.3.rules.0.conditions.1.fact" and rules that are message-catalog
// key suffixes: required, unknown_field, type_object, type_list, type_text,
// type_boolean, type_integer, choice, unknown_code, op_type, date,
// date_order, duplicate, range, not_empty.
Result<MeasureCatalogue> parse_measure_catalogue(const nlohmann::json& doc);

// The catalogue shipped in data/employment_measures.json, parsed once.
// Throws std::logic_error when the shipped file does not parse (a test
// guards this, so it cannot reach a user).
const MeasureCatalogue& default_measure_catalogue();

// The document form of a measure and of a catalogue; to_json(catalogue)
// parses back to an equal catalogue.
nlohmann::json to_json(const MeasureFact& fact);
nlohmann::json to_json(const Measure& measure);
nlohmann::json to_json(const MeasureCatalogue& catalogue);

// Checks facts given as {fact_code: value}: unknown codes ("unknown_code")
// and values not of the fact's type ("type_boolean", "type_integer",
// "choice") are field errors keyed by the fact code. null is allowed and
// means "not known".
Status validate_facts(const MeasureCatalogue& catalogue, const nlohmann::json& facts);

// One proposed measure. `measure` points into the catalogue passed to
// propose_measures(), which must outlive the proposal.
struct MeasureProposal {
  const Measure* measure;
  std::vector<MeasureCondition> reasons;  // the conditions met by the first fitting rule
  std::vector<std::string> warnings;      // time_limited, exclusion_effects, obligations,
                                          // needs_employer_consent (in that order)
};

// The measures for which some rule valid on `today` (YYYY-MM-DD) has all its
// conditions met by `facts` ({fact_code: value}; a missing or null fact
// fails its condition). `beneficiary` is "jobseeker", "employer" or "" for
// both. Measures that are not time-limited come first, then by name.
std::vector<MeasureProposal> propose_measures(const MeasureCatalogue& catalogue, const nlohmann::json& facts,
                                              const std::string& today, const std::string& beneficiary);

}  // namespace spiraal
