#pragma once
// Small text helpers shared by validation everywhere.
#include <cstddef>
#include <string>
#include <string_view>

namespace spiraal {

// True for valid UTF-8 without control characters other than tab and newlines.
bool is_clean_text(std::string_view s);
// Number of code points in valid UTF-8.
size_t utf8_length(std::string_view s);
// `s` without leading and trailing ASCII white space.
std::string trim(std::string_view s);
// Lower-cased ASCII letters; other bytes unchanged.
std::string ascii_lower(std::string_view s);
// Whether `name` (trimmed, at least 2 bytes) occurs in `text` as a whole
// word, ignoring ASCII case. Used to refuse text meant to leave a dossier
// (a group theme, a structural signal) when it names the person.
bool mentions_name(std::string_view text, std::string_view name);

}  // namespace spiraal
