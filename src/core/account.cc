#include "core/account.h"

#include "core/secrets.h"
#include "core/text.h"
#include "core/vocabulary.h"

namespace spiraal {

FieldErrors validate_account(const std::string& username, const std::string& display_name, const std::string& role,
                             const std::string& password) {
  FieldErrors errors;
  bool name_ok = username.size() >= 3 && username.size() <= 64;
  for (char c : username)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_')) name_ok = false;
  if (!name_ok) errors.push_back({"username", "username"});
  if (!is_clean_text(display_name) || utf8_length(display_name) > 100) errors.push_back({"display_name", "text_invalid"});
  if (!Vocabulary::get().allows("role", role)) errors.push_back({"role", "choice"});
  if (utf8_length(password) < kMinPasswordLength || password.size() > 1024)
    errors.push_back({"password", "password_length", std::to_string(kMinPasswordLength)});
  return errors;
}

}  // namespace spiraal
