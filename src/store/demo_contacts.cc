#include "store/demo_contacts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/clock.h"

namespace spiraal::demo {
namespace {

// 1970-01-01, day 0, was a Thursday.
bool is_weekend(long day) { return (day + 3) % 7 >= 5; }

long next_working_day(long day) {
  while (is_weekend(day)) ++day;
  return day;
}

// A moment during office hours on `day`.
std::string office_time(Random& r, long day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:00Z", int(r.between(8, 16)), int(r.between(0, 59)));
  return iso_from_days(day) + buf;
}

const char* kKinds[] = {"office", "phone", "home_visit", "accompanying", "letter", "other"};

// The days in the first months of a trajectory, when coach and jobseeker get
// to know each other: contacts are weekly and appointments are missed more.
constexpr long kFirstPhaseDays = 120;

}  // namespace

Trajectory make_trajectory(Random& r, long today) {
  Trajectory t{today - r.between(365, 3 * 365), today};
  if (r.chance(0.15)) t.end = r.between(std::min(t.start + 180, today), today);
  return t;
}

std::vector<Contact> make_contacts(Random& r, const PhraseBank& bank, const Trajectory& trajectory,
                                   const std::string& first_name, int64_t author_id) {
  std::vector<Contact> out;
  // How often this jobseeker is seen, and how easily an appointment slips.
  const double pace = 0.7 + 0.6 * r.unit();
  const double miss = 0.09 * (0.4 + 1.2 * r.unit());
  bool after_missed = false;  // the last meeting was missed, with no meeting held since
  for (long day = next_working_day(trajectory.start); day <= trajectory.end;) {
    const bool early = day - trajectory.start < kFirstPhaseDays;
    Contact c;
    c.date = iso_from_days(day);
    // After a missed appointment the coach re-invites by letter or goes by.
    c.kind = kKinds[after_missed ? r.weighted({35, 10, 25, 0, 30, 0}) : r.weighted({55, 25, 8, 6, 4, 2})];
    if (c.kind == "letter")
      c.status = "held";
    else if (r.chance(0.05))
      c.status = "rescheduled";
    else
      c.status = r.chance(after_missed ? (early ? 0.5 : 0.4) : (early ? 2 * miss : miss)) ? "missed" : "held";

    if (after_missed && r.chance(0.7))
      c.initiative = "persistent_reinvitation";
    else if ((c.kind == "home_visit" || c.kind == "accompanying") && r.chance(0.6))
      c.initiative = "outreach";
    else if (r.chance(c.status == "rescheduled" ? 0.5 : 0.1))
      c.initiative = "jobseeker";
    else
      c.initiative = "coach";

    if (r.chance(0.45))
      c.note = personalise(r.pick(bank.contact_notes.at(c.status == "held" ? c.kind : c.status)), first_name);
    c.author_id = author_id;
    c.created_at = c.updated_at = office_time(r, day);

    // Missed and moved appointments are followed up within days.
    long gap;
    if (c.status == "missed")
      gap = r.between(2, 7);
    else if (c.status == "rescheduled" || c.kind == "letter")
      gap = r.between(1, 7);
    else
      gap = std::max(1L, std::lround((early ? 8 : 22) * pace * (0.5 + r.unit())));
    // A letter or a moved appointment leaves a streak of missed ones open.
    if (c.status == "missed")
      after_missed = true;
    else if (c.status == "held" && c.kind != "letter")
      after_missed = false;
    out.push_back(std::move(c));
    day = next_working_day(day + gap);
  }
  return out;
}

}  // namespace spiraal::demo
