#include "core/portal.h"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include "core/field_reader.h"
#include "core/secrets.h"
#include "core/text.h"

namespace spiraal {

namespace {

constexpr std::string_view kCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
constexpr size_t kCodeLength = 8;

bool all_digits(const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; }

// 111111, 123456, 987654: the first guesses of anyone.
bool guessable_pin(const std::string& pin) {
  bool same = true, up = true, down = true;
  for (size_t i = 1; i < pin.size(); ++i) {
    same = same && pin[i] == pin[0];
    up = up && pin[i] == pin[i - 1] + 1;
    down = down && pin[i] == pin[i - 1] - 1;
  }
  return same || up || down;
}

}  // namespace

std::string new_invitation_code() {
  std::string code;
  for (size_t i = 0; i < kCodeLength; ++i) code += kCodeAlphabet[randombytes_uniform(uint32_t(kCodeAlphabet.size()))];
  return code;
}

std::string normalise_code(const std::string& typed) {
  std::string code;
  for (char c : typed) {
    if (c == ' ' || c == '-') continue;
    char up = (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c;
    if (kCodeAlphabet.find(up) == std::string_view::npos) return {};
    code += up;
  }
  return code.size() == kCodeLength ? code : std::string{};
}

std::string format_code(const std::string& code) {
  return code.size() == kCodeLength ? code.substr(0, 4) + "-" + code.substr(4) : code;
}

FieldErrors validate_portal_secret(const std::string& secret, const std::string& repeat) {
  FieldErrors errors;
  if (all_digits(secret)) {
    if (secret.size() < 6 || secret.size() > 12)
      errors.push_back({"secret", "pin_length"});
    else if (guessable_pin(secret))
      errors.push_back({"secret", "pin_guessable"});
  } else if (utf8_length(secret) < kMinPasswordLength || secret.size() > 1024) {
    errors.push_back({"secret", "secret_length", std::to_string(kMinPasswordLength)});
  }
  if (errors.empty() && secret != repeat) errors.push_back({"secret_repeat", "secret_mismatch"});
  return errors;
}

Result<Invitation> parse_invitation(const nlohmann::json& body) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"channel", "phone", "consent"});
  Invitation inv;
  inv.channel = r.choice("channel", {"in_person", "sms"}, true);
  std::string phone = r.text("phone", 30, inv.channel == "sms");
  if (!r.flag("consent")) r.fail("consent", "portal_consent");
  if (inv.channel == "sms" && !phone.empty()) {
    std::string digits;
    for (char c : phone)
      if (c >= '0' && c <= '9')
        digits += c;
      else if (c != ' ' && c != '+' && c != '/' && c != '.' && c != '-')
        digits.clear(), phone.clear();
    if (phone.starts_with("00"))
      digits = digits.substr(2);
    else if (!phone.starts_with("+") && digits.starts_with("0"))
      digits = "32" + digits.substr(1);  // Belgian 04xx
    if (phone.empty() || digits.size() < 9 || digits.size() > 15) errors.push_back({"phone", "phone"});
    inv.phone = "+" + digits;
  }
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return inv;
}

bool is_story_part(const std::string& instrument) {
  for (const char* part : kStoryParts)
    if (instrument == part) return true;
  return false;
}

Result<nlohmann::json> add_to_story(const std::string& instrument, const nlohmann::json& latest,
                                    const nlohmann::json& fields) {
  nlohmann::json doc = latest.is_object() ? latest : nlohmann::json::object();
  auto field = [&](const char* key) {
    auto it = fields.is_object() ? fields.find(key) : fields.end();
    return it != fields.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  if (instrument == "life_events") {
    if (!doc.contains("events") || !doc["events"].is_array()) doc["events"] = nlohmann::json::array();
    doc["events"].push_back({{"date", field("date")}, {"text", field("text")}, {"tone", field("tone")}});
  } else if (instrument == "balance") {
    if (!doc.contains("blocks") || !doc["blocks"].is_array()) doc["blocks"] = nlohmann::json::array();
    if (!doc.contains("unnamed_size")) doc["unnamed_size"] = 3;
    int size = 0;
    const std::string raw = field("size");
    if (raw.size() == 1 && raw[0] >= '1' && raw[0] <= '9') size = raw[0] - '0';
    if (raw == "10") size = 10;
    if (size == 0) return Status::invalid_field("size", "range", "1-10");
    doc["blocks"].push_back({{"kind", field("kind")}, {"label", field("label")}, {"size", size}});
  } else if (instrument == "strengths") {
    const std::string domain = field("domain");
    if (domain.empty()) return Status::invalid_field("domain", "required");
    if (!doc.contains("domains") || !doc["domains"].is_object()) doc["domains"] = nlohmann::json::object();
    if (!doc["domains"][domain].is_object()) doc["domains"][domain] = nlohmann::json::object();
    for (const char* key : {"i_am", "i_can", "i_have", "i_want"}) doc["domains"][domain][key] = field(key);
  } else {
    return Status::not_found();
  }
  return doc;
}

Result<std::string> parse_message(const nlohmann::json& body) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"text"});
  std::string text = r.text("text", kMessageLength, true);
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return text;
}

}  // namespace spiraal
