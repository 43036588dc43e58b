#pragma once
// Readers for one JSON member of an input body. Each records what is wrong
// as a FieldError instead of throwing, and returns whether `out` was set,
// so that validation can report every field at once.
#include <initializer_list>
#include <string>

#include <nlohmann/json_fwd.hpp>

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
