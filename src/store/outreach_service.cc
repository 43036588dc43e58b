#include "store/outreach_service.h"

#include "core/clock.h"
#include "store/store_internal.h"
#include "store/trajectory_store.h"

namespace spiraal {

using nlohmann::json;
using store_internal::opt_param;

namespace {

constexpr const char* kColumns =
    "id, version, toeleider_id, organisation_id, phase, segment, segment_on, channel, find_place, referred_by, "
    "region, first_contact_on, jobseeker_id, history_shared_on, content, created_at";

OutreachPerson person_from_row(const sql::Rows& r, size_t i, const FieldCipher& cipher) {
  OutreachPerson p;
  p.id = r.integer(i, 0);
  p.version = r.integer(i, 1);
  p.toeleider_id = r.integer(i, 2);
  p.organisation_id = r.opt_integer(i, 3);
  p.phase = r.text(i, 4);
  if (auto s = r.opt_integer(i, 5)) p.segment = int(*s);
  p.segment_on = r.text(i, 6);
  p.channel = r.text(i, 7);
  p.find_place = r.text(i, 8);
  p.referred_by = r.text(i, 9);
  p.region = r.text(i, 10);
  p.first_contact_on = r.text(i, 11);
  p.jobseeker_id = r.opt_integer(i, 12);
  p.history_shared_on = r.text(i, 13);
  apply_sealed_content(p, json::parse(cipher.open(r.text(i, 14))));
  p.created_at = r.text(i, 15);
  return p;
}

// The body of a write without its version, for the core parsers.
json without_version(const json& body) {
  json out = body.is_object() ? body : json::object();
  out.erase("version");
  return out;
}

// A stale version found inside a transaction: rolls it back.
struct StaleVersion {};

std::string person_ref(int64_t id) { return "outreach " + std::to_string(id); }

}  // namespace

std::optional<int64_t> OutreachService::organisation_of(int64_t user_id) {
  auto r = store_.pool().acquire()->query("SELECT organisation_id FROM users WHERE id = ?", {user_id});
  return r.empty() ? std::nullopt : r.opt_integer(0, 0);
}

std::optional<OutreachPerson> OutreachService::load(int64_t id) {
  auto r = store_.pool().acquire()->query(std::string("SELECT ") + kColumns + " FROM outreach_people WHERE id = ?",
                                          {id});
  if (r.empty()) return std::nullopt;
  return person_from_row(r, 0, store_.cipher());
}

std::vector<OutreachEvent> OutreachService::events(int64_t id) {
  auto r = store_.pool().acquire()->query(
      "SELECT id, person_id, kind, occurred_on, content, created_by, created_at FROM outreach_events "
      "WHERE person_id = ? ORDER BY occurred_on, id",
      {id});
  std::vector<OutreachEvent> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back({r.integer(i, 0), r.integer(i, 1), r.text(i, 2), r.text(i, 3),
                   json::parse(store_.cipher().open(r.text(i, 4))), r.opt_integer(i, 5).value_or(0), r.text(i, 6)});
  return out;
}

Result<OutreachPerson> OutreachService::reachable(const Principal& p, int64_t id, const char* what) {
  if (!allowed(p, Action::kOutreach)) return Status::forbidden();
  auto person = load(id);
  auto org = organisation_of(p.user_id);
  bool mine = person && (person->toeleider_id == p.user_id || (org && person->organisation_id == org));
  if (!mine) {
    store_.audit({p.user_id, p.username, "access.denied", std::nullopt, std::string(what) + " " + person_ref(id)});
    return Status::not_found();
  }
  return *person;
}

Result<std::vector<OutreachPerson>> OutreachService::list(const Principal& p) {
  if (!allowed(p, Action::kOutreach)) return Status::forbidden();
  auto org = organisation_of(p.user_id);
  std::vector<OutreachPerson> out;
  {
    auto c = store_.pool().acquire();
    auto r = org ? c->query(std::string("SELECT ") + kColumns +
                                " FROM outreach_people WHERE organisation_id = ? ORDER BY id DESC",
                            {*org})
                 : c->query(std::string("SELECT ") + kColumns +
                                " FROM outreach_people WHERE toeleider_id = ? ORDER BY id DESC",
                            {p.user_id});
    for (size_t i = 0; i < r.size(); ++i) out.push_back(person_from_row(r, i, store_.cipher()));
  }
  store_.audit({p.user_id, p.username, "outreach.list", std::nullopt, std::to_string(out.size()) + " people"});
  return out;
}

Result<OutreachRecord> OutreachService::get(const Principal& p, int64_t id) {
  auto person = reachable(p, id, "outreach.read");
  if (!person.is_ok()) return person.status();
  store_.audit({p.user_id, p.username, "outreach.read", std::nullopt, person_ref(id)});
  return OutreachRecord{person.value(), events(id)};
}

Result<OutreachPerson> OutreachService::create(const Principal& p, const json& body) {
  if (!allowed(p, Action::kOutreach)) return Status::forbidden();
  auto parsed = parse_outreach_person(body, today_utc());
  if (!parsed.is_ok()) return parsed.status();
  OutreachPerson person = parsed.value();
  person.toeleider_id = p.user_id;
  person.organisation_id = organisation_of(p.user_id);
  person.version = 1;
  person.created_at = now_utc();
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    person.id = c->query("INSERT INTO outreach_people (toeleider_id, organisation_id, phase, channel, find_place, "
                         "referred_by, region, first_contact_on, version, content, created_at, updated_at) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id",
                         {p.user_id, opt_param(person.organisation_id), person.phase, person.channel,
                          person.find_place, person.referred_by, person.region, person.first_contact_on,
                          store_.cipher().seal(sealed_content(person).dump()), person.created_at, person.created_at})
                    .integer(0, 0);
    json registered = {{"channel", person.channel}, {"find_place", person.find_place},
                       {"referred_by", person.referred_by}, {"consent_on", person.consent_on}};
    c->query("INSERT INTO outreach_events (person_id, kind, occurred_on, content, created_by, created_at) "
             "VALUES (?, 'registered', ?, ?, ?, ?)",
             {person.id, person.first_contact_on, store_.cipher().seal(registered.dump()), p.user_id,
              person.created_at});
    Store::append_audit(*c, {p.user_id, p.username, "outreach.create", std::nullopt, person_ref(person.id)});
  });
  return person;
}

