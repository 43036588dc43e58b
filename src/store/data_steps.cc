#include "store/data_steps.h"

#include <map>
#include <string>

namespace spiraal {

int64_t share_score_item_snapshots(sql::Connection& c, const FieldCipher& cipher, int people) {
  int64_t removed = 0, after = -1;
  for (bool more = true; more;) {
    sql::in_transaction(c, [&] {
      auto r = c.query(
          "SELECT id, jobseeker_id, items FROM score_item_snapshots WHERE jobseeker_id IN "
          "(SELECT DISTINCT jobseeker_id FROM score_item_snapshots WHERE jobseeker_id > ? ORDER BY jobseeker_id "
          "LIMIT ?) ORDER BY jobseeker_id, id",
          {after, int64_t(people)});
      more = !r.empty();
      std::map<std::string, int64_t> kept;  // the dossier's item sets, by their text
      for (size_t i = 0; i < r.size(); ++i) {
        if (r.integer(i, 1) != after) {  // the next dossier
          kept.clear();
          after = r.integer(i, 1);
        }
        const int64_t id = r.integer(i, 0);
        auto [first, fresh] = kept.emplace(cipher.open(r.text(i, 2)), id);
        if (fresh) continue;
        c.query("UPDATE score_tables SET item_snapshot_id = ? WHERE jobseeker_id = ? AND item_snapshot_id = ?",
                {first->second, after, id});
        c.query("DELETE FROM score_item_snapshots WHERE id = ?", {id});
        ++removed;
      }
    });
  }
  return removed;
}

}  // namespace spiraal
