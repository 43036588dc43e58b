#include "store/integrated_report_service.h"

#include <map>

#include "core/clock.h"
#include "store/subject_data.h"

namespace spiraal {

using nlohmann::json;

json to_json(const IntegratedReport& r) {
  return {{"id", r.id},           {"version", r.version},           {"status", r.status},
          {"sections", r.sections}, {"finalised_on", r.finalised_on}, {"updated_at", r.updated_at}};
}

namespace {

struct StaleVersion {};

}  // namespace

std::vector<IntegratedReport> IntegratedReportService::load(int64_t id, const char* status) {
  auto r = store_.pool().acquire()->query(
      "SELECT id, version, status, sections, finalised_on, updated_at FROM integrated_reports "
      "WHERE jobseeker_id = ? AND status = ? ORDER BY id DESC",
      {id, std::string(status)});
  std::vector<IntegratedReport> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back({r.integer(i, 0), r.integer(i, 1), r.text(i, 2), json::parse(store_.cipher().open(r.text(i, 3))),
                   r.text(i, 4), r.text(i, 5)});
  return out;
}

Result<json> IntegratedReportService::material(const Principal& p, int64_t id) {
  if (auto s = dossiers_.authorize(p, Action::kReadDossier, id, "report.read"); !s.is_ok()) return s;
  json tables = json::object();
  for (const auto& t : subject_tables())
    if (std::string(t.table) != "jobseeker_versions" && std::string(t.table) != "integrated_reports")
      tables[t.table] = subject_rows(store_, t, id);
  // Each score table with the item set it was scored with.
  std::map<json, json> item_sets;
  for (const auto& s : tables["score_item_snapshots"]) item_sets[s["id"]] = s["items"];
  for (auto& t : tables["score_tables"]) t["items"] = item_sets[t["item_snapshot_id"]];
  tables.erase("score_item_snapshots");
  json out = {{"tables", tables}, {"coaches", json::array()}, {"organisations", json::object()}};
  if (!tables["jobseekers"].empty()) out["jobseeker"] = tables["jobseekers"][0];
  for (const auto& u : store_.coaches_of(id)) out["coaches"].push_back(u.display_name);
  auto orgs = store_.pool().acquire()->query(
      "SELECT DISTINCT o.id, o.name FROM organisations o JOIN social_links l ON l.organisation_id = o.id "
      "WHERE l.jobseeker_id = ?",
      {id});
  for (size_t i = 0; i < orgs.size(); ++i) out["organisations"][std::to_string(orgs.integer(i, 0))] = orgs.text(i, 1);
  store_.audit(dossiers_.entry(p, "report.material", id));
  return out;
}

Result<std::optional<IntegratedReport>> IntegratedReportService::draft(const Principal& p, int64_t id) {
  if (auto s = dossiers_.authorize(p, Action::kReadDossier, id, "report.read"); !s.is_ok()) return s;
  auto drafts = load(id, "draft");
  store_.audit(dossiers_.entry(p, "report.read", id));
  if (drafts.empty()) return std::optional<IntegratedReport>();
  return std::optional<IntegratedReport>(drafts.front());
}

Result<IntegratedReport> IntegratedReportService::save(const Principal& p, int64_t id, const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, id, "report.save"); !s.is_ok()) return s;
  if (!body.is_object() || !body.contains("version") || !body["version"].is_number_integer())
    return Status::invalid_field("version", "required");
  const int64_t version = body["version"].get<int64_t>();
  json rest = body;
  rest.erase("version");
  auto sections = parse_report_sections(rest);
  if (!sections.is_ok()) return sections.status();
  const std::string now = now_utc();
  const std::string sealed = store_.cipher().seal(sections->dump());
  auto c = store_.pool().acquire();
  IntegratedReport r{0, version + 1, "draft", sections.value(), "", now};
  try {
    sql::in_transaction(*c, [&] {
      auto existing = c->query("SELECT id, version FROM integrated_reports WHERE jobseeker_id = ? AND status = 'draft'",
                               {id});
      if (existing.empty()) {
        if (version != 0) throw StaleVersion{};
        r.id = c->query("INSERT INTO integrated_reports (jobseeker_id, version, status, sections, created_by, "
                        "created_at, updated_at) VALUES (?, 1, 'draft', ?, ?, ?, ?) RETURNING id",
                        {id, sealed, p.user_id, now, now})
                   .integer(0, 0);
      } else {
        r.id = existing.integer(0, 0);
        auto updated = c->query("UPDATE integrated_reports SET version = version + 1, sections = ?, updated_at = ? "
                                "WHERE id = ? AND version = ? RETURNING version",
                                {sealed, now, r.id, version});
        if (updated.empty()) throw StaleVersion{};
      }
      Store::append_audit(*c, dossiers_.entry(p, "report.save", id, std::to_string(r.id)));
    });
  } catch (const StaleVersion&) {
    return Status::conflict();
  }
  return r;
}

Result<IntegratedReport> IntegratedReportService::finalise(const Principal& p, int64_t id, const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, id, "report.finalise"); !s.is_ok()) return s;
  auto version = expected_version(body);
  if (!version.is_ok()) return version.status();
  auto drafts = load(id, "draft");
  if (drafts.empty()) return Status::invalid_field("sections", "required");
  const IntegratedReport& draft = drafts.front();
  if (draft.version != *version) return Status::conflict();
  if (auto s = check_report_final(draft.sections); !s.is_ok()) return s;
  const std::string now = now_utc(), today = today_utc();
  IntegratedReport final{0, 1, "final", draft.sections, today, now};
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    final.id = c->query("INSERT INTO integrated_reports (jobseeker_id, version, status, sections, finalised_on, "
                        "created_by, created_at, updated_at) VALUES (?, 1, 'final', ?, ?, ?, ?, ?) RETURNING id",
                        {id, store_.cipher().seal(draft.sections.dump()), today, p.user_id, now, now})
                   .integer(0, 0);
    Store::append_audit(*c, dossiers_.entry(p, "report.finalise", id, std::to_string(final.id)));
  });
  return final;
}

Result<std::vector<IntegratedReport>> IntegratedReportService::finals(const Principal& p, int64_t id) {
  if (auto s = dossiers_.authorize(p, Action::kReadDossier, id, "report.read"); !s.is_ok()) return s;
  return load(id, "final");
}

Result<IntegratedReport> IntegratedReportService::final_version(const Principal& p, int64_t id, int64_t report_id) {
  if (auto s = dossiers_.authorize(p, Action::kReadDossier, id, "report.read"); !s.is_ok()) return s;
  for (auto& r : load(id, "final"))
    if (r.id == report_id) {
      store_.audit(dossiers_.entry(p, "report.read", id, std::to_string(r.id)));
      return r;
    }
  return Status::not_found();
}

}  // namespace spiraal
