#include "core/knipperlichten.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/embedded.h"

namespace spiraal {
namespace {

struct List {
  std::vector<KnipperlichtRubric> rubrics;
  int threshold = 3;
};

const List& list() {
  static const List l = [] {
    auto text = embedded_file("data/knipperlichten.json");
    if (!text) throw std::logic_error("data/knipperlichten.json was not embedded");
    auto doc = nlohmann::json::parse(*text);
    List out;
    out.threshold = doc["rule"]["min_rubrics"].get<int>();
    for (const auto& r : doc["rubrics"]) {
      KnipperlichtRubric rubric{r["code"], r["nl"], r["en"], {}};
      for (const auto& i : r["indicators"]) rubric.indicators.push_back({i["code"], i["nl"], i["en"]});
      out.rubrics.push_back(std::move(rubric));
    }
    return out;
  }();
  return l;
}

}  // namespace

const std::vector<KnipperlichtRubric>& knipperlicht_rubrics() { return list().rubrics; }
int knipperlicht_threshold() { return list().threshold; }

Result<KnipperlichtResult> evaluate_knipperlichten(const std::set<std::string>& ticked) {
  FieldErrors errors;
  std::set<std::string> known;
  for (const auto& r : knipperlicht_rubrics())
    for (const auto& i : r.indicators) known.insert(i.code);
  for (const auto& code : ticked)
    if (!known.count(code)) errors.push_back({"indicators." + code, "unknown_indicator"});
  if (!errors.empty()) return Status::invalid(std::move(errors));
  KnipperlichtResult result;
  for (const auto& r : knipperlicht_rubrics()) {
    for (const auto& i : r.indicators) {
      if (ticked.count(i.code)) {
        result.counted_rubrics.push_back(r.code);
        break;
      }
    }
  }
  result.probably_in_poverty = int(result.counted_rubrics.size()) >= knipperlicht_threshold();
  return result;
}

}  // namespace spiraal
