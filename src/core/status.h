#pragma once
// Errors as values. Every layer returns Status or Result<T>; exceptions stay
// inside the layer that caught them (see docs/decisions.md).
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace spiraal {

// One problem with one input field. `rule` is a message-catalog key suffix
// (error.<rule>) and `field` a field path such as "welfare.health.barriers.0.text".
struct FieldError {
  FieldError(std::string f, std::string r, std::string p = {})
      : field(std::move(f)), rule(std::move(r)), param(std::move(p)) {}
  std::string field;
  std::string rule;
  std::string param;  // optional detail substituted into the message, e.g. a maximum
  bool operator==(const FieldError&) const = default;
};
using FieldErrors = std::vector<FieldError>;

enum class Code {
  kOk,
  kInvalid,    // input failed validation; `fields` says where
  kNotFound,
  kForbidden,
  kConflict,   // optimistic version check failed
  kUnauthenticated,
  kTooManyRequests,
  kInternal,
};

class Status {
 public:
  Status() = default;
  static Status ok() { return {}; }
  static Status invalid(FieldErrors fields) { return Status(Code::kInvalid, "validation", std::move(fields)); }
  static Status invalid_field(std::string field, std::string rule, std::string param = {}) {
    return invalid({FieldError{std::move(field), std::move(rule), std::move(param)}});
  }
  static Status not_found(std::string what = "not_found") { return Status(Code::kNotFound, std::move(what)); }
  static Status forbidden(std::string what = "forbidden") { return Status(Code::kForbidden, std::move(what)); }
  static Status conflict(std::string detail = "version_conflict") { return Status(Code::kConflict, std::move(detail)); }
  static Status unauthenticated() { return Status(Code::kUnauthenticated, "unauthenticated"); }
  static Status too_many_requests() { return Status(Code::kTooManyRequests, "too_many_requests"); }
  static Status internal(std::string detail) { return Status(Code::kInternal, std::move(detail)); }

  bool is_ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // A message key (e.g. "version_conflict") or, for kInternal, a diagnostic.
  const std::string& message() const { return message_; }
  const FieldErrors& fields() const { return fields_; }

 private:
  Status(Code code, std::string message, FieldErrors fields = {})
      : code_(code), message_(std::move(message)), fields_(std::move(fields)) {}
  Code code_ = Code::kOk;
  std::string message_;
  FieldErrors fields_;
};

// A value or the Status explaining why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Status status) : v_(std::move(status)) {}
  bool is_ok() const { return std::holds_alternative<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }
  // A reference, so that `for (auto& e : r.status().fields())` is safe.
  const Status& status() const {
    static const Status ok;
    return is_ok() ? ok : std::get<Status>(v_);
  }

 private:
  std::variant<T, Status> v_;
};

}  // namespace spiraal
