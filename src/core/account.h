#pragma once
// Rules for user accounts, shared by `spiraal user add` and the admin pages.
#include <string>

#include "core/status.h"

namespace spiraal {

// Usernames: 3-64 characters from a-z, 0-9, '.', '-' and '_'.
// Passwords: at least kMinPasswordLength characters, at most 1024 bytes.
// Roles: a code of the "role" vocabulary.
FieldErrors validate_account(const std::string& username, const std::string& display_name, const std::string& role,
                             const std::string& password);

}  // namespace spiraal
