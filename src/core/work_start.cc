#include "core/work_start.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/field_reader.h"

namespace spiraal {

using nlohmann::json;

const std::vector<std::string>& welfare_checklist_items() {
  static const std::vector<std::string> items = {"childcare", "sick_child_contacts", "appointments_moved",
                                                 "transport", "employer_involved"};
  return items;
}

const std::vector<std::string>& backpack_items() {
  static const std::vector<std::string> items = {"competences", "support_on_job", "measures", "preconditions",
                                                 "welfare_guidance", "anchor_contact"};
  return items;
}

const std::vector<std::string>& four_as() {
  static const std::vector<std::string> items = {"conditions", "circumstances", "content", "relations"};
  return items;
}

namespace {

std::optional<int64_t> read_start_id(ObjectReader& r) { return r.integer("work_start_id", 1, INT64_MAX, true); }

json id_or_null(const std::optional<int64_t>& v) { return v ? json(*v) : json(); }

}  // namespace

Result<WorkRecordContent> parse_work_start(const json& body, const std::string& today) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"kind", "organisation", "job_title", "application_id", "contract", "starts_on", "ends_on",
                    "hours_per_week", "welfare_checklist", "emergency_plan", "trusted_person",
                    "aftercare_every_days", "aftercare_until", "ended_on", "end_reason"});
  WorkRecordContent out;
  std::string starts_on = r.date("starts_on", true);
  std::string ends_on = r.date("ends_on");
  if (!ends_on.empty() && !starts_on.empty() && ends_on < starts_on) r.fail("ends_on", "before_start");

  json checklist = json::object();
  const json& cv = r.member("welfare_checklist");
  ObjectReader c(cv, "welfare_checklist", errors);
  c.refuse_unknown({"childcare", "sick_child_contacts", "appointments_moved", "transport", "employer_involved"});
  for (const auto& item : welfare_checklist_items()) {
    const json& v = c.member(item.c_str());
    ObjectReader one(v, c.path(item.c_str()), errors);
    one.refuse_unknown({"status", "note"});
    std::string status = one.choice("status", {"arranged", "not_needed", "open"});
    checklist[item] = {{"status", status.empty() ? "open" : status}, {"note", one.text("note", 1000)}};
  }

  json plan = {{"contacts", json::array()}, {"sick_child", ""}, {"other", ""}};
  if (r.has("emergency_plan")) {
    ObjectReader p(r.member("emergency_plan"), "emergency_plan", errors);
    p.refuse_unknown({"contacts", "sick_child", "other"});
    const json& list = p.member("contacts");
    if (!list.is_null() && !list.is_array()) p.fail("contacts", "type_list");
    if (list.is_array() && list.size() > 6) p.fail("contacts", "too_many", "6");
    else if (list.is_array())
      for (size_t i = 0; i < list.size(); ++i) {
        ObjectReader k(list[i], p.path("contacts") + "." + std::to_string(i), errors);
        k.refuse_unknown({"name", "phone", "relation"});
        plan["contacts"].push_back({{"name", k.text("name", 100, true)}, {"phone", k.text("phone", 40, true)},
                                    {"relation", k.text("relation", 100)}});
      }
    plan["sick_child"] = p.text("sick_child", 1000);
    plan["other"] = p.text("other", 1000);
  }

  json trusted = {{"name", ""}, {"since", ""}};
  if (r.has("trusted_person")) {
    ObjectReader t(r.member("trusted_person"), "trusted_person", errors);
    t.refuse_unknown({"name", "since"});
    trusted = {{"name", t.text("name", 100)}, {"since", t.date("since", false, today)}};
    if (trusted["since"] != "" && trusted["name"] == "") t.fail("name", "required");
  }

  std::string ended_on = r.date("ended_on", false, today);
  std::string end_reason = r.text("end_reason", 1000);
  if (!ended_on.empty() && end_reason.empty()) r.fail("end_reason", "required");
  if (!ended_on.empty() && !starts_on.empty() && ended_on < starts_on) r.fail("ended_on", "before_start");
  auto application = r.integer("application_id", 1, INT64_MAX);
  auto every = r.integer("aftercare_every_days", 7, 90);
  auto hours = r.number("hours_per_week", 1, 60);
  std::string until = r.date("aftercare_until");
  if (!until.empty() && !starts_on.empty() && until < add_months(starts_on, 12)) r.fail("aftercare_until", "one_year");

  out.content = {{"kind", r.choice("kind", {"work", "training"}, true)},
                 {"organisation", r.text("organisation", 200, true)},
                 {"job_title", r.text("job_title", 200, true)},
                 {"application_id", id_or_null(application)},
                 {"contract", r.choice("contract", {"permanent", "fixed_term", "interim", "art60", "ibo",
                                                    "social_economy", "training", "other"},
                                       true)},
                 {"starts_on", starts_on},
                 {"ends_on", ends_on},
                 {"hours_per_week", hours ? json(*hours) : json()},
                 {"welfare_checklist", checklist},
                 {"emergency_plan", plan},
                 {"trusted_person", trusted},
                 {"aftercare_every_days", id_or_null(every)},
                 {"aftercare_until", until},
                 {"ended_on", ended_on},
                 {"end_reason", end_reason}};
  out.parent_id = application;
  out.status = ended_on.empty() ? "active" : "ended";
  return content_or_errors(std::move(errors), std::move(out));
}

