// `spiraal backup` and `spiraal restore`. SQLite: an online, consistent copy
// with VACUUM INTO (the server may keep running), checked with
// integrity_check; restore copies it back into place. PostgreSQL: pg_dump in
// its custom format and pg_restore. The field-encryption key is not in the
// backup: keep the key file safe apart from it (docs/reliability.md).
#include <spawn.h>
#include <sys/wait.h>

#include <filesystem>
#include <iostream>
#include <vector>

#include "cli/commands.h"
#include "store/sql.h"

extern char** environ;

namespace spiraal::cli {
namespace {

// Runs a program with arguments (no shell); true when it exits with 0.
bool run_program(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) return false;
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return false;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// An SQLite file passes integrity_check and holds a migrated schema.
bool sqlite_file_ok(const std::string& path) {
  try {
    auto c = sql::open_sqlite(path);
    auto r = c->query("PRAGMA integrity_check");
    return !r.empty() && r.text(0, 0) == "ok" && !c->query("SELECT 1 FROM schema_migrations LIMIT 1").empty();
  } catch (const sql::Error&) {
    return false;
  }
}

}  // namespace

int run_backup(const Options& o) {
  if (std::filesystem::exists(o.backup_file)) {
    std::cerr << "spiraal: " << o.backup_file << " already exists; choose a new file\n";
    return 2;
  }
  if (sql::is_postgres_url(o.db)) {
    if (!run_program({"pg_dump", "--format=custom", "--no-owner", "--file=" + o.backup_file, "--dbname=" + o.db})) {
      std::cerr << "spiraal: pg_dump failed\n";
      return 1;
    }
  } else {
    auto store = open_store(o);
    if (!store) return 1;
    store->pool().acquire()->query("VACUUM INTO ?", {o.backup_file});
    if (!sqlite_file_ok(o.backup_file)) {
      std::cerr << "spiraal: the backup " << o.backup_file << " failed its integrity check\n";
      return 1;
    }
  }
  std::cout << "backup written to " << o.backup_file
            << "\nthe field-encryption key is not in it: keep the key file safe as well\n";
  return 0;
}

int run_restore(const Options& o) {
  if (!std::filesystem::exists(o.backup_file)) {
    std::cerr << "spiraal: no backup file " << o.backup_file << "\n";
    return 2;
  }
  if (sql::is_postgres_url(o.db)) {
    if (!run_program({"pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                      "--dbname=" + o.db, o.backup_file})) {
      std::cerr << "spiraal: pg_restore failed\n";
      return 1;
    }
  } else {
    if (!sqlite_file_ok(o.backup_file)) {
      std::cerr << "spiraal: " << o.backup_file << " is not an intact Spiraal database\n";
      return 2;
    }
    if (std::filesystem::exists(o.db) && !o.force) {
      std::cerr << "spiraal: " << o.db << " exists; stop the server and add --force to replace it\n";
      return 2;
    }
    // Write beside it, then rename: the database is never half restored.
    const std::string tmp = o.db + ".restoring";
    std::filesystem::copy_file(o.backup_file, tmp, std::filesystem::copy_options::overwrite_existing);
    for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(o.db + suffix);
    std::filesystem::rename(tmp, o.db);
  }
  auto store = open_store(o);  // migrates a backup from an older version
  if (!store) return 1;
  std::cout << "restored " << (sql::is_postgres_url(o.db) ? "the PostgreSQL database" : o.db) << " from "
            << o.backup_file << "\n";
  return 0;
}

}  // namespace spiraal::cli
