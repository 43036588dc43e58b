#include "store/structural_signal_service.h"

#include "core/clock.h"
#include "store/store_internal.h"

namespace spiraal {

using nlohmann::json;

namespace {

constexpr const char* kNoteColumns =
    "id, title, summary, category, from_on, to_on, region, content, status, finalised_on, version, created_at, "
    "updated_at";

PolicyNote note_from_row(const sql::Rows& r, size_t i) {
  PolicyNote n;
  n.id = r.integer(i, 0);
  n.title = r.text(i, 1);
  n.summary = r.text(i, 2);
  n.selection = {r.text(i, 3), r.text(i, 4), r.text(i, 5), r.text(i, 6)};
  n.content = json::parse(r.text(i, 7));
  n.final = r.text(i, 8) == "final";
  n.finalised_on = r.text(i, 9);
  n.version = r.integer(i, 10);
  n.created_at = r.text(i, 11);
  n.updated_at = r.text(i, 12);
  return n;
}

}  // namespace

AuditEntry StructuralSignalService::note_entry(const Principal& p, const char* action, int64_t note_id) const {
  return {p.user_id, p.username, action, std::nullopt, "policy_note " + std::to_string(note_id)};
}

Result<StructuralSignal> StructuralSignalService::flag(const Principal& p, int64_t jobseeker_id, const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, jobseeker_id, "structural_signal.create"); !s.is_ok())
    return s;
  auto j = store_.jobseeker(jobseeker_id);
  if (!j.is_ok()) return j.status();
  auto parsed = parse_structural_signal(body, {j->first_name, j->last_name}, today_utc());
  if (!parsed.is_ok()) return parsed.status();
  StructuralSignal s = parsed.value();
  s.jobseeker_id = jobseeker_id;
  s.version = 1;
  s.created_at = now_utc();
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    auto team = c->query("SELECT COALESCE(t.name, '') FROM jobseekers j LEFT JOIN teams t ON t.id = j.team_id "
                         "WHERE j.id = ?",
                         {jobseeker_id});
    s.region = team.empty() ? "" : team.text(0, 0);
    s.id = c->query("INSERT INTO structural_signals (jobseeker_id, region, category, description, signalled_on, "
                    "version, created_by, created_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
                    {jobseeker_id, s.region, s.category, store_.cipher().seal(s.description), s.signalled_on,
                     p.user_id, s.created_at})
               .integer(0, 0);
    Store::append_audit(*c, dossiers_.entry(p, "structural_signal.create", jobseeker_id, s.category));
  });
  return s;
}

Result<std::vector<StructuralSignal>> StructuralSignalService::list(const Principal& p, int64_t jobseeker_id) {
  if (auto s = dossiers_.authorize(p, Action::kReadDossier, jobseeker_id, "structural_signal.list"); !s.is_ok())
    return s;
  std::vector<StructuralSignal> out;
  {
    auto c = store_.pool().acquire();
    auto r = c->query("SELECT id, jobseeker_id, region, category, description, signalled_on, version, created_at "
                      "FROM structural_signals WHERE jobseeker_id = ? ORDER BY signalled_on DESC, id DESC",
                      {jobseeker_id});
    for (size_t i = 0; i < r.size(); ++i)
      out.push_back({r.integer(i, 0), r.integer(i, 1), r.text(i, 2), r.text(i, 3),
                     store_.cipher().open(r.text(i, 4)), r.text(i, 5), r.integer(i, 6), r.text(i, 7)});
  }
  store_.audit(dossiers_.entry(p, "structural_signal.list", jobseeker_id));
  return out;
}

std::vector<SignalFact> StructuralSignalService::facts() {
  auto c = store_.pool().acquire();
  auto r = c->query("SELECT category, region, signalled_on, description FROM structural_signals", {});
  std::vector<SignalFact> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2), store_.cipher().open(r.text(i, 3))});
  return out;
}

Result<json> StructuralSignalService::counts(const Principal& p, const SignalSelection& s, const std::string& period) {
  if (!allowed(p, Action::kBundleSignals)) return Status::forbidden();
  if (period != "month" && period != "quarter") return Status::invalid_field("period", "choice");
  json out = signal_counts(facts(), s, period);
  store_.audit({p.user_id, p.username, "structural_signal.counts", std::nullopt,
                period + " " + s.from + ".." + s.to + " " + s.region + " " + s.category});
  return out;
}

