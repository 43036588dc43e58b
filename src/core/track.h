#pragma once
// Parallel tracks of one trajectory (the WAW trajectory, seed 001): a work
// track (every two weeks), a group track on empowerment (weekly) and a
// welfare track (debts, health, housing, ...). Each track has its own
// responsible worker, a Spiraal user or a named worker of a partner on the
// social map, its own rhythm of contact in days, a start, an end, and a
// short aim. The monthly MDO (core/mdo.h) aligns them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace spiraal {

inline constexpr int kMinRhythmDays = 1;
inline constexpr int kMaxRhythmDays = 90;
inline constexpr size_t kMaxTrackAim = 500;

struct Track {
  int64_t id = 0;
  int64_t jobseeker_id = 0;
  int64_t version = 0;
  std::string kind;                          // work | welfare | group
  std::optional<int64_t> worker_user_id;     // a Spiraal user, or ...
  std::string worker_name;                   // ... a named worker of a partner
  std::optional<int64_t> organisation_id;    // the partner on the social map, if any
  int rhythm_days = 14;                      // the interval between contacts
  std::string starts_on, ends_on;            // ends_on "" while open-ended
  std::string status = "active";             // active | ended
  std::string aim;                           // sealed in the store
};

// The track kinds in the handbook's order.
const std::vector<std::string>& track_kinds();
// The default rhythm of a kind: work 14, group 7, welfare 14 days.
int default_rhythm_days(const std::string& kind);

// A create or update body (without `version`): {kind, worker_user_id |
// worker_name, organisation_id?, rhythm_days?, starts_on?, ends_on?,
// status?, aim}. The rhythm defaults by kind; ending needs an end date, and
// an end date ends the track once it is today or past. `current` is the
// stored track on an update (its kind cannot change), nullptr on a create.
Result<Track> parse_track(const nlohmann::json& body, const Track* current, const std::string& today);

nlohmann::json to_json(const Track& t);

// The first track with `id` in `tracks`, or nullptr.
const Track* find_track(const std::vector<Track>& tracks, int64_t id);

}  // namespace spiraal
