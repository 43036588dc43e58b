#include "core/selection.h"

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/field_reader.h"
#include "core/text.h"
#include "core/vocabulary.h"

namespace spiraal {

using nlohmann::json;

// --- Referral ---------------------------------------------------------------

json to_json(const Referral& r) {
  return {{"id", r.id},
          {"jobseeker_id", r.jobseeker_id},
          {"jobseeker_name", r.jobseeker_name},
          {"version", r.version},
          {"referrer_kind", r.referrer_kind},
          {"referrer_organisation", r.referrer_organisation},
          {"referrer_person", r.referrer_person},
          {"referred_on", r.referred_on},
          {"reason", r.reason},
          {"warm_handover", r.warm_handover},
          {"warm_handover_on", r.warm_handover_on},
          {"status", r.status},
          {"created_at", r.created_at}};
}

FieldErrors apply_patch(Referral& r, const json& body, const std::string& today,
                        const std::set<std::string>& allowed_extra) {
  FieldErrors errors;
  if (!body.is_object()) return {{"", "type_object"}};
  for (const auto& [key, v] : body.items()) {
    if (key == "referrer_kind") {
      if (!v.is_string() || !Vocabulary::get().allows("referrer_kind", v.get<std::string>()))
        errors.push_back({key, "choice"});
      else
        r.referrer_kind = v.get<std::string>();
    } else if (key == "referrer_organisation" || key == "referrer_person") {
      read_text(v, key, 200, key == "referrer_person" ? r.referrer_person : r.referrer_organisation, errors);
    } else if (key == "referred_on") {
      read_past_date(v, key, today, r.referred_on, errors);
    } else if (key == "warm_handover_on") {
      read_past_date(v, key, today, r.warm_handover_on, errors);
    } else if (key == "reason") {
      read_text(v, key, kMaxMotivation, r.reason, errors);
    } else if (key == "warm_handover") {
      read_bool(v, key, r.warm_handover, errors);
    } else if (key != "version" && !allowed_extra.count(key)) {
      errors.push_back({key, "unknown_field"});
    }
  }
  return errors;
}

FieldErrors validate(const Referral& r) {
  FieldErrors errors;
  if (r.referrer_kind.empty()) errors.push_back({"referrer_kind", "required"});
  if (r.referrer_organisation.empty()) errors.push_back({"referrer_organisation", "required"});
  if (r.referred_on.empty()) errors.push_back({"referred_on", "required"});
  if (r.reason.empty()) errors.push_back({"reason", "required"});
  if (!r.warm_handover && !r.warm_handover_on.empty()) errors.push_back({"warm_handover_on", "only_with_handover"});
  if (!r.warm_handover_on.empty() && !r.referred_on.empty() && r.warm_handover_on < r.referred_on)
    errors.push_back({"warm_handover_on", "before_referral"});
  return errors;
}

// --- Screening --------------------------------------------------------------

json to_json(const Screening& s) {
  json conditions = json::object();
  for (const auto& code : Vocabulary::get().codes("participation_condition")) {
    auto it = s.conditions.find(code);
    ParticipationCondition c = it == s.conditions.end() ? ParticipationCondition{} : it->second;
    conditions[code] = {{"met", c.met}, {"motivation", c.motivation}};
  }
  return {{"jobseeker_id", s.jobseeker_id},
          {"version", s.version},
          {"screened_on", s.screened_on},
          {"indicators", s.indicators},
          {"counted_rubrics", s.result.counted_rubrics},
          {"probably_in_poverty", s.result.probably_in_poverty},
          {"conditions", conditions},
          {"mmpp",
           {{"present", s.mmpp.present},
            {"service", s.mmpp.service},
            {"consent", s.mmpp.consent},
            {"consent_on", s.mmpp.consent_on},
            {"warm_handover", s.mmpp.warm_handover}}},
          {"outcome", s.outcome},
          {"outcome_reason", s.outcome_reason},
          {"outcome_on", s.outcome_on},
          {"updated_at", s.updated_at}};
}

FieldErrors apply_patch(Screening& s, const json& body, const std::string& today) {
  FieldErrors errors;
  if (!body.is_object()) return {{"", "type_object"}};
  for (const auto& [key, v] : body.items()) {
    if (key == "version") continue;
    if (key == "screened_on") {
      read_past_date(v, key, today, s.screened_on, errors);
    } else if (key == "indicators") {
      if (!v.is_array()) {
        errors.push_back({key, "type_list"});
        continue;
      }
      std::set<std::string> codes;
      for (const auto& item : v) {
        if (!item.is_string()) errors.push_back({key, "type_text"});
        else codes.insert(item.get<std::string>());
      }
      auto result = evaluate_knipperlichten(codes);
      if (!result.is_ok()) {
        const auto& more = result.status().fields();
        errors.insert(errors.end(), more.begin(), more.end());
      } else {
        s.indicators = std::move(codes);
        s.result = result.value();
      }
    } else if (key == "conditions") {
      if (!v.is_object()) {
        errors.push_back({key, "type_object"});
        continue;
      }
      for (const auto& [code, c] : v.items()) {
        std::string base = "conditions." + code;
        if (!Vocabulary::get().allows("participation_condition", code)) {
          errors.push_back({base, "unknown_field"});
          continue;
        }
        if (!c.is_object()) {
          errors.push_back({base, "type_object"});
          continue;
        }
        ParticipationCondition pc = s.conditions[code];
        for (const auto& [ck, cv] : c.items()) {
          if (ck == "met") read_bool(cv, base + ".met", pc.met, errors);
          else if (ck == "motivation") read_text(cv, base + ".motivation", kMaxMotivation, pc.motivation, errors);
          else errors.push_back({base + "." + ck, "unknown_field"});
        }
        s.conditions[code] = pc;
      }
    } else if (key == "mmpp") {
      if (!v.is_object()) {
        errors.push_back({key, "type_object"});
        continue;
      }
      for (const auto& [mk, mv] : v.items()) {
        std::string f = "mmpp." + mk;
        if (mk == "present") read_bool(mv, f, s.mmpp.present, errors);
        else if (mk == "consent") read_bool(mv, f, s.mmpp.consent, errors);
        else if (mk == "warm_handover") read_bool(mv, f, s.mmpp.warm_handover, errors);
        else if (mk == "service") read_text(mv, f, 200, s.mmpp.service, errors);
        else if (mk == "consent_on") read_past_date(mv, f, today, s.mmpp.consent_on, errors);
        else errors.push_back({f, "unknown_field"});
      }
    } else {
      errors.push_back({key, "unknown_field"});
    }
  }
  // A referral to another service is only recorded with consent.
  if (!s.mmpp.service.empty() && !s.mmpp.consent) errors.push_back({"mmpp.consent", "consent_required"});
  if (s.mmpp.consent && s.mmpp.consent_on.empty()) errors.push_back({"mmpp.consent_on", "required"});
  if (!s.mmpp.service.empty() && !s.mmpp.present) errors.push_back({"mmpp.present", "required"});
  if (s.screened_on.empty()) s.screened_on = today;
  return errors;
}

FieldErrors check_outcome(const Screening& s, const std::string& outcome, const std::string& reason,
                          const std::string& decided_on, const std::string& today) {
  FieldErrors errors;
  if (!Vocabulary::get().allows("screening_outcome", outcome))
    errors.push_back({"outcome", outcome.empty() ? "required" : "choice"});
  if (trim(reason).empty()) errors.push_back({"reason", "required"});
  else if (!is_clean_text(reason) || utf8_length(reason) > kMaxMotivation) errors.push_back({"reason", "text_invalid"});
  if (decided_on.empty()) errors.push_back({"decided_on", "required"});
  else if (!is_iso_date(decided_on)) errors.push_back({"decided_on", "date"});
  else if (decided_on > today) errors.push_back({"decided_on", "date_in_future"});
  if (!s.outcome.empty()) errors.push_back({"outcome", "already_decided"});
  if (outcome == "included") {
    for (const auto& code : Vocabulary::get().codes("participation_condition")) {
      auto it = s.conditions.find(code);
      if (it == s.conditions.end() || !it->second.met) errors.push_back({"conditions." + code, "condition_not_met"});
      else if (it->second.motivation.empty()) errors.push_back({"conditions." + code + ".motivation", "required"});
    }
  }
  if (outcome == "referred_elsewhere" && s.mmpp.present && !s.mmpp.consent)
    errors.push_back({"mmpp.consent", "consent_required"});
  return errors;
}

// --- Crisis -----------------------------------------------------------------

json to_json(const Crisis& c) {
  return {{"id", c.id},          {"jobseeker_id", c.jobseeker_id}, {"version", c.version},
          {"cause", c.cause},    {"started_on", c.started_on},     {"ended_on", c.ended_on},
          {"open", c.open()},    {"created_at", c.created_at}};
}

FieldErrors apply_patch(Crisis& c, const json& body, const std::string& today) {
  FieldErrors errors;
  if (!body.is_object()) return {{"", "type_object"}};
  for (const auto& [key, v] : body.items()) {
    if (key == "version") continue;
    if (key == "cause") read_text(v, key, kMaxMotivation, c.cause, errors);
    else if (key == "started_on") read_past_date(v, key, today, c.started_on, errors);
    else if (key == "ended_on") read_past_date(v, key, today, c.ended_on, errors);
    else errors.push_back({key, "unknown_field"});
  }
  return errors;
}

FieldErrors validate(const Crisis& c) {
  FieldErrors errors;
  if (c.cause.empty()) errors.push_back({"cause", "required"});
  if (c.started_on.empty()) errors.push_back({"started_on", "required"});
  if (!c.ended_on.empty() && !c.started_on.empty() && c.ended_on < c.started_on)
    errors.push_back({"ended_on", "before_start"});
  return errors;
}

}  // namespace spiraal
