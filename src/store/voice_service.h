#pragma once
// The person's voice in one dossier (core/voice.h): feedback on contacts
// and requests for another counsellor, with the coordinator's queue of a
// team. Access is checked and every read and write audited like all dossier
// operations:
// - feedback and requests are read with kReadDossier and recorded with
//   kWriteDossier (the assigned coach, who hands over the screen); a
//   coordinator of the team may also record a request;
// - only a coordinator of the dossier's team answers a request
//   (kAnswerCounsellorRequest), always with a reason; granting one moves
//   the dossier from the old counsellor to the new one in the same
//   transaction.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/voice.h"
#include "store/dossier_service.h"

namespace spiraal {

// A request as the coordinator's queue shows it.
struct QueuedCounsellorRequest {
  CounsellorRequest request;
  std::string jobseeker_name;
  std::string from_coach_name;
};

class VoiceService {
 public:
  // Both must outlive the service.
  VoiceService(Store& store, DossierService& dossiers) : store_(store), dossiers_(dossiers) {}
  VoiceService(const VoiceService&) = delete;
  VoiceService& operator=(const VoiceService&) = delete;

  // The feedback on every contact of the dossier.
  Result<std::vector<ContactFeedback>> feedback(const Principal& p, int64_t jobseeker_id);
  // One feedback per contact: a second is a conflict.
  Result<ContactFeedback> give_feedback(const Principal& p, int64_t jobseeker_id, int64_t contact_id,
                                        const nlohmann::json& body);

  // The dossier's requests, newest first.
  Result<std::vector<CounsellorRequest>> requests(const Principal& p, int64_t jobseeker_id);
  Result<CounsellorRequest> ask(const Principal& p, int64_t jobseeker_id, const nlohmann::json& body);
  // body: {version, decision, reason, new_coach_id}.
  Result<CounsellorRequest> answer(const Principal& p, int64_t jobseeker_id, int64_t request_id,
                                   const nlohmann::json& body);
  // The coordinator's team's requests, open ones first.
  Result<std::vector<QueuedCounsellorRequest>> queue(const Principal& p);
  // The coaches of the dossier's team a granted request may choose from.
  std::vector<User> team_coaches(int64_t jobseeker_id);

 private:
  std::vector<CounsellorRequest> load_requests(const std::string& where, int64_t key);

  Store& store_;              // where the records live
  DossierService& dossiers_;  // authorisation and audit entries
};

}  // namespace spiraal
