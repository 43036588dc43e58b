#pragma once
// Sending an SMS text is an adapter: Spiraal writes each message into an
// outbox directory, one JSON file {to, text, created_at} per message,
// written whole (temporary name, then renamed). A gateway of the
// organisation's choice picks the files up and deletes them; tests read
// them. Without an outbox, SMS invitations are refused.
#include <mutex>
#include <string>

#include "core/status.h"

namespace spiraal {

class SmsOutbox {
 public:
  virtual ~SmsOutbox() = default;
  virtual Status send(const std::string& to, const std::string& text) = 0;
};

class DirectorySmsOutbox : public SmsOutbox {
 public:
  explicit DirectorySmsOutbox(std::string dir) : dir_(std::move(dir)) {}
  Status send(const std::string& to, const std::string& text) override;

 private:
  std::string dir_;
  std::mutex mutex_;  // one file name per message
  unsigned long sequence_ = 0;
};

}  // namespace spiraal
