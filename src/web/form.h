#pragma once
// HTML form bodies (application/x-www-form-urlencoded) and their translation
// into the same JSON patches the API takes, so forms and API share one set
// of validation rules.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace spiraal {

class Form {
 public:
  // Parses a urlencoded body. Malformed escapes are kept literally; invalid
  // UTF-8 is left for validation to reject.
  static Form parse(std::string_view body);

  // The first value of `name`, or "" when absent.
  std::string get(const std::string& name) const;
  bool has(const std::string& name) const { return values_.count(name) > 0; }
  // Every value of `name`, in order.
  std::vector<std::string> all(const std::string& name) const;
  const std::multimap<std::string, std::string>& values() const { return values_; }

 private:
  std::multimap<std::string, std::string> values_;
};

// Percent-decoding with '+' as space.
std::string url_decode(std::string_view s);
// Percent-encoding of everything but unreserved characters.
std::string url_encode(std::string_view s);

// A number typed in a form: a whole number, null when blank, or the raw text
// so that validation names the field.
nlohmann::json number_from_form(const std::string& raw);

// The JSON patch for one dossier section edited through the form (see
// dossier_sections()); "all" for the create form's objective data.
nlohmann::json dossier_patch_from_form(const Form& form, const std::string& section);
// A generic form as the JSON body the API takes. A field name is a dotted
// path ("checks.wants.answer" nests); a name ending in "[]" collects its
// values in a list (blanks left out); "#" at the end reads a number (blank
// is null) and "?" a tick box (true when sent, unless its value is "0": radio
// buttons for yes and no). Names starting with "_"
// (CSRF token, page) are left out.
nlohmann::json form_to_json(const Form& form);
// The hidden inputs that carry `value` through a form back into the same
// JSON (the inverse of form_to_json): [{"name", "value"}], members named in
// `except` (top-level keys) left out so the visible inputs supply them.
nlohmann::json hidden_fields(const nlohmann::json& value, const std::vector<std::string>& except = {});
// The JSON body of a contact form.
nlohmann::json contact_from_form(const Form& form);

}  // namespace spiraal
