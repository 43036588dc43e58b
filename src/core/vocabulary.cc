#include "core/vocabulary.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/embedded.h"

namespace spiraal {

Vocabulary::Vocabulary() {
  for (const char* file : {"data/vignet.json", "data/selection.json", "data/social_map.json", "data/outreach.json",
                           "data/groups.json", "data/structural_barriers.json"}) {
    auto text = embedded_file(file);
    if (!text) throw std::logic_error(std::string(file) + " was not embedded");
    auto doc = nlohmann::json::parse(*text);
    for (auto& [name, value] : doc.items()) {
      if (!value.is_array()) continue;
      lists_.emplace_back(name, value.get<std::vector<std::string>>());
    }
  }
}

const Vocabulary& Vocabulary::get() {
  static const Vocabulary instance;
  return instance;
}

const std::vector<std::string>& Vocabulary::codes(std::string_view list) const {
  static const std::vector<std::string> empty;
  for (const auto& [name, codes] : lists_)
    if (name == list) return codes;
  return empty;
}

bool Vocabulary::allows(std::string_view list, std::string_view code) const {
  const auto& c = codes(list);
  return std::find(c.begin(), c.end(), code) != c.end();
}

}  // namespace spiraal
