#include "core/clock.h"

#include <chrono>
#include <algorithm>
#include <cstdio>

namespace spiraal {
namespace {

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

std::optional<long> days_from_iso(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!all_digits(s.substr(0, 4)) || !all_digits(s.substr(5, 2)) || !all_digits(s.substr(8, 2))) return std::nullopt;
  int y = std::stoi(std::string(s.substr(0, 4)));
  unsigned m = std::stoul(std::string(s.substr(5, 2)));
  unsigned d = std::stoul(std::string(s.substr(8, 2)));
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days(ymd).time_since_epoch().count();
}

bool is_iso_date(std::string_view s) { return days_from_iso(s).has_value(); }

std::string iso_from_days(long days) {
  std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  return buf;
}

std::string today_utc() {
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return iso_from_days(now.time_since_epoch().count());
}

std::string now_utc() { return utc_timestamp(std::chrono::system_clock::now()); }

std::string utc_timestamp(std::chrono::system_clock::time_point t) {
  auto now = std::chrono::floor<std::chrono::seconds>(t);
  auto day = std::chrono::floor<std::chrono::days>(now);
  std::chrono::hh_mm_ss hms{now - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", iso_from_days(day.time_since_epoch().count()).c_str(),
                int(hms.hours().count()), int(hms.minutes().count()), int(hms.seconds().count()));
  return buf;
}

std::string add_months(std::string_view date, int months) {
  std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{*days_from_iso(date)}}};
  auto target = std::chrono::year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
  auto last = std::chrono::year_month_day_last{target.year(), std::chrono::month_day_last{target.month()}};
  auto day = std::min(ymd.day(), last.day());
  return iso_from_days(std::chrono::sys_days{std::chrono::year_month_day{target.year(), target.month(), day}}
                           .time_since_epoch()
                           .count());
}

int age_in_years(std::string_view birth, std::string_view on) {
  int years = std::stoi(std::string(on.substr(0, 4))) - std::stoi(std::string(birth.substr(0, 4)));
  if (on.substr(5) < birth.substr(5)) --years;
  return years;
}

}  // namespace spiraal
