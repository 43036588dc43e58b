#pragma once
// Signaalfunctie: a coach flags a barrier of a person as structural (a
// structurele drempel) when it lies in rules, the labour market, services
// or housing rather than in the person (seed 000 ch. 4, seed 002 on
// signalling context conditions upward, seed 003 on structural barriers).
// A signal carries a category of data/structural_barriers.json, a general
// description and a date; for aggregation it carries the region (the
// dossier team's name) and never the person. A coordinator bundles
// signals into a beleidsnota (policy note) for policy makers.
//
// Value types, validation and the counting with suppression; no IO.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace spiraal {

constexpr size_t kSignalDescriptionMax = 1000;
constexpr size_t kNoteTitleMax = 200;
constexpr size_t kNoteSummaryMax = 8000;

// One flag, as the dossier keeps it (jobseeker_id is for the dossier's own
// lists, the subject export and erasure only; aggregates never show it).
struct StructuralSignal {
  int64_t id = 0;
  int64_t jobseeker_id = 0;
  std::string region;       // the dossier team's name at the time of flagging
  std::string category;     // a structural_barrier code
  std::string description;  // what happens, in general terms
  std::string signalled_on;
  int64_t version = 0;
  std::string created_at;
};

// What aggregation sees of a signal: no person, no dossier.
struct SignalFact {
  std::string category, region, signalled_on;
  std::string description;  // for a note's selection only
};

// The selection of signals for counts and notes; each member optional.
struct SignalSelection {
  std::string category, from, to, region;
};

// A beleidsnota: selected signals' categories, descriptions and counts,
// with a title and summary. Final notes are immutable.
struct PolicyNote {
  int64_t id = 0;
  std::string title, summary;
  SignalSelection selection;
  nlohmann::json content = nlohmann::json::object();  // {counts, descriptions}, no person
  bool final = false;
  std::string finalised_on;  // "" while draft
  int64_t version = 0;
  std::string created_at, updated_at;
};

// The signal as the dossier shows it (with its id, without the person).
nlohmann::json to_json(const StructuralSignal& s);
nlohmann::json to_json(const PolicyNote& n);

// Reads {category, description, signalled_on}. The category must be a
// structural_barrier code; the description is required, at most
// kSignalDescriptionMax characters, and is refused ("names_person") when
// it contains one of `names` (the person's first and last name);
// signalled_on is a past date, defaulting to `today`.
Result<StructuralSignal> parse_structural_signal(const nlohmann::json& body, const std::vector<std::string>& names,
                                                 const std::string& today);

// Reads {category, from, to, region}, each optional; from ≤ to.
Result<SignalSelection> parse_signal_selection(const nlohmann::json& body);

// Reads {title, summary, category, from, to, region} of a new note, or
// {title, summary} when `selection_fixed` (an update keeps its selection).
Result<PolicyNote> parse_policy_note(const nlohmann::json& body, bool selection_fixed);

// Whether `f` falls within `s`.
bool selected(const SignalSelection& s, const SignalFact& f);

// "2026-03" for period "month", "2026-Q1" for "quarter"; `date` is
// YYYY-MM-DD.
std::string period_key(const std::string& date, const std::string& period);

// [{period, region, category, signals}] for the facts within `s`, one row
// per combination that occurs, ordered by period, region and category;
// `signals` is a suppressed_count ("<5" for 1–4). No totals are given from
// which a suppressed cell could be recomputed. `period` is month or quarter.
nlohmann::json signal_counts(const std::vector<SignalFact>& facts, const SignalSelection& s,
                             const std::string& period);

// The content a note keeps of `facts` within its selection:
// {counts: [{category, signals}] (suppressed), descriptions: [{category,
// description}]} with descriptions ordered by category, then text, and
// duplicates merged; no date, region or person per description.
nlohmann::json note_content(const std::vector<SignalFact>& facts, const SignalSelection& s);

}  // namespace spiraal
