#pragma once
// Authentication for both front doors: browser sessions (cookie + CSRF
// token) and the JSON API (Authorization: Bearer <token>). Sessions live in
// the database so that several stateless servers can share them.
#include <chrono>
#include <optional>
#include <string>

#include "core/status.h"
#include "store/store.h"

namespace spiraal {

inline constexpr const char* kSessionCookie = "spiraal_session";
inline constexpr const char* kLanguageCookie = "spiraal_lang";
// A jobseeker's device ("mijn traject"): a long-lived secret the PIN unlocks.
inline constexpr const char* kDeviceCookie = "spiraal_device";
// The log-in form's own CSRF token, before there is a session: the form
// carries it too, and a cross-site post (SameSite=Strict) has no cookie.
inline constexpr const char* kLoginCookie = "spiraal_login";

// Refuses further log-in attempts for a username or a client address after
// too many failures within a window, whatever the password. The counts are
// kept in the database, so several servers behind one proxy share them.
class LoginLimiter {
 public:
  explicit LoginLimiter(Store& store, int max_failures = 5,
                        std::chrono::seconds window = std::chrono::minutes(15))
      : store_(store), max_failures_(max_failures), window_(window) {}
  bool blocked(const std::string& username, const std::string& client);
  void failed(const std::string& username, const std::string& client);
  void succeeded(const std::string& username);

 private:
  std::string window_start() const;
  Store& store_;
  int max_failures_;
  std::chrono::seconds window_;
};

// Who is calling, and how.
struct Caller {
  std::optional<User> user;
  bool via_session = false;  // a browser session (needs CSRF checks on writes)
  std::string session_hash;  // the stored digest of the session token
  std::string csrf_token;    // of the session; empty for API tokens
};

class Auth {
 public:
  // `store` must outlive this object.
  Auth(Store& store, bool secure_cookies) : store_(store), secure_cookies_(secure_cookies), limiter_(store) {}

  // Resolves the caller from a Bearer token or the session cookie header.
  Caller identify(const std::string& authorization_header, const std::string& cookie_header);

  struct LoggedIn {
    std::string token;  // goes into the cookie; only its digest is stored
    User user;
  };
  // Checks a password and opens a session. kUnauthenticated on a wrong
  // username or password (indistinguishable), kTooManyRequests when limited.
  Result<LoggedIn> login(const std::string& username, const std::string& password, const std::string& client);
  void logout(const Caller& caller);
  // Opens a session for a user already verified (a jobseeker's unlocked
  // device, see PortalService); returns the token for the cookie.
  std::string open_session(const User& user, std::optional<int64_t> device_id = std::nullopt);
  LoginLimiter& limiter() { return limiter_; }

  // Set-Cookie values.
  std::string session_cookie(const std::string& token) const;
  std::string clear_session_cookie() const;
  std::string language_cookie(const std::string& lang) const;
  std::string device_cookie(const std::string& token) const;
  std::string login_cookie(const std::string& token) const;

  // A session ends 12 hours after log-in (absolute) or after 30 minutes
  // without a request (idle), whichever comes first. Uses are recorded at
  // most once a minute.
  static constexpr std::chrono::hours kSessionLifetime{12};
  static constexpr std::chrono::minutes kSessionIdle{30};
  static constexpr std::chrono::seconds kTouchEvery{60};

 private:
  Store& store_;
  bool secure_cookies_;
  LoginLimiter limiter_;
};

// The value of cookie `name` in a Cookie header, or "".
std::string cookie_value(const std::string& cookie_header, const std::string& name);
// Constant-time comparison of two secrets.
bool same_secret(const std::string& a, const std::string& b);

}  // namespace spiraal
