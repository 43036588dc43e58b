#pragma once
// Goals, actions, follow-up meetings and the trajectory agreement of one
// dossier, with access checked and every read and write audited like all
// dossier operations. Edits are optimistic: a stale version is a conflict.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/agreement.h"
#include "core/goals.h"
#include "store/dossier_service.h"

namespace spiraal {

struct GoalWithActions {
  Goal goal;
  std::vector<GoalAction> actions;
};

class GoalService {
 public:
  // Both must outlive the service.
  GoalService(Store& store, DossierService& dossiers) : store_(store), dossiers_(dossiers) {}

  // Every goal of the dossier with its actions, oldest first.
  Result<std::vector<GoalWithActions>> goals(const Principal& p, int64_t jobseeker_id);
  Result<Goal> add_goal(const Principal& p, int64_t jobseeker_id, const nlohmann::json& body);
  // body carries the version read.
  Result<Goal> update_goal(const Principal& p, int64_t jobseeker_id, int64_t goal_id, const nlohmann::json& body);
  // A partner-owned action must name an organisation on the social map.
  Result<GoalAction> add_action(const Principal& p, int64_t jobseeker_id, int64_t goal_id, const nlohmann::json& body);
  Result<GoalAction> update_action(const Principal& p, int64_t jobseeker_id, int64_t action_id,
                                   const nlohmann::json& body);

  // Partner services. The organisation a partner account works for.
  std::optional<int64_t> organisation_of(int64_t user_id);
  // Links a partner account to an organisation of the social map by name.
  Status link_partner(int64_t user_id, const std::string& organisation_name);
  // The actions of one dossier that `organisation_id` owns. No access check:
  // callers check the consent register first (ConsentService::shared).
  std::vector<GoalAction> actions_of(int64_t jobseeker_id, int64_t organisation_id);
  // A partner updates the status of an action its service owns (body
  // {version, status}); any other action is not found. Audited.
  Result<GoalAction> update_action_of(const Principal& p, int64_t jobseeker_id, int64_t action_id,
                                      int64_t organisation_id, const nlohmann::json& body);

  // The organisations of the social map an action can name: [{id, name}].
  std::vector<nlohmann::json> organisations();

  // Follow-up meetings, newest first.
  Result<std::vector<FollowUp>> followups(const Principal& p, int64_t jobseeker_id);
  Result<FollowUp> add_followup(const Principal& p, int64_t jobseeker_id, const nlohmann::json& body);

  // Agreement versions, newest first.
  Result<std::vector<Agreement>> agreements(const Principal& p, int64_t jobseeker_id);
  // A new version from the chosen goals (copied with their actions).
  Result<Agreement> draft_agreement(const Principal& p, int64_t jobseeker_id, const nlohmann::json& body);
  // body {signed_on}: the day the jobseeker agreed.
  Result<Agreement> sign_agreement(const Principal& p, int64_t jobseeker_id, int64_t agreement_id,
                                   const nlohmann::json& body);

 private:
  std::vector<GoalWithActions> load_goals(int64_t jobseeker_id);
  std::vector<Agreement> load_agreements(int64_t jobseeker_id);

  Store& store_;
  DossierService& dossiers_;
};

}  // namespace spiraal
