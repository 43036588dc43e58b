#pragma once
// Persistence of referrals, screenings, the spiral (current state plus every
// move) and crisis episodes. Like Store, it checks no permissions.
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "core/selection.h"
#include "core/spiral.h"
#include "store/store.h"

namespace spiraal {

struct Trajectory {
  int64_t jobseeker_id = 0;
  SpiralState state;       // selection when nothing was recorded yet
  int64_t version = 0;     // 0 when nothing was recorded yet
  std::string last_moved_on;
  std::string started_on;  // first move into cycle 1
  std::string outcome;     // when closed
};

struct SpiralMove {
  int64_t id = 0;
  std::string from_state, to_state, kind, moved_on, reason, outcome;
  std::string recorded_by;  // display name
  std::string recorded_at;
};

class TrajectoryStore {
 public:
  // `store` must outlive this object.
  explicit TrajectoryStore(Store& store) : store_(store) {}

  // Opens a dossier and its referral in one transaction; the jobseeker waits
  // in selection, assigned to nobody yet. `also` runs in the same transaction.
  Result<Referral> create_referral(const Jobseeker& j, Referral r, std::optional<int64_t> team_id,
                                   const AuditEntry& audit,
                                   const Store::AlsoFn& also = {});
  Result<Referral> referral(int64_t id);
  // A team's referrals with the given status, oldest first.
  std::vector<Referral> referrals(std::optional<int64_t> team_id, const std::string& status, int limit);
  std::vector<Referral> referrals_of(int64_t jobseeker_id);
  // Marks a waiting referral picked up and assigns the coach (not yet anchor).
  Status pick_up(int64_t referral_id, int64_t coach_id, const AuditEntry& audit);

  std::optional<Screening> screening(int64_t jobseeker_id);
  // Saves when the stored version is `expected_version` (0: none stored yet).
  Result<Screening> save_screening(Screening s, int64_t expected_version, const AuditEntry& audit);
  // Records the outcome; on inclusion makes `anchor_id` the anchor person and
  // moves the trajectory from selection into cycle 1 phase 1.
  Result<Screening> decide(int64_t jobseeker_id, int64_t expected_version, const std::string& outcome,
                           const std::string& reason, const std::string& decided_on, int64_t anchor_id,
                           const AuditEntry& audit);

  Trajectory trajectory(int64_t jobseeker_id);
  std::vector<SpiralMove> moves(int64_t jobseeker_id);
  // Stores a checked move when the trajectory is still at `expected_version`.
  Result<Trajectory> move(int64_t jobseeker_id, int64_t expected_version, const SpiralState& from, MoveKind kind,
                          const MoveRequest& m, const AuditEntry& audit);

  std::vector<Crisis> crises(int64_t jobseeker_id);
  Result<Crisis> crisis(int64_t jobseeker_id, int64_t crisis_id);
  // Opens a crisis; refused (field "started_on", "crisis_open") while one is open.
  Result<Crisis> open_crisis(Crisis c, int64_t user_id, const AuditEntry& audit);
  Result<Crisis> update_crisis(const Crisis& c, int64_t expected_version, const AuditEntry& audit);

 private:
  Store& store_;
};

}  // namespace spiraal
