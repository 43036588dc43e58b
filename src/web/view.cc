#include "web/view.h"

#include <mstch/mstch.hpp>
#include <set>
#include <stdexcept>
#include <vector>

#include "core/embedded.h"
#include "web/i18n.h"

namespace spiraal {
namespace {

mstch::node to_mstch(const nlohmann::json& j);

// Every list `x` also gets `has_x`, so templates can wrap a list in a block
// that appears once ({{#has_x}}<ul>{{#x}}…{{/x}}</ul>{{/has_x}}). Anything
// but an object gives an empty map.
mstch::map map_of(const nlohmann::json& j) {
  mstch::map m;
  if (!j.is_object()) return m;
  for (const auto& [k, v] : j.items()) {
    m.emplace(k, to_mstch(v));
    if (v.is_array() && !j.contains("has_" + k)) m.emplace("has_" + k, !v.empty());
  }
  return m;
}

mstch::node to_mstch(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: return map_of(j);
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

// The message keys `text` names ({{t.a.b}}, {{#t.a}}, {{{t.a}}}), without "t.".
std::set<std::string> messages_named_in(const std::string& text) {
  std::set<std::string> keys;
  for (size_t at = text.find("{{"); at != std::string::npos; at = text.find("{{", at + 2)) {
    size_t end = text.find("}}", at + 2);
    if (end == std::string::npos) break;
    std::string tag = text.substr(at + 2, end - at - 2);
    size_t first = tag.find_first_not_of("#^/&{ \t");
    if (first == std::string::npos || tag.compare(first, 2, "t.") != 0) continue;
    size_t last = tag.find_last_not_of("} \t");
    keys.insert(tag.substr(first + 2, last - first - 1));
  }
  return keys;
}

// Only the messages of `catalog` named in `keys`, in the catalog's shape.
nlohmann::json messages_of(const nlohmann::json& catalog, const std::set<std::string>& keys) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& key : keys) {
    std::string pointer = "/" + key;
    for (auto& ch : pointer)
      if (ch == '.') ch = '/';
    nlohmann::json::json_pointer path(pointer);
    if (catalog.contains(path)) out[path] = catalog.at(path);
  }
  return out;
}

std::string language_of(const nlohmann::json& model) {
  auto lang = model.find("lang");
  return Catalogs::get().supported(lang != model.end() && lang->is_string() ? lang->get<std::string>() : "");
}

}  // namespace

// One template, ready to render: mstch parses every partial it is given on
// every render, so each template gets only the partials it reaches
// ({{> x}}, transitively), and the messages those name ({{t.x}}) per
// language, converted once: all 72 templates and the whole catalog of
// ~2 100 messages made each page cost ~10 ms of CPU.
struct Views::Template {
  std::string text;
  std::map<std::string, std::string> partials;
  std::map<std::string, mstch::node> messages;  // by language
};

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
  const Catalogs& catalogs = Catalogs::get();
  for (const auto& [name, text] : texts) {
    auto t = std::make_unique<Template>();
    t->text = text;
    std::set<std::string> keys = messages_named_in(text);
    std::vector<std::string> todo(1, name);
    while (!todo.empty()) {
      std::string next = todo.back();
      todo.pop_back();
      for (const auto& partial : partials_named_in(texts.at(next))) {
        auto found = texts.find(partial);
        if (found == texts.end()) throw std::logic_error("template " + next + " includes unknown partial " + partial);
        if (!t->partials.emplace(partial, found->second).second) continue;
        todo.push_back(partial);
        keys.merge(messages_named_in(found->second));
      }
    }
    for (const auto& lang : catalogs.languages())
      t->messages.emplace(lang, to_mstch(messages_of(catalogs.catalog(lang), keys)));
    templates_.emplace(name, std::move(t));
  }
}

Views::~Views() = default;

const Views& Views::get() {
  static const Views instance;
  return instance;
}

const Views::Template& Views::find(const std::string& name) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) throw std::logic_error("no template " + name);
  return *it->second;
}

namespace {

// A model that brings its own "t" keeps it; otherwise the template's
// messages in the model's "lang" are added. The root goes to mstch as a
// node: handing it a map made a temporary copy of the whole model.
std::string render(const Views::Template& t, mstch::node& root, const nlohmann::json& model) {
  if (!model.contains("t")) boost::get<mstch::map>(root)["t"] = t.messages.at(language_of(model));
  return mstch::render(t.text, root, t.partials);
}

}  // namespace

std::string Views::fragment(const std::string& name, const nlohmann::json& model) const {
  mstch::node root = map_of(model);
  return render(find(name), root, model);
}

std::string Views::page(const std::string& name, const nlohmann::json& model) const {
  mstch::node root = map_of(model);
  std::string body = render(find(name), root, model);
  boost::get<mstch::map>(root)["body"] = std::move(body);
  auto layout = model.find("layout");
  return render(find(layout != model.end() && layout->is_string() ? layout->get<std::string>() : "layout"), root,
                model);
}

}  // namespace spiraal