std::optional<PolicyNote> StructuralSignalService::load_note(int64_t note_id) {
  auto r = store_.pool().acquire()->query(std::string("SELECT ") + kNoteColumns + " FROM policy_notes WHERE id = ?",
                                          {note_id});
  if (r.empty()) return std::nullopt;
  return note_from_row(r, 0);
}

Result<std::vector<PolicyNote>> StructuralSignalService::notes(const Principal& p) {
  if (!allowed(p, Action::kBundleSignals)) return Status::forbidden();
  std::vector<PolicyNote> out;
  {
    auto r = store_.pool().acquire()->query(
        std::string("SELECT ") + kNoteColumns + " FROM policy_notes ORDER BY id DESC", {});
    for (size_t i = 0; i < r.size(); ++i) out.push_back(note_from_row(r, i));
  }
  store_.audit({p.user_id, p.username, "policy_note.list", std::nullopt, ""});
  return out;
}

Result<PolicyNote> StructuralSignalService::note(const Principal& p, int64_t note_id) {
  if (!allowed(p, Action::kBundleSignals)) return Status::forbidden();
  auto n = load_note(note_id);
  if (!n) return Status::not_found();
  store_.audit(note_entry(p, "policy_note.read", note_id));
  return *n;
}

Result<PolicyNote> StructuralSignalService::create_note(const Principal& p, const json& body) {
  if (!allowed(p, Action::kBundleSignals)) return Status::forbidden();
  auto parsed = parse_policy_note(body, false);
  if (!parsed.is_ok()) return parsed.status();
  PolicyNote n = parsed.value();
  n.content = note_content(facts(), n.selection);
  n.version = 1;
  n.created_at = n.updated_at = now_utc();
  const auto& s = n.selection;
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    n.id = c->query("INSERT INTO policy_notes (title, summary, category, from_on, to_on, region, content, status, "
                    "finalised_on, version, created_by, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, 'draft', '', 1, ?, ?, ?) RETURNING id",
                    {n.title, n.summary, s.category, s.from, s.to, s.region, n.content.dump(), p.user_id,
                     n.created_at, n.updated_at})
               .integer(0, 0);
    Store::append_audit(*c, note_entry(p, "policy_note.create", n.id));
  });
  return n;
}

Result<PolicyNote> StructuralSignalService::update_note(const Principal& p, int64_t note_id, const json& body) {
  if (!allowed(p, Action::kBundleSignals)) return Status::forbidden();
  auto version = expected_version(body);
  auto parsed = parse_policy_note(body, true);
  FieldErrors errors = parsed.status().fields();
  if (!version.is_ok()) errors.insert(errors.end(), version.status().fields().begin(), version.status().fields().end());
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return update_draft(p, note_id, "policy_note.update", "title = ?, summary = ?", {parsed->title, parsed->summary},
                      version.value());
}

Result<PolicyNote> StructuralSignalService::finalise_note(const Principal& p, int64_t note_id, const json& body) {
  if (!allowed(p, Action::kBundleSignals)) return Status::forbidden();
  auto version = expected_version(body);
  if (!version.is_ok()) return version.status();
  return update_draft(p, note_id, "policy_note.finalise", "status = 'final', finalised_on = ?", {today_utc()},
                      version.value());
}

Result<PolicyNote> StructuralSignalService::update_draft(const Principal& p, int64_t note_id, const char* action,
                                                         const std::string& set, sql::Params params, int64_t version) {
  auto current = load_note(note_id);
  if (!current) return Status::not_found();
  if (current->final) return Status::conflict("note_final");
  params.insert(params.end(), {now_utc(), note_id, version});
  bool stale = false;
  {
    auto c = store_.pool().acquire();
    sql::in_transaction(*c, [&] {
      stale = c->query("UPDATE policy_notes SET " + set + ", version = version + 1, updated_at = ? "
                       "WHERE id = ? AND version = ? AND status = 'draft' RETURNING id", params)
                  .empty();
      if (!stale) Store::append_audit(*c, note_entry(p, action, note_id));
    });
  }  // the connection goes back before the note is read again
  if (stale) return Status::conflict();
  return *load_note(note_id);
}

std::vector<std::string> StructuralSignalService::regions() {
  auto r = store_.pool().acquire()->query(
      "SELECT DISTINCT region FROM structural_signals WHERE region <> '' ORDER BY region", {});
  std::vector<std::string> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(r.text(i, 0));
  return out;
}

}  // namespace spiraal
