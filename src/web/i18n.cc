#include "web/i18n.h"

#include "core/embedded.h"
#include "core/text.h"

namespace spiraal {

Catalogs::Catalogs() {
  // web/i18n/<lang>.json holds the shared messages; web/i18n/<topic>.<lang>.json
  // the messages of one part of the product. They are merged per language.
  // French serves the jobseeker's own pages ("mijn traject", *.fr.json);
  // the professional pages it has no message for read in English.
  for (const std::string lang : {"nl", "en", "fr"}) {
    auto main = embedded_file("web/i18n/" + (lang == "fr" ? std::string("en") : lang) + ".json");
    if (!main) throw std::logic_error("missing message catalog " + lang);
    nlohmann::json catalog = nlohmann::json::parse(*main);
    if (lang == "fr")
      for (const auto& [path, text] : embedded_files())
        if (path.starts_with("web/i18n/") && path.ends_with(".en.json")) catalog.merge_patch(nlohmann::json::parse(text));
    for (const auto& [path, text] : embedded_files())
      if (path.starts_with("web/i18n/") && path.ends_with("." + lang + ".json"))
        catalog.merge_patch(nlohmann::json::parse(text));
    languages_.push_back(lang);
    catalogs_.push_back(std::move(catalog));
  }
}

const Catalogs& Catalogs::get() {
  static const Catalogs instance;
  return instance;
}

std::string Catalogs::supported(const std::string& lang) const {
  for (const auto& l : languages_)
    if (l == lang) return l;
  return kDefaultLanguage;
}

const nlohmann::json& Catalogs::catalog(const std::string& lang) const {
  for (size_t i = 0; i < languages_.size(); ++i)
    if (languages_[i] == lang) return catalogs_[i];
  return catalogs_.front();
}

std::string Catalogs::text(const std::string& lang, const std::string& key, const std::string& param) const {
  const nlohmann::json* node = &catalog(lang);
  size_t start = 0;
  while (start <= key.size()) {
    size_t dot = key.find('.', start);
    std::string part = key.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!node->is_object() || !node->contains(part)) return key;
    node = &(*node)[part];
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  if (!node->is_string()) return key;
  std::string s = node->get<std::string>();
  if (auto pos = s.find("{param}"); pos != std::string::npos) s.replace(pos, 7, param);
  return s;
}

std::string Catalogs::describe(const std::string& lang, const FieldError& e) const {
  std::string label = e.field.empty() ? text(lang, "field.body") : text(lang, "field." + e.field);
  if (label.starts_with("field.")) label = e.field;  // nested paths such as welfare.health.barriers.0.text
  return label + ": " + text(lang, "error." + e.rule, e.param);
}

nlohmann::json Catalogs::describe_all(const std::string& lang, const FieldErrors& errors) const {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : errors)
    out.push_back({{"field", e.field}, {"rule", e.rule}, {"message", describe(lang, e)}});
  return out;
}

std::string language_from_accept(const std::string& header) {
  // The first supported primary tag wins; quality values are rarely needed here.
  size_t start = 0;
  while (start < header.size()) {
    size_t end = header.find(',', start);
    std::string tag = ascii_lower(trim(header.substr(start, end == std::string::npos ? std::string::npos : end - start)));
    tag = tag.substr(0, tag.find_first_of(";-"));
    for (const auto& l : Catalogs::get().languages())
      if (tag == l) return l;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return Catalogs::kDefaultLanguage;
}

}  // namespace spiraal
