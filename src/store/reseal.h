#pragma once
// Re-seals every sensitive column under the store's current key: values
// sealed with an older key and values still in plain text (written before
// encryption, or by the bulk demo loader). Used by `spiraal keys rotate` and
// after `spiraal demo-data`.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "store/store.h"

namespace spiraal {

struct SealedColumn {
  const char* table;
  const char* key;     // the first (or only) column of the primary key
  const char* key2;    // the second column of a two-column key, or nullptr
  const char* column;
};

// Every column that holds sensitive free text (docs/security.md lists them).
const std::vector<SealedColumn>& sealed_columns();

// Re-seals in batches of `batch` rows per transaction; returns the number of
// values rewritten. Safe to interrupt: every value stays readable with the
// key file that lists both keys.
int64_t reseal_all(Store& store, int batch = 2000, const std::function<void(const std::string&)>& progress = nullptr);

}  // namespace spiraal
