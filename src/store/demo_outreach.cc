#include "store/demo_outreach.h"

#include "core/clock.h"
#include "store/demo_random.h"
#include "store/goal_service.h"
#include "store/outreach_service.h"
#include "store/trajectory_service.h"

namespace spiraal {

using nlohmann::json;

namespace {

const std::vector<std::string> kNames = {"Samira", "Jamal", "Nadia", "Kevin", "Aylin", "Mohamed", "Sandra", "Yusuf",
                                         "Priya", "Dirk",   "Fatou", "Ilse",  "Omar",  "Lena",    "Rachid", "Tom"};
const std::vector<std::string> kPseudonyms = {"Zon", "Maan", "Ster", "Berk", "Wolk", "Kei", "Vlinder", "Roos"};
const std::vector<std::string> kFindPlaces = {"square_street", "school",       "doctor",         "religious_place",
                                              "youth_centre",  "day_centre",   "door_to_door",   "event_job_fair",
                                              "virtual",       "partnership"};
const std::vector<std::string> kContactChannels = {"face_to_face", "face_to_face", "phone", "mail", "flyer",
                                                   "key_figure"};
const std::vector<std::string> kConditions = {"childcare", "mobility", "housing", "debts", "income", "mental_health",
                                              "language", "administration"};
const std::vector<std::string> kPhases = {"reach", "acquaint", "context", "orient"};
const char* kNotes[] = {"Kent de buurtwerker al lang; wil werken maar vertrouwt 'de instanties' niet.",
                        "Zoekt werk in de schoonmaak, kinderen naar school in de buurt.",
                        "Papieren nog niet in orde; eerst langs het OCMW.",
                        "Wil Nederlands oefenen en een opleiding volgen."};

std::string day(long offset_from_today) { return iso_from_days(*days_from_iso(today_utc()) - offset_from_today); }

// One toeleider account per neighbourhood service; the demo login first.
std::vector<std::pair<Principal, std::string>> toeleiders(Store& store, const std::string& hash) {
  DossierService dossiers(store);
  GoalService goals(store, dossiers);
  std::vector<std::pair<Principal, std::string>> out;
  for (const auto& org : goals.organisations()) {
    std::string name = org["name"];
    if (name.find("Buurtwerk") == std::string::npos) continue;
    std::string town = name.substr(name.find(' ') + 1);
    town = town.substr(0, town.find(" - "));
    std::string username = out.empty() ? "toeleider" : "toeleider." + std::to_string(out.size() + 1);
    auto user = store.user_by_username(username);
    if (!user) {
      auto created = store.create_user({username, "Toeleider " + town, Role::kToeleider, "", hash});
      if (!created.is_ok()) continue;
      user = created.value();
    }
    goals.link_partner(user->id, name);
    out.push_back({user->principal(), town});
  }
  return out;
}

}  // namespace

Result<DemoOutreachSummary> generate_demo_outreach(Store& store, int people, uint64_t seed,
                                                   const std::string& password_hash) {
  DemoOutreachSummary sum;
  auto workers = toeleiders(store, password_hash);
  if (workers.empty()) return sum;
  sum.toeleiders = int64_t(workers.size());
  DossierService dossiers(store);
  OutreachService outreach(store, dossiers);
  TrajectoryService trajectories(store, dossiers);
  auto teams = outreach.teams();
  auto demo_coach = store.user_by_username("coach");
  demo::Random root(seed ^ 0x70e1e1de5ull);
  for (int i = 0; i < people; ++i) {
    demo::Random rnd = root.fork(uint64_t(i));
    const auto& [who, town] = workers[size_t(i) % workers.size()];
    long first = rnd.between(30, 420);
    bool pseudonym = rnd.chance(0.35);
    json body = {{"name", pseudonym ? rnd.pick(kPseudonyms) : rnd.pick(kNames)}, {"pseudonym", pseudonym},
                 {"consent_on", day(first)}, {"first_contact_on", day(first)}, {"region", town}};
    switch (rnd.weighted({55, 25, 20})) {
      case 0: body["channel"] = "direct", body["find_place"] = rnd.pick(kFindPlaces); break;
      case 1: body["channel"] = "partner_referral", body["referred_by"] = "OCMW " + town; break;
      default: body["channel"] = "word_of_mouth";
    }
    if (rnd.chance(0.5)) body["notes"] = kNotes[rnd.below(4)];
    auto person = outreach.create(who, body);
    if (!person.is_ok()) return person.status();
    ++sum.people;
    int64_t id = person->id, version = person->version;
    long when = first;
    for (int64_t k = 0, n = rnd.between(1, 5); k < n && when > 3; ++k) {
      when -= rnd.between(1, std::min<long>(20, when - 2));
      if (outreach.add_contact(who, id, {{"contacted_on", day(when)}, {"channel", rnd.pick(kContactChannels)}}).is_ok())
        ++sum.contacts;
    }
    // Further through the phases, one step at a time.
    size_t reached = rnd.weighted({15, 25, 25, 35});
    for (size_t ph = 1; ph <= reached; ++ph) {
      auto moved = outreach.move(who, id, {{"version", version}, {"to_phase", kPhases[ph]}, {"moved_on", day(when)},
                                           {"reason", "Samen met de persoon beslist"}});
      if (!moved.is_ok()) return moved.status();
      version = moved->version;
      ++sum.moves;
    }
    int segment = 0;
    if (rnd.chance(0.85)) {
      size_t s = rnd.weighted({35, 30, 15, 10, 10});
      json answers = {{"version", version}, {"work_ready", s != 4}, {"decided_on", day(when)}};
      if (s < 2) answers["registered"] = false, answers["known_elsewhere"] = s == 1;
      if (s == 2 || s == 3) answers["registered"] = true, answers["served_last_two_years"] = s == 3;
      auto decided = outreach.decide_segment(who, id, answers);
      if (!decided.is_ok()) return decided.status();
      version = decided->version;
      segment = int(s) + 1;
      ++sum.segments;
    }
    if (reached < 3 || segment == 5 || !rnd.chance(0.6) || teams.empty()) continue;
    // The warm handover, some days after the last move.
    long handed = std::max<long>(when - rnd.between(0, 5), 1);
    long joint = std::max<long>(handed - rnd.between(2, 10), 0);
    int64_t team = sum.handovers < 3 && demo_coach && demo_coach->team_id ? *demo_coach->team_id
                                                                            : teams[rnd.below(teams.size())]["id"].get<int64_t>();
    json conditions = json::array();
    for (const auto& c : kConditions)
      if (rnd.chance(0.2)) conditions.push_back(c);
    auto over = outreach.hand_over(who, id, {{"version", version}, {"consent", true}, {"consent_on", day(handed)},
                                             {"handed_over_on", day(handed)}, {"team_id", team},
                                             {"joint_date", day(joint)}, {"toeleider_attends", rnd.chance(0.7) ? "first" : "none"},
                                             {"open_conditions", conditions}, {"share_history", rnd.chance(0.7)},
                                             {"reason", "Wil aan het werk"}, {"first_name", body["name"]},
                                             {"last_name", "Demo"}, {"birth_date", day(rnd.between(20 * 365, 55 * 365))}});
    if (!over.is_ok()) return over.status();
    ++sum.handovers;
    // Most are picked up and met at the joint date (not the demo coach's
    // first three: they wait on the referral list).
    if (sum.handovers <= 3 || !rnd.chance(0.7) || !over->jobseeker_id) continue;
    auto coaches = store.pool().acquire()->query(
        "SELECT u.id FROM users u JOIN referrals r ON r.team_id = u.team_id WHERE r.jobseeker_id = ? AND u.role = 'coach' "
        "ORDER BY u.id LIMIT 1",
        {*over->jobseeker_id});
    if (coaches.empty()) continue;
    Principal coach = store.user_by_id(coaches.integer(0, 0))->principal();
    auto waiting = store.pool().acquire()->query("SELECT id FROM referrals WHERE jobseeker_id = ?", {*over->jobseeker_id});
    if (waiting.empty() || !trajectories.pick_up(coach, waiting.integer(0, 0)).is_ok()) continue;
    dossiers.add_contact(coach, *over->jobseeker_id,
                         {{"date", day(joint)}, {"kind", "office"}, {"status", "held"}, {"initiative", "coach"}});
  }
  return sum;
}

}  // namespace spiraal
