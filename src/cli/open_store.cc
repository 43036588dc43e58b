// Opening the database a subcommand names, with its field-encryption key.
// Apart from commands.cc so that the benchmarks (bench/) open a store
// exactly as `spiraal` does without linking the web layer.
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <iostream>

#include "cli/commands.h"

namespace spiraal::cli {

// The key file: --key-file, else $SPIRAAL_KEY_FILE, else <db>.key beside an
// SQLite file (created on first use, so `make run` needs no set-up). Several
// PostgreSQL servers must share one key, so for them it is never invented.
std::string key_path(const Options& o) {
  if (!o.key_file.empty()) return o.key_file;
  if (const char* env = std::getenv("SPIRAAL_KEY_FILE"); env && *env) return env;
  if (sql::is_postgres_url(o.db)) return {};
  return o.db + ".key";
}

namespace {

std::shared_ptr<const FieldCipher> load_cipher(const Options& o) {
  std::string path = key_path(o);
  if (path.empty()) {
    std::cerr << "spiraal: a PostgreSQL database needs --key-file or SPIRAAL_KEY_FILE (the same file on every server)\n";
    return nullptr;
  }
  auto cipher = FieldCipher::from_file(path, /*create=*/o.key_file.empty() && !sql::is_postgres_url(o.db));
  if (!cipher.is_ok()) {
    std::cerr << "spiraal: " << cipher.status().message() << "\n";
    return nullptr;
  }
  return cipher.value();
}

}  // namespace

// Opens and migrates the database; prints why not on failure.
std::unique_ptr<Store> open_store(const Options& o, size_t pool_size) {
  const std::string& db = o.db;
  auto cipher = load_cipher(o);
  if (!cipher) return nullptr;
  auto store = Store::open(db, pool_size, cipher);
  if (!store.is_ok()) {
    std::cerr << "spiraal: cannot open database " << (sql::is_postgres_url(db) ? "(postgresql)" : db) << ": "
              << store.status().message() << "\n";
    return nullptr;
  }
  auto applied = store.value()->migrate();
  if (!applied.is_ok()) {
    std::cerr << "spiraal: " << applied.status().message() << "\n";
    return nullptr;
  }
  for (const auto& name : applied.value()) spdlog::info("applied migration {}", name);
  return std::move(store).value();
}

}  // namespace spiraal::cli
