#pragma once
// Password hashing (argon2id), random tokens and digests, all via libsodium.
#include <optional>
#include <string>
#include <string_view>

namespace spiraal {

// An argon2id hash in libsodium's self-describing string form. `fast`
// lowers the cost to the minimum, for tests and generated demo data only.
std::optional<std::string> hash_password(std::string_view password, bool fast = false);
bool verify_password(std::string_view password, const std::string& hash);
// verify_password against `hash`, or, when there is no account (null),
// against a fixed hash that never matches, so that timing does not tell a
// missing account from a wrong password.
bool verify_password_or_dummy(std::string_view password, const std::string* hash);

// `bytes` random bytes, hex encoded.
std::string random_token(size_t bytes = 32);
// SHA-256 of `data`, hex encoded. Tokens are stored only as digests.
std::string sha256_hex(std::string_view data);

// Minimum length of a password set through the CLI or the admin pages.
inline constexpr size_t kMinPasswordLength = 10;

}  // namespace spiraal
