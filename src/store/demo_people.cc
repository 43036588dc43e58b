#include "store/demo_people.h"

#include <algorithm>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/embedded.h"
#include "core/vocabulary.h"

namespace spiraal::demo {
namespace {

using nlohmann::json;
using Texts = std::vector<std::string>;

// --- Reading the phrase bank -------------------------------------------------

Texts texts(const json& parent, const std::string& key) {
  auto out = parent.at(key).get<Texts>();
  if (out.empty()) throw std::invalid_argument("list '" + key + "' is empty");
  return out;
}

std::map<std::string, Texts> text_lists(const json& parent, const Texts& keys) {
  std::map<std::string, Texts> out;
  for (const auto& key : keys) out[key] = texts(parent, key);
  return out;
}

std::map<std::string, DomainPhrases> domain_phrases(const json& parent, const Texts& domains) {
  std::map<std::string, DomainPhrases> out;
  for (const auto& domain : domains) {
    const json& d = parent.at(domain);
    out[domain] = {texts(d, "strengths"), texts(d, "barriers")};
  }
  return out;
}

// --- Drawing from Tabel 1 ----------------------------------------------------

struct Band {
  int low, high;  // inclusive
};

// Leeftijd: < 20, 20-25, 25-30, 30-40, 40-50, 50-55, >= 55 (adults of working age).
const Band kAgeBands[] = {{18, 19}, {20, 24}, {25, 29}, {30, 39}, {40, 49}, {50, 54}, {55, 64}};
// Werkloosheidsduur in months: < 3, 3-6, 6-12, 12-24, 24-60. The table's
// rows add up to 99%; the last band takes the rest.
const Band kUnemploymentBands[] = {{0, 2}, {3, 5}, {6, 11}, {12, 23}, {24, 59}};

// Days since 1970 of the date `years` years before `today`; 29 February
// becomes the 28th in a common year.
long years_before(const std::string& today, int years) {
  std::string date = std::to_string(std::stoi(today.substr(0, 4)) - years) + today.substr(4);
  if (!is_iso_date(date)) date.replace(8, 2, "28");
  return *days_from_iso(date);
}

// A birth date at which one is exactly `age` on `today`.
std::string birth_date_for_age(Random& r, int age, const std::string& today) {
  long earliest = years_before(today, age + 1) + 1;
  long latest = years_before(today, age);
  return iso_from_days(r.between(earliest, latest));
}

// Kennis Nederlands: none 3%, limited 13%, good 39%, very good 45% overall.
// Those who were not born abroad speak it good or very good; the weak levels
// fall on the newcomers (36% of all jobseekers).
std::string dutch_level(Random& r, bool born_abroad) {
  static const char* kLevels[] = {"none", "limited", "good", "very_good"};
  if (!born_abroad) return kLevels[2 + r.weighted({35, 65})];
  return kLevels[r.weighted({8.3, 36.1, 46.1, 9.5})];
}

void draw_household(Random& r, Jobseeker& j, int age) {
  j.children = age < 20 ? int(r.weighted({90, 10})) : int(r.weighted({40, 20, 20, 12, 5, 3}));
  static const char* kCivil[] = {"unmarried", "married", "divorced", "widowed"};
  if (age < 25)
    j.civil_status = kCivil[r.weighted({85, 15})];
  else
    j.civil_status = kCivil[r.weighted({45, 28, 23, age >= 40 ? 4.0 : 0.0})];
  double partner = j.civil_status == "married" ? 0.8 : j.civil_status == "unmarried" ? 0.25 : 0.15;
  bool with_children = *j.children > 0;
  if (r.chance(partner))
    j.living_situation = with_children && r.chance(0.85) ? "with_partner_and_children" : "with_partner";
  else if (with_children && r.chance(j.sex == "female" ? 0.8 : 0.35))
    j.living_situation = "single_with_children";
  else
    j.living_situation = r.chance(age < 25 ? 0.5 : 0.15) ? "with_others" : "single";
}

void draw_work_and_income(Random& r, Jobseeker& j, int age) {
  static const char* kStatus[] = {"unemployment_benefit", "ocmw_client", "other"};
  j.status = kStatus[r.weighted({50, 40, 10})];
  // Nobody can have been out of work since before the age of sixteen.
  const int most = (age - 16) * 12;
  const Band& band = kUnemploymentBands[r.weighted({18, 21, 29, 18, 14})];
  j.unemployment_months = std::min<int>(r.between(band.low, band.high), most);
  if (j.status != "unemployment_benefit" && r.chance(0.5))
    j.inactivity_months = std::min<int>(r.between(6, 96), most);
}

// Studieniveau low 71%, medium 21%, high 8%. Kansengroep "laaggeschoold"
// (74%) holds everyone with low education, plus newcomers whose foreign
// diploma is not recognised here (the other 3 points).
void draw_education(Random& r, const PhraseBank& bank, Jobseeker& j, bool born_abroad) {
  static const char* kLevels[] = {"low", "medium", "high"};
  j.education = kLevels[r.weighted({71, 21, 8})];
  j.studies = r.pick(bank.studies.at(j.education));
  if (j.education == "low") {
    j.kansengroep.insert("low_skilled");
  } else if (born_abroad && r.chance(0.29)) {
    j.studies = r.pick(bank.studies.at("unrecognised"));
    j.kansengroep.insert("low_skilled");
  }
}

// Up to `count` different phrases from `items`, in a random order.
Texts pick_distinct(Random& r, Texts items, size_t count) {
  count = std::min(count, items.size());
  for (size_t i = 0; i < count; ++i) std::swap(items[i], items[i + r.below(items.size() - i)]);
  items.resize(count);
  return items;
}

std::string join(const Texts& parts, const std::string& first_name) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " ") + personalise(p, first_name);
  return out;
}