std::vector<std::string> open_checklist_items(const json& start) {
  std::vector<std::string> out;
  const json list = start.value("welfare_checklist", json::object());
  for (const auto& item : welfare_checklist_items())
    if (!list.contains(item) || list[item].value("status", "open") == "open") out.push_back(item);
  return out;
}

Result<WorkRecordContent> parse_aftercare_contact(const json& body, const std::string& today) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"work_start_id", "kind", "with", "held_on", "planned_on", "note"});
  WorkRecordContent out;
  auto start = read_start_id(r);
  std::string held_on = r.date("held_on", false, today);
  std::string planned_on = r.date("planned_on");
  if (held_on.empty() && planned_on.empty()) r.fail("held_on", "required");
  out.content = {{"work_start_id", id_or_null(start)},
                 {"kind", r.choice("kind", {"aftercare", "feedback_moment"}, true)},
                 {"with", r.choice("with", {"jobseeker", "employer", "trusted_person", "provider"}, true)},
                 {"held_on", held_on},
                 {"planned_on", planned_on},
                 {"note", r.text("note", 4000)}};
  out.parent_id = start;
  out.status = held_on.empty() ? "planned" : "held";
  if (held_on.empty()) out.due_on = planned_on;
  return content_or_errors(std::move(errors), std::move(out));
}

Result<WorkRecordContent> parse_absence_signal(const json& body, const std::string& today) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"work_start_id", "reported_on", "reported_by", "cause", "solution", "resolved_on"});
  WorkRecordContent out;
  auto start = read_start_id(r);
  std::string reported_on = r.date("reported_on", true, today);
  std::string resolved_on = r.date("resolved_on", false, today);
  std::string cause = r.text("cause", 2000);
  std::string solution = r.text("solution", 2000);
  if (!resolved_on.empty() && cause.empty()) r.fail("cause", "required");
  if (!resolved_on.empty() && solution.empty()) r.fail("solution", "required");
  if (!resolved_on.empty() && !reported_on.empty() && resolved_on < reported_on) r.fail("resolved_on", "before_report");
  out.content = {{"work_start_id", id_or_null(start)}, {"reported_on", reported_on},
                 {"reported_by", r.text("reported_by", 200, true)}, {"cause", cause},
                 {"solution", solution}, {"resolved_on", resolved_on}};
  out.parent_id = start;
  out.status = resolved_on.empty() ? "open" : "resolved";
  if (resolved_on.empty()) out.due_on = reported_on;
  return content_or_errors(std::move(errors), std::move(out));
}

