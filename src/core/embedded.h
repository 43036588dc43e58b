#pragma once
// Files compiled into the binary at build time (see cmake/embed.cmake):
// db/migrations/*.sql, data/*.json, web/i18n/*.json and web/templates/*.
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace spiraal {

// Every embedded file, keyed by its path relative to the source root.
const std::map<std::string, std::string_view>& embedded_files();

// The content of one embedded file, or nullopt when it was not embedded.
inline std::optional<std::string_view> embedded_file(const std::string& path) {
  const auto& files = embedded_files();
  auto it = files.find(path);
  if (it == files.end()) return std::nullopt;
  return it->second;
}

}  // namespace spiraal
