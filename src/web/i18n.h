#pragma once
// Message catalogs (web/i18n/<lang>.json plus web/i18n/<topic>.<lang>.json,
// embedded): Dutch first, English
// available. Keys are dotted paths into the nested catalog, e.g.
// "error.required" or "vocab.education.low".
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace spiraal {

class Catalogs {
 public:
  // The process-wide catalogs; parsed on first use.
  static const Catalogs& get();

  static constexpr const char* kDefaultLanguage = "nl";
  const std::vector<std::string>& languages() const { return languages_; }
  // `lang` when it has a catalog, otherwise the default language.
  std::string supported(const std::string& lang) const;

  // The message for `key`, with "{param}" replaced; the key itself when the
  // catalog has no such message (a test checks the catalogs are complete).
  std::string text(const std::string& lang, const std::string& key, const std::string& param = {}) const;
  // The whole catalog of one language, for templates.
  const nlohmann::json& catalog(const std::string& lang) const;

  // One field error as a sentence in `lang`.
  std::string describe(const std::string& lang, const FieldError& e) const;
  // Field errors as JSON: [{"field","rule","message"}].
  nlohmann::json describe_all(const std::string& lang, const FieldErrors& errors) const;

 private:
  Catalogs();
  std::vector<std::string> languages_;
  std::vector<nlohmann::json> catalogs_;  // parallel to languages_
};

// Picks the language from an Accept-Language header value ("en-GB,en;q=0.8").
std::string language_from_accept(const std::string& header);

}  // namespace spiraal
