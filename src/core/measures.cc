#include "core/measures.h"

#include <algorithm>
#include <initializer_list>
#include <set>
#include <stdexcept>

#include "core/clock.h"
#include "core/embedded.h"
#include "core/field_reader.h"

namespace spiraal {

using nlohmann::json;

namespace {

constexpr std::initializer_list<const char*> kFactTypes = {"bool", "int", "choice"};
constexpr std::initializer_list<const char*> kModules = {"training_on_job",      "guidance_on_job",
                                                          "wage_premium",         "workplace_adaptation",
                                                          "leading_to_work",      "employer_attitude"};
constexpr std::initializer_list<const char*> kCircuits = {"social_economy", "regular_economy", "self_employment"};
constexpr std::initializer_list<const char*> kPlaces = {"on_floor", "beside_floor"};
constexpr std::initializer_list<const char*> kBeneficiaries = {"jobseeker", "employer"};
constexpr std::initializer_list<const char*> kOps = {"eq", "ne", "gte", "lte", "in"};

// Texts in a catalogue are short labels or a paragraph of the seed.
constexpr size_t kMaxCode = 60;
constexpr size_t kMaxLabel = 200;
constexpr size_t kMaxText = 4000;

bool is_slug(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// Reads the members of one JSON object, recording every problem in `errors`
// under `at.<member>`. Each reader returns whether `out` was set.
class MeasureReader {
 public:
  MeasureReader(const json& obj, std::string at, FieldErrors& errors)
      : obj_(obj), at_(std::move(at)), errors_(errors) {}

  std::string path(const std::string& member) const { return at_.empty() ? member : at_ + "." + member; }

  // The member, or nullptr after recording "required".
  const json* member(const char* name) {
    if (!obj_.contains(name)) {
      errors_.push_back({path(name), "required"});
      return nullptr;
    }
    return &obj_[name];
  }

  // A text; `non_empty` records "not_empty" for "" (and null).
  bool text(const char* name, size_t max, bool non_empty, std::string& out) {
    const json* v = member(name);
    if (!v) return false;
    if (v->is_null()) {
      if (non_empty) return errors_.push_back({path(name), "not_empty"}), false;
      return out.clear(), true;
    }
    if (!v->is_string()) return errors_.push_back({path(name), "type_text"}), false;
    std::string s;
    if (!read_text(*v, path(name), max, s, errors_)) return false;
    if (non_empty && s.empty()) return errors_.push_back({path(name), "not_empty"}), false;
    out = s;
    return true;
  }

  bool code(const char* name, std::string& out) {
    std::string s;
    if (!text(name, kMaxCode, true, s)) return false;
    if (!is_slug(s)) return errors_.push_back({path(name), "choice"}), false;
    out = s;
    return true;
  }

  bool choice(const char* name, std::initializer_list<const char*> choices, std::string& out) {
    const json* v = member(name);
    return v && read_choice(*v, path(name), choices, out, errors_);
  }

  bool boolean(const char* name, bool& out) {
    const json* v = member(name);
    return v && read_bool(*v, path(name), out, errors_);
  }

  // A calendar date YYYY-MM-DD; with `nullable`, null reads as "".
  bool date(const char* name, bool nullable, std::string& out) {
    const json* v = member(name);
    if (!v) return false;
    if (nullable && v->is_null()) return out.clear(), true;
    if (!v->is_string() || !is_iso_date(v->get_ref<const std::string&>()))
      return errors_.push_back({path(name), "date"}), false;
    out = v->get<std::string>();
    return true;
  }

  // The member if it is a list, else nullptr after recording the problem.
  const json* list(const char* name) {
    const json* v = member(name);
    if (!v) return nullptr;
    if (!v->is_array()) return errors_.push_back({path(name), "type_list"}), nullptr;
    return v;
  }

  // A list of texts, each at most `max` characters and not empty.
  bool texts(const char* name, size_t max, std::vector<std::string>& out) {
    const json* v = list(name);
    if (!v) return false;
    bool ok = true;
    for (size_t i = 0; i < v->size(); ++i) {
      const std::string at = path(name) + "." + std::to_string(i);
      std::string s;
      if (!(*v)[i].is_string()) {
        errors_.push_back({at, "type_text"});
        ok = false;
      } else if (read_text((*v)[i], at, max, s, errors_)) {
        if (s.empty()) {
          errors_.push_back({at, "not_empty"});
          ok = false;
        } else {
          out.push_back(s);
        }
      } else {
        ok = false;
      }
    }
    return ok;
  }

 private:
  const json& obj_;   // the object being read
  std::string at_;    // its field path, "" for the document
  FieldErrors& errors_;  // where problems go
};

// Whether `v` is a value of `fact`'s type; records the problem at `at`.
bool check_value(const MeasureFact& fact, const json& v, const std::string& at, FieldErrors& errors) {
  if (fact.type == "bool") {
    if (v.is_boolean()) return true;
    errors.push_back({at, "type_boolean"});
  } else if (fact.type == "int") {
    if (v.is_number_integer()) return true;
    errors.push_back({at, "type_integer"});
  } else {
    if (v.is_string() && std::find(fact.choices.begin(), fact.choices.end(), v.get<std::string>()) !=
                             fact.choices.end())
      return true;
    errors.push_back({at, "choice"});
  }
  return false;
}

MeasureFact parse_fact(const json& doc, const std::string& at, FieldErrors& errors) {
  MeasureFact fact;
  if (!doc.is_object()) {
    errors.push_back({at, "type_object"});
    return fact;
  }
  refuse_unknown(doc, at, {"code", "type", "choices", "nl", "en"}, errors);
  MeasureReader r(doc, at, errors);
  r.code("code", fact.code);
  r.choice("type", kFactTypes, fact.type);
  r.text("nl", kMaxLabel, true, fact.nl);
  r.text("en", kMaxLabel, true, fact.en);
  if (fact.type == "choice") {
    if (r.texts("choices", kMaxCode, fact.choices)) {
      if (fact.choices.empty()) errors.push_back({r.path("choices"), "not_empty"});
      std::set<std::string> seen;
      for (size_t i = 0; i < fact.choices.size(); ++i)
        if (!seen.insert(fact.choices[i]).second)
          errors.push_back({r.path("choices") + "." + std::to_string(i), "duplicate"});
    }
  } else if (doc.contains("choices")) {
    errors.push_back({r.path("choices"), "unknown_field"});
  }
  return fact;
}

MeasureCondition parse_condition(const json& doc, const std::string& at, const MeasureCatalogue& cat,
                                 FieldErrors& errors) {
  MeasureCondition c;
  if (!doc.is_object()) {
    errors.push_back({at, "type_object"});
    return c;
  }
  refuse_unknown(doc, at, {"fact", "op", "value"}, errors);
  MeasureReader r(doc, at, errors);
  const MeasureFact* fact = nullptr;
  if (r.text("fact", kMaxCode, true, c.fact)) {
    fact = cat.find_fact(c.fact);
    if (!fact) errors.push_back({r.path("fact"), "unknown_code"});
  }
  bool op_ok = r.choice("op", kOps, c.op);
  if (op_ok && fact && (c.op == "gte" || c.op == "lte") && fact->type != "int") {
    errors.push_back({r.path("op"), "op_type"});
    op_ok = false;
  }
  const json* value = r.member("value");
  if (!value) return c;
  c.value = *value;
  if (!fact || !op_ok) return c;
  if (c.op == "in") {
    if (!value->is_array()) {
      errors.push_back({r.path("value"), "type_list"});
    } else if (value->empty()) {
      errors.push_back({r.path("value"), "not_empty"});
    } else {
      for (size_t i = 0; i < value->size(); ++i)
        check_value(*fact, (*value)[i], r.path("value") + "." + std::to_string(i), errors);
    }
  } else {
    check_value(*fact, *value, r.path("value"), errors);
  }
  return c;
}

MeasureRule parse_rule(const json& doc, const std::string& at, const MeasureCatalogue& cat, FieldErrors& errors) {
  MeasureRule rule;
  if (!doc.is_object()) {
    errors.push_back({at, "type_object"});
    return rule;
  }
  refuse_unknown(doc, at, {"valid_from", "valid_to", "conditions"}, errors);
  MeasureReader r(doc, at, errors);
  bool from_ok = r.date("valid_from", false, rule.valid_from);
  bool to_ok = r.date("valid_to", true, rule.valid_to);
  if (from_ok && to_ok && !rule.valid_to.empty() && rule.valid_to < rule.valid_from)
    errors.push_back({r.path("valid_to"), "date_order"});
  if (const json* conditions = r.list("conditions"))
    for (size_t i = 0; i < conditions->size(); ++i)
      rule.conditions.push_back(
          parse_condition((*conditions)[i], r.path("conditions") + "." + std::to_string(i), cat, errors));
  return rule;
}

Measure parse_measure(const json& doc, const std::string& at, const MeasureCatalogue& cat, FieldErrors& errors) {
  Measure m;
  if (!doc.is_object()) {
    errors.push_back({at, "type_object"});
    return m;
  }
  refuse_unknown(doc, at,
                 {"code", "name", "name_en", "module", "circuit", "place", "beneficiary", "goal", "target_group",
                  "max_duration", "max_months", "time_limited", "obligations", "exclusion_effects",
                  "needs_employer_consent", "strengths", "weaknesses", "provider", "source", "rules"},
                 errors);
  MeasureReader r(doc, at, errors);
  r.code("code", m.code);
  r.text("name", kMaxLabel, true, m.name);
  r.text("name_en", kMaxLabel, true, m.name_en);
  r.choice("module", kModules, m.module);
  if (const json* circuit = r.list("circuit")) {
    if (circuit->empty()) errors.push_back({r.path("circuit"), "not_empty"});
    for (size_t i = 0; i < circuit->size(); ++i) {
      const std::string p = r.path("circuit") + "." + std::to_string(i);
      std::string c;
      if (!read_choice((*circuit)[i], p, kCircuits, c, errors)) continue;
      if (std::find(m.circuit.begin(), m.circuit.end(), c) != m.circuit.end())
        errors.push_back({p, "duplicate"});
      else
        m.circuit.push_back(c);
    }
  }
  r.choice("place", kPlaces, m.place);
  r.choice("beneficiary", kBeneficiaries, m.beneficiary);
  r.text("goal", kMaxText, true, m.goal);
  r.text("target_group", kMaxText, true, m.target_group);
  r.text("max_duration", kMaxLabel, true, m.max_duration);
  if (const json* months = r.member("max_months"); months && !months->is_null()) {
    if (!months->is_number_integer())
      errors.push_back({r.path("max_months"), "type_integer"});
    else if (months->get<long long>() < 1 || months->get<long long>() > 600)
      errors.push_back({r.path("max_months"), "range", "1-600"});
    else
      m.max_months = months->get<int>();
  }
  r.boolean("time_limited", m.time_limited);
  r.texts("obligations", kMaxText, m.obligations);
  r.texts("exclusion_effects", kMaxText, m.exclusion_effects);
  r.boolean("needs_employer_consent", m.needs_employer_consent);
  r.texts("strengths", kMaxText, m.strengths);
  r.texts("weaknesses", kMaxText, m.weaknesses);
  r.text("provider", kMaxLabel, false, m.provider);
  r.text("source", kMaxLabel, true, m.source);
  if (const json* rules = r.list("rules"))
    for (size_t i = 0; i < rules->size(); ++i)
      m.rules.push_back(parse_rule((*rules)[i], r.path("rules") + "." + std::to_string(i), cat, errors));
  return m;
}

// Whether `facts` meets `c`; a missing, null or mistyped fact fails.
bool condition_met(const MeasureCondition& c, const json& facts) {
  if (!facts.is_object() || !facts.contains(c.fact)) return false;
  const json& v = facts[c.fact];
  if (v.is_null()) return false;
  if (c.op == "eq") return v == c.value;
  if (c.op == "ne") return v != c.value;
  if (c.op == "gte" || c.op == "lte") {
    if (!v.is_number_integer() || !c.value.is_number_integer()) return false;
    const auto a = v.get<long long>(), b = c.value.get<long long>();
    return c.op == "gte" ? a >= b : a <= b;
  }
  if (c.op == "in" && c.value.is_array())
    return std::any_of(c.value.begin(), c.value.end(), [&](const json& x) { return x == v; });
  return false;
}

bool rule_valid_on(const MeasureRule& rule, const std::string& today) {
  return rule.valid_from <= today && (rule.valid_to.empty() || today <= rule.valid_to);
}

}  // namespace

const MeasureFact* MeasureCatalogue::find_fact(const std::string& code) const {
  for (const auto& f : facts)
    if (f.code == code) return &f;
  return nullptr;
}

const Measure* MeasureCatalogue::find_measure(const std::string& code) const {
  for (const auto& m : measures)
    if (m.code == code) return &m;
  return nullptr;
}

Result<MeasureCatalogue> parse_measure_catalogue(const json& doc) {
  if (!doc.is_object()) return Status::invalid_field("catalogue", "type_object");
  FieldErrors errors;
  MeasureCatalogue cat;
  refuse_unknown(doc, "", {"_source", "version", "facts", "measures"}, errors);
  MeasureReader r(doc, "", errors);
  r.text("_source", kMaxText, true, cat.source);
  r.text("version", kMaxLabel, true, cat.version);
  if (const json* facts = r.list("facts")) {
    std::set<std::string> seen;
    for (size_t i = 0; i < facts->size(); ++i) {
      const std::string at = "facts." + std::to_string(i);
      MeasureFact fact = parse_fact((*facts)[i], at, errors);
      if (fact.code.empty()) continue;
      if (!seen.insert(fact.code).second) {
        errors.push_back({at + ".code", "duplicate"});
        continue;
      }
      cat.facts.push_back(std::move(fact));
    }
  }
  if (const json* measures = r.list("measures")) {
    std::set<std::string> seen;
    for (size_t i = 0; i < measures->size(); ++i) {
      const std::string at = "measures." + std::to_string(i);
      Measure m = parse_measure((*measures)[i], at, cat, errors);
      if (!m.code.empty() && !seen.insert(m.code).second) errors.push_back({at + ".code", "duplicate"});
      cat.measures.push_back(std::move(m));
    }
  }
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return cat;
}

const MeasureCatalogue& default_measure_catalogue() {
  static const MeasureCatalogue cat = [] {
    auto text = embedded_file("data/employment_measures.json");
    if (!text) throw std::logic_error("data/employment_measures.json was not embedded");
    auto parsed = parse_measure_catalogue(json::parse(*text));
    if (!parsed.is_ok()) {
      std::string what = "data/employment_measures.json does not parse:";
      for (const auto& e : parsed.status().fields()) what += " " + e.field + " (" + e.rule + ")";
      throw std::logic_error(what);
    }
    return std::move(parsed).value();
  }();
  return cat;
}

json to_json(const MeasureFact& fact) {
  json out = {{"code", fact.code}, {"type", fact.type}, {"nl", fact.nl}, {"en", fact.en}};
  if (fact.type == "choice") out["choices"] = fact.choices;
  return out;
}

json to_json(const Measure& m) {
  json rules = json::array();
  for (const auto& rule : m.rules) {
    json conditions = json::array();
    for (const auto& c : rule.conditions) conditions.push_back({{"fact", c.fact}, {"op", c.op}, {"value", c.value}});
    rules.push_back({{"valid_from", rule.valid_from},
                     {"valid_to", rule.valid_to.empty() ? json(nullptr) : json(rule.valid_to)},
                     {"conditions", conditions}});
  }
  return {{"code", m.code},
          {"name", m.name},
          {"name_en", m.name_en},
          {"module", m.module},
          {"circuit", m.circuit},
          {"place", m.place},
          {"beneficiary", m.beneficiary},
          {"goal", m.goal},
          {"target_group", m.target_group},
          {"max_duration", m.max_duration},
          {"max_months", m.max_months ? json(*m.max_months) : json(nullptr)},
          {"time_limited", m.time_limited},
          {"obligations", m.obligations},
          {"exclusion_effects", m.exclusion_effects},
          {"needs_employer_consent", m.needs_employer_consent},
          {"strengths", m.strengths},
          {"weaknesses", m.weaknesses},
          {"provider", m.provider},
          {"source", m.source},
          {"rules", rules}};
}

json to_json(const MeasureCatalogue& cat) {
  json facts = json::array();
  for (const auto& f : cat.facts) facts.push_back(to_json(f));
  json measures = json::array();
  for (const auto& m : cat.measures) measures.push_back(to_json(m));
  return {{"_source", cat.source}, {"version", cat.version}, {"facts", facts}, {"measures", measures}};
}

Status validate_facts(const MeasureCatalogue& cat, const json& facts) {
  if (!facts.is_object()) return Status::invalid_field("facts", "type_object");
  FieldErrors errors;
  for (const auto& [code, value] : facts.items()) {
    const MeasureFact* fact = cat.find_fact(code);
    if (!fact)
      errors.push_back({code, "unknown_code"});
    else if (!value.is_null())
      check_value(*fact, value, code, errors);
  }
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return Status::ok();
}

std::vector<MeasureProposal> propose_measures(const MeasureCatalogue& cat, const json& facts,
                                              const std::string& today, const std::string& beneficiary) {
  std::vector<MeasureProposal> out;
  for (const auto& m : cat.measures) {
    if (!beneficiary.empty() && m.beneficiary != beneficiary) continue;
    for (const auto& rule : m.rules) {
      if (!rule_valid_on(rule, today)) continue;
      if (!std::all_of(rule.conditions.begin(), rule.conditions.end(),
                       [&](const MeasureCondition& c) { return condition_met(c, facts); }))
        continue;
      MeasureProposal p{&m, rule.conditions, {}};
      if (m.time_limited) p.warnings.push_back("time_limited");
      if (!m.exclusion_effects.empty()) p.warnings.push_back("exclusion_effects");
      if (!m.obligations.empty()) p.warnings.push_back("obligations");
      if (m.needs_employer_consent) p.warnings.push_back("needs_employer_consent");
      out.push_back(std::move(p));
      break;
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const MeasureProposal& a, const MeasureProposal& b) {
    if (a.measure->time_limited != b.measure->time_limited) return !a.measure->time_limited;
    return a.measure->name < b.measure->name;
  });
  return out;
}

}  // namespace spiraal
