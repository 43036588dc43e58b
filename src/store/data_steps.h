#pragma once
// Data steps that follow a SQL migration where SQL alone cannot do the work
// (sealed values must be opened to be compared). Store::migrate runs each
// once, right after its migration is applied.
#include <cstdint>

#include "store/field_cipher.h"
#include "store/sql.h"

namespace spiraal {

// After 0028: migration moved every score table's item set into a snapshot
// of its own; the identical snapshots of a dossier are merged into its
// first, its tables pointed there. Returns the number of snapshots removed.
// Works in batches of `people` dossiers per transaction.
int64_t share_score_item_snapshots(sql::Connection& c, const FieldCipher& cipher, int people = 500);

}  // namespace spiraal
