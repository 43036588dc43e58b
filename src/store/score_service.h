#pragma once
// The W² score table of a dossier: its item set and every snapshot, with
// access checked and audited like every dossier operation.
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/score_table.h"
#include "store/dossier_service.h"

namespace spiraal {

struct ItemSet {
  std::vector<ScoreItem> items;
  int64_t version = 0;  // 0: the default set, never saved
};

struct StoredScoreTable {
  ScoreTable table;
  std::vector<ScoreItem> items;  // the set it was scored with
};

class ScoreService {
 public:
  // Both must outlive the service.
  ScoreService(Store& store, DossierService& dossiers) : store_(store), dossiers_(dossiers) {}

  Result<ItemSet> item_set(const Principal& p, int64_t jobseeker_id, const std::string& lang);
  // body: {version, items: [...]}; see parse_item_set().
  Result<ItemSet> save_item_set(const Principal& p, int64_t jobseeker_id, const nlohmann::json& body,
                                const std::string& lang);
  // Every snapshot, oldest first.
  Result<std::vector<StoredScoreTable>> tables(const Principal& p, int64_t jobseeker_id);
  Result<StoredScoreTable> add_table(const Principal& p, int64_t jobseeker_id, const nlohmann::json& body,
                                     const std::string& lang);

 private:
  ItemSet load_item_set(sql::Connection& c, int64_t jobseeker_id, const std::string& lang);
  // The dossier's snapshot of `items`: its latest one when that holds the
  // same set, else a new one.
  int64_t item_snapshot(sql::Connection& c, int64_t jobseeker_id, const std::string& items);

  Store& store_;
  DossierService& dossiers_;
};

nlohmann::json items_to_json(const std::vector<ScoreItem>& items);

}  // namespace spiraal
