#include "store/work_service.h"

#include <algorithm>

#include "core/clock.h"
#include "core/work_start.h"
#include "store/catalogue_service.h"
#include "store/store_internal.h"

namespace spiraal {

using nlohmann::json;
using store_internal::opt_param;

namespace {

constexpr const char* kColumns =
    "id, jobseeker_id, kind, parent_id, version, status, due_on, content, created_at, updated_at";

WorkRecord record_from_row(const sql::Rows& r, size_t i, const FieldCipher& cipher) {
  WorkRecord w;
  w.id = r.integer(i, 0);
  w.jobseeker_id = r.integer(i, 1);
  w.kind = r.text(i, 2);
  w.parent_id = r.opt_integer(i, 3);
  w.version = r.integer(i, 4);
  w.status = r.text(i, 5);
  w.due_on = r.text(i, 6);
  w.content = json::parse(cipher.open(r.text(i, 7)));
  w.created_at = r.text(i, 8);
  w.updated_at = r.text(i, 9);
  return w;
}

std::string audit_name(const WorkRecordKind& kind, const char* verb) { return "work." + kind.name + "." + verb; }

}  // namespace

std::vector<WorkRecord> WorkService::load(int64_t id) {
  auto c = store_.pool().acquire();
  auto r = c->query(std::string("SELECT ") + kColumns + " FROM work_records WHERE jobseeker_id = ? ORDER BY id", {id});
  std::vector<WorkRecord> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(record_from_row(r, i, store_.cipher()));
  return out;
}

Result<std::vector<WorkRecord>> WorkService::list(const Principal& p, int64_t id, const WorkRecordKind* kind) {
  if (auto s = dossiers_.authorize(p, Action::kReadDossier, id, "work.read"); !s.is_ok()) return s;
  auto all = load(id);
  if (kind) std::erase_if(all, [&](const WorkRecord& w) { return w.kind != kind->name; });
  store_.audit(dossiers_.entry(p, "work.read", id, kind ? kind->name : std::string()));
  return all;
}

Status WorkService::check_links(const std::vector<WorkRecord>& all, const WorkRecordKind& kind,
                                const WorkRecordContent& r) {
  auto find = [&](int64_t rid) -> const WorkRecord* {
    for (const auto& w : all)
      if (w.id == rid) return &w;
    return nullptr;
  };
  if (r.parent_id) {
    const WorkRecord* parent = find(*r.parent_id);
    if (!parent || parent->kind != kind.parent) return Status::invalid_field(kind.parent + "_id", "not_in_dossier");
  }
  if (kind.name == "competence_decision")
    for (const auto& sid : r.content.value("situation_ids", json::array())) {
      const WorkRecord* s = find(sid.get<int64_t>());
      if (!s || s->kind != "situation") return Status::invalid_field("situation_ids", "not_in_dossier");
    }
  if (kind.name == "application") {
    const json& offered = r.content.value("measures_offered", json::array());
    if (!offered.empty()) {
      const MeasureCatalogue measures = current_measure_catalogue(store_);
      for (size_t i = 0; i < offered.size(); ++i)
        if (!measures.find_measure(offered[i].get<std::string>()))
          return Status::invalid_field("measures_offered." + std::to_string(i), "unknown_code", offered[i].get<std::string>());
    }
  }
  return Status::ok();
}

Result<WorkRecord> WorkService::add(const Principal& p, int64_t id, const WorkRecordKind& kind, const json& body) {
  const std::string what = audit_name(kind, "create");
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, id, what.c_str()); !s.is_ok()) return s;
  if (kind.created_by_system || kind.single) return Status::forbidden();
  const std::string today = today_utc();
  auto parsed = parse_work_record(kind, body, today);
  if (!parsed.is_ok()) return parsed.status();
  auto all = load(id);
  if (auto s = check_links(all, kind, parsed.value()); !s.is_ok()) return s;
  WorkRecord w{0, id, kind.name, 1, parsed->parent_id, parsed->status, parsed->due_on, parsed->content, now_utc(), ""};
  w.updated_at = w.created_at;
  auto c = store_.pool().acquire();
  auto insert = [&](const WorkRecord& r) {
    return c->query("INSERT INTO work_records (jobseeker_id, kind, parent_id, version, status, due_on, content, "
                    "created_by, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?) RETURNING id",
                    {id, r.kind, opt_param(r.parent_id), r.status, r.due_on, store_.cipher().seal(r.content.dump()),
                     p.user_id, r.created_at, r.updated_at})
        .integer(0, 0);
  };
  sql::in_transaction(*c, [&] {
    w.id = insert(w);
    if (kind.name == "work_start")
      for (const auto& m : sustainability_moments(w.content["starts_on"]))
        insert({0, id, "sustainability_check", 1, w.id, "due", m.due_on,
                json{{"work_start_id", w.id}, {"months", m.months}}, w.created_at, w.updated_at});
    if (kind.name == "work_start") refresh_aftercare(*c, w.id);
    if (kind.name == "aftercare_contact" && w.parent_id) refresh_aftercare(*c, *w.parent_id);
    Store::append_audit(*c, dossiers_.entry(p, what.c_str(), id, std::to_string(w.id)));
  });
  return w;
}

