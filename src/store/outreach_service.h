#pragma once
// Outreach as toeleiders use it (core/outreach.h): their register of the
// people they meet, each person's log, the segment, and the warm handover
// that opens a dossier in a coach's referral list. A toeleider sees the
// people of their own organisation (only their own without one). A coach
// sees a handed-over person's outreach history through the dossier, and only
// while the person's consent to share it stands. Every read and write is
// audited; the writes that change a person carry the version read.
#include <cstdint>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/outreach.h"
#include "store/dossier_service.h"

namespace spiraal {

struct OutreachRecord {
  OutreachPerson person;
  std::vector<OutreachEvent> events;  // oldest first
};

class OutreachService {
 public:
  // Both must outlive the service.
  OutreachService(Store& store, DossierService& dossiers) : store_(store), dossiers_(dossiers) {}
  OutreachService(const OutreachService&) = delete;
  OutreachService& operator=(const OutreachService&) = delete;

  // The caller's register, most recently registered first.
  Result<std::vector<OutreachPerson>> list(const Principal& p);
  Result<OutreachRecord> get(const Principal& p, int64_t person_id);
  Result<OutreachPerson> create(const Principal& p, const nlohmann::json& body);
  Result<OutreachEvent> add_contact(const Principal& p, int64_t person_id, const nlohmann::json& body);
  // body: version plus the move (core parse_outreach_move).
  Result<OutreachPerson> move(const Principal& p, int64_t person_id, const nlohmann::json& body);
  // body: version plus the answers of the segment tree.
  Result<OutreachPerson> decide_segment(const Principal& p, int64_t person_id, const nlohmann::json& body);
  // body: version plus the handover; opens the dossier as a waiting referral
  // of the chosen team and links the person to it, in one transaction.
  Result<OutreachPerson> hand_over(const Principal& p, int64_t person_id, const nlohmann::json& body);
  // body: version, shared, on. The person tells their toeleider.
  Result<OutreachPerson> record_history_consent(const Principal& p, int64_t person_id, const nlohmann::json& body);
  // Erases a person never handed over (their right to be forgotten); a
  // handed-over person is erased with their dossier. body: {confirm: true}.
  Status erase(const Principal& p, int64_t person_id, const nlohmann::json& body);

  // --- Through the dossier (coach or coordinator of the dossier).
  // The outreach history of the dossier's person; `shared` false (and no
  // content) while the person has not consented or after a withdrawal.
  struct DossierHistory {
    bool handed_over = false;
    bool shared = false;
    std::optional<OutreachRecord> record;
  };
  Result<DossierHistory> history_of_dossier(const Principal& p, int64_t jobseeker_id);
  // body: version, shared, on. The person tells their coach.
  Result<OutreachPerson> record_dossier_history_consent(const Principal& p, int64_t jobseeker_id,
                                                        const nlohmann::json& body);

  // Teams a handover can go to: [{id, name}].
  std::vector<nlohmann::json> teams();

 private:
  std::optional<OutreachPerson> load(int64_t person_id);
  std::vector<OutreachEvent> events(int64_t person_id);
  // The person when `p` is a toeleider who may see them (own organisation).
  Result<OutreachPerson> reachable(const Principal& p, int64_t person_id, const char* what);
  std::optional<int64_t> organisation_of(int64_t user_id);
  // Appends the event and saves the person's clear and sealed columns when
  // `person.version` still equals `expected_version`; conflict otherwise.
  Result<OutreachPerson> save(const Principal& p, OutreachPerson person, int64_t expected_version,
                              const OutreachEvent& event, const char* action);
  Result<OutreachPerson> apply_history_consent(const Principal& p, OutreachPerson person, const nlohmann::json& body);

  Store& store_;              // where the register lives
  DossierService& dossiers_;  // dossier authorisation and audit entries
};

}  // namespace spiraal
