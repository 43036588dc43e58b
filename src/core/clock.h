#pragma once
// Calendar dates as ISO strings ("YYYY-MM-DD") and UTC timestamps
// ("YYYY-MM-DDTHH:MM:SSZ"). Both sort correctly as text, which is how the
// stores keep them.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace spiraal {

// True when `s` is a real calendar date written YYYY-MM-DD.
bool is_iso_date(std::string_view s);

// Days since 1970-01-01 for a valid ISO date; nullopt otherwise.
std::optional<long> days_from_iso(std::string_view s);
std::string iso_from_days(long days);

// The current UTC date and timestamp.
std::string today_utc();
std::string now_utc();
// The UTC timestamp of a point in time, to the second.
std::string utc_timestamp(std::chrono::system_clock::time_point t);

// The date `months` calendar months after a valid ISO date; the day is
// clamped to the month's end (2026-01-31 + 1 month = 2026-02-28).
std::string add_months(std::string_view date, int months);

// Whole years between two valid ISO dates (birth date, reference date).
int age_in_years(std::string_view birth_date, std::string_view on_date);

}  // namespace spiraal
