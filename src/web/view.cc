#include "web/view.h"

#include <mstch/mstch.hpp>
#include <set>
#include <stdexcept>
#include <vector>

#include "core/embedded.h"

namespace spiraal {
namespace {

mstch::node to_mstch(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      // Every list `x` also gets `has_x`, so templates can wrap a list in a
      // block that appears once ({{#has_x}}<ul>{{#x}}…{{/x}}</ul>{{/has_x}}).
      mstch::map m;
      for (const auto& [k, v] : j.items()) {
        m.emplace(k, to_mstch(v));
        if (v.is_array() && !j.contains("has_" + k)) m.emplace("has_" + k, !v.empty());
      }
      return m;
    }
    case nlohmann::json::value_t::array: {
      mstch::array a;
      for (const auto& v : j) a.push_back(to_mstch(v));
      return a;
    }
    case nlohmann::json::value_t::string: return j.get<std::string>();
    case nlohmann::json::value_t::boolean: return j.get<bool>();
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned: return std::to_string(j.get<long long>());
    case nlohmann::json::value_t::number_float: return j.get<double>();
    default: return std::string();
  }
}

// The names of the partials `text` includes directly ({{> name}} or {{>name}}).
std::set<std::string> partials_named_in(const std::string& text) {
  std::set<std::string> names;
  for (size_t at = text.find("{{>"); at != std::string::npos; at = text.find("{{>", at + 3)) {
    size_t end = text.find("}}", at);
    if (end == std::string::npos) break;
    std::string name = text.substr(at + 3, end - at - 3);
    auto first = name.find_first_not_of(" \t");
    auto last = name.find_last_not_of(" \t");
    if (first != std::string::npos) names.insert(name.substr(first, last - first + 1));
  }
  return names;
}

}  // namespace

std::string script_json(const nlohmann::json& value) {
  std::string data = value.dump();
  for (size_t pos; (pos = data.find('<')) != std::string::npos;) data.replace(pos, 1, "\\u003c");
  return data;
}

Views::Views() {
  const std::string prefix = "web/templates/";
  std::map<std::string, std::string> texts;
  for (const auto& [path, text] : embedded_files()) {
    if (!path.starts_with(prefix) || !path.ends_with(".mustache")) continue;
    texts.emplace(path.substr(prefix.size(), path.size() - prefix.size() - 9), std::string(text));
  }
  for (const auto& [name, text] : texts) {
    Template& t = templates_[name];
    t.text = text;
    std::vector<std::string> todo(1, name);
    while (!todo.empty()) {
      std::string next = todo.back();
      todo.pop_back();
      for (const auto& partial : partials_named_in(texts.at(next))) {
        auto found = texts.find(partial);
        if (found == texts.end()) throw std::logic_error("template " + next + " includes unknown partial " + partial);
        if (t.partials.emplace(partial, found->second).second) todo.push_back(partial);
      }
    }
  }
}

const Views& Views::get() {
  static const Views instance;
  return instance;
}

std::string Views::fragment(const std::string& name, const nlohmann::json& model) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) throw std::logic_error("no template " + name);
  return mstch::render(it->second.text, to_mstch(model), it->second.partials);
}

std::string Views::page(const std::string& name, const nlohmann::json& model) const {
  nlohmann::json with_body = model;
  with_body["body"] = fragment(name, model);
  return fragment("layout", with_body);
}

}  // namespace spiraal
