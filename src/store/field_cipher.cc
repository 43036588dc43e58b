#include "store/field_cipher.h"

#include <sodium.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "core/secrets.h"
#include "core/text.h"

namespace spiraal {
namespace {

const std::string kPrefix = "enc:1:";

std::string to_base64(const std::string& bin) {
  std::string out(sodium_base64_encoded_len(bin.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bin.data()), bin.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();  // trailing NUL
  return out;
}

std::optional<std::string> from_base64(const std::string& text) {
  std::string out(text.size(), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return std::nullopt;
  out.resize(len);
  return out;
}

std::optional<std::string> from_hex(const std::string& hex) {
  // Built in place and returned as is: GCC 12 at -O2 warns falsely
  // (-Warray-bounds) on moving a local string into the optional.
  std::optional<std::string> out(std::in_place, hex.size() / 2, '\0');
  size_t len = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out->data()), out->size(), hex.data(), hex.size(), nullptr, &len,
                     nullptr) != 0 ||
      len != FieldCipher::kKeyBytes)
    out.reset();
  else
    out->resize(len);
  return out;
}

std::string new_key_line() { return random_token(4) + " " + random_token(FieldCipher::kKeyBytes); }

Status write_private(const std::string& path, const std::string& content) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    if (!out) return Status::internal("cannot write key file " + tmp);
    out << content;
    if (!out.flush()) return Status::internal("cannot write key file " + tmp);
  }
  ::chmod(tmp.c_str(), 0600);
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return Status::internal("cannot replace key file " + path);
  return Status::ok();
}

}  // namespace

FieldCipher::FieldCipher(std::string current_id, std::string current_key, std::map<std::string, std::string> old)
    : current_id_(std::move(current_id)), keys_(std::move(old)) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  if (current_key.size() != kKeyBytes) throw std::invalid_argument("a field key has 32 bytes");
  keys_[current_id_] = std::move(current_key);
}

Result<std::shared_ptr<const FieldCipher>> FieldCipher::from_file(const std::string& path, bool create) {
  std::ifstream in(path);
  if (!in) {
    if (!create) return Status::internal("no key file " + path);
    if (auto s = write_private(path, new_key_line() + "\n"); !s.is_ok()) return s;
    in.open(path);
  }
  std::string line, current_id, current_key;
  std::map<std::string, std::string> old;
  while (std::getline(in, line)) {
    line = trim(line);
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string id, hex;
    fields >> id >> hex;
    auto key = from_hex(hex);
    if (id.empty() || id.find(':') != std::string::npos || !key) return Status::internal("malformed key file " + path);
    if (current_id.empty()) {
      current_id = id;
      current_key = *key;
    } else {
      old[id] = *key;
    }
  }
  if (current_id.empty()) return Status::internal("key file " + path + " holds no key");
  return std::shared_ptr<const FieldCipher>(std::make_shared<FieldCipher>(current_id, current_key, old));
}

Result<std::string> FieldCipher::prepend_new_key(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::internal("no key file " + path);
  std::stringstream rest;
  rest << in.rdbuf();
  std::string line = new_key_line();
  if (auto s = write_private(path, line + "\n" + rest.str()); !s.is_ok()) return s;
  return line.substr(0, line.find(' '));
}

Status FieldCipher::keep_only_current(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    line = trim(line);
    if (!line.empty() && line[0] != '#') return write_private(path, line + "\n");
  }
  return Status::internal("key file " + path + " holds no key");
}

std::string FieldCipher::seal(const std::string& plaintext) const {
  const std::string& key = keys_.at(current_id_);
  std::string box(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + plaintext.size() +
                      crypto_aead_xchacha20poly1305_ietf_ABYTES,
                  '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(box.data());
  randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  unsigned long long len = 0;
  // The key id is authenticated as associated data: a value cannot be
  // relabelled to another key.
  crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &len,
                                             reinterpret_cast<const unsigned char*>(plaintext.data()),
                                             plaintext.size(),
                                             reinterpret_cast<const unsigned char*>(current_id_.data()),
                                             current_id_.size(), nullptr, nonce,
                                             reinterpret_cast<const unsigned char*>(key.data()));
  return kPrefix + current_id_ + ":" + to_base64(box);
}

std::string FieldCipher::open(const std::string& stored) const {
  if (!stored.starts_with(kPrefix)) return stored;
  size_t colon = stored.find(':', kPrefix.size());
  if (colon == std::string::npos) throw std::runtime_error("malformed sealed value");
  std::string id = stored.substr(kPrefix.size(), colon - kPrefix.size());
  auto key = keys_.find(id);
  if (key == keys_.end()) throw std::runtime_error("sealed with unknown key " + id);
  auto box = from_base64(stored.substr(colon + 1));
  const size_t overhead = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES;
  if (!box || box->size() < overhead) throw std::runtime_error("malformed sealed value");
  std::string plain(box->size() - overhead, '\0');
  unsigned long long len = 0;
  const auto* nonce = reinterpret_cast<const unsigned char*>(box->data());
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plain.data()), &len, nullptr,
          nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
          box->size() - crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, reinterpret_cast<const unsigned char*>(id.data()),
          id.size(), nonce, reinterpret_cast<const unsigned char*>(key->second.data())) != 0)
    throw std::runtime_error("sealed value does not authenticate");
  plain.resize(len);
  return plain;
}

bool FieldCipher::current(const std::string& stored) const {
  return stored.starts_with(kPrefix + current_id_ + ":");
}

}  // namespace spiraal
