#pragma once
// Toeleiding en selectie (handbook ch. 3): the referral, the screening with
// the knipperlichtenlijst, the three participation conditions and MMPP, and
// crisis episodes during the trajectory. Value types and their rules.
#include <cstdint>
#include <map>
#include <set>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/knipperlichten.h"
#include "core/status.h"

namespace spiraal {

struct Referral {
  int64_t id = 0;
  int64_t jobseeker_id = 0;
  int64_t version = 0;
  std::string referrer_kind;  // vocabulary "referrer_kind"
  std::string referrer_organisation;
  std::string referrer_person;
  std::string referred_on;
  std::string reason;
  bool warm_handover = false;     // a joint first meeting with the referrer took place
  std::string warm_handover_on;   // its date, when known
  std::string status = "waiting";  // vocabulary "referral_status"
  std::string created_at;
  std::string jobseeker_name;  // filled by the store on lists
};

nlohmann::json to_json(const Referral& r);
// Reads the referral fields of a body; other keys are left for the caller
// (`allowed_extra`), unknown ones reported.
FieldErrors apply_patch(Referral& r, const nlohmann::json& body, const std::string& today,
                        const std::set<std::string>& allowed_extra = {});
FieldErrors validate(const Referral& r);

struct ParticipationCondition {
  bool met = false;
  std::string motivation;
};

// Medical, mental, psychological or psychiatric problems: referred on, with
// the jobseeker's recorded consent and, preferably, a warm handover.
struct Mmpp {
  bool present = false;
  std::string service;      // where the jobseeker is referred to
  bool consent = false;
  std::string consent_on;
  bool warm_handover = false;
};

struct Screening {
  int64_t jobseeker_id = 0;
  int64_t version = 0;
  std::string screened_on;
  std::set<std::string> indicators;
  KnipperlichtResult result;  // evaluated from `indicators` on every save
  std::map<std::string, ParticipationCondition> conditions;  // poverty, work_focus, commitment
  Mmpp mmpp;
  std::string outcome;  // vocabulary "screening_outcome"; empty while open
  std::string outcome_reason, outcome_on;
  std::string updated_at;
};

nlohmann::json to_json(const Screening& s);
// Applies screened_on, indicators, conditions and mmpp from a body and
// re-evaluates the knipperlichtenlijst.
FieldErrors apply_patch(Screening& s, const nlohmann::json& body, const std::string& today);
// Rules for deciding: a reason always; for inclusion all three conditions met
// and motivated; an MMPP referral needs consent first.
FieldErrors check_outcome(const Screening& s, const std::string& outcome, const std::string& reason,
                          const std::string& decided_on, const std::string& today);

struct Crisis {
  int64_t id = 0;
  int64_t jobseeker_id = 0;
  int64_t version = 0;
  std::string cause;
  std::string started_on;
  std::string ended_on;  // empty while open
  std::string created_at;
  bool open() const { return ended_on.empty(); }
};

nlohmann::json to_json(const Crisis& c);
FieldErrors apply_patch(Crisis& c, const nlohmann::json& body, const std::string& today);
FieldErrors validate(const Crisis& c);

inline constexpr size_t kMaxMotivation = 2000;

}  // namespace spiraal
