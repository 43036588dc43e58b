#include "core/voice.h"

#include "core/field_reader.h"

namespace spiraal {

using nlohmann::json;

namespace {

json opt(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }

}  // namespace

Result<ContactFeedback> parse_contact_feedback(const json& body) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"rating", "text", "channel"});
  ContactFeedback f;
  auto rating = r.integer("rating", kMinFeedbackRating, kMaxFeedbackRating, true);
  f.text = r.text("text", kMaxFeedbackText);
  f.channel = r.choice("channel", {"handed_screen", "told_coach", "portal"});
  if (f.channel.empty()) f.channel = "handed_screen";
  if (!errors.empty()) return Status::invalid(std::move(errors));
  f.rating = int(*rating);
  return f;
}

json to_json(const ContactFeedback& f) {
  return {{"id", f.id},         {"jobseeker_id", f.jobseeker_id}, {"contact_id", f.contact_id},
          {"rating", f.rating}, {"text", f.text},                 {"channel", f.channel},
          {"recorded_by", f.recorded_by}, {"created_at", f.created_at}};
}

Result<CounsellorRequest> parse_counsellor_request(const json& body, const std::string& today) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"reason", "requested_on"});
  CounsellorRequest q;
  q.reason = r.text("reason", 1000);
  q.requested_on = r.date("requested_on", false, today);
  if (q.requested_on.empty()) q.requested_on = today;
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return q;
}

Status apply_counsellor_answer(CounsellorRequest& q, const json& body, int64_t answered_by, const std::string& today) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"decision", "reason", "new_coach_id"});
  if (q.status != "open") r.fail("status", "request_answered");
  std::string decision = r.choice("decision", {"granted", "refused"}, true);
  std::string reason = r.text("reason", 1000, true);
  auto coach = r.integer("new_coach_id", 1, INT64_MAX);
  if (decision == "granted" && !coach && r.member("new_coach_id").is_null()) r.fail("new_coach_id", "required");
  if (decision == "granted" && coach && q.from_coach_id == coach) r.fail("new_coach_id", "same_coach");
  if (decision == "refused" && coach) r.fail("new_coach_id", "not_when_refused");
  if (!errors.empty()) return Status::invalid(std::move(errors));
  q.status = decision;
  q.answer_reason = reason;
  q.new_coach_id = coach;
  q.answered_by = answered_by;
  q.answered_on = today;
  return Status::ok();
}

json to_json(const CounsellorRequest& q) {
  return {{"id", q.id},
          {"jobseeker_id", q.jobseeker_id},
          {"version", q.version},
          {"status", q.status},
          {"reason", q.reason},
          {"requested_on", q.requested_on},
          {"from_coach_id", opt(q.from_coach_id)},
          {"recorded_by", q.recorded_by},
          {"answer_reason", q.answer_reason},
          {"new_coach_id", opt(q.new_coach_id)},
          {"answered_by", opt(q.answered_by)},
          {"answered_on", q.answered_on}};
}

}  // namespace spiraal
