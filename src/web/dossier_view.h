#pragma once
// How a dossier is shown on pages: its header and its sections. Used by the
// coach's dossier page and by the partner's view of what a consent shares.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/jobseeker.h"
#include "web/app.h"

namespace spiraal {

// {id, version, full_name, birth_date, age}
nlohmann::json header_model(const Ctx& c, const Jobseeker& j);

// Adds to `m` the template values of the listed dossier sections only
// (objective, life_history, welfare, work, trajectory_so_far,
// what_gives_strength), and `show_<section>` for each.
void add_sections(nlohmann::json& m, const Ctx& c, const Jobseeker& j, const std::vector<std::string>& sections);

}  // namespace spiraal
