#pragma once
// Outreach (toeleiding, seed 002 §3): the people a toeleider meets before
// they reach any service, moved through six phases — reaching, contact and
// getting acquainted, context conditions, orientation, the warm handover,
// follow-up — and closed when there is (a prospect of) lasting work, the
// situation is manageable and the person self-reliant enough.
//
// A person may be known by a first name or a pseudonym only: nobody is forced
// into full identification before they choose a trajectory. Identity is asked
// only at the warm handover, which needs the person's consent; that handover
// is the only way an outreach record meets a dossier.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/segment.h"
#include "core/status.h"

namespace spiraal {

struct OutreachPerson {
  int64_t id = 0;
  int64_t version = 0;
  int64_t toeleider_id = 0;                // the outreach worker who registered the person
  std::optional<int64_t> organisation_id;  // the toeleider's organisation (social map)
  std::string phase = "reach";             // vocabulary "outreach_phase"
  std::optional<int> segment;              // 1–5 once decided
  std::string segment_on;
  std::string channel;     // vocabulary "reach_channel"
  std::string find_place;  // vocabulary "find_place", for direct outreach
  std::string referred_by; // the partner that referred, for a partner referral
  std::string region;      // municipality, for the network view
  std::string first_contact_on;
  std::optional<int64_t> jobseeker_id;  // set by the warm handover only
  std::string history_shared_on;        // the person agreed that the coach sees this history
  // Sealed content.
  std::string name;        // first name or pseudonym
  bool pseudonym = false;
  std::string consent_on;  // the person agreed to be registered
  std::string notes;
  SegmentAnswers answers;  // the answers behind the segment
  std::string created_at;
};

// One entry of a person's outreach log, oldest first. Kinds: contact, phase,
// segment, handover, history_consent. `content` holds what the kind records.
struct OutreachEvent {
  int64_t id = 0;
  int64_t person_id = 0;
  std::string kind;
  std::string occurred_on;
  nlohmann::json content;
  int64_t created_by = 0;
  std::string created_at;
};

// The warm handover to a coach's team (seed 002 §3.5): consent, a jointly set
// first meeting, whether the toeleider attends it and the context conditions
// still open. The identity the new dossier needs (first_name, last_name,
// birth_date) travels in the same body and is validated as a dossier's.
struct Handover {
  std::string consent_on;
  int64_t team_id = 0;
  std::string handed_over_on;
  std::string joint_date;            // the first meeting, set together
  std::string toeleider_attends;     // vocabulary "toeleider_attendance"
  std::vector<std::string> open_conditions;  // vocabulary "context_condition"
  bool share_history = false;        // the person lets the coach see the outreach history
  std::string reason;                // what the person wants from the trajectory
};

nlohmann::json to_json(const OutreachPerson& p);
nlohmann::json to_json(const OutreachEvent& e);
nlohmann::json to_json(const Handover& h);
// The sealed part of a person, and back.
nlohmann::json sealed_content(const OutreachPerson& p);
void apply_sealed_content(OutreachPerson& p, const nlohmann::json& content);

// Limits shared with forms and docs.
inline constexpr size_t kMaxOutreachNote = 2000;
inline constexpr size_t kMaxOutreachName = 100;

// {name, pseudonym, consent_on, channel, find_place, referred_by, region,
//  first_contact_on, notes}: a name and the consent date are required; a
// find place for direct outreach, the referring partner for a referral.
Result<OutreachPerson> parse_outreach_person(const nlohmann::json& body, const std::string& today);

// {contacted_on, channel, note}: one contact, in the past.
Result<OutreachEvent> parse_outreach_contact(const nlohmann::json& body, const std::string& today);

// {to_phase, moved_on, reason, closing}: a move of `p` whose last move was on
// `last_moved_on`. Any phase may follow any other, as in the spiral, except:
// the handover phase is entered by recording the handover; follow-up needs a
// handover done; closing needs a closing ground; a closed record is reopened
// first. The date is not in the future nor before the last move.
Result<OutreachEvent> parse_outreach_move(const OutreachPerson& p, const std::string& last_moved_on,
                                          const nlohmann::json& body, const std::string& today);

// {work_ready, registered, known_elsewhere, served_last_two_years, decided_on}.
Result<OutreachEvent> parse_segment_decision(const nlohmann::json& body, const std::string& today);

// The handover body; `consent` must be true. A closed record, or one already
// handed over, cannot be handed over. The identity members are left to the
// caller (core/jobseeker.h).
Result<Handover> parse_handover(const OutreachPerson& p, const nlohmann::json& body, const std::string& today);

// {shared: true|false, on}: the person agrees (or no longer agrees) that the
// coach sees the outreach history.
Result<OutreachEvent> parse_history_consent(const nlohmann::json& body, const std::string& today);

}  // namespace spiraal
