// Matching and measure proposals: for a jobseeker, the vacancies and
// training offers ranked by how their key competences cover the core tasks,
// with the hard constraints (hours, travel, childcare) applied and every
// match explained; for a vacancy, the matching jobseekers of the caller's
// caseload; and the employment measures whose rules fit a person or an
// employer, with their reasons and warnings. It proposes; people decide.
#include <map>
#include <type_traits>

#include "core/clock.h"
#include "core/competences.h"
#include "core/match_profile.h"
#include "core/measure_facts.h"
#include "web/app.h"
#include "web/dossier_view.h"

namespace spiraal {
namespace {

using nlohmann::json;

std::string competence_name(const Ctx& c, const std::string& code) {
  const KeyCompetence* k = find_key_competence(code);
  return k ? (c.lang == "en" ? k->en : k->nl) : code;
}

json names(const Ctx& c, const std::vector<std::string>& codes) {
  json out = json::array();
  for (const auto& code : codes) out.push_back({{"code", code}, {"name", competence_name(c, code)}});
  return out;
}

json match_json(const Ctx& c, const Match& m) {
  json tasks = json::array();
  for (const auto& t : m.tasks) tasks.push_back({{"task", t.task}, {"covered", names(c, t.covered)}, {"missing", names(c, t.missing)}});
  json reasons = json::array(), notes = json::array();
  for (const auto& r : m.excluded_because) reasons.push_back({{"code", r}, {"message", c.t("match.excluded." + r)}});
  for (const auto& n : m.notes) notes.push_back({{"code", n}, {"message", c.t("match.note." + n)}});
  return {{"id", m.id}, {"title", m.title}, {"place", m.place}, {"fit", m.fit},
          {"fit_percent", static_cast<int>(m.fit * 100 + 0.5)}, {"target_occupation", m.target_occupation},
          {"tasks", tasks}, {"notes", notes}, {"excluded_because", reasons}};
}

json result_json(const Ctx& c, const MatchResult& r) {
  json ranked = json::array(), excluded = json::array();
  for (const auto& m : r.ranked) ranked.push_back(match_json(c, m));
  for (const auto& m : r.excluded) excluded.push_back(match_json(c, m));
  return {{"ranked", ranked}, {"excluded", excluded}, {"catalogue_empty", r.catalogue_empty}};
}

// Names who offers each match (the employer or the training provider).
template <typename T>
json with_offerers(json result, const std::vector<T>& items) {
  std::map<int64_t, std::string> by_id;
  for (const auto& x : items) {
    if constexpr (std::is_same_v<T, Vacancy>) by_id[x.id] = x.employer;
    else by_id[x.id] = x.provider;
  }
  for (auto* list : {&result["ranked"], &result["excluded"]})
    for (json& m : *list) m["offered_by"] = by_id[static_cast<int64_t>(m["id"])];
  return result;
}

// The page shows the best `n`; the rest are counted.
json first(json result, size_t n) {
  auto& ranked = result["ranked"];
  result["more"] = ranked.size() > n ? ranked.size() - n : 0;
  if (ranked.size() > n) ranked.erase(ranked.begin() + static_cast<long>(n), ranked.end());
  return result;
}

json profile_json(const WorkProfile& p) {
  json out = {{"competences", p.competences}, {"target_occupations", p.target_occupations},
              {"travel_minutes", p.travel_minutes}, {"needs_childcare_friendly_hours", p.needs_childcare_friendly_hours}};
  out["max_hours_per_week"] = p.max_hours_per_week ? json(*p.max_hours_per_week) : json();
  out["min_hours_per_week"] = p.min_hours_per_week ? json(*p.min_hours_per_week) : json();
  out["max_travel_minutes"] = p.max_travel_minutes ? json(*p.max_travel_minutes) : json();
  return out;
}

json proposal_json(const Ctx& c, const MeasureCatalogue& cat, const MeasureProposal& p) {
  json reasons = json::array(), warnings = json::array();
  for (const auto& r : p.reasons) {
    const MeasureFact* f = cat.find_fact(r.fact);
    std::string label = f ? (c.lang == "en" ? f->en : f->nl) : r.fact;
    std::string value = r.value.is_boolean() ? c.t(r.value.get<bool>() ? "match.yes" : "match.no")
                        : r.value.is_string() ? r.value.get<std::string>() : r.value.dump();
    reasons.push_back({{"fact", r.fact}, {"op", r.op}, {"value", r.value},
                       {"message", label + " " + c.t("match.op." + r.op) + " " + value}});
  }
  for (const auto& w : p.warnings) {
    json detail = json::array();
    if (w == "obligations") detail = p.measure->obligations;
    if (w == "exclusion_effects") detail = p.measure->exclusion_effects;
    warnings.push_back({{"code", w}, {"message", c.t("match.warning." + w)}, {"detail", detail}});
  }
  return {{"code", p.measure->code},
          {"name", c.lang == "en" && !p.measure->name_en.empty() ? p.measure->name_en : p.measure->name},
          {"goal", p.measure->goal}, {"max_duration", p.measure->max_duration}, {"source", p.measure->source},
          {"reasons", reasons}, {"warnings", warnings}};
}

// Facts typed by the coach on the page (?fact.<code>=...) over those the
// dossier gives; "" leaves the dossier's, "unknown" drops it.
json facts_from_query(const Ctx& c, const MeasureCatalogue& cat, json facts) {
  for (const auto& f : cat.facts) {
    const std::string key = "fact." + f.code;
    if (!c.req.has_param(key)) continue;
    std::string v = c.req.get_param_value(key);
    if (v.empty()) continue;
    if (v == "unknown") facts.erase(f.code);
    else if (f.type == "bool") facts[f.code] = v == "yes";
    else if (f.type == "int") facts[f.code] = number_from_form(v);
    else facts[f.code] = v;
  }
  return facts;
}

}  // namespace

void App::add_match_routes() {
  // The work records of one dossier as a matching profile (access checked, audited).
  auto profile_of = [this](const Principal& p, int64_t id) -> Result<WorkProfile> {
    auto records = work_.list(p, id);
    if (!records.is_ok()) return records.status();
    return profile_from_records(records.value());
  };

  add("GET", R"(/api/v1/jobseekers/(\d+)/matches)", "api.matches", Access::kDossier, [this, profile_of](Ctx& c) {
    auto profile = profile_of(*c.who, c.path_id());
    if (!profile.is_ok()) return fail(c, profile.status());
    auto vacancies = catalogues_.vacancies(*c.who);
    auto trainings = catalogues_.trainings(*c.who);
    if (!vacancies.is_ok()) return fail(c, vacancies.status());
    send_json(c, 200, {{"profile", profile_json(profile.value())},
                       {"vacancies", with_offerers(result_json(c, match_vacancies(profile.value(), vacancies.value())),
                                                    vacancies.value())},
                       {"trainings", with_offerers(result_json(c, match_trainings(profile.value(), trainings.value())),
                                                    trainings.value())}});
  });

  // The matching jobseekers of the caller's caseload for one vacancy.
  auto candidates = [this, profile_of](Ctx& c) -> Result<std::pair<Vacancy, json>> {
    auto v = catalogues_.vacancy(*c.who, c.path_id());
    if (!v.is_ok()) return v.status();
    CaseloadQuery q;
    q.limit = 500;
    auto page = dossiers_.caseload(*c.who, q);
    if (!page.is_ok()) return page.status();
    std::vector<Candidate> all;
    std::map<int64_t, std::string> names;
    for (const auto& row : page->items) {
      auto p = profile_of(*c.who, row.id);
      if (!p.is_ok()) continue;
      all.push_back({row.id, p.value()});
      names[row.id] = row.first_name + " " + row.last_name;
    }
    json out = result_json(c, match_candidates(v.value(), all));
    for (auto* list : {&out["ranked"], &out["excluded"]})
      for (auto& m : *list) m["title"] = names[m["id"].get<int64_t>()];
    return std::make_pair(v.value(), out);
  };
  add("GET", R"(/api/v1/vacancies/(\d+)/candidates)", "api.vacancies.candidates", Access::kCaseload,
      [this, candidates](Ctx& c) {
        auto r = candidates(c);
        if (!r.is_ok()) return fail(c, r.status());
        send_json(c, 200, r->second);
      });
  add("GET", R"(/vacancies/(\d+))", "vacancies.candidates", Access::kCaseload, [this, candidates](Ctx& c) {
    auto r = candidates(c);
    if (!r.is_ok()) return fail(c, r.status());
    json m = base_model(c);
    m["title"] = r->first.title + " — " + r->first.employer;
    json v = to_json(r->first);
    for (auto& t : v["core_tasks"]) t["competence_names"] = names(c, t["competences"].get<std::vector<std::string>>());
    m["vacancy"] = v;
    m["matches"] = r->second;
    html(c, 200, "vacancy", m);
  });

  add("POST", R"(/api/v1/measures/proposals)", "api.measures.proposals", Access::kAuthenticated, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto cat = catalogues_.measures(*c.who);
    if (!cat.is_ok()) return fail(c, cat.status());
    json facts = body->value("facts", json::object());
    if (auto s = validate_facts(cat.value(), facts); !s.is_ok()) return fail(c, s);
    std::string beneficiary = body->value("beneficiary", "");
    if (beneficiary != "" && beneficiary != "jobseeker" && beneficiary != "employer")
      return fail(c, Status::invalid_field("beneficiary", "choice"));
    json out = json::array();
    for (const auto& p : propose_measures(cat.value(), facts, today_utc(), beneficiary))
      out.push_back(proposal_json(c, cat.value(), p));
    send_json(c, 200, {{"items", out}});
  });

