#pragma once
// Signaalfunctie as the store keeps it (core/structural_signal.h): flags of
// structural barriers made from a dossier, their counts per period, region
// and category, and the beleidsnota in which a coordinator bundles them for
// policy makers. Flags go through the dossier's access checks (write to
// flag, read to list); the counts and notes are for coordinators
// (kBundleSignals) and hold no person. Every read and write is audited.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/structural_signal.h"
#include "store/dossier_service.h"

namespace spiraal {

class StructuralSignalService {
 public:
  // Both must outlive the service.
  StructuralSignalService(Store& store, DossierService& dossiers) : store_(store), dossiers_(dossiers) {}
  StructuralSignalService(const StructuralSignalService&) = delete;
  StructuralSignalService& operator=(const StructuralSignalService&) = delete;

  // --- From the dossier.
  // Flags a structural barrier of dossier `jobseeker_id` (kWriteDossier);
  // the region is the dossier team's name. A description naming the person
  // is refused.
  Result<StructuralSignal> flag(const Principal& p, int64_t jobseeker_id, const nlohmann::json& body);
  // The dossier's flags, newest first (kReadDossier).
  Result<std::vector<StructuralSignal>> list(const Principal& p, int64_t jobseeker_id);

  // --- For coordinators (kBundleSignals); aggregates only.
  // core signal_counts over the selection; `period` is month or quarter.
  Result<nlohmann::json> counts(const Principal& p, const SignalSelection& s, const std::string& period);
  // All notes, newest first.
  Result<std::vector<PolicyNote>> notes(const Principal& p);
  Result<PolicyNote> note(const Principal& p, int64_t note_id);
  // A draft note over the signals its selection holds now (core parse_policy_note).
  Result<PolicyNote> create_note(const Principal& p, const nlohmann::json& body);
  // body: version, title, summary. A final note is a conflict ("note_final").
  Result<PolicyNote> update_note(const Principal& p, int64_t note_id, const nlohmann::json& body);
  // body: version. Freezes the note; finalising again is a conflict.
  Result<PolicyNote> finalise_note(const Principal& p, int64_t note_id, const nlohmann::json& body);

  // The regions that occur in signals, for the filters' choices.
  std::vector<std::string> regions();

 private:
  // Every signal as aggregation sees it, with the description opened.
  std::vector<SignalFact> facts();
  std::optional<PolicyNote> load_note(int64_t note_id);
  // Sets `set` (with its `params`) on a draft note at `version`, audited as
  // `action`: not_found, 409 note_final for a final note, 409 when stale.
  Result<PolicyNote> update_draft(const Principal& p, int64_t note_id, const char* action, const std::string& set,
                                  sql::Params params, int64_t version);
  AuditEntry note_entry(const Principal& p, const char* action, int64_t note_id) const;

  Store& store_;              // where flags and notes live
  DossierService& dossiers_;  // dossier authorisation and audit entries
};

}  // namespace spiraal
