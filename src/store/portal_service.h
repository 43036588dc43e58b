#pragma once
// "Mijn traject" (issue 11): the jobseeker's own account and what rests on
// it. The coach invites the jobseeker, with their consent, by a one-time
// code given in person or sent by SMS text; the jobseeker redeems it on
// their phone and sets a PIN or password, which from then on unlocks that
// device (a long-lived device token in a cookie). The coach sees the
// devices and revokes a lost one; its sessions end at once. Messages pass
// between the jobseeker and their assigned coaches.
//
// Everything the jobseeker reads of their own trajectory goes through the
// ordinary services with the jobseeker's principal (kReadOwn/kWriteOwn on
// Relation::kSelf, see DossierService::read_action), so no second copy of
// their rules lives here. Access is checked and audited as everywhere.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/portal.h"
#include "store/dossier_service.h"
#include "store/sms_outbox.h"

namespace spiraal {

struct PortalInvitation {
  int64_t id = 0;
  std::string code;  // in clear, returned this once: only its digest is kept
  std::string channel;
  std::string expires_at;
};

struct PortalDevice {
  int64_t id = 0;
  std::string label, created_at, last_used_at, revoked_at;
};

// The coach's view of the jobseeker's access.
struct PortalAccount {
  bool exists = false;
  std::vector<PortalDevice> devices;       // newest first
  std::string open_invitation_expires_at;  // the latest unused code's expiry, "" when none
};

struct PortalMessage {
  int64_t id = 0;
  bool from_jobseeker = false;
  std::string author;  // display name
  std::string kind;    // message | consent_withdrawn
  std::string text;
  std::string created_at, read_at;
};

// The next date the jobseeker is expected: a planned W²-overleg or MDO, or
// a contact dated from today on.
struct Appointment {
  std::string on;
  std::string kind;  // overleg | mdo | contact
};

// Who looked at or changed the dossier on one day (other than the
// jobseeker), for "mijn gegevens".
struct DossierReader {
  std::string day, name, role;
  int64_t times = 0;
};

// A jobseeker's device as its cookie finds it.
struct DeviceKey {
  int64_t id = 0;
  int64_t user_id = 0;
  bool revoked = false;
};

// A device unlocked or newly added: the session belongs to `user`, bound to
// `device_id`. `device_token` is set only for a new device (the cookie).
struct Unlocked {
  User user;
  int64_t device_id = 0;
  std::string device_token;
};

class PortalService {
 public:
  // `store` and `dossiers` must outlive the service; `sms` may be null (no
  // SMS invitations then).
  PortalService(Store& store, DossierService& dossiers, SmsOutbox* sms)
      : store_(store), dossiers_(dossiers), sms_(sms) {}
  PortalService(const PortalService&) = delete;
  PortalService& operator=(const PortalService&) = delete;

  // --- The coach's side (kInvite)
  // body: see parse_invitation(). `sms_text` is the text sent, its
  // "{param}" replaced by the code. Earlier unused codes stop working.
  Result<PortalInvitation> invite(const Principal& p, int64_t jobseeker_id, const nlohmann::json& body,
                                  const std::string& sms_text);
  Result<PortalAccount> account(const Principal& p, int64_t jobseeker_id);
  // Ends the device's sessions now; it cannot be unlocked again.
  Status revoke_device(const Principal& p, int64_t jobseeker_id, int64_t device_id);

  // --- Entry (no principal yet; the web layer limits the attempts)
  // kOk when the typed code is unused and in time; kNotFound otherwise.
  Status check_code(const std::string& typed);
  // Uses the code up: creates the account (or sets its new secret) and a
  // device. kNotFound for a bad code, kInvalid for a refused secret.
  Result<Unlocked> redeem(const std::string& typed, const std::string& secret, const std::string& repeat,
                          const std::string& device_label);
  // The device a cookie names, revoked ones too (the log-in limiter counts
  // attempts per device); nullopt when unknown.
  std::optional<DeviceKey> device_of(const std::string& device_token);
  // Checks the secret for `device` (from device_of). kUnauthenticated for a
  // wrong secret or a revoked or unknown device, after the same work.
  Result<Unlocked> unlock(const std::optional<DeviceKey>& device, const std::string& secret);

  // The parts of the story open to the jobseeker (kReadOwn for the
  // jobseeker, kInvite for the coach); the coach opens and closes them.
  Result<std::vector<std::string>> opened(const Principal& p, int64_t jobseeker_id);
  // body: {open: [part...]} (core/portal.h kStoryParts); the rest closes.
  Status set_opened(const Principal& p, int64_t jobseeker_id, const nlohmann::json& body);

  // --- The jobseeker's side (kReadOwn)
  Result<std::optional<Appointment>> next_appointment(const Principal& p);
  Result<std::vector<DossierReader>> readers(const Principal& p);

  // --- Both sides: the jobseeker (kReadOwn/kWriteOwn) and the assigned
  // coach (kMessage). Reading marks the other side's messages read.
  Result<std::vector<PortalMessage>> messages(const Principal& p, int64_t jobseeker_id);
  Result<PortalMessage> send(const Principal& p, int64_t jobseeker_id, const nlohmann::json& body);
  // How many messages of the other side `p` has not read: a count only,
  // for a badge on a page the caller was already allowed to open.
  int64_t unread(const Principal& p, int64_t jobseeker_id);

 private:
  Status authorize_messages(const Principal& p, int64_t jobseeker_id, bool write, const char* what);

  Store& store_;
  DossierService& dossiers_;
  SmsOutbox* sms_;
};

}  // namespace spiraal
