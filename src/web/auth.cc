#include "web/auth.h"

#include <sodium.h>

#include "core/clock.h"
#include "core/portal.h"
#include "core/secrets.h"
#include "core/text.h"

namespace spiraal {

std::string LoginLimiter::window_start() const {
  return utc_timestamp(std::chrono::system_clock::now() - window_);
}

bool LoginLimiter::blocked(const std::string& username, const std::string& client) {
  const std::string since = window_start();
  return store_.login_failures("u:" + username, since) >= max_failures_ ||
         store_.login_failures("c:" + client, since) >= max_failures_;
}

void LoginLimiter::failed(const std::string& username, const std::string& client) {
  const std::string since = window_start(), now = now_utc();
  store_.add_login_failure("u:" + username, now, since);
  store_.add_login_failure("c:" + client, now, since);
}

void LoginLimiter::succeeded(const std::string& username) { store_.clear_login_failures("u:" + username); }

std::string cookie_value(const std::string& header, const std::string& name) {
  size_t start = 0;
  while (start < header.size()) {
    size_t end = header.find(';', start);
    std::string part = trim(header.substr(start, end == std::string::npos ? std::string::npos : end - start));
    size_t eq = part.find('=');
    if (eq != std::string::npos && part.substr(0, eq) == name) return part.substr(eq + 1);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return {};
}

bool same_secret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

Caller Auth::identify(const std::string& authorization, const std::string& cookies) {
  Caller caller;
  if (authorization.starts_with("Bearer ")) {
    std::string token = trim(authorization.substr(7));
    if (!token.empty()) caller.user = store_.user_by_token(sha256_hex(token));
    return caller;
  }
  std::string token = cookie_value(cookies, kSessionCookie);
  if (token.empty()) return caller;
  std::string digest = sha256_hex(token);
  const auto now = std::chrono::system_clock::now();
  if (auto s = store_.session(digest, utc_timestamp(now), utc_timestamp(now - kSessionIdle))) {
    if (s->first.last_seen_at < utc_timestamp(now - kTouchEvery)) store_.touch_session(digest, utc_timestamp(now));
    caller.user = s->second;
    caller.via_session = true;
    caller.session_hash = digest;
    caller.csrf_token = s->first.csrf_token;
  }
  return caller;
}

Result<Auth::LoggedIn> Auth::login(const std::string& username, const std::string& password,
                                   const std::string& client) {
  if (limiter_.blocked(username, client)) return Status::too_many_requests();
  auto user = store_.user_by_username(username);
  // A jobseeker logs in on their own device only (PortalService::unlock).
  bool ok = verify_password_or_dummy(password, user ? &user->password_hash : nullptr) && user->active &&
            user->role != Role::kJobseeker;
  if (!ok) {
    limiter_.failed(username, client);
    return Status::unauthenticated();
  }
  limiter_.succeeded(username);
  return LoggedIn{open_session(*user), *user};
}

std::string Auth::open_session(const User& user, std::optional<int64_t> device_id) {
  std::string token = random_token();
  std::string expires = utc_timestamp(std::chrono::system_clock::now() + kSessionLifetime);
  store_.create_session(Session{sha256_hex(token), user.id, random_token(16), expires, {}, device_id});
  return token;
}

void Auth::logout(const Caller& caller) {
  if (!caller.session_hash.empty()) store_.delete_session(caller.session_hash);
}

std::string Auth::session_cookie(const std::string& token) const {
  return std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" +
         std::to_string(std::chrono::seconds(kSessionLifetime).count()) + (secure_cookies_ ? "; Secure" : "");
}

std::string Auth::clear_session_cookie() const {
  return std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0" +
         (secure_cookies_ ? "; Secure" : "");
}

std::string Auth::device_cookie(const std::string& token) const {
  return std::string(kDeviceCookie) + "=" + token + "; Path=/mijn; HttpOnly; SameSite=Lax; Max-Age=" +
         std::to_string(kDeviceDays * 86400) + (secure_cookies_ ? "; Secure" : "");
}

std::string Auth::login_cookie(const std::string& token) const {
  return std::string(kLoginCookie) + "=" + token + "; Path=/login; HttpOnly; SameSite=Strict; Max-Age=3600" +
         (secure_cookies_ ? "; Secure" : "");
}

std::string Auth::language_cookie(const std::string& lang) const {
  return std::string(kLanguageCookie) + "=" + lang + "; Path=/; SameSite=Lax; Max-Age=31536000" +
         (secure_cookies_ ? "; Secure" : "");
}

}  // namespace spiraal
