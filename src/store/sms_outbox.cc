#include "store/sms_outbox.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/secrets.h"

namespace spiraal {

Status DirectorySmsOutbox::send(const std::string& to, const std::string& text) {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  std::string name;
  {
    std::lock_guard lock(mutex_);
    name = now_utc() + "-" + std::to_string(++sequence_) + "-" + random_token(4);
  }
  for (char& ch : name)
    if (ch == ':') ch = '-';
  const std::string body = nlohmann::json{{"to", to}, {"text", text}, {"created_at", now_utc()}}.dump();
  const std::string tmp = dir_ + "/." + name + ".tmp", final_path = dir_ + "/" + name + ".json";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) return Status::internal("sms outbox: cannot create " + tmp);
  bool ok = ::write(fd, body.data(), body.size()) == ssize_t(body.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok || std::rename(tmp.c_str(), final_path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::internal("sms outbox: cannot write " + final_path);
  }
  return Status::ok();
}

}  // namespace spiraal