Result<WorkRecordContent> parse_disclosure(const json& body, const std::string& today) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"work_start_id", "recipient", "items", "given_on", "withdrawn_on"});
  WorkRecordContent out;
  auto start = read_start_id(r);
  json items = json::array();
  for (const auto& item : r.texts("items", 10, 40)) {
    if (std::find(backpack_items().begin(), backpack_items().end(), item) == backpack_items().end())
      r.fail("items", "choice");
    else if (std::find(items.begin(), items.end(), json(item)) == items.end())
      items.push_back(item);
  }
  std::string given_on = r.date("given_on", false, today);
  if (given_on.empty()) given_on = today;
  std::string withdrawn_on = r.date("withdrawn_on", false, today);
  if (!withdrawn_on.empty() && withdrawn_on < given_on) r.fail("withdrawn_on", "before_given");
  out.content = {{"work_start_id", id_or_null(start)}, {"recipient", r.text("recipient", 200, true)},
                 {"items", items}, {"given_on", given_on}, {"withdrawn_on", withdrawn_on}};
  out.parent_id = start;
  out.status = withdrawn_on.empty() ? "in_force" : "withdrawn";
  return content_or_errors(std::move(errors), std::move(out));
}

std::vector<SustainabilityMoment> sustainability_moments(const std::string& starts_on) {
  std::vector<SustainabilityMoment> out;
  if (!is_iso_date(starts_on)) return out;
  for (int m : {3, 6, 12}) out.push_back({m, add_months(starts_on, m)});
  return out;
}

Result<WorkRecordContent> parse_sustainability_check(const json& body, const std::string& today) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"recorded_on", "still_working", "end_reason", "four_as", "income_sufficient", "own_words"});
  WorkRecordContent out;
  if (!r.has("still_working")) r.fail("still_working", "required");
  bool still = r.flag("still_working");
  std::string end_reason = r.text("end_reason", 1000);
  if (r.has("still_working") && !still && end_reason.empty()) r.fail("end_reason", "required");
  json as = json::object();
  const json& av = r.member("four_as");
  ObjectReader a(av, "four_as", errors);
  a.refuse_unknown({"conditions", "circumstances", "content", "relations"});
  for (const auto& name : four_as()) {
    auto v = a.integer(name.c_str(), 1, 5, still);
    as[name] = v ? json(*v) : json();
  }
  std::string recorded_on = r.date("recorded_on", false, today);
  out.content = {{"recorded_on", recorded_on.empty() ? today : recorded_on},
                 {"still_working", still},
                 {"end_reason", end_reason},
                 {"four_as", as},
                 {"income_sufficient", r.choice("income_sufficient", {"yes", "partly", "no"}, true)},
                 {"own_words", r.text("own_words", 2000)}};
  out.status = "recorded";
  return content_or_errors(std::move(errors), std::move(out));
}

int aftercare_interval_days(const json& start, const std::string& on) {
  if (start.value("aftercare_every_days", json()).is_number_integer()) return start["aftercare_every_days"].get<int>();
  const std::string starts_on = start.value("starts_on", "");
  if (on < add_months(starts_on, 1)) return 7;
  if (on < add_months(starts_on, 2)) return 14;
  const std::string since = start.value("trusted_person", json::object()).value("since", "");
  if (!since.empty() && since <= on) return 60;
  return 30;
}

AftercareState aftercare_state(const json& start, const std::vector<std::string>& held_on, const std::string& today) {
  AftercareState s;
  const std::string starts_on = start.value("starts_on", "");
  if (!is_iso_date(starts_on) || start.value("ended_on", "") != "") return s;
  std::string until = start.value("aftercare_until", "");
  if (until.empty()) until = add_months(starts_on, 12);
  std::string last = starts_on;
  for (const auto& d : held_on)
    if (d > last) last = d;
  s.every_days = aftercare_interval_days(start, last);
  s.next_due = iso_from_days(*days_from_iso(last) + s.every_days);
  if (s.next_due > until) return AftercareState{};
  s.lapsed = *days_from_iso(today) > *days_from_iso(s.next_due) + kAftercareGraceDays;
  return s;
}

}  // namespace spiraal
