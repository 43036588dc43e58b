#pragma once
// The page models of the road to work (see work_pages.cc). Each fills `m`
// from all the work records of one dossier.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/measures.h"
#include "core/work_record.h"
#include "web/app.h"

namespace spiraal {

std::string competence_label(const Ctx& c, const std::string& code);
nlohmann::json competence_labels(const Ctx& c, const nlohmann::json& codes);
// Check boxes for the 35 key competences, those in `on` ticked.
nlohmann::json competence_options(const Ctx& c, const nlohmann::json& on = nlohmann::json::array());
// [{code, label, selected}] with labels from `prefix` + code.
nlohmann::json choice_options(const Ctx& c, const std::string& prefix, const std::vector<std::string>& codes,
                              const std::string& selected);
// The employment measures as options, those in `on` selected.
nlohmann::json measure_options(const Ctx& c, const MeasureCatalogue& measures, const nlohmann::json& on);

void competences_model(const Ctx& c, const std::vector<WorkRecord>& all, nlohmann::json& m);
void job_targets_model(const Ctx& c, const std::vector<WorkRecord>& all, nlohmann::json& m);
void applications_model(const Ctx& c, const std::vector<WorkRecord>& all, const MeasureCatalogue& measures,
                        nlohmann::json& m);
// One backpack disclosure: its content with id, version, the items' labels
// and whether it is in force (the work starts page and the consent register).
nlohmann::json disclosure_model(const Ctx& c, const WorkRecord& r);
void work_starts_model(const Ctx& c, const std::vector<WorkRecord>& all, nlohmann::json& m);
// What the employer may see of one start: only the backpack items of the
// latest disclosure in force (the worker decides, seed 000 table 6.1).
nlohmann::json employer_sections(const Ctx& c, const std::vector<WorkRecord>& all, const WorkRecord& start);

}  // namespace spiraal
