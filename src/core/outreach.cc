#include "core/outreach.h"

#include "core/field_reader.h"
#include "core/vocabulary.h"

namespace spiraal {

using nlohmann::json;

namespace {

// A code of a vocabulary list; records "choice" for anything else.
std::string vocab_choice(ObjectReader& r, const char* key, const char* list, bool required = false) {
  std::string code = r.text(key, 60, required);
  if (!code.empty() && !Vocabulary::get().allows(list, code)) {
    r.fail(key, "choice");
    return {};
  }
  return code;
}

template <typename T>
Result<T> or_errors(FieldErrors errors, T out) {
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return out;
}

json optional_id(const std::optional<int64_t>& v) { return v ? json(*v) : json(); }

}  // namespace

json sealed_content(const OutreachPerson& p) {
  return {{"name", p.name},
          {"pseudonym", p.pseudonym},
          {"consent_on", p.consent_on},
          {"notes", p.notes},
          {"answers", to_json(p.answers)}};
}

void apply_sealed_content(OutreachPerson& p, const json& content) {
  p.name = content.value("name", "");
  p.pseudonym = content.value("pseudonym", false);
  p.consent_on = content.value("consent_on", "");
  p.notes = content.value("notes", "");
  FieldErrors ignored;
  p.answers = segment_answers_from_json(content.value("answers", json::object()), ignored);
}

json to_json(const OutreachPerson& p) {
  json out = sealed_content(p);
  out.update({{"id", p.id},
              {"version", p.version},
              {"toeleider_id", p.toeleider_id},
              {"organisation_id", optional_id(p.organisation_id)},
              {"phase", p.phase},
              {"segment", p.segment ? json(*p.segment) : json()},
              {"segment_on", p.segment_on},
              {"primary_target", p.segment && primary_target(*p.segment)},
              {"channel", p.channel},
              {"find_place", p.find_place},
              {"referred_by", p.referred_by},
              {"region", p.region},
              {"first_contact_on", p.first_contact_on},
              {"handed_over", p.jobseeker_id.has_value()},
              {"history_shared_on", p.history_shared_on},
              {"created_at", p.created_at}});
  return out;
}

json to_json(const OutreachEvent& e) {
  return {{"id", e.id},         {"kind", e.kind},           {"occurred_on", e.occurred_on},
          {"content", e.content}, {"created_by", e.created_by}, {"created_at", e.created_at}};
}

json to_json(const Handover& h) {
  return {{"consent_on", h.consent_on},
          {"team_id", h.team_id},
          {"handed_over_on", h.handed_over_on},
          {"joint_date", h.joint_date},
          {"toeleider_attends", h.toeleider_attends},
          {"open_conditions", h.open_conditions},
          {"share_history", h.share_history},
          {"reason", h.reason}};
}

Result<OutreachPerson> parse_outreach_person(const json& body, const std::string& today) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"name", "pseudonym", "consent_on", "channel", "find_place", "referred_by", "region",
                    "first_contact_on", "notes"});
  OutreachPerson p;
  p.name = r.text("name", kMaxOutreachName, true);
  p.pseudonym = r.flag("pseudonym");
  p.consent_on = r.date("consent_on", true, today);
  p.channel = vocab_choice(r, "channel", "reach_channel", true);
  p.find_place = vocab_choice(r, "find_place", "find_place");
  p.referred_by = r.text("referred_by", 200);
  if (p.channel == "direct" && p.find_place.empty()) r.fail("find_place", "required");
  if (p.channel == "partner_referral" && p.referred_by.empty()) r.fail("referred_by", "required");
  if (p.channel != "direct") p.find_place.clear();
  if (p.channel != "partner_referral") p.referred_by.clear();
  p.region = r.text("region", 100);
  p.first_contact_on = r.date("first_contact_on", false, today);
  if (p.first_contact_on.empty()) p.first_contact_on = today;
  p.notes = r.text("notes", kMaxOutreachNote);
  return or_errors(std::move(errors), std::move(p));
}