  add("GET", R"(/jobseekers/(\d+)/matches)", "matches.show", Access::kDossier, [this, profile_of](Ctx& c) {
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    auto profile = profile_of(*c.who, c.path_id());
    if (!profile.is_ok()) return fail(c, profile.status());
    json m = base_model(c);
    m["jobseeker"] = header_model(c, j.value());
    m["title"] = c.t("work.page.matches");
    json competences = json::array();
    for (const auto& code : profile->competences) competences.push_back(competence_name(c, code));
    m["profile_competences"] = competences;
    auto vacancies = catalogues_.vacancies(*c.who);
    auto trainings = catalogues_.trainings(*c.who);
    auto cat = catalogues_.measures(*c.who);
    if (!vacancies.is_ok() || !cat.is_ok()) {  // a role that guides no one: the page without catalogues
      m["no_catalogues"] = true;
      return html(c, 200, "matches", m);
    }
    m["vacancies"] =
        first(with_offerers(result_json(c, match_vacancies(profile.value(), vacancies.value())), vacancies.value()), 20);
    m["trainings"] =
        first(with_offerers(result_json(c, match_trainings(profile.value(), trainings.value())), trainings.value()), 20);
    json facts = facts_from_query(c, cat.value(), measure_facts_of(j.value(), today_utc()));
    json fact_fields = json::array();
    for (const auto& f : cat->facts) {
      if (f.code == "employer_kind") continue;  // a fact about an employer, not the person
      json v = facts.value(f.code, json());
      json field = {{"code", f.code}, {"label", c.lang == "en" ? f.en : f.nl}, {"is_bool", f.type == "bool"},
                    {"is_int", f.type == "int"}, {"is_choice", f.type == "choice"}, {"value", v.is_null() ? json("") : v},
                    {"yes", v == true}, {"no", v == false}};
      json choices = json::array();
      for (const auto& ch : f.choices) choices.push_back({{"code", ch}, {"selected", v == ch}});
      field["choices"] = choices;
      fact_fields.push_back(field);
    }
    m["facts"] = fact_fields;
    json proposals = json::array();
    if (validate_facts(cat.value(), facts).is_ok())
      for (const auto& p : propose_measures(cat.value(), facts, today_utc(), "jobseeker"))
        proposals.push_back(proposal_json(c, cat.value(), p));
    m["proposals"] = proposals;
    html(c, 200, "matches", m);
  });
}

}  // namespace spiraal
