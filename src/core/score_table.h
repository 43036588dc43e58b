#pragma once
// The W² score table (handbook ch. 4, table 2; ch. 8 §3): items on the
// outside (buitenkant) and inside (binnenkant) of poverty, each scored 0-10
// at three moments: start, now and future. A score table is a dated
// snapshot by one scorer, the jobseeker or the coach. The handbook sets no
// cut-offs, so a reading is only progress, decline or status quo.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/status.h"

namespace spiraal {

struct ScoreItem {
  std::string code;
  std::string side;   // outside | inside
  std::string label;  // the handbook's wording, or the jobseeker's own
};

// The 21 default items in the handbook's order, labelled in `lang`.
std::vector<ScoreItem> default_score_items(const std::string& lang);

struct ItemScore {
  std::string code;
  std::optional<int> start, now, future;  // 0-10; empty when not scored
};

struct ScoreTable {
  int64_t id = 0;
  int64_t jobseeker_id = 0;
  std::string taken_on;  // YYYY-MM-DD
  std::string scorer;    // jobseeker | coach
  std::vector<ItemScore> scores;
  std::string created_at;
  bool self_entered = false;  // filled in by the jobseeker themselves, in "mijn traject"
};

nlohmann::json to_json(const ScoreTable& t);

// Reads a snapshot body {taken_on, scorer, scores: {code: {start, now, future}}}
// for a jobseeker whose item set is `items`. Every item of the set must be
// present and no other (a snapshot may not mix item sets); scores are whole
// numbers 0-10 or null.
Result<ScoreTable> parse_score_table(const nlohmann::json& body, const std::vector<ScoreItem>& items,
                                     const std::string& today);

enum class Reading { kProgress, kDecline, kStatusQuo, kUnknown };
std::string to_string(Reading r);
// Compares an earlier and a later score of one item.
Reading read_change(std::optional<int> earlier, std::optional<int> later);

// A per-item item set edit: items left out, renamed or added by the coach
// and jobseeker together. body: {items: [{code, side, label}]} in order;
// default codes keep their side; new codes start with "own_".
Result<std::vector<ScoreItem>> parse_item_set(const nlohmann::json& body, const std::string& lang);

// The average "now" score of one side ("outside" or "inside") of a stored
// table: `items` [{code, side}], `scores` {code: {now}}; nullopt when no
// item of that side was scored.
std::optional<double> side_average_now(const nlohmann::json& items, const nlohmann::json& scores,
                                       const std::string& side);

}  // namespace spiraal
