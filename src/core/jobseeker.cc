#include "core/jobseeker.h"

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/field_reader.h"
#include "core/text.h"
#include "core/vocabulary.h"

namespace spiraal {
namespace {

using nlohmann::json;

struct Binding {
  FieldSpec spec;
  std::string Jobseeker::*text = nullptr;
  std::optional<int> Jobseeker::*count = nullptr;
  int max_count = 0;
};

const std::vector<Binding>& bindings() {
  static const std::vector<Binding> b = {
      {{"first_name", FieldKind::kName, nullptr}, &Jobseeker::first_name},
      {{"last_name", FieldKind::kName, nullptr}, &Jobseeker::last_name},
      {{"birth_date", FieldKind::kDate, nullptr}, &Jobseeker::birth_date},
      {{"sex", FieldKind::kChoice, "sex"}, &Jobseeker::sex},
      {{"origin", FieldKind::kShortText, nullptr}, &Jobseeker::origin},
      {{"civil_status", FieldKind::kChoice, "civil_status"}, &Jobseeker::civil_status},
      {{"children", FieldKind::kCount, nullptr}, nullptr, &Jobseeker::children, 30},
      {{"living_situation", FieldKind::kChoice, "living_situation"}, &Jobseeker::living_situation},
      {{"status", FieldKind::kChoice, "status"}, &Jobseeker::status},
      {{"unemployment_months", FieldKind::kCount, nullptr}, nullptr, &Jobseeker::unemployment_months, 720},
      {{"inactivity_months", FieldKind::kCount, nullptr}, nullptr, &Jobseeker::inactivity_months, 720},
      {{"education", FieldKind::kChoice, "education"}, &Jobseeker::education},
      {{"studies", FieldKind::kShortText, nullptr}, &Jobseeker::studies},
      {{"dutch_level", FieldKind::kChoice, "dutch_level"}, &Jobseeker::dutch_level},
      {{"registered_on", FieldKind::kDate, nullptr}, &Jobseeker::registered_on},
  };
  return b;
}

struct LongText {
  const char* name;
  std::string Jobseeker::*field;
};
const LongText kLongTexts[] = {
    {"life_history", &Jobseeker::life_history},
    {"trajectory_so_far", &Jobseeker::trajectory_so_far},
    {"what_gives_strength", &Jobseeker::what_gives_strength},
};

void read_scalar(Jobseeker& j, const Binding& b, const json& v, const std::string& today, FieldErrors& errors) {
  const std::string name = b.spec.name;
  if (b.spec.kind == FieldKind::kCount) {
    if (v.is_null()) {
      j.*b.count = std::nullopt;
    } else if (!v.is_number_integer()) {
      errors.push_back({name, "type_integer"});
    } else if (v.get<long long>() < 0 || v.get<long long>() > b.max_count) {
      errors.push_back({name, "range", "0-" + std::to_string(b.max_count)});
    } else {
      j.*b.count = v.get<int>();
    }
    return;
  }
  std::string s;
  size_t max = b.spec.kind == FieldKind::kName ? kMaxNameLength : kMaxShortText;
  if (!read_text(v, name, max, s, errors)) return;
  if (!s.empty() && b.spec.kind == FieldKind::kDate) {
    if (!is_iso_date(s)) return errors.push_back({name, "date"});
    if (s > today) return errors.push_back({name, "date_in_future"});
    if (s < "1900-01-01") return errors.push_back({name, "date_too_early"});
  }
  if (!s.empty() && b.spec.kind == FieldKind::kChoice && !Vocabulary::get().allows(b.spec.vocabulary, s))
    return errors.push_back({name, "choice"});
  j.*b.text = std::move(s);
}

void read_kansengroep(Jobseeker& j, const json& v, FieldErrors& errors) {
  std::set<std::string> flags;
  if (v.is_null()) {
    j.kansengroep.clear();
    return;
  }
  if (!v.is_array()) return errors.push_back({"kansengroep", "type_list"});
  for (const auto& item : v) {
    if (!item.is_string() || !Vocabulary::get().allows("kansengroep", item.get<std::string>()))
      return errors.push_back({"kansengroep", "choice"});
    flags.insert(item.get<std::string>());
  }
  j.kansengroep = std::move(flags);
}

void read_domains(std::map<std::string, DomainNotes>& target, const char* section, const char* vocabulary,
                  const json& v, FieldErrors& errors) {
  if (!v.is_object()) return errors.push_back({section, "type_object"});
  for (const auto& [domain, notes] : v.items()) {
    const std::string base = std::string(section) + "." + domain;
    if (!Vocabulary::get().allows(vocabulary, domain)) {
      errors.push_back({base, "unknown_field"});
      continue;
    }
    if (!notes.is_object()) {
      errors.push_back({base, "type_object"});
      continue;
    }
    DomainNotes result = target.count(domain) ? target[domain] : DomainNotes{};
    for (const auto& [key, value] : notes.items()) {
      if (key == "strengths") {
        read_text(value, base + ".strengths", kMaxLongText, result.strengths, errors);
      } else if (key == "barriers") {
        if (!value.is_array()) {
          errors.push_back({base + ".barriers", "type_list"});
          continue;
        }
        if (value.size() > kMaxBarriersPerDomain) {
          errors.push_back({base + ".barriers", "too_many", std::to_string(kMaxBarriersPerDomain)});
          continue;
        }
        result.barriers.clear();
        for (size_t i = 0; i < value.size(); ++i) {
          const std::string at = base + ".barriers." + std::to_string(i);
          const json& b = value[i];
          if (!b.is_object()) {
            errors.push_back({at, "type_object"});
            continue;
          }
          Barrier barrier;
          for (const auto& [bk, bv] : b.items()) {
            if (bk == "text") {
              read_text(bv, at + ".text", kMaxBarrierText, barrier.text, errors);
            } else if (bk == "priority") {
              if (!bv.is_string() || !Vocabulary::get().allows("barrier_priority", bv.get<std::string>()))
                errors.push_back({at + ".priority", "choice"});
              else
                barrier.priority = bv.get<std::string>();
            } else {
              errors.push_back({at + "." + bk, "unknown_field"});
            }
          }
          if (barrier.text.empty()) errors.push_back({at + ".text", "required"});
          if (barrier.priority.empty()) errors.push_back({at + ".priority", "required"});
          result.barriers.push_back(std::move(barrier));
        }
      } else {
        errors.push_back({base + "." + key, "unknown_field"});
      }
    }
    if (result.strengths.empty() && result.barriers.empty())
      target.erase(domain);
    else
      target[domain] = std::move(result);
  }
}

json domains_to_json(const std::map<std::string, DomainNotes>& domains) {
  json out = json::object();
  for (const auto& [domain, notes] : domains) {
    json barriers = json::array();
    for (const auto& b : notes.barriers) barriers.push_back({{"text", b.text}, {"priority", b.priority}});
    out[domain] = {{"strengths", notes.strengths}, {"barriers", std::move(barriers)}};
  }
  return out;
}

}  // namespace

const std::vector<FieldSpec>& objective_fields() {
  static const std::vector<FieldSpec> specs = [] {
    std::vector<FieldSpec> s;
    for (const auto& b : bindings()) s.push_back(b.spec);
    return s;
  }();
  return specs;
}

const std::vector<std::string>& dossier_sections() {
  static const std::vector<std::string> s = {"objective", "life_history", "welfare",
                                             "work",      "trajectory_so_far", "what_gives_strength"};
  return s;
}

json profile_to_json(const Jobseeker& j) {
  json out = json::object();
  for (const auto& b : bindings()) {
    const std::string name = b.spec.name;
    if (name == "first_name" || name == "last_name" || name == "birth_date" || name == "registered_on") continue;
    if (b.count)
      out[name] = (j.*b.count) ? json(*(j.*b.count)) : json(nullptr);
    else
      out[name] = j.*b.text;
  }
  out["kansengroep"] = j.kansengroep;
  return out;
}

json narrative_to_json(const Jobseeker& j) {
  json out = json::object();
  for (const auto& t : kLongTexts) out[t.name] = j.*t.field;
  out["welfare"] = domains_to_json(j.welfare);
  out["work"] = domains_to_json(j.work);
  return out;
}

json to_json(const Jobseeker& j) {
  json out = {{"id", j.id},
              {"version", j.version},
              {"first_name", j.first_name},
              {"last_name", j.last_name},
              {"birth_date", j.birth_date},
              {"registered_on", j.registered_on}};
  out.update(profile_to_json(j));
  out.update(narrative_to_json(j));
  out["created_at"] = j.created_at;
  out["updated_at"] = j.updated_at;
  return out;
}

json section_to_json(const Jobseeker& j, const std::string& section) {
  if (section == "objective") {
    json out = {{"first_name", j.first_name},
                {"last_name", j.last_name},
                {"birth_date", j.birth_date},
                {"registered_on", j.registered_on}};
    out.update(profile_to_json(j));
    return out;
  }
  json narrative = narrative_to_json(j);
  if (!narrative.contains(section)) return json();
  return json{{section, narrative[section]}};
}

FieldErrors apply_patch(Jobseeker& j, const json& patch, const std::string& today,
                        const std::set<std::string>& ignored) {
  FieldErrors errors;
  if (!patch.is_object()) return {{"", "type_object"}};
  for (const auto& [key, value] : patch.items()) {
    if (ignored.count(key)) continue;
    bool known = false;
    for (const auto& b : bindings()) {
      if (key == b.spec.name) {
        read_scalar(j, b, value, today, errors);
        known = true;
        break;
      }
    }
    for (const auto& t : kLongTexts) {
      if (key == t.name) {
        read_text(value, key, kMaxLongText, j.*t.field, errors);
        known = true;
      }
    }
    if (key == "kansengroep") {
      read_kansengroep(j, value, errors);
      known = true;
    } else if (key == "welfare") {
      read_domains(j.welfare, "welfare", "welfare_domain", value, errors);
      known = true;
    } else if (key == "work") {
      read_domains(j.work, "work", "work_domain", value, errors);
      known = true;
    }
    if (!known) errors.push_back({key, "unknown_field"});
  }
  return errors;
}

FieldErrors validate(const Jobseeker& j) {
  FieldErrors errors;
  if (j.first_name.empty()) errors.push_back({"first_name", "required"});
  if (j.last_name.empty()) errors.push_back({"last_name", "required"});
  if (j.birth_date.empty()) errors.push_back({"birth_date", "required"});
  return errors;
}

}  // namespace spiraal
