#pragma once
// The person's voice (seed 001): participation is voluntary, the person
// owns the plan, gives feedback on contacts, and can ask for a different
// counsellor. Feedback is one short answer per contact to "Hoe was dit
// contact voor jou?"; a request for another counsellor is tracked until a
// coordinator of the team grants or refuses it, always with a reason.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace spiraal {

inline constexpr size_t kMaxFeedbackText = 500;
inline constexpr int kMinFeedbackRating = 1;
inline constexpr int kMaxFeedbackRating = 4;

struct ContactFeedback {
  int64_t id = 0;
  int64_t jobseeker_id = 0;
  int64_t contact_id = 0;
  int rating = 0;       // 1 not good .. 4 very good (labels in the catalogs)
  std::string text;     // optional, at most 500 characters; sealed
  std::string channel;  // handed_screen: the person typed it | told_coach: the coach wrote it down | portal
  int64_t recorded_by = 0;  // the user whose session entered it
  std::string created_at;
};

// {rating, text?, channel?}: rating 1..4, text at most 500 characters.
Result<ContactFeedback> parse_contact_feedback(const nlohmann::json& body);
nlohmann::json to_json(const ContactFeedback& f);

struct CounsellorRequest {
  int64_t id = 0;
  int64_t jobseeker_id = 0;
  int64_t version = 0;
  std::string status = "open";  // open | granted | refused
  std::string reason;           // the person's own words; may be empty (no justification needed)
  std::string requested_on;
  std::optional<int64_t> from_coach_id;  // the anchor person at the time of asking
  int64_t recorded_by = 0;
  std::string answer_reason;             // sealed
  std::optional<int64_t> new_coach_id;   // when granted
  std::optional<int64_t> answered_by;
  std::string answered_on;
};

// {reason?, requested_on?}: the reason may be left out.
Result<CounsellorRequest> parse_counsellor_request(const nlohmann::json& body, const std::string& today);
// {decision: granted|refused, reason, new_coach_id (when granted)}: an open
// request only; the reason is required either way.
Status apply_counsellor_answer(CounsellorRequest& r, const nlohmann::json& body, int64_t answered_by,
                               const std::string& today);
nlohmann::json to_json(const CounsellorRequest& r);

}  // namespace spiraal
