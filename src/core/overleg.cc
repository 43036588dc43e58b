#include "core/overleg.h"

#include <algorithm>

#include "core/clock.h"
#include "core/field_reader.h"
#include "core/vocabulary.h"

namespace spiraal {

using nlohmann::json;

namespace {

void required_text(const json& body, const char* key, size_t max, std::string& out, FieldErrors& errors) {
  read_text(body.value(key, json()), key, max, out, errors);
  if (out.empty()) errors.push_back({key, "required"});
}

void date_field(const json& v, const std::string& field, std::string& out, FieldErrors& errors) {
  std::string s;
  if (read_text(v, field, 10, s, errors) && !s.empty()) {
    if (is_iso_date(s)) out = s;
    else errors.push_back({field, "date"});
  }
}


}  // namespace

json to_json(const Overleg& o) {
  json participants = json::array();
  for (const auto& p : o.participants)
    participants.push_back({{"name", p.name}, {"role", p.role},
                            {"organisation_id", p.organisation_id ? json(*p.organisation_id) : json(nullptr)},
                            {"attendance", p.attendance}});
  json themes = json::array();
  for (const auto& t : o.themes) {
    json agreements = json::array();
    for (const auto& a : t.agreements) agreements.push_back({{"text", a.text}, {"owner", a.owner}, {"due_on", a.due_on}});
    themes.push_back({{"theme", t.theme}, {"information", t.information}, {"agreements", agreements}});
  }
  return {{"id", o.id}, {"jobseeker_id", o.jobseeker_id}, {"version", o.version}, {"status", o.status},
          {"requested_by", o.requested_by}, {"reason", o.reason}, {"aim", o.aim}, {"requested_on", o.requested_on},
          {"consent_on", o.consent_on}, {"consent_withdrawn_on", o.consent_withdrawn_on}, {"planned_on", o.planned_on},
          {"participants", participants}, {"participation", o.participation},
          {"participation_reason", o.participation_reason}, {"themes", themes}, {"followup_on", o.followup_on},
          {"professional_secrecy", true}};
}

Overleg overleg_from_json(const json& d) {
  Overleg o;
  o.id = d.value("id", int64_t(0));
  o.jobseeker_id = d.value("jobseeker_id", int64_t(0));
  o.version = d.value("version", int64_t(0));
  for (auto [field, key] : std::initializer_list<std::pair<std::string*, const char*>>{
           {&o.status, "status"}, {&o.requested_by, "requested_by"}, {&o.reason, "reason"}, {&o.aim, "aim"},
           {&o.requested_on, "requested_on"}, {&o.consent_on, "consent_on"},
           {&o.consent_withdrawn_on, "consent_withdrawn_on"}, {&o.planned_on, "planned_on"},
           {&o.participation, "participation"}, {&o.participation_reason, "participation_reason"},
           {&o.followup_on, "followup_on"}})
    *field = d.value(key, "");
  for (const auto& p : d.value("participants", json::array()))
    o.participants.push_back({p.value("name", ""), p.value("role", ""),
                              p["organisation_id"].is_number_integer() ? std::optional<int64_t>(p["organisation_id"].get<int64_t>())
                                                                       : std::nullopt,
                              p.value("attendance", "unknown")});
  for (const auto& t : d.value("themes", json::array())) {
    OverlegTheme theme{t.value("theme", ""), t.value("information", ""), {}};
    for (const auto& a : t.value("agreements", json::array()))
      theme.agreements.push_back({a.value("text", ""), a.value("owner", ""), a.value("due_on", "")});
    o.themes.push_back(std::move(theme));
  }
  return o;
}

bool consent_in_force(const std::string& consent_on, const std::string& withdrawn_on) {
  return !consent_on.empty() && withdrawn_on.empty();
}

Status record_consent(std::string& consent_on, std::string& withdrawn_on, bool closed, const json& body,
                      const std::string& today) {
  if (!body.is_object()) return Status::invalid_field("", "type_object");
  FieldErrors errors;
  std::string on;
  if (body.contains("consent_on")) read_past_date(body["consent_on"], "consent_on", today, on, errors);
  if (closed) errors.push_back({"status", "overleg_closed"});
  if (!errors.empty()) return Status::invalid(std::move(errors));
  consent_on = on.empty() ? today : on;
  withdrawn_on.clear();
  return Status::ok();
}

Status withdraw_consent(const std::string& consent_on, std::string& withdrawn_on, const std::string& today) {
  if (!consent_in_force(consent_on, withdrawn_on)) return Status::conflict("consent_withdrawn");
  withdrawn_on = today;
  return Status::ok();
}

bool consent_in_force(const Overleg& o) { return consent_in_force(o.consent_on, o.consent_withdrawn_on); }

Result<Overleg> parse_overleg_request(const json& body, const std::string& today) {
  if (!body.is_object()) return Status::invalid_field("", "type_object");
  FieldErrors errors;
  Overleg o;
  required_text(body, "requested_by", 200, o.requested_by, errors);
  required_text(body, "reason", 2000, o.reason, errors);
  required_text(body, "aim", 2000, o.aim, errors);
  if (body.contains("requested_on")) read_past_date(body["requested_on"], "requested_on", today, o.requested_on, errors);
  if (o.requested_on.empty()) o.requested_on = today;
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return o;
}

Status apply_overleg_consent(Overleg& o, const json& body, const std::string& today) {
  return record_consent(o.consent_on, o.consent_withdrawn_on, o.status == "held" || o.status == "cancelled", body,
                        today);
}

Status apply_overleg_plan(Overleg& o, const json& body, const std::string& today) {
  if (!body.is_object()) return Status::invalid_field("", "type_object");
  FieldErrors errors;
  if (!consent_in_force(o)) errors.push_back({"consent_on", "consent_required"});
  if (o.status == "held" || o.status == "cancelled") errors.push_back({"status", "overleg_closed"});
  std::string planned;
  date_field(body.value("planned_on", json()), "planned_on", planned, errors);
  if (planned.empty()) errors.push_back({"planned_on", "required"});
  else if (planned < today) errors.push_back({"planned_on", "future_date"});
  std::vector<OverlegParticipant> people;
  const json& list = body.value("participants", json());
  if (!list.is_array() || list.size() > 30) {
    errors.push_back({"participants", "type_list"});
  } else {
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string at = "participants." + std::to_string(i);
      const json& p = list[i];
      if (!p.is_object()) {
        errors.push_back({at, "type_object"});
        continue;
      }
      OverlegParticipant person;
      read_text(p.value("name", json()), at + ".name", 200, person.name, errors);
      if (person.name.empty()) errors.push_back({at + ".name", "required"});
      read_choice(p.value("role", json()), at + ".role", {"jobseeker", "pivot", "coordinator", "support", "trusted"},
             person.role, errors);
      const json& org = p.value("organisation_id", json());
      if (org.is_number_integer() && org.get<int64_t>() > 0) person.organisation_id = org.get<int64_t>();
      else if (!org.is_null()) errors.push_back({at + ".organisation_id", "choice"});
      people.push_back(std::move(person));
    }
    auto count = [&](auto pred) { return std::count_if(people.begin(), people.end(), pred); };
    if (count([](const auto& p) { return p.role == "jobseeker"; }) != 1)
      errors.push_back({"participants", "overleg_needs_jobseeker"});
    if (count([](const auto& p) { return p.role == "support" || p.role == "coordinator"; }) < 2)
      errors.push_back({"participants", "overleg_needs_services"});
  }
  if (!errors.empty()) return Status::invalid(std::move(errors));
  o.planned_on = planned;
  o.participants = std::move(people);
  o.status = "planned";
  return Status::ok();
}

