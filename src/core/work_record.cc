#include "core/work_record.h"

#include "core/application.h"
#include "core/job_target.h"
#include "core/mindmap.h"
#include "core/work_start.h"

namespace spiraal {

using nlohmann::json;

const std::vector<WorkRecordKind>& work_record_kinds() {
  static const std::vector<WorkRecordKind> kinds = {
      {"situation", "situations", "", false, false},
      {"competence_decision", "competence-decisions", "", false, false},
      {"work_experience", "work-experiences", "", false, false},
      {"business_card", "business-card", "", true, false},
      {"work_profile", "work-profile", "", true, false},
      {"job_target", "job-targets", "", false, false},
      {"placement", "placements", "job_target", false, false},
      {"application", "applications", "", false, false},
      {"work_start", "work-starts", "application", false, false},
      {"aftercare_contact", "aftercare-contacts", "work_start", false, false},
      {"absence_signal", "absence-signals", "work_start", false, false},
      {"disclosure", "disclosures", "work_start", false, false},
      {"sustainability_check", "sustainability-checks", "work_start", false, true},
  };
  return kinds;
}

const WorkRecordKind* find_work_record_kind(const std::string& name) {
  for (const auto& k : work_record_kinds())
    if (k.name == name || k.collection == name) return &k;
  return nullptr;
}

Result<WorkRecordContent> content_or_errors(FieldErrors errors, WorkRecordContent out) {
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return out;
}

Result<WorkRecordContent> parse_work_record(const WorkRecordKind& kind, const json& body, const std::string& today) {
  using Parser = Result<WorkRecordContent> (*)(const json&, const std::string&);
  static const std::vector<std::pair<std::string, Parser>> parsers = {
      {"situation", parse_situation},
      {"competence_decision", parse_competence_decision},
      {"work_experience", parse_work_experience},
      {"business_card", parse_business_card},
      {"work_profile", parse_work_profile},
      {"job_target", parse_job_target},
      {"placement", parse_placement},
      {"application", parse_application},
      {"work_start", parse_work_start},
      {"aftercare_contact", parse_aftercare_contact},
      {"absence_signal", parse_absence_signal},
      {"disclosure", parse_disclosure},
      {"sustainability_check", parse_sustainability_check},
  };
  for (const auto& [name, parse] : parsers)
    if (name == kind.name) return parse(body, today);
  return Status::not_found();
}

json to_json(const WorkRecord& r) {
  json out = r.content;
  out["id"] = r.id;
  out["jobseeker_id"] = r.jobseeker_id;
  out["record_kind"] = r.kind;  // the content may have its own "kind" (a situation's, a start's)
  out["version"] = r.version;
  out["status"] = r.status;
  out["due_on"] = r.due_on;
  out["created_at"] = r.created_at;
  out["updated_at"] = r.updated_at;
  return out;
}

}  // namespace spiraal
