#pragma once
// The knipperlichtenlijst ("flashing-lights list", handbook ch. 8 §1): five
// rubrics with indicators. Rule: one or more indicators ticked in at least
// 3 of the 5 rubrics indicates that the jobseeker probably lives in poverty.
// An indication, never a label.
#include <set>
#include <string>
#include <vector>

#include "core/status.h"

namespace spiraal {

struct KnipperlichtIndicator {
  std::string code;
  std::string nl, en;  // the handbook's wording and our translation
};

struct KnipperlichtRubric {
  std::string code;
  std::string nl, en;
  std::vector<KnipperlichtIndicator> indicators;
};

// The five rubrics from data/knipperlichten.json, in the handbook's order.
const std::vector<KnipperlichtRubric>& knipperlicht_rubrics();
// The number of rubrics that must count (3).
int knipperlicht_threshold();

struct KnipperlichtResult {
  std::vector<std::string> counted_rubrics;  // rubrics with at least one ticked indicator, in list order
  bool probably_in_poverty = false;          // counted_rubrics.size() >= threshold
  bool operator==(const KnipperlichtResult&) const = default;
};

// Evaluates ticked indicator codes. Unknown codes are field errors
// ("indicators.<code>", "unknown_indicator"); nothing is evaluated then.
Result<KnipperlichtResult> evaluate_knipperlichten(const std::set<std::string>& ticked);

}  // namespace spiraal