Status apply_overleg_report(Overleg& o, const json& body, const std::string& today) {
  if (!body.is_object()) return Status::invalid_field("", "type_object");
  FieldErrors errors;
  if (o.status != "planned") errors.push_back({"status", "overleg_not_planned"});
  if (!consent_in_force(o)) errors.push_back({"consent_on", "consent_required"});
  const json& attendance = body.value("attendance", json::array());
  if (!attendance.is_array() || attendance.size() != o.participants.size()) {
    errors.push_back({"attendance", "type_list"});
  } else {
    for (size_t i = 0; i < attendance.size(); ++i)
      read_choice(attendance[i], "attendance." + std::to_string(i), {"present", "absent", "excused"},
             o.participants[i].attendance, errors);
  }
  read_choice(body.value("participation", json()), "participation", {"whole", "part", "none"}, o.participation, errors);
  read_text(body.value("participation_reason", json()), "participation_reason", 1000, o.participation_reason, errors);
  if (o.participation != "whole" && o.participation_reason.empty())
    errors.push_back({"participation_reason", "required"});
  const auto& codes = Vocabulary::get().codes("social_theme");
  std::vector<OverlegTheme> themes;
  const json& list = body.value("themes", json::array());
  if (!list.is_array() || list.size() > codes.size()) {
    errors.push_back({"themes", "type_list"});
  } else {
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string at = "themes." + std::to_string(i);
      const json& t = list[i];
      if (!t.is_object()) {
        errors.push_back({at, "type_object"});
        continue;
      }
      OverlegTheme theme;
      const json& code = t.value("theme", json());
      if (code.is_string() && std::find(codes.begin(), codes.end(), code.get<std::string>()) != codes.end())
        theme.theme = code;
      else errors.push_back({at + ".theme", "choice"});
      read_text(t.value("information", json()), at + ".information", 4000, theme.information, errors);
      const json& agreements = t.value("agreements", json::array());
      if (!agreements.is_array() || agreements.size() > 20) {
        errors.push_back({at + ".agreements", "type_list"});
        continue;
      }
      for (size_t k = 0; k < agreements.size(); ++k) {
        const std::string ak = at + ".agreements." + std::to_string(k);
        OverlegAgreement a;
        read_text(agreements[k].value("text", json()), ak + ".text", 1000, a.text, errors);
        if (a.text.empty()) errors.push_back({ak + ".text", "required"});
        read_text(agreements[k].value("owner", json()), ak + ".owner", 200, a.owner, errors);
        if (a.owner.empty()) errors.push_back({ak + ".owner", "required"});
        date_field(agreements[k].value("due_on", json()), ak + ".due_on", a.due_on, errors);
        if (a.due_on.empty()) errors.push_back({ak + ".due_on", "required"});
        theme.agreements.push_back(std::move(a));
      }
      themes.push_back(std::move(theme));
    }
  }
  date_field(body.value("followup_on", json()), "followup_on", o.followup_on, errors);
  if (o.followup_on.empty()) errors.push_back({"followup_on", "required"});
  else if (o.followup_on < today) errors.push_back({"followup_on", "future_date"});
  if (!errors.empty()) return Status::invalid(std::move(errors));
  o.themes = std::move(themes);
  o.status = "held";
  return Status::ok();
}

}  // namespace spiraal
