#include "store/track_service.h"

#include "core/clock.h"
#include "store/store_internal.h"

namespace spiraal {

using nlohmann::json;
using store_internal::opt_param;

namespace {

constexpr const char* kColumns =
    "id, jobseeker_id, version, kind, worker_user_id, worker_name, organisation_id, rhythm_days, starts_on, ends_on, "
    "status, aim";

Track track_from_row(const sql::Rows& r, size_t i, const FieldCipher& cipher) {
  Track t;
  t.id = r.integer(i, 0);
  t.jobseeker_id = r.integer(i, 1);
  t.version = r.integer(i, 2);
  t.kind = r.text(i, 3);
  t.worker_user_id = r.opt_integer(i, 4);
  t.worker_name = r.text(i, 5);
  t.organisation_id = r.opt_integer(i, 6);
  t.rhythm_days = int(r.integer(i, 7));
  t.starts_on = r.text(i, 8);
  t.ends_on = r.text(i, 9);
  t.status = r.text(i, 10);
  t.aim = cipher.open(r.text(i, 11));
  return t;
}

}  // namespace

std::vector<Track> TrackService::load(int64_t id) {
  auto c = store_.pool().acquire();
  auto r = c->query(std::string("SELECT ") + kColumns + " FROM tracks WHERE jobseeker_id = ? ORDER BY id", {id});
  std::vector<Track> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(track_from_row(r, i, store_.cipher()));
  return out;
}

std::vector<std::string> TrackService::worker_names(const std::vector<Track>& tracks) {
  std::vector<std::string> out;
  auto c = store_.pool().acquire();
  for (const auto& t : tracks) {
    std::string name = t.worker_name;
    if (t.worker_user_id) {
      auto r = c->query("SELECT display_name FROM users WHERE id = ?", {*t.worker_user_id});
      if (!r.empty()) name = r.text(0, 0);
    }
    if (t.organisation_id) {
      auto r = c->query("SELECT name FROM organisations WHERE id = ?", {*t.organisation_id});
      if (!r.empty()) name += " (" + r.text(0, 0) + ")";
    }
    out.push_back(std::move(name));
  }
  return out;
}

Status TrackService::check_links(const Track& t) {
  FieldErrors errors;
  auto c = store_.pool().acquire();
  if (t.worker_user_id &&
      c->query("SELECT 1 FROM users WHERE id = ? AND active = 1 AND role IN ('coach', 'coordinator', 'partner')",
               {*t.worker_user_id})
          .empty())
    errors.push_back({"worker_user_id", "not_a_worker"});
  if (t.organisation_id && c->query("SELECT 1 FROM organisations WHERE id = ?", {*t.organisation_id}).empty())
    errors.push_back({"organisation_id", "not_on_social_map"});
  return errors.empty() ? Status::ok() : Status::invalid(std::move(errors));
}

Result<std::vector<Track>> TrackService::list(const Principal& p, int64_t id) {
  if (auto s = dossiers_.authorize(p, Action::kReadDossier, id, "track.read"); !s.is_ok()) return s;
  store_.audit(dossiers_.entry(p, "track.read", id));
  return load(id);
}

Result<Track> TrackService::add(const Principal& p, int64_t id, const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, id, "track.create"); !s.is_ok()) return s;
  auto parsed = parse_track(body, nullptr, today_utc());
  if (!parsed.is_ok()) return parsed.status();
  Track t = parsed.value();
  if (auto s = check_links(t); !s.is_ok()) return s;
  t.jobseeker_id = id;
  t.version = 1;
  const std::string now = now_utc();
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    t.id = c->query("INSERT INTO tracks (jobseeker_id, version, kind, worker_user_id, worker_name, organisation_id, "
                    "rhythm_days, starts_on, ends_on, status, aim, created_by, created_at, updated_at) "
                    "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    {id, t.kind, opt_param(t.worker_user_id), t.worker_name, opt_param(t.organisation_id),
                     int64_t(t.rhythm_days), t.starts_on, t.ends_on, t.status, store_.cipher().seal(t.aim), p.user_id,
                     now, now})
               .integer(0, 0);
    Store::append_audit(*c, dossiers_.entry(p, "track.create", id, std::to_string(t.id)));
  });
  return t;
}

Result<Track> TrackService::update(const Principal& p, int64_t id, int64_t track_id, const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, id, "track.update"); !s.is_ok()) return s;
  auto version = expected_version(body);
  if (!version.is_ok()) return version.status();
  auto all = load(id);
  const Track* current = find_track(all, track_id);
  if (!current) return Status::not_found();
  json fields = body;
  fields.erase("version");
  auto parsed = parse_track(fields, current, today_utc());
  if (!parsed.is_ok()) return parsed.status();
  Track t = parsed.value();
  if (auto s = check_links(t); !s.is_ok()) return s;
  bool stale = false;
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    stale = c->query("UPDATE tracks SET version = version + 1, worker_user_id = ?, worker_name = ?, organisation_id = ?, "
                     "rhythm_days = ?, starts_on = ?, ends_on = ?, status = ?, aim = ?, updated_at = ? "
                     "WHERE id = ? AND jobseeker_id = ? AND version = ? RETURNING id",
                     {opt_param(t.worker_user_id), t.worker_name, opt_param(t.organisation_id), int64_t(t.rhythm_days),
                      t.starts_on, t.ends_on, t.status, store_.cipher().seal(t.aim), now_utc(), track_id, id,
                      version.value()})
                .empty();
    if (!stale) Store::append_audit(*c, dossiers_.entry(p, "track.update", id, std::to_string(track_id)));
  });
  if (stale) return Status::conflict();
  t.version = version.value() + 1;
  return t;
}

}  // namespace spiraal
