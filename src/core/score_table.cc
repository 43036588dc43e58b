#include "core/score_table.h"

#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "core/clock.h"
#include "core/embedded.h"
#include "core/field_reader.h"

namespace spiraal {

using nlohmann::json;

namespace {

const json& score_data() {
  static const json doc = [] {
    auto text = embedded_file("data/score_items.json");
    if (!text) throw std::logic_error("data/score_items.json was not embedded");
    return json::parse(*text);
  }();
  return doc;
}

json score_json(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }

}  // namespace

std::vector<ScoreItem> default_score_items(const std::string& lang) {
  std::vector<ScoreItem> out;
  for (const auto& i : score_data()["items"])
    out.push_back({i["code"], i["side"], i.contains(lang) ? i[lang] : i["nl"]});
  return out;
}

json to_json(const ScoreTable& t) {
  json scores = json::object();
  for (const auto& s : t.scores)
    scores[s.code] = {{"start", score_json(s.start)}, {"now", score_json(s.now)}, {"future", score_json(s.future)}};
  return {{"id", t.id},         {"jobseeker_id", t.jobseeker_id}, {"taken_on", t.taken_on},
          {"scorer", t.scorer}, {"scores", scores},               {"created_at", t.created_at}, {"self_entered", t.self_entered}};
}

Result<ScoreTable> parse_score_table(const json& body, const std::vector<ScoreItem>& items, const std::string& today) {
  if (!body.is_object()) return Status::invalid_field("", "type_object");
  FieldErrors errors;
  ScoreTable t;
  bool date_error = false;
  for (const auto& [key, v] : body.items()) {
    if (key == "taken_on") {
      date_error = !read_past_date(v, key, today, t.taken_on, errors);
    } else if (key == "scorer") {
      if (!v.is_string() || (v != "jobseeker" && v != "coach")) errors.push_back({key, "choice"});
      else t.scorer = v.get<std::string>();
    } else if (key != "scores") {
      errors.push_back({key, "unknown_field"});
    }
  }
  if (t.taken_on.empty() && !date_error) errors.push_back({"taken_on", "required"});
  if (t.scorer.empty()) errors.push_back({"scorer", "required"});
  const json& scores = body.contains("scores") ? body["scores"] : json();
  if (!scores.is_object()) {
    errors.push_back({"scores", "type_object"});
    return Status::invalid(std::move(errors));
  }
  std::set<std::string> known;
  for (const auto& item : items) known.insert(item.code);
  for (const auto& [code, _] : scores.items())
    if (!known.count(code)) errors.push_back({"scores." + code, "not_in_item_set"});
  for (const auto& item : items) {
    const std::string base = "scores." + item.code;
    if (!scores.contains(item.code) || !scores[item.code].is_object()) {
      errors.push_back({base, "required"});
      continue;
    }
    ItemScore s{item.code, {}, {}, {}};
    for (const auto& [moment, value] : scores[item.code].items()) {
      std::optional<int>* target = moment == "start" ? &s.start : moment == "now" ? &s.now
                                                    : moment == "future" ? &s.future : nullptr;
      if (!target) {
        errors.push_back({base + "." + moment, "unknown_field"});
      } else if (value.is_null()) {
        target->reset();
      } else if (!value.is_number_integer() || value.get<long long>() < 0 || value.get<long long>() > 10) {
        errors.push_back({base + "." + moment, "range", "0-10"});
      } else {
        *target = value.get<int>();
      }
    }
    t.scores.push_back(s);
  }
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return t;
}

std::string to_string(Reading r) {
  switch (r) {
    case Reading::kProgress: return "progress";
    case Reading::kDecline: return "decline";
    case Reading::kStatusQuo: return "status_quo";
    case Reading::kUnknown: return "unknown";
  }
  return "unknown";
}

Reading read_change(std::optional<int> earlier, std::optional<int> later) {
  if (!earlier || !later) return Reading::kUnknown;
  if (*later > *earlier) return Reading::kProgress;
  if (*later < *earlier) return Reading::kDecline;
  return Reading::kStatusQuo;
}

Result<std::vector<ScoreItem>> parse_item_set(const json& body, const std::string& lang) {
  if (!body.is_object() || !body.contains("items") || !body["items"].is_array())
    return Status::invalid_field("items", "type_list");
  std::vector<ScoreItem> defaults = default_score_items(lang);
  FieldErrors errors;
  std::vector<ScoreItem> out;
  std::set<std::string> seen;
  const auto& list = body["items"];
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string at = "items." + std::to_string(i);
    const json& v = list[i];
    if (!v.is_object()) {
      errors.push_back({at, "type_object"});
      continue;
    }
    ScoreItem item;
    for (const auto& [key, value] : v.items()) {
      if (key == "code" || key == "side" || key == "label") {
        std::string text;
        if (read_text(value, at + "." + key, key == "label" ? 120 : 40, text, errors))
          (key == "code" ? item.code : key == "side" ? item.side : item.label) = text;
      } else {
        errors.push_back({at + "." + key, "unknown_field"});
      }
    }
    const ScoreItem* standard = nullptr;
    for (const auto& d : defaults)
      if (d.code == item.code) standard = &d;
    if (standard) {
      item.side = standard->side;  // a default item keeps its side
      if (item.label.empty()) item.label = standard->label;
    } else if (!item.code.starts_with("own_") || item.code.size() < 5) {
      errors.push_back({at + ".code", "own_item_code"});
    } else if (item.side != "outside" && item.side != "inside") {
      errors.push_back({at + ".side", "choice"});
    }
    if (item.label.empty()) errors.push_back({at + ".label", "required"});
    if (!seen.insert(item.code).second) errors.push_back({at + ".code", "taken"});
    out.push_back(item);
  }
  if (out.empty()) errors.push_back({"items", "required"});
  if (out.size() > 40) errors.push_back({"items", "too_many", "40"});
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return out;
}

std::optional<double> side_average_now(const nlohmann::json& items, const nlohmann::json& scores,
                                       const std::string& side) {
  double sum = 0;
  int n = 0;
  if (!items.is_array() || !scores.is_object()) return std::nullopt;
  for (const auto& item : items) {
    if (!item.is_object() || item.value("side", "") != side) continue;
    const std::string code = item.value("code", "");
    if (!scores.contains(code) || !scores[code].is_object()) continue;
    const auto& now = scores[code].value("now", nlohmann::json());
    if (now.is_number()) sum += now.get<double>(), ++n;
  }
  if (n == 0) return std::nullopt;
  return sum / n;
}

}  // namespace spiraal
