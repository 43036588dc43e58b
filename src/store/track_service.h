#pragma once
// The parallel tracks of one dossier (core/track.h): read, added and
// updated with access checked (read = kReadDossier, write = kWriteDossier)
// and every read and write audited like all dossier operations. Updates
// are optimistic: a stale version is a conflict.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/track.h"
#include "store/dossier_service.h"

namespace spiraal {

class TrackService {
 public:
  // Both must outlive the service.
  TrackService(Store& store, DossierService& dossiers) : store_(store), dossiers_(dossiers) {}
  TrackService(const TrackService&) = delete;
  TrackService& operator=(const TrackService&) = delete;

  // Every track of the dossier, oldest first.
  Result<std::vector<Track>> list(const Principal& p, int64_t jobseeker_id);
  Result<Track> add(const Principal& p, int64_t jobseeker_id, const nlohmann::json& body);
  // body carries the version read; it replaces every field but the kind.
  Result<Track> update(const Principal& p, int64_t jobseeker_id, int64_t track_id, const nlohmann::json& body);

  // The tracks without an access check, for services that checked already.
  std::vector<Track> load(int64_t jobseeker_id);
  // The name of each track's responsible worker (the user's display name or
  // the partner's worker), in the order of `tracks`.
  std::vector<std::string> worker_names(const std::vector<Track>& tracks);

 private:
  // The responsible worker is an active user and the organisation is on the
  // social map.
  Status check_links(const Track& t);

  Store& store_;               // where tracks live
  DossierService& dossiers_;   // authorisation and audit entries
};

}  // namespace spiraal