// Strengths and barriers in one domain: at least one of the two.
DomainNotes domain_notes(Random& r, const DomainPhrases& phrases, const std::string& first_name) {
  DomainNotes notes;
  if (r.chance(0.7)) notes.strengths = join(pick_distinct(r, phrases.strengths, r.between(1, 2)), first_name);
  size_t barriers = r.between(notes.strengths.empty() ? 1 : 0, 2);
  for (const auto& text : pick_distinct(r, phrases.barriers, barriers))
    notes.barriers.push_back({personalise(text, first_name), r.chance(0.55) ? "now" : "later"});
  return notes;
}

// Each domain of `list` with its own chance; at least one domain.
std::map<std::string, DomainNotes> domains(Random& r, const std::map<std::string, DomainPhrases>& bank,
                                           const char* list, const std::map<std::string, double>& chance,
                                           const std::string& first_name) {
  std::map<std::string, DomainNotes> out;
  const auto& codes = Vocabulary::get().codes(list);
  for (const auto& code : codes)
    if (r.chance(chance.at(code))) out[code] = domain_notes(r, bank.at(code), first_name);
  if (out.empty()) {
    const auto& code = r.pick(codes);
    out[code] = domain_notes(r, bank.at(code), first_name);
  }
  return out;
}

void write_narrative(Random& r, const PhraseBank& bank, Jobseeker& j, bool migrant, bool born_abroad) {
  const auto& history = bank.life_history;
  Texts story;
  if (r.chance(0.8)) story.push_back(r.pick(history.at("childhood")));
  story.push_back(r.pick(bank.school.at(j.education)));
  if (migrant) story.push_back(r.pick(bank.migration.at(born_abroad ? "first_generation" : "second_generation")));
  if (r.chance(0.9)) story.push_back(r.pick(history.at("work")));
  story.push_back(r.pick(history.at("turning_point")));
  j.life_history = join(story, j.first_name);

  const bool disabled = j.kansengroep.count("work_disabled") > 0;
  j.welfare = domains(r, bank.welfare, "welfare_domain",
                      {{"financial", 0.85},
                       {"health", disabled ? 1.0 : 0.55},
                       {"social_relational", 0.45},
                       {"social_participation", 0.35},
                       {"housing", 0.6},
                       {"support_services", 0.35}},
                      j.first_name);
  const bool weak_dutch = j.dutch_level == "none" || j.dutch_level == "limited";
  j.work = domains(r, bank.work, "work_domain",
                   {{"work_history", 0.8},
                    {"literacy", j.education == "low" ? 0.4 : 0.05},
                    {"language", weak_dutch ? 0.95 : 0.05},
                    {"general_work_skills", 0.6},
                    {"application_assets", 0.6}},
                   j.first_name);
  j.trajectory_so_far = join(pick_distinct(r, bank.trajectory_so_far, r.between(1, 3)), j.first_name);
  j.what_gives_strength = join(pick_distinct(r, bank.what_gives_strength, r.between(1, 2)), j.first_name);
}

}  // namespace

