#pragma once
// Referral, selection, the spiral and crises as the pages, the API and the
// CLI use them: access checked per dossier (through DossierService), input
// validated by the core rules, and every read and write audited.
#include <optional>

#include <nlohmann/json.hpp>

#include "core/signals.h"
#include "store/dossier_service.h"
#include "store/trajectory_store.h"

namespace spiraal {

// A jobseeker's whole path, for the timeline and the API.
struct TrajectoryView {
  Trajectory trajectory;
  std::vector<SpiralMove> moves;
  std::vector<Crisis> crises;
  std::vector<Contact> contacts;  // every contact, oldest first
  bool welfare_focus = false;     // an open crisis sends the focus back to welfare
};

class TrajectoryService {
 public:
  // Both must outlive the service.
  TrajectoryService(Store& store, DossierService& dossiers) : store_(store), dossiers_(dossiers), data_(store) {}

  // Registers a referral: opens the dossier (names and birth date in the same
  // body) in the caller's team, waiting in selection.
  Result<Referral> refer(const Principal& p, const nlohmann::json& body);
  // The team's referrals waiting to be picked up (status "waiting").
  Result<std::vector<Referral>> waiting_referrals(const Principal& p, int limit = 200);
  Result<std::vector<Referral>> referrals_of(const Principal& p, int64_t jobseeker_id);
  Status pick_up(const Principal& p, int64_t referral_id);

  Result<Screening> screening(const Principal& p, int64_t jobseeker_id);
  // Saves the knipperlichtenlijst, conditions and MMPP; `version` 0 or
  // absent for the first save.
  Result<Screening> save_screening(const Principal& p, int64_t jobseeker_id, const nlohmann::json& body);
  // body: version, outcome, reason, decided_on, anchor_coach_id (inclusion;
  // defaults to the caller).
  Result<Screening> decide(const Principal& p, int64_t jobseeker_id, const nlohmann::json& body);

  Result<TrajectoryView> trajectory(const Principal& p, int64_t jobseeker_id);
  // The place on the spiral alone (no moves, crises or contacts), e.g. for
  // the jobseeker's own start page.
  Result<Trajectory> place(const Principal& p, int64_t jobseeker_id);
  // body: version, to_state, moved_on, reason, outcome (closing only).
  Result<Trajectory> move(const Principal& p, int64_t jobseeker_id, const nlohmann::json& body);

  Result<Crisis> open_crisis(const Principal& p, int64_t jobseeker_id, const nlohmann::json& body);
  Result<Crisis> update_crisis(const Principal& p, int64_t jobseeker_id, int64_t crisis_id,
                               const nlohmann::json& body);

 private:
  Store& store_;
  DossierService& dossiers_;
  TrajectoryStore data_;
};

}  // namespace spiraal
