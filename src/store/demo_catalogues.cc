#include "store/demo_catalogues.h"

#include <algorithm>

#include "core/catalogue.h"
#include "core/embedded.h"
#include "store/catalogue_service.h"
#include "store/demo_random.h"

namespace spiraal {

using nlohmann::json;

namespace {

std::string sample(const char* name) {
  auto text = embedded_file(std::string("data/samples/") + name);
  return text ? std::string(*text) : std::string();
}

}  // namespace

Result<DemoCatalogueSummary> generate_demo_catalogues(Store& store, int64_t jobseekers, uint64_t seed) {
  auto coordinator = store.user_by_username("admin");
  if (!coordinator) return Status::not_found("demo admin");
  const Principal p = coordinator->principal();
  CatalogueService service(store);
  DemoCatalogueSummary out;
  auto occupations = service.import(p, "occupations", sample("occupations.csv"), "csv");
  auto trainings = service.import(p, "trainings", sample("trainings.csv"), "csv");
  if (!occupations.is_ok()) return occupations.status();
  if (!trainings.is_ok()) return trainings.status();
  out.occupations = occupations->imported;
  out.trainings = trainings->imported;

  // Vacancies: the sample ones as templates, spread over towns, employers,
  // hours and schedules.
  auto templates = import_vacancies(sample("vacancies.csv"), "csv");
  if (templates.rows.empty()) return Status::internal("demo catalogues: no sample vacancies");
  static const std::vector<std::string> towns = {"Gent",     "Antwerpen", "Sint-Niklaas", "Aalst",  "Mechelen",
                                                 "Brugge",   "Kortrijk",  "Leuven",       "Genk",   "Oostende",
                                                 "Lokeren",  "Dendermonde", "Hasselt",    "Ronse",  "Eeklo"};
  static const std::vector<std::string> firms = {"nv", "bv", "vzw", "cv"};
  static const std::vector<double> hours = {19, 24, 25, 30, 32, 36, 38};
  static const std::vector<std::string> schedules = {"day", "day", "day", "evening", "shifts", "weekend"};
  demo::Random r(seed ^ 0x7a11);
  const int64_t n = std::clamp<int64_t>(jobseekers / 40, 40, 3000);
  json list = json::array();
  for (int64_t i = 0; i < n; ++i) {
    Vacancy v = templates.rows[r.below(templates.rows.size())].second;
    const std::string town = towns[r.below(towns.size())];
    v.reference = "DEMO-" + std::to_string(i + 1);
    v.place = town;
    v.employer = v.employer.substr(0, v.employer.find(' ')) + " " + town + " " + firms[r.below(firms.size())];
    v.hours_per_week = hours[r.below(hours.size())];
    v.schedule = schedules[r.below(schedules.size())];
    list.push_back(to_json(v));
  }
  auto vacancies = service.import(p, "vacancies", list.dump(), "json");
  if (!vacancies.is_ok()) return vacancies.status();
  if (!vacancies->rejected.empty()) return Status::internal("demo catalogues: " + vacancies->rejected[0].rule);
  out.vacancies = vacancies->imported;
  return out;
}

}  // namespace spiraal