Result<OutreachEvent> OutreachService::add_contact(const Principal& p, int64_t id, const json& body) {
  auto person = reachable(p, id, "outreach.contact");
  if (!person.is_ok()) return person.status();
  auto event = parse_outreach_contact(body, today_utc());
  if (!event.is_ok()) return event.status();
  OutreachEvent e = event.value();
  e.person_id = id;
  e.created_by = p.user_id;
  e.created_at = now_utc();
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    e.id = c->query("INSERT INTO outreach_events (person_id, kind, occurred_on, content, created_by, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                    {id, e.kind, e.occurred_on, store_.cipher().seal(e.content.dump()), p.user_id, e.created_at})
               .integer(0, 0);
    Store::append_audit(*c, {p.user_id, p.username, "outreach.contact", std::nullopt, person_ref(id)});
  });
  return e;
}

Result<OutreachPerson> OutreachService::save(const Principal& p, OutreachPerson person, int64_t expected,
                                             const OutreachEvent& event, const char* action) {
  if (person.version != expected) return Status::conflict();
  const std::string now = now_utc();
  auto c = store_.pool().acquire();
  try {
    sql::in_transaction(*c, [&] {
      auto updated = c->query(
          "UPDATE outreach_people SET version = version + 1, phase = ?, segment = ?, segment_on = ?, "
          "history_shared_on = ?, content = ?, updated_at = ? WHERE id = ? AND version = ? RETURNING version",
          {person.phase, person.segment ? sql::Param(int64_t(*person.segment)) : sql::Param(nullptr),
           person.segment_on, person.history_shared_on, store_.cipher().seal(sealed_content(person).dump()), now,
           person.id, expected});
      if (updated.empty()) throw StaleVersion{};
      person.version = updated.integer(0, 0);
      c->query("INSERT INTO outreach_events (person_id, kind, occurred_on, content, created_by, created_at) "
               "VALUES (?, ?, ?, ?, ?, ?)",
               {person.id, event.kind, event.occurred_on, store_.cipher().seal(event.content.dump()), p.user_id, now});
      Store::append_audit(*c, {p.user_id, p.username, action, person.jobseeker_id, person_ref(person.id)});
    });
  } catch (const StaleVersion&) {
    return Status::conflict();
  }
  return person;
}

