#include "core/track.h"

#include <algorithm>

#include "core/field_reader.h"

namespace spiraal {

using nlohmann::json;

const std::vector<std::string>& track_kinds() {
  static const std::vector<std::string> kinds = {"work", "welfare", "group"};
  return kinds;
}

int default_rhythm_days(const std::string& kind) { return kind == "group" ? 7 : 14; }

Result<Track> parse_track(const json& body, const Track* current, const std::string& today) {
  if (!body.is_object()) return Status::invalid_field("", "type_object");
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"kind", "worker_user_id", "worker_name", "organisation_id", "rhythm_days", "starts_on", "ends_on",
                    "status", "aim"});
  // An update replaces every field but the kind, which is fixed.
  Track t;
  if (current) t.id = current->id, t.jobseeker_id = current->jobseeker_id, t.version = current->version;
  t.kind = current && !r.has("kind") ? current->kind : r.choice("kind", {"work", "welfare", "group"}, true);
  if (current && t.kind != current->kind) r.fail("kind", "track_kind_fixed");
  t.worker_user_id = r.integer("worker_user_id", 1, INT64_MAX);
  t.worker_name = r.text("worker_name", 200);
  t.organisation_id = r.integer("organisation_id", 1, INT64_MAX);
  if (!t.worker_user_id && t.worker_name.empty()) r.fail("worker_name", "track_needs_worker");
  if (t.worker_user_id && !t.worker_name.empty()) r.fail("worker_name", "track_one_worker");
  auto days = r.integer("rhythm_days", kMinRhythmDays, kMaxRhythmDays);
  t.rhythm_days = days ? int(*days) : default_rhythm_days(t.kind);
  t.starts_on = r.date("starts_on");
  if (t.starts_on.empty()) t.starts_on = current ? current->starts_on : today;
  t.ends_on = r.date("ends_on");
  std::string status = r.choice("status", {"active", "ended"});
  t.aim = r.text("aim", kMaxTrackAim, true);
  if (!t.ends_on.empty() && !t.starts_on.empty() && t.ends_on < t.starts_on) r.fail("ends_on", "ends_before_start");
  if (status == "ended" && t.ends_on.empty()) r.fail("ends_on", "required");
  // An end date in the past or today ends the track; "ended" with a later
  // date is a contradiction.
  if (!t.ends_on.empty() && t.ends_on <= today) status = "ended";
  if (status == "ended" && !t.ends_on.empty() && t.ends_on > today) r.fail("ends_on", "date_in_future");
  t.status = status.empty() ? "active" : status;
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return t;
}

json to_json(const Track& t) {
  return {{"id", t.id},
          {"jobseeker_id", t.jobseeker_id},
          {"version", t.version},
          {"kind", t.kind},
          {"worker_user_id", t.worker_user_id ? json(*t.worker_user_id) : json(nullptr)},
          {"worker_name", t.worker_name},
          {"organisation_id", t.organisation_id ? json(*t.organisation_id) : json(nullptr)},
          {"rhythm_days", t.rhythm_days},
          {"starts_on", t.starts_on},
          {"ends_on", t.ends_on},
          {"status", t.status},
          {"aim", t.aim}};
}

const Track* find_track(const std::vector<Track>& tracks, int64_t id) {
  auto it = std::find_if(tracks.begin(), tracks.end(), [&](const Track& t) { return t.id == id; });
  return it == tracks.end() ? nullptr : &*it;
}

}  // namespace spiraal
