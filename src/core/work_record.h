#pragma once
// The records of cycles 1–3 on the road to work (handbook ch. 4 §3–4 and
// ch. 5): the mindmap of competences, the competence maps, the work profile,
// job targets and exploration placements, applications through the 8 steps,
// starts in work or training with the welfare checklist, aftercare, the
// employer's absence signals, and the sustainability follow-ups.
//
// Each is a versioned JSON document in the dossier. This file names the
// kinds and dispatches validation to the concept that owns the rules
// (mindmap.h, job_target.h, application.h, work_start.h).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace spiraal {

struct WorkRecordKind {
  std::string name;        // e.g. "job_target": the type in the store and in audit names
  std::string collection;  // e.g. "job-targets": the path segment in routes
  std::string parent;      // the kind a record hangs under ("" for none); named in the body as <parent>_id
  bool single = false;     // one per dossier (work profile, business card)
  bool created_by_system = false;  // follow-ups the start creates: update only
};

// Every kind, in the order of the road to work.
const std::vector<WorkRecordKind>& work_record_kinds();
// The kind with `name` or `collection`, or nullptr.
const WorkRecordKind* find_work_record_kind(const std::string& name_or_collection);

// A validated record: its normalised content plus the columns the store
// indexes. `status` is the kind's own state (e.g. "open", "done"); `due_on`
// the day it needs attention, if any.
struct WorkRecordContent {
  nlohmann::json content = nlohmann::json::object();
  std::string status;
  std::string due_on;
  std::optional<int64_t> parent_id;
};

// Validates a create or update body of `kind` (without `version`, which the
// caller reads). All field errors come back at once.
Result<WorkRecordContent> parse_work_record(const WorkRecordKind& kind, const nlohmann::json& body,
                                            const std::string& today);

// `out` when `errors` is empty, else the errors: the last line of a parser.
Result<WorkRecordContent> content_or_errors(FieldErrors errors, WorkRecordContent out);

// A stored record, as the service returns it.
struct WorkRecord {
  int64_t id = 0;
  int64_t jobseeker_id = 0;
  std::string kind;
  int64_t version = 0;
  std::optional<int64_t> parent_id;
  std::string status, due_on;
  nlohmann::json content;
  std::string created_at, updated_at;
};
nlohmann::json to_json(const WorkRecord& r);

}  // namespace spiraal