Result<OutreachPerson> OutreachService::move(const Principal& p, int64_t id, const json& body) {
  auto person = reachable(p, id, "outreach.move");
  if (!person.is_ok()) return person.status();
  auto version = expected_version(body);
  if (!version.is_ok()) return version.status();
  std::string last_move;
  for (const auto& e : events(id))
    if (e.kind == "phase" || e.kind == "handover") last_move = std::max(last_move, e.occurred_on);
  auto event = parse_outreach_move(person.value(), last_move, without_version(body), today_utc());
  if (!event.is_ok()) return event.status();
  OutreachPerson moved = person.value();
  moved.phase = event->content["to"];
  return save(p, moved, *version, event.value(), "outreach.move");
}

Result<OutreachPerson> OutreachService::decide_segment(const Principal& p, int64_t id, const json& body) {
  auto person = reachable(p, id, "outreach.segment");
  if (!person.is_ok()) return person.status();
  auto version = expected_version(body);
  if (!version.is_ok()) return version.status();
  json answers = without_version(body);
  auto event = parse_segment_decision(answers, today_utc());
  if (!event.is_ok()) return event.status();
  OutreachPerson decided = person.value();
  decided.segment = event->content["segment"].get<int>();
  decided.segment_on = event->occurred_on;
  FieldErrors ignored;
  decided.answers = segment_answers_from_json(answers, ignored);
  return save(p, decided, *version, event.value(), "outreach.segment");
}

Result<OutreachPerson> OutreachService::apply_history_consent(const Principal& p, OutreachPerson person,
                                                              const json& body) {
  auto version = expected_version(body);
  if (!version.is_ok()) return version.status();
  auto event = parse_history_consent(without_version(body), today_utc());
  if (!event.is_ok()) return event.status();
  person.history_shared_on = event->content["shared"].get<bool>() ? event->occurred_on : "";
  return save(p, person, *version, event.value(), "outreach.history_consent");
}

Result<OutreachPerson> OutreachService::record_history_consent(const Principal& p, int64_t id, const json& body) {
  auto person = reachable(p, id, "outreach.history_consent");
  if (!person.is_ok()) return person.status();
  return apply_history_consent(p, person.value(), body);
}

std::vector<json> OutreachService::teams() {
  auto r = store_.pool().acquire()->query("SELECT id, name FROM teams ORDER BY name", {});
  std::vector<json> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back({{"id", r.integer(i, 0)}, {"name", r.text(i, 1)}});
  return out;
}

Result<OutreachPerson> OutreachService::hand_over(const Principal& p, int64_t id, const json& body) {
  auto found = reachable(p, id, "outreach.handover");
  if (!found.is_ok()) return found.status();
  auto version = expected_version(body);
  if (!version.is_ok()) return version.status();
  OutreachPerson person = found.value();
  if (person.version != *version) return Status::conflict();
  const std::string today = today_utc();
  // The identity, asked only now, is checked as any new dossier's.
  json identity = json::object(), rest = without_version(body);
  for (const char* key : {"first_name", "last_name", "birth_date"})
    if (rest.contains(key)) identity[key] = rest[key], rest.erase(key);
  Jobseeker j;
  FieldErrors errors = apply_patch(j, identity, today, {});
  for (const auto& e : validate(j)) errors.push_back(e);
  auto parsed = parse_handover(person, rest, today);
  if (!parsed.is_ok()) errors.insert(errors.end(), parsed.status().fields().begin(), parsed.status().fields().end());
  if (!errors.empty()) return Status::invalid(std::move(errors));
  const Handover& h = parsed.value();
  auto team = store_.pool().acquire()->query("SELECT id FROM teams WHERE id = ?", {h.team_id});
  if (team.empty()) return Status::invalid_field("team_id", "unknown_team");
  Referral r;
  r.referrer_kind = "toeleider";
  auto org = person.organisation_id
                 ? store_.pool().acquire()->query("SELECT name FROM organisations WHERE id = ?",
                                                  {*person.organisation_id})
                 : sql::Rows{};
  r.referrer_organisation = org.empty() ? p.display_name : org.text(0, 0);
  r.referrer_person = p.display_name;
  r.referred_on = h.handed_over_on;
  r.reason = h.reason;
  r.warm_handover = h.toeleider_attends != "none";
  if (r.warm_handover) r.warm_handover_on = h.joint_date;
  if (auto errors = validate(r); !errors.empty()) return Status::invalid(std::move(errors));

  json event = to_json(h);
  person.phase = "handover";
  if (h.share_history) person.history_shared_on = h.consent_on;
  const std::string now = now_utc();
  try {
    auto referral = TrajectoryStore(store_).create_referral(
        j, r, h.team_id, dossiers_.entry(p, "dossier.create", 0, "warm handover from " + person_ref(id)),
        [&](sql::Connection& c, int64_t jobseeker_id) {
          auto updated = c.query("UPDATE outreach_people SET version = version + 1, phase = ?, jobseeker_id = ?, "
                                 "history_shared_on = ?, updated_at = ? WHERE id = ? AND version = ? AND "
                                 "jobseeker_id IS NULL RETURNING version",
                                 {person.phase, jobseeker_id, person.history_shared_on, now, id, *version});
          if (updated.empty()) throw StaleVersion{};
          person.version = updated.integer(0, 0);
          person.jobseeker_id = jobseeker_id;
          std::string conditions;
          for (const auto& code : h.open_conditions) conditions += (conditions.empty() ? "" : ",") + code;
          c.query("INSERT INTO handovers (person_id, from_organisation_id, to_team_id, jobseeker_id, region, segment, "
                  "first_contact_on, handed_over_on, joint_date, toeleider_attends, open_conditions) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  {id, opt_param(person.organisation_id), h.team_id, jobseeker_id, person.region,
                   person.segment ? sql::Param(int64_t(*person.segment)) : sql::Param(nullptr),
                   person.first_contact_on, h.handed_over_on, h.joint_date, h.toeleider_attends, conditions});
          c.query("INSERT INTO outreach_events (person_id, kind, occurred_on, content, created_by, created_at) "
                  "VALUES (?, 'handover', ?, ?, ?, ?)",
                  {id, h.handed_over_on, store_.cipher().seal(event.dump()), p.user_id, now});
          Store::append_audit(c, {p.user_id, p.username, "outreach.handover", jobseeker_id, person_ref(id)});
        });
    if (!referral.is_ok()) return referral.status();
  } catch (const StaleVersion&) {
    return Status::conflict();
  }
  return person;
}

