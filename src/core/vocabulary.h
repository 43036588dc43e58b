#pragma once
// The validated enumerations (data/vignet.json, data/selection.json,
// data/social_map.json, data/outreach.json, data/groups.json,
// data/structural_barriers.json), loaded once
// from the embedded copy. Lists are ordered as the handbook presents them.
#include <string>
#include <string_view>
#include <vector>

namespace spiraal {

class Vocabulary {
 public:
  // The process-wide vocabulary; parsed on first use, immutable afterwards.
  static const Vocabulary& get();

  // The codes of one list, e.g. codes("education") == {"low","medium","high"}.
  // An unknown list name yields an empty list.
  const std::vector<std::string>& codes(std::string_view list) const;
  bool allows(std::string_view list, std::string_view code) const;

 private:
  Vocabulary();
  std::vector<std::pair<std::string, std::vector<std::string>>> lists_;  // small: linear scan is fastest
};

}  // namespace spiraal
