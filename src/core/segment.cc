#include "core/segment.h"

#include "core/field_reader.h"

namespace spiraal {

using nlohmann::json;

Result<int> decide_segment(const SegmentAnswers& a) {
  if (!a.work_ready) return Status::invalid_field("work_ready", "required");
  if (!*a.work_ready) return 5;
  if (!a.registered) return Status::invalid_field("registered", "required");
  if (!*a.registered) {
    if (!a.known_elsewhere) return Status::invalid_field("known_elsewhere", "required");
    return *a.known_elsewhere ? 2 : 1;
  }
  if (!a.served_last_two_years) return Status::invalid_field("served_last_two_years", "required");
  return *a.served_last_two_years ? 4 : 3;
}

namespace {

json answer(const std::optional<bool>& b) { return b ? json(*b) : json(); }

std::optional<bool> read_answer(const json& body, const char* key, FieldErrors& errors) {
  if (!body.is_object() || !body.contains(key) || body[key].is_null()) return std::nullopt;
  bool out = false;
  if (!read_bool(body[key], key, out, errors)) return std::nullopt;
  return out;
}

}  // namespace

json to_json(const SegmentAnswers& a) {
  return {{"work_ready", answer(a.work_ready)},
          {"registered", answer(a.registered)},
          {"known_elsewhere", answer(a.known_elsewhere)},
          {"served_last_two_years", answer(a.served_last_two_years)}};
}

SegmentAnswers segment_answers_from_json(const json& body, FieldErrors& errors) {
  return {read_answer(body, "work_ready", errors), read_answer(body, "registered", errors),
          read_answer(body, "known_elsewhere", errors), read_answer(body, "served_last_two_years", errors)};
}

}  // namespace spiraal
