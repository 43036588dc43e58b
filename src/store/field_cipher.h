#pragma once
// Encryption at rest of sensitive free text (XChaCha20-Poly1305, libsodium).
// A sealed value reads "enc:1:<key id>:<base64 nonce+ciphertext>"; the key id
// lets old keys decrypt while the current key encrypts, so keys can be
// rotated without downtime (`spiraal keys rotate`).
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/status.h"

namespace spiraal {

class FieldCipher {
 public:
  static constexpr size_t kKeyBytes = 32;

  // `current` encrypts; `old` keys (by id) only decrypt. Keys are raw bytes.
  FieldCipher(std::string current_id, std::string current_key, std::map<std::string, std::string> old = {});

  // Reads a key file holding "<id> <64 hex chars>" lines: the first line is
  // the current key, later lines older keys. Creates the file (mode 0600)
  // with one fresh key when `create` and it does not exist.
  static Result<std::shared_ptr<const FieldCipher>> from_file(const std::string& path, bool create);
  // Writes a new key file with a fresh current key followed by the keys of
  // `path` (for rotation). Returns the new key's id.
  static Result<std::string> prepend_new_key(const std::string& path);
  // Rewrites the key file with its first (current) key only.
  static Status keep_only_current(const std::string& path);

  std::string seal(const std::string& plaintext) const;
  // Opens a sealed value; a value without the "enc:" prefix is returned as
  // it is (rows written before encryption). Throws on a wrong or unknown key.
  std::string open(const std::string& stored) const;
  // True when `stored` is sealed with the current key.
  bool current(const std::string& stored) const;
  const std::string& current_id() const { return current_id_; }

 private:
  std::string current_id_;
  std::map<std::string, std::string> keys_;  // id -> 32 key bytes; holds the current key too
};

}  // namespace spiraal
