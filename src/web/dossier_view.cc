#include "web/dossier_view.h"

#include <algorithm>

#include "core/clock.h"
#include "core/vocabulary.h"

namespace spiraal {
namespace {

using nlohmann::json;

std::string label_or_dash(const Ctx& c, const std::string& list, const std::string& code) {
  return code.empty() ? "—" : c.t("vocab." + list + "." + code);
}

json domains_model(const Ctx& c, const std::map<std::string, DomainNotes>& notes, const char* list) {
  json out = json::array();
  for (const auto& domain : Vocabulary::get().codes(list)) {
    auto it = notes.find(domain);
    if (it == notes.end()) continue;
    json barriers = json::array();
    for (const auto& b : it->second.barriers)
      barriers.push_back({{"text", b.text}, {"now", b.priority == "now"},
                          {"priority", c.t("vocab.barrier_priority." + b.priority)}});
    out.push_back({{"label", c.t(std::string("vocab.") + list + "." + domain)},
                   {"strengths", it->second.strengths},
                   {"barriers", barriers},
                   {"has_barriers", !barriers.empty()}});
  }
  return out;
}

}  // namespace

json header_model(const Ctx& c, const Jobseeker& j) {
  return {{"id", j.id},
          {"version", j.version},
          {"full_name", j.first_name + " " + j.last_name},
          {"birth_date", j.birth_date},
          {"age", c.t("dossier.age", std::to_string(age_in_years(j.birth_date, today_utc())))}};
}

void add_sections(json& m, const Ctx& c, const Jobseeker& j, const std::vector<std::string>& sections) {
  auto shown = [&](const char* s) {
    bool yes = std::find(sections.begin(), sections.end(), s) != sections.end();
    m[std::string("show_") + s] = yes;
    return yes;
  };
  if (shown("objective")) {
    json objective = json::array();
    for (const auto& f : objective_fields()) {
      std::string name = f.name;
      if (name == "first_name" || name == "last_name") continue;
      json value = profile_to_json(j).value(name, json());
      std::string text;
      if (name == "birth_date") text = j.birth_date;
      else if (f.kind == FieldKind::kChoice) text = label_or_dash(c, f.vocabulary, value.get<std::string>());
      else if (value.is_number()) text = std::to_string(value.get<int>());
      else text = value.is_string() && !value.get<std::string>().empty() ? value.get<std::string>() : "—";
      objective.push_back({{"label", c.t("field." + name)}, {"value", text}});
    }
    std::string groups;
    for (const auto& k : j.kansengroep) groups += (groups.empty() ? "" : ", ") + c.t("vocab.kansengroep." + k);
    objective.push_back({{"label", c.t("field.kansengroep")}, {"value", groups.empty() ? "—" : groups}});
    m["objective"] = objective;
  }
  if (shown("life_history")) m["life_history"] = j.life_history;
  if (shown("trajectory_so_far")) m["trajectory_so_far"] = j.trajectory_so_far;
  if (shown("what_gives_strength")) m["what_gives_strength"] = j.what_gives_strength;
  if (shown("welfare")) m["welfare"] = domains_model(c, j.welfare, "welfare_domain");
  if (shown("work")) m["work"] = domains_model(c, j.work, "work_domain");
}

}  // namespace spiraal
