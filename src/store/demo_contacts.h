#pragma once
// The contact journal of a fictional trajectory: frequent meetings in the
// first months, then every two to three weeks; missed appointments, often in
// streaks and more often early on, answered by persistent re-invitations
// (aanklampend werken) and outreach home visits (outreachend werken), as in
// the handbook's first phase (seed 004, chapter 4).
#include <string>
#include <vector>

#include "core/contact.h"
#include "store/demo_people.h"
#include "store/demo_random.h"

namespace spiraal::demo {

// A trajectory's span in days since 1970-01-01.
struct Trajectory {
  long start;  // one to three years before today
  long end;    // today, or earlier for the trajectories that ended
};

Trajectory make_trajectory(Random& random, long today);

// The contacts of `trajectory`, oldest first, on working days only, written
// by `author_id`; notes are addressed to `first_name`. Contacts carry no id,
// jobseeker or version; created_at and updated_at are set to the contact's
// day. Every contact passes validate().
std::vector<Contact> make_contacts(Random& random, const PhraseBank& bank, const Trajectory& trajectory,
                                   const std::string& first_name, int64_t author_id);

}  // namespace spiraal::demo
