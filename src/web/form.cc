#include "web/form.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <charconv>

#include "core/jobseeker.h"
#include "core/vocabulary.h"

namespace spiraal {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

nlohmann::json domains_from_form(const Form& form, const std::string& section, const char* vocabulary) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& domain : Vocabulary::get().codes(vocabulary)) {
    const std::string base = section + "." + domain;
    auto texts = form.all(base + ".barrier_text");
    auto priorities = form.all(base + ".barrier_priority");
    nlohmann::json barriers = nlohmann::json::array();
    for (size_t i = 0; i < texts.size(); ++i) {
      if (texts[i].find_first_not_of(" \t\r\n") == std::string::npos) continue;  // blank row
      barriers.push_back({{"text", texts[i]}, {"priority", i < priorities.size() ? priorities[i] : "now"}});
    }
    out[domain] = {{"strengths", form.get(base + ".strengths")}, {"barriers", std::move(barriers)}};
  }
  return out;
}

}  // namespace

nlohmann::json number_from_form(const std::string& raw) {
  if (raw.empty()) return nullptr;
  int v = 0;
  auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), v);
  if (ec == std::errc() && ptr == raw.data() + raw.size()) return v;
  return raw;
}

std::string url_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += char(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string url_encode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += char(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

Form Form::parse(std::string_view body) {
  Form f;
  size_t start = 0;
  while (start <= body.size()) {
    size_t amp = body.find('&', start);
    std::string_view pair = body.substr(start, amp == std::string_view::npos ? std::string_view::npos : amp - start);
    if (!pair.empty()) {
      size_t eq = pair.find('=');
      std::string key = url_decode(pair.substr(0, eq));
      std::string value = eq == std::string_view::npos ? std::string() : url_decode(pair.substr(eq + 1));
      f.values_.emplace(std::move(key), std::move(value));
    }
    if (amp == std::string_view::npos) break;
    start = amp + 1;
  }
  return f;
}

std::string Form::get(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::string() : it->second;
}

std::vector<std::string> Form::all(const std::string& name) const {
  std::vector<std::string> out;
  auto [b, e] = values_.equal_range(name);
  for (auto it = b; it != e; ++it) out.push_back(it->second);
  return out;
}

nlohmann::json dossier_patch_from_form(const Form& form, const std::string& section) {
  nlohmann::json patch = nlohmann::json::object();
  if (section == "objective") {
    for (const auto& f : objective_fields())
      patch[f.name] = f.kind == FieldKind::kCount ? number_from_form(form.get(f.name)) : nlohmann::json(form.get(f.name));
    patch["kansengroep"] = form.all("kansengroep");
  } else if (section == "welfare") {
    patch["welfare"] = domains_from_form(form, "welfare", "welfare_domain");
  } else if (section == "work") {
    patch["work"] = domains_from_form(form, "work", "work_domain");
  } else {
    patch[section] = form.get(section);
  }
  if (form.has("version")) patch["version"] = number_from_form(form.get("version"));
  return patch;
}

nlohmann::json contact_from_form(const Form& form) {
  nlohmann::json body = nlohmann::json::object();
  for (const char* key : {"date", "kind", "status", "initiative", "note"}) body[key] = form.get(key);
  return body;
}

}  // namespace spiraal

namespace spiraal {

namespace {

bool blank(const nlohmann::json& v) {
  if (v.is_null()) return true;
  if (v.is_string()) return v.get<std::string>().find_first_not_of(" \t\r\n") == std::string::npos;
  if (v.is_array()) return v.empty();
  if (v.is_object()) {
    for (const auto& [_, x] : v.items())
      if (!blank(x)) return false;
    return true;
  }
  return false;  // numbers and ticked boxes
}

// Objects keyed "0", "1", ... (rows of a form table) become lists in that
// order, rows left entirely blank dropped.
nlohmann::json rows_as_lists(nlohmann::json v) {
  if (!v.is_object()) return v;
  bool rows = !v.empty();
  for (auto& [k, x] : v.items()) {
    x = rows_as_lists(x);
    rows = rows && !k.empty() && k.size() <= 3 && k.find_first_not_of("0123456789") == std::string::npos;
  }
  if (!rows) return v;
  std::vector<std::pair<int, nlohmann::json>> ordered;
  for (auto& [k, x] : v.items()) ordered.emplace_back(std::stoi(k), x);
  std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  nlohmann::json list = nlohmann::json::array();
  for (auto& [_, x] : ordered)
    if (!blank(x)) list.push_back(x);
  return list;
}

}  // namespace

nlohmann::json form_to_json(const Form& form) {
  using nlohmann::json;
  json out = json::object();
  for (const auto& [raw, value] : form.values()) {
    if (raw.empty() || raw[0] == '_') continue;
    std::string name = raw;
    char type = 's';
    bool list = false;
    if (name.size() > 2 && name.ends_with("[]")) list = true, name.resize(name.size() - 2);
    if (name.size() > 1 && (name.back() == '#' || name.back() == '?')) type = name.back(), name.pop_back();
    json value_json = type == '#' ? number_from_form(value) : type == '?' ? json(value != "0" && value != "false") : json(value);
    if (type == '#' && value_json.is_string()) {  // a decimal such as 19,5 or 19.5
      std::string dotted = value;
      std::replace(dotted.begin(), dotted.end(), ',', '.');
      char* end = nullptr;
      double d = std::strtod(dotted.c_str(), &end);
      if (!dotted.empty() && end == dotted.c_str() + dotted.size() && std::isfinite(d)) value_json = d;
    }
    json* at = &out;
    size_t start = 0;
    bool bad = false;
    for (size_t dot; (dot = name.find('.', start)) != std::string::npos; start = dot + 1) {
      json& next = (*at)[name.substr(start, dot - start)];
      if (next.is_null()) next = json::object();
      if (!next.is_object()) { bad = true; break; }
      at = &next;
    }
    if (bad || !at->is_object()) continue;
    json& leaf = (*at)[name.substr(start)];
    if (list) {
      if (!leaf.is_array()) leaf = json::array();
      if (!(value_json.is_string() && value_json.get<std::string>().find_first_not_of(" \t\r\n") == std::string::npos) &&
          !value_json.is_null())
        leaf.push_back(value_json);
    } else if (leaf.is_null()) {
      leaf = value_json;
    }
  }
  return rows_as_lists(out);
}

}  // namespace spiraal

namespace spiraal {

namespace {

void flatten(const nlohmann::json& v, const std::string& path, nlohmann::json& out) {
  if (v.is_object()) {
    for (const auto& [k, x] : v.items()) flatten(x, path.empty() ? k : path + "." + k, out);
  } else if (v.is_array()) {
    for (size_t i = 0; i < v.size(); ++i) {
      if (v[i].is_object()) flatten(v[i], path + "." + std::to_string(i), out);
      else if (v[i].is_string()) out.push_back({{"name", path + "[]"}, {"value", v[i]}});
      else if (v[i].is_number()) out.push_back({{"name", path + "#[]"}, {"value", v[i].dump()}});
    }
  } else if (v.is_string()) {
    out.push_back({{"name", path}, {"value", v}});
  } else if (v.is_boolean()) {
    out.push_back({{"name", path + "?"}, {"value", v.get<bool>() ? "1" : "0"}});
  } else if (v.is_number()) {
    out.push_back({{"name", path + "#"}, {"value", v.dump()}});
  }
}

}  // namespace

nlohmann::json hidden_fields(const nlohmann::json& value, const std::vector<std::string>& except) {
  nlohmann::json out = nlohmann::json::array();
  if (!value.is_object()) return out;
  for (const auto& [k, x] : value.items())
    if (std::find(except.begin(), except.end(), k) == except.end()) flatten(x, k, out);
  return out;
}

}  // namespace spiraal