Result<PhraseBank> PhraseBank::load() {
  const std::string path = "data/demo_names.json";
  auto file = embedded_file(path);
  if (!file) return Status::internal(path + " is not embedded");
  try {
    const json doc = json::parse(*file);
    const auto& vocabulary = Vocabulary::get();
    PhraseBank bank;
    for (const auto& [key, group] : doc.at("name_groups").items())
      bank.name_groups[key] = {texts(group, "male"), texts(group, "female"), texts(group, "last")};
    if (!bank.name_groups.count("flemish")) throw std::invalid_argument("name group 'flemish' is missing");
    for (const auto& o : doc.at("migrant_origins")) {
      bank.migrant_origins.push_back({o.at("origin"), o.at("names"), o.at("weight")});
      if (!bank.name_groups.count(bank.migrant_origins.back().names))
        throw std::invalid_argument("unknown name group for origin " + bank.migrant_origins.back().country);
    }
    if (bank.migrant_origins.empty()) throw std::invalid_argument("list 'migrant_origins' is empty");
    bank.team_areas = texts(doc, "team_areas");
    bank.team_regions = texts(doc, "team_regions");
    if (bank.team_regions.size() != bank.team_areas.size())
      throw std::invalid_argument("list 'team_regions' must give one region per team area");
    bank.team_organisations = texts(doc, "team_organisations");
    bank.studies = text_lists(doc.at("studies"), {"low", "medium", "high", "unrecognised"});
    const json& history = doc.at("life_history");
    bank.life_history = text_lists(history, {"childhood", "work", "turning_point"});
    bank.school = text_lists(history.at("school"), vocabulary.codes("education"));
    bank.migration = text_lists(history.at("migration"), {"first_generation", "second_generation"});
    bank.welfare = domain_phrases(doc.at("welfare"), vocabulary.codes("welfare_domain"));
    bank.work = domain_phrases(doc.at("work"), vocabulary.codes("work_domain"));
    bank.trajectory_so_far = texts(doc, "trajectory_so_far");
    bank.what_gives_strength = texts(doc, "what_gives_strength");
    Texts note_keys = vocabulary.codes("contact_kind");
    note_keys.insert(note_keys.end(), {"missed", "rescheduled"});
    bank.contact_notes = text_lists(doc.at("contact_notes"), note_keys);
    return bank;
  } catch (const std::exception& e) {
    return Status::internal(path + ": " + e.what());
  }
}

Jobseeker make_jobseeker(Random& r, const PhraseBank& bank, const std::string& today) {
  Jobseeker j;
  j.sex = r.chance(0.58) ? "male" : "female";
  const Band& band = kAgeBands[r.weighted({5, 11, 21, 34, 21, 5, 3})];
  const int age = int(r.between(band.low, band.high));
  j.birth_date = birth_date_for_age(r, age, today);

  // Allochtoon 45%; one in five of them was born in Belgium.
  const bool migrant = r.chance(0.45);
  const bool born_abroad = migrant && r.chance(0.8);
  const NameGroup* names = &bank.name_groups.at("flemish");
  j.origin = "België";
  if (migrant) {
    std::vector<double> weights;
    for (const auto& o : bank.migrant_origins) weights.push_back(o.weight);
    const MigrantOrigin& origin = bank.migrant_origins[r.weighted(weights)];
    names = &bank.name_groups.at(origin.names);
    j.origin = born_abroad ? origin.country : "België (ouders uit " + origin.country + ")";
    j.kansengroep.insert("migrant");
  }
  j.first_name = r.pick(j.sex == "male" ? names->male : names->female);
  j.last_name = r.pick(names->last);

  draw_household(r, j, age);
  draw_work_and_income(r, j, age);
  draw_education(r, bank, j, born_abroad);
  j.dutch_level = dutch_level(r, born_abroad);
  // Oudere: 50 and over (8% by the age bands). Arbeidsgehandicapt: 5%.
  if (age >= 50) j.kansengroep.insert("older");
  if (r.chance(0.05)) j.kansengroep.insert("work_disabled");
  write_narrative(r, bank, j, migrant, born_abroad);
  return j;
}

std::string make_staff_name(Random& r, const PhraseBank& bank) {
  std::string group = r.chance(0.8) ? "flemish" : r.pick(bank.migrant_origins).names;
  const NameGroup& names = bank.name_groups.at(group);
  return r.pick(r.chance(0.5) ? names.male : names.female) + " " + r.pick(names.last) + " (demo)";
}

std::string personalise(std::string text, const std::string& first_name) {
  const std::string placeholder = "{naam}";
  for (size_t at = text.find(placeholder); at != std::string::npos;
       at = text.find(placeholder, at + first_name.size()))
    text.replace(at, placeholder.size(), first_name);
  return text;
}

}  // namespace spiraal::demo
