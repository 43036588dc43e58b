#pragma once
// Readers for one JSON member of an input body. Each records what is wrong
// as a FieldError instead of throwing, and returns whether `out` was set,
// so that validation can report every field at once.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace spiraal {

// A string of at most `max` characters of clean UTF-8, trimmed; null clears.
bool read_text(const nlohmann::json& v, const std::string& field, size_t max, std::string& out, FieldErrors& errors);
// true or false.
bool read_bool(const nlohmann::json& v, const std::string& field, bool& out, FieldErrors& errors);
// One of `choices` (a string); records rule "choice" otherwise.
bool read_choice(const nlohmann::json& v, const std::string& field, std::initializer_list<const char*> choices,
                 std::string& out, FieldErrors& errors);
// Records "unknown_field" for every member of `obj` not in `known`, named
// `at.<member>` (or just the member when `at` is empty).
void refuse_unknown(const nlohmann::json& obj, const std::string& at, std::initializer_list<const char*> known,
                    FieldErrors& errors);
// A calendar date (YYYY-MM-DD) between 1990 and `today`; empty or null clears.
bool read_past_date(const nlohmann::json& v, const std::string& field, const std::string& today, std::string& out,
                    FieldErrors& errors);

}  // namespace spiraal

namespace spiraal {

// Reads the members of one JSON object, recording every problem under the
// path `at.<member>`; the accessors return an empty value for a missing or
// refused member, so a parser reads all fields and reports all at once.
class ObjectReader {
 public:
  // `errors` must outlive the reader; `obj` is copied. Null reads as an
  // empty object (an optional nested part left out); any other non-object
  // records "type_object" at `at` and reads as empty.
  ObjectReader(const nlohmann::json& obj, std::string at, FieldErrors& errors);

  // The member's field path, e.g. "checks.wants.evidence".
  std::string path(const char* key) const;
  bool has(const char* key) const;
  const nlohmann::json& member(const char* key) const;  // null when absent

  std::string text(const char* key, size_t max, bool required = false);
  std::string choice(const char* key, std::initializer_list<const char*> choices, bool required = false);
  // A calendar date between 1990 and 2100; `past` refuses a date after `today`.
  std::string date(const char* key, bool required = false, const std::string& today = {});
  std::optional<int64_t> integer(const char* key, int64_t min, int64_t max, bool required = false);
  std::optional<double> number(const char* key, double min, double max, bool required = false);
  bool flag(const char* key);  // false when absent
  // A list of at most `max_items` texts of at most `max_len` characters; blanks dropped.
  std::vector<std::string> texts(const char* key, size_t max_items, size_t max_len);
  void refuse_unknown(std::initializer_list<const char*> known);
  void fail(const char* key, std::string rule, std::string param = {});

 private:
  nlohmann::json obj_;         // the object read (empty when it was not one)
  std::string at_;             // path prefix, "" at the top
  FieldErrors& errors_;        // where problems go
};

}  // namespace spiraal