void WorkService::refresh_aftercare(sql::Connection& c, int64_t start_id) {
  auto start = c.query("SELECT content, status FROM work_records WHERE id = ? AND kind = 'work_start'", {start_id});
  if (start.empty()) return;
  std::vector<std::string> held;
  auto contacts = c.query("SELECT content FROM work_records WHERE parent_id = ? AND kind = 'aftercare_contact' "
                          "AND status = 'held'",
                          {start_id});
  for (size_t i = 0; i < contacts.size(); ++i)
    held.push_back(json::parse(store_.cipher().open(contacts.text(i, 0))).value("held_on", ""));
  const json content = json::parse(store_.cipher().open(start.text(0, 0)));
  const std::string due = start.text(0, 1) == "active" ? aftercare_state(content, held, today_utc()).next_due : "";
  c.query("UPDATE work_records SET due_on = ? WHERE id = ?", {due, start_id});
}

Result<WorkRecordContent> WorkService::merge_followup(const WorkRecord& current, const json& body) {
  json recorded = body;
  recorded.erase("version");
  auto parsed = parse_sustainability_check(recorded, today_utc());
  if (!parsed.is_ok()) return parsed.status();
  WorkRecordContent out = parsed.value();
  out.content["work_start_id"] = current.content.value("work_start_id", json());
  out.content["months"] = current.content.value("months", json());
  out.parent_id = current.parent_id;
  return out;
}

Result<WorkRecord> WorkService::update(const Principal& p, int64_t id, const WorkRecordKind& kind, int64_t rid,
                                       const json& body) {
  const std::string what = audit_name(kind, "update");
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, id, what.c_str()); !s.is_ok()) return s;
  auto version = expected_version(body);
  if (!version.is_ok()) return version.status();
  auto all = load(id);
  auto it = std::find_if(all.begin(), all.end(), [&](const WorkRecord& w) { return w.id == rid && w.kind == kind.name; });
  if (it == all.end()) return Status::not_found();
  json fields = body;
  fields.erase("version");
  auto parsed = kind.created_by_system ? merge_followup(*it, body) : parse_work_record(kind, fields, today_utc());
  if (!parsed.is_ok()) return parsed.status();
  if (auto s = check_links(all, kind, parsed.value()); !s.is_ok()) return s;
  WorkRecord w = *it;
  w.content = parsed->content;
  w.status = parsed->status;
  w.due_on = parsed->due_on;
  w.parent_id = parsed->parent_id;
  w.updated_at = now_utc();
  bool stale = false;
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    stale = c->query("UPDATE work_records SET version = version + 1, parent_id = ?, status = ?, due_on = ?, content = ?, "
                     "updated_at = ? WHERE id = ? AND jobseeker_id = ? AND version = ? RETURNING id",
                     {opt_param(w.parent_id), w.status, w.due_on, store_.cipher().seal(w.content.dump()), w.updated_at,
                      rid, id, version.value()})
                .empty();
    if (stale) return;
    if (kind.name == "work_start") refresh_aftercare(*c, rid);
    if (kind.name == "aftercare_contact" && w.parent_id) refresh_aftercare(*c, *w.parent_id);
    Store::append_audit(*c, dossiers_.entry(p, what.c_str(), id, std::to_string(rid)));
    // A corrected start date moves the follow-ups not yet recorded.
    if (kind.name == "work_start" && it->content.value("starts_on", "") != w.content.value("starts_on", ""))
      for (const auto& m : sustainability_moments(w.content.value("starts_on", "")))
        for (const auto& f : all)
          if (f.kind == "sustainability_check" && f.parent_id == rid && f.status == "due" &&
              f.content.value("months", 0) == m.months)
            c->query("UPDATE work_records SET due_on = ? WHERE id = ? AND status = 'due' RETURNING id", {m.due_on, f.id});
  });
  if (stale) return Status::conflict();
  w.version = version.value() + 1;
  return w;
}

Result<WorkRecord> WorkService::save_single(const Principal& p, int64_t id, const WorkRecordKind& kind,
                                            const json& body) {
  if (!kind.single) return Status::not_found();
  const std::string what = audit_name(kind, "save");
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, id, what.c_str()); !s.is_ok()) return s;
  int64_t version = 0;  // 0: the caller saw no record yet
  if (body.is_object() && body.contains("version")) {
    if (!body["version"].is_number_integer() || body["version"].get<int64_t>() < 0)
      return Status::invalid_field("version", "type_integer");
    version = body["version"].get<int64_t>();
  }
  auto all = load(id);
  auto it = std::find_if(all.begin(), all.end(), [&](const WorkRecord& w) { return w.kind == kind.name; });
  if (it != all.end()) return version == 0 ? Status::conflict() : update(p, id, kind, it->id, body);
  if (version != 0) return Status::conflict();
  json fields = body;
  fields.erase("version");
  auto parsed = parse_work_record(kind, fields, today_utc());
  if (!parsed.is_ok()) return parsed.status();
  WorkRecord w{0, id, kind.name, 1, std::nullopt, parsed->status, parsed->due_on, parsed->content, now_utc(), ""};
  w.updated_at = w.created_at;
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    // The existence check and the insert share the write transaction, so two
    // first saves cannot both create one.
    if (!c->query("SELECT id FROM work_records WHERE jobseeker_id = ? AND kind = ?", {id, kind.name}).empty()) return;
    w.id = c->query("INSERT INTO work_records (jobseeker_id, kind, parent_id, version, status, due_on, content, "
                    "created_by, created_at, updated_at) VALUES (?, ?, NULL, 1, ?, ?, ?, ?, ?, ?) RETURNING id",
                    {id, kind.name, w.status, w.due_on, store_.cipher().seal(w.content.dump()), p.user_id,
                     w.created_at, w.updated_at})
               .integer(0, 0);
    Store::append_audit(*c, dossiers_.entry(p, what.c_str(), id, std::to_string(w.id)));
  });
  if (w.id == 0) return Status::conflict();
  return w;
}

}  // namespace spiraal
