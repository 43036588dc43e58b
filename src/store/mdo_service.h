#pragma once
// The MDO of one dossier over core/mdo.h: the per-dossier plan (interval
// and the jobseeker's consent, and its withdrawal), planning a meeting with
// the responsible workers of the active tracks, and the report with an
// alignment decision per track. Access is checked (read = kReadDossier,
// write = kWriteDossier) and every step audited; each step takes the
// version it read (a stale one is a conflict).
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/mdo.h"
#include "store/dossier_service.h"
#include "store/track_service.h"

namespace spiraal {

// Everything the MDO page and GET /mdos show.
struct MdoOverview {
  MdoPlan plan;
  std::vector<Mdo> mdos;  // newest first
  std::string next_due_on;
  bool due = false;       // next_due_on has passed and none is planned
};
nlohmann::json to_json(const MdoOverview& o);

class MdoService {
 public:
  // All three must outlive the service.
  MdoService(Store& store, DossierService& dossiers, TrackService& tracks)
      : store_(store), dossiers_(dossiers), tracks_(tracks) {}
  MdoService(const MdoService&) = delete;
  MdoService& operator=(const MdoService&) = delete;

  Result<MdoOverview> overview(const Principal& p, int64_t jobseeker_id);
  Result<Mdo> get(const Principal& p, int64_t jobseeker_id, int64_t mdo_id);
  // step: consent | withdraw | interval. body carries the plan's version
  // read, 0 when none was recorded yet.
  Result<MdoPlan> plan_step(const Principal& p, int64_t jobseeker_id, const std::string& step,
                            const nlohmann::json& body);
  // {planned_on}: a new planned MDO.
  Result<Mdo> plan(const Principal& p, int64_t jobseeker_id, const nlohmann::json& body);
  // {version, held_on, note, decisions}: the meeting held.
  Result<Mdo> report(const Principal& p, int64_t jobseeker_id, int64_t mdo_id, const nlohmann::json& body);

 private:
  MdoPlan load_plan(int64_t jobseeker_id);
  std::vector<Mdo> load(int64_t jobseeker_id);

  Store& store_;              // where MDOs live
  DossierService& dossiers_;  // authorisation and audit entries
  TrackService& tracks_;      // the tracks the decisions are about
};

}  // namespace spiraal