Result<OutreachEvent> parse_outreach_contact(const json& body, const std::string& today) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"contacted_on", "channel", "note"});
  OutreachEvent e;
  e.kind = "contact";
  e.occurred_on = r.date("contacted_on", true, today);
  e.content = {{"channel", vocab_choice(r, "channel", "contact_channel", true)},
               {"note", r.text("note", kMaxOutreachNote)}};
  return or_errors(std::move(errors), std::move(e));
}

Result<OutreachEvent> parse_outreach_move(const OutreachPerson& p, const std::string& last_moved_on, const json& body,
                                          const std::string& today) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"to_phase", "moved_on", "reason", "closing"});
  std::string to = vocab_choice(r, "to_phase", "outreach_phase", true);
  std::string on = r.date("moved_on", true, today);
  std::string reason = r.text("reason", kMaxOutreachNote, true);
  std::string closing = vocab_choice(r, "closing", "outreach_closing");
  if (!to.empty()) {
    if (to == p.phase) r.fail("to_phase", "same_state");
    else if (to == "handover") r.fail("to_phase", "use_handover");
    else if (to == "follow_up" && !p.jobseeker_id) r.fail("to_phase", "handover_first");
    if (to == "closed" && closing.empty()) r.fail("closing", "required");
  }
  if (to != "closed") closing.clear();
  if (!on.empty() && !last_moved_on.empty() && on < last_moved_on) r.fail("moved_on", "before_last_move");
  OutreachEvent e;
  e.kind = "phase";
  e.occurred_on = on;
  e.content = {{"from", p.phase}, {"to", to}, {"reason", reason}, {"closing", closing}};
  return or_errors(std::move(errors), std::move(e));
}

Result<OutreachEvent> parse_segment_decision(const json& body, const std::string& today) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"work_ready", "registered", "known_elsewhere", "served_last_two_years", "decided_on"});
  SegmentAnswers a = segment_answers_from_json(body, errors);
  std::string on = r.date("decided_on", false, today);
  if (on.empty()) on = today;
  if (!errors.empty()) return Status::invalid(std::move(errors));
  auto segment = decide_segment(a);
  if (!segment.is_ok()) return segment.status();
  OutreachEvent e;
  e.kind = "segment";
  e.occurred_on = on;
  e.content = {{"segment", *segment}, {"answers", to_json(a)}};
  return e;
}

Result<Handover> parse_handover(const OutreachPerson& p, const json& body, const std::string& today) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"consent", "consent_on", "team_id", "handed_over_on", "joint_date", "toeleider_attends",
                    "open_conditions", "share_history", "reason", "first_name", "last_name", "birth_date"});
  Handover h;
  if (!r.flag("consent")) r.fail("consent", "handover_consent");
  h.consent_on = r.date("consent_on", true, today);
  h.team_id = r.integer("team_id", 1, INT64_MAX, true).value_or(0);
  h.handed_over_on = r.date("handed_over_on", false, today);
  if (h.handed_over_on.empty()) h.handed_over_on = today;
  h.joint_date = r.date("joint_date", true);
  if (!h.joint_date.empty() && h.joint_date < h.handed_over_on) r.fail("joint_date", "before_handover");
  h.toeleider_attends = vocab_choice(r, "toeleider_attends", "toeleider_attendance", true);
  h.open_conditions = r.texts("open_conditions", 20, 60);
  for (const auto& code : h.open_conditions)
    if (!Vocabulary::get().allows("context_condition", code)) r.fail("open_conditions", "choice");
  h.share_history = r.flag("share_history");
  h.reason = r.text("reason", kMaxOutreachNote, true);
  if (p.phase == "closed") r.fail("", "outreach_closed");
  if (p.jobseeker_id) r.fail("", "already_handed_over");
  return or_errors(std::move(errors), std::move(h));
}

Result<OutreachEvent> parse_history_consent(const json& body, const std::string& today) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"shared", "on"});
  if (!r.has("shared")) r.fail("shared", "required");
  bool shared = r.flag("shared");
  std::string on = r.date("on", true, today);
  OutreachEvent e;
  e.kind = "history_consent";
  e.occurred_on = on;
  e.content = {{"shared", shared}};
  return or_errors(std::move(errors), std::move(e));
}

}  // namespace spiraal
