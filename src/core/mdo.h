#pragma once
// The multidisciplinary consultation (MDO) that aligns the parallel tracks
// of one trajectory (core/track.h), monthly by default. It follows the
// consent gate of the W²-overleg (core/overleg.h): it is planned and held
// only while the jobseeker's informed consent is in force, and after a
// withdrawal nothing more is recorded. The consent and the interval are
// kept once per dossier (MdoPlan); each meeting is an Mdo.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "core/track.h"

namespace spiraal {

inline constexpr int kDefaultMdoIntervalDays = 30;  // "monthly" (seed 001)
inline constexpr int kMinMdoIntervalDays = 7;
inline constexpr int kMaxMdoIntervalDays = 182;

// The per-dossier arrangement: how often the MDO meets and the consent.
struct MdoPlan {
  int64_t version = 0;  // 0: nothing recorded yet
  int interval_days = kDefaultMdoIntervalDays;
  std::string consent_on, consent_withdrawn_on;
};

struct MdoParticipant {
  std::string name;
  std::string role;                 // jobseeker | worker
  std::optional<int64_t> track_id;  // the track a worker is responsible for
};

// An alignment decision about one track.
struct MdoDecision {
  int64_t track_id = 0;
  std::string text, owner, due_on;
};

struct Mdo {
  int64_t id = 0;
  int64_t jobseeker_id = 0;
  int64_t version = 0;
  std::string status = "planned";  // planned | held | cancelled
  std::string planned_on, held_on;
  std::vector<MdoParticipant> participants;
  std::vector<MdoDecision> decisions;
  std::string note;
};

nlohmann::json to_json(const MdoPlan& p);
nlohmann::json to_json(const Mdo& m);
Mdo mdo_from_json(const nlohmann::json& doc);

// {interval_days}: 7..182 days.
Status apply_mdo_interval(MdoPlan& plan, const nlohmann::json& body);

// {planned_on}: needs consent in force and a date from today on. The
// participants are the jobseeker (`jobseeker_name`) and the responsible
// worker of every active track (`worker_names` per track id).
Result<Mdo> plan_mdo(const MdoPlan& plan, const nlohmann::json& body, const std::string& jobseeker_name,
                     const std::vector<Track>& tracks, const std::vector<std::string>& worker_names,
                     const std::string& today);

// {held_on, note, decisions: [{track_id, text, owner, due_on}]}: needs a
// planned MDO, consent in force, and for each decision a track of this
// dossier that has not ended. `held_on` defaults to today, not later.
Status apply_mdo_report(Mdo& m, const MdoPlan& plan, const nlohmann::json& body, const std::vector<Track>& tracks,
                        const std::string& today);

// The day the MDO interval counts from: the last held MDO, else the
// earliest start of an active track; "" without an active track (nothing to
// align).
std::string mdo_base_on(const std::vector<Mdo>& mdos, const std::vector<Track>& tracks);
// When the next MDO is due: mdo_base_on() plus the interval; "" without it.
std::string next_mdo_due(const MdoPlan& plan, const std::vector<Mdo>& mdos, const std::vector<Track>& tracks);

// The caseload signal "mdo_due": the day the next MDO was due (`base_on`,
// the last held MDO or else the earliest start of an active track, plus
// `interval_days`) when that day has come and no MDO is planned from today
// on (`planned_on`, the latest planned one, or ""). "" when not due.
std::string mdo_overdue_since(const std::string& base_on, int interval_days, const std::string& planned_on,
                              const std::string& today);

}  // namespace spiraal
