#include "store/reseal.h"

namespace spiraal {

const std::vector<SealedColumn>& sealed_columns() {
  static const std::vector<SealedColumn> columns = {
      {"jobseekers", "id", nullptr, "profile"},
      {"jobseekers", "id", nullptr, "narrative"},
      {"jobseeker_versions", "jobseeker_id", "version", "data"},
      {"contacts", "id", nullptr, "note"},
      {"referrals", "id", nullptr, "reason"},
      {"screenings", "jobseeker_id", nullptr, "conditions"},
      {"screenings", "jobseeker_id", nullptr, "mmpp"},
      {"spiral_moves", "id", nullptr, "reason"},
      {"crises", "id", nullptr, "cause"},
      {"score_item_sets", "jobseeker_id", nullptr, "items"},
      {"score_item_snapshots", "id", nullptr, "items"},
      {"instrument_versions", "id", nullptr, "document"},
      {"consents", "id", nullptr, "purpose"},
      {"break_glass", "id", nullptr, "reason"},
      {"goals", "id", nullptr, "text"},
      {"goal_actions", "id", nullptr, "text"},
      {"followups", "id", nullptr, "improved"},
      {"followups", "id", nullptr, "actions_review"},
      {"agreements", "id", nullptr, "content"},
      {"overlegs", "id", nullptr, "document"},
      {"social_links", "id", nullptr, "smart"},
      {"work_records", "id", nullptr, "content"},
      {"integrated_reports", "id", nullptr, "sections"},
      {"outreach_people", "id", nullptr, "content"},
      {"outreach_events", "id", nullptr, "content"},
      {"tracks", "id", nullptr, "aim"},
      {"mdos", "id", nullptr, "document"},
      {"contact_feedback", "id", nullptr, "text"},
      {"counsellor_requests", "id", nullptr, "reason"},
      {"counsellor_requests", "id", nullptr, "answer_reason"},
      {"group_members", "id", nullptr, "name"},
      {"group_sessions", "id", nullptr, "themes"},
      {"group_sessions", "id", nullptr, "report"},
      {"group_themes", "id", nullptr, "text"},
      {"structural_signals", "id", nullptr, "description"},
      {"portal_messages", "id", nullptr, "body"},
      {"portal_invitations", "id", nullptr, "phone"},
  };
  return columns;
}

int64_t reseal_all(Store& store, int batch, const std::function<void(const std::string&)>& progress) {
  const FieldCipher& cipher = store.cipher();
  const std::string current = "enc:1:" + cipher.current_id() + ":%";
  int64_t total = 0;
  for (const auto& col : sealed_columns()) {
    // Keyset pagination over the primary key: (k1) or (k1, k2).
    const std::string k1 = col.key;
    const std::string k2 = col.key2 ? col.key2 : "";
    const std::string keys = col.key2 ? k1 + ", " + k2 : k1;
    const std::string after = col.key2 ? "(" + keys + ") > (?, ?)" : k1 + " > ?";
    const std::string select = "SELECT " + keys + ", " + col.column + " FROM " + col.table + " WHERE " + after +
                               " AND " + col.column + " NOT LIKE ? ORDER BY " + keys + " LIMIT ?";
    const std::string update = std::string("UPDATE ") + col.table + " SET " + col.column + " = ? WHERE " + k1 +
                               " = ?" + (col.key2 ? " AND " + k2 + " = ?" : "");
    const size_t value_at = col.key2 ? 2 : 1;
    int64_t after1 = -1, after2 = -1;
    for (;;) {
      auto c = store.pool().acquire();
      int64_t n = sql::in_transaction(*c, [&] {
        sql::Params page;
        page.emplace_back(after1);
        if (col.key2) page.emplace_back(after2);
        page.emplace_back(current);
        page.emplace_back(int64_t(batch));
        auto rows = c->query(select, page);
        for (size_t i = 0; i < rows.size(); ++i) {
          after1 = rows.integer(i, 0);
          if (col.key2) after2 = rows.integer(i, 1);
          sql::Params params;
          params.emplace_back(cipher.seal(cipher.open(rows.text(i, value_at))));
          params.emplace_back(after1);
          if (col.key2) params.emplace_back(after2);
          c->query(update, params);
        }
        return int64_t(rows.size());
      });
      total += n;
      if (n < batch) break;
    }
    if (progress) progress(std::string(col.table) + "." + col.column + ": done");
  }
  return total;
}

}  // namespace spiraal
