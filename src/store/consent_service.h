#pragma once
// The consent register and what rests on it: partners read the sections a
// consent in force shares with them, and nothing else. Also "break the
// glass": a coordinator's temporary read access to a dossier outside the
// team, with a reason, flagged in the audit log. Access is checked and
// audited like every dossier operation.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/consent.h"
#include "store/dossier_service.h"

namespace spiraal {

// How long a break-the-glass access lasts.
constexpr int kBreakGlassHours = 8;

class ConsentService {
 public:
  // Both must outlive the service.
  ConsentService(Store& store, DossierService& dossiers) : store_(store), dossiers_(dossiers) {}

  // Every consent of one dossier, newest first.
  Result<std::vector<Consent>> list(const Principal& p, int64_t jobseeker_id);
  // Records a consent the jobseeker gave; the recipient must be an active
  // partner account.
  Result<Consent> record(const Principal& p, int64_t jobseeker_id, const nlohmann::json& body);
  // Withdraws a consent from today on; withdrawing twice is a conflict.
  Result<Consent> withdraw(const Principal& p, int64_t jobseeker_id, int64_t consent_id);
  // The partner accounts a consent can name: [{id, display_name}].
  std::vector<nlohmann::json> partners();

  // What a partner may read: the sections in the scope of the consents in
  // force for them. The dossier is loaded whole; callers show only `sections`.
  struct Shared {
    Jobseeker jobseeker;
    std::vector<std::string> sections;
    std::vector<std::string> purposes;
  };
  Result<Shared> shared(const Principal& p, int64_t jobseeker_id);
  // The dossiers shared with a partner today: [{id, full_name, sections}].
  Result<std::vector<nlohmann::json>> shared_with(const Principal& p);

  // Opens temporary access for a coordinator; the reason is required and
  // goes into the audit log. Returns the expiry time.
  Result<std::string> break_glass(const Principal& p, int64_t jobseeker_id, const nlohmann::json& body);

 private:
  std::vector<Consent> load(int64_t jobseeker_id);

  Store& store_;
  DossierService& dossiers_;
};

}  // namespace spiraal