Status OutreachService::erase(const Principal& p, int64_t id, const json& body) {
  auto person = reachable(p, id, "outreach.erase");
  if (!person.is_ok()) return person.status();
  bool confirmed = body.is_object() && body.contains("confirm") && body["confirm"].is_boolean() &&
                   body["confirm"].get<bool>();
  if (!confirmed) return Status::invalid_field("confirm", "required");
  if (person->jobseeker_id) return Status::invalid_field("", "erase_with_dossier");
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    c->query("DELETE FROM outreach_events WHERE person_id = ?", {id});
    c->query("DELETE FROM outreach_people WHERE id = ?", {id});
    Store::append_audit(*c, {p.user_id, p.username, "outreach.erase", std::nullopt, person_ref(id)});
  });
  return Status::ok();
}

Result<OutreachService::DossierHistory> OutreachService::history_of_dossier(const Principal& p, int64_t jobseeker_id) {
  if (auto s = dossiers_.authorize(p, Action::kReadDossier, jobseeker_id, "outreach.read"); !s.is_ok()) return s;
  auto r = store_.pool().acquire()->query(
      std::string("SELECT ") + kColumns + " FROM outreach_people WHERE jobseeker_id = ?", {jobseeker_id});
  DossierHistory out;
  if (r.empty()) return out;
  out.handed_over = true;
  OutreachPerson person = person_from_row(r, 0, store_.cipher());
  out.shared = !person.history_shared_on.empty();
  if (out.shared) {
    out.record = OutreachRecord{person, events(person.id)};
    store_.audit(dossiers_.entry(p, "outreach.read", jobseeker_id, person_ref(person.id)));
  } else {
    // Only the version, so that the coach can record a consent.
    OutreachPerson bare;
    bare.id = person.id;
    bare.version = person.version;
    bare.phase = person.phase;
    out.record = OutreachRecord{bare, {}};
  }
  return out;
}

Result<OutreachPerson> OutreachService::record_dossier_history_consent(const Principal& p, int64_t jobseeker_id,
                                                                       const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, jobseeker_id, "outreach.history_consent"); !s.is_ok())
    return s;
  auto r = store_.pool().acquire()->query("SELECT id FROM outreach_people WHERE jobseeker_id = ?", {jobseeker_id});
  if (r.empty()) return Status::not_found();
  auto person = load(r.integer(0, 0));
  if (!person) return Status::not_found();
  return apply_history_consent(p, *person, body);
}

}  // namespace spiraal
