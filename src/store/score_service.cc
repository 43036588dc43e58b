#include "store/score_service.h"

#include <map>

#include "core/clock.h"

namespace spiraal {

using nlohmann::json;

namespace {

std::vector<ScoreItem> items_from_json(const json& j) {
  std::vector<ScoreItem> out;
  for (const auto& i : j) out.push_back({i["code"], i["side"], i["label"]});
  return out;
}

// A moment's score as stored: a whole number 0-10 or null.
std::optional<int> stored_score(const json& item, const char* moment) {
  auto it = item.find(moment);
  if (it == item.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<int>();
}

// A table as stored: validated by parse_score_table() on the way in, read
// back without the parser (it cost 6× the query). Items the set has and the
// scores lack read as unscored.
std::vector<ItemScore> stored_scores(const std::string& text, const std::vector<ScoreItem>& items) {
  const json scores = json::parse(text);
  std::vector<ItemScore> out;
  out.reserve(items.size());
  for (const auto& item : items) {
    ItemScore s{item.code, {}, {}, {}};
    if (auto it = scores.find(item.code); it != scores.end() && it->is_object())
      s = {item.code, stored_score(*it, "start"), stored_score(*it, "now"), stored_score(*it, "future")};
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

json items_to_json(const std::vector<ScoreItem>& items) {
  json out = json::array();
  for (const auto& i : items) out.push_back({{"code", i.code}, {"side", i.side}, {"label", i.label}});
  return out;
}

ItemSet ScoreService::load_item_set(sql::Connection& c, int64_t jobseeker_id, const std::string& lang) {
  auto r = c.query("SELECT items, version FROM score_item_sets WHERE jobseeker_id = ?", {jobseeker_id});
  if (r.empty()) return {default_score_items(lang), 0};
  return {items_from_json(json::parse(store_.cipher().open(r.text(0, 0)))), r.integer(0, 1)};
}

int64_t ScoreService::item_snapshot(sql::Connection& c, int64_t jobseeker_id, const std::string& items) {
  auto last = c.query("SELECT id, items FROM score_item_snapshots WHERE jobseeker_id = ? ORDER BY id DESC LIMIT 1",
                      {jobseeker_id});
  if (!last.empty() && store_.cipher().open(last.text(0, 1)) == items) return last.integer(0, 0);
  return c
      .query("INSERT INTO score_item_snapshots (jobseeker_id, items) VALUES (?, ?) RETURNING id",
             {jobseeker_id, store_.cipher().seal(items)})
      .integer(0, 0);
}

Result<ItemSet> ScoreService::item_set(const Principal& p, int64_t jobseeker_id, const std::string& lang) {
  if (auto s = dossiers_.authorize(p, DossierService::read_action(p), jobseeker_id, "scores.read"); !s.is_ok()) return s;
  auto c = store_.pool().acquire();
  return load_item_set(*c, jobseeker_id, lang);
}

Result<ItemSet> ScoreService::save_item_set(const Principal& p, int64_t jobseeker_id, const json& body,
                                            const std::string& lang) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, jobseeker_id, "scores.items"); !s.is_ok()) return s;
  auto version = body.is_object() && body.contains("version") && body["version"].is_number_integer()
                     ? body["version"].get<int64_t>()
                     : -1;
  if (version < 0) return Status::invalid_field("version", "required");
  json items_only = body;
  items_only.erase("version");
  auto items = parse_item_set(items_only, lang);
  if (!items.is_ok()) return items.status();
  std::string sealed = store_.cipher().seal(items_to_json(items.value()).dump());
  auto c = store_.pool().acquire();
  return sql::in_transaction(*c, [&]() -> Result<ItemSet> {
    if (version == 0) {
      if (!c->query("SELECT 1 FROM score_item_sets WHERE jobseeker_id = ?", {jobseeker_id}).empty())
        return Status::conflict();
      c->query("INSERT INTO score_item_sets (jobseeker_id, version, items, updated_at) VALUES (?, 1, ?, ?)",
               {jobseeker_id, sealed, now_utc()});
    } else if (c->query("UPDATE score_item_sets SET version = version + 1, items = ?, updated_at = ? "
                        "WHERE jobseeker_id = ? AND version = ? RETURNING version",
                        {sealed, now_utc(), jobseeker_id, version})
                   .empty()) {
      return Status::conflict();
    }
    Store::append_audit(*c, dossiers_.entry(p, "scores.items", jobseeker_id));
    return load_item_set(*c, jobseeker_id, lang);
  });
}

Result<std::vector<StoredScoreTable>> ScoreService::tables(const Principal& p, int64_t jobseeker_id) {
  if (auto s = dossiers_.authorize(p, DossierService::read_action(p), jobseeker_id, "scores.read"); !s.is_ok()) return s;
  std::vector<StoredScoreTable> out;
  {
    auto c = store_.pool().acquire();
    // Tables of one dossier mostly share one item set snapshot: each is
    // opened and parsed once.
    std::map<int64_t, std::vector<ScoreItem>> snapshots;
    auto sets = c->query("SELECT id, items FROM score_item_snapshots WHERE jobseeker_id = ?", {jobseeker_id});
    for (size_t i = 0; i < sets.size(); ++i)
      snapshots[sets.integer(i, 0)] = items_from_json(json::parse(store_.cipher().open(sets.text(i, 1))));
    auto r = c->query(
        "SELECT id, taken_on, scorer, item_snapshot_id, scores, created_at, "
        "EXISTS (SELECT 1 FROM users u WHERE u.id = score_tables.created_by AND u.role = 'jobseeker') "
        "FROM score_tables WHERE jobseeker_id = ? ORDER BY taken_on, id",
        {jobseeker_id});
    for (size_t i = 0; i < r.size(); ++i) {
      StoredScoreTable s;
      s.items = snapshots.at(r.integer(i, 3));
      s.table.taken_on = r.text(i, 1);
      s.table.scorer = r.text(i, 2);
      s.table.scores = stored_scores(r.text(i, 4), s.items);
      s.table.id = r.integer(i, 0);
      s.table.jobseeker_id = jobseeker_id;
      s.table.created_at = r.text(i, 5);
      s.table.self_entered = r.text(i, 6) == "1" || r.text(i, 6) == "t";
      out.push_back(std::move(s));
    }
  }
  store_.audit(dossiers_.entry(p, "scores.read", jobseeker_id));
  return out;
}

Result<StoredScoreTable> ScoreService::add_table(const Principal& p, int64_t jobseeker_id, const json& body,
                                                 const std::string& lang) {
  if (auto s = dossiers_.authorize(p, DossierService::write_action(p), jobseeker_id, "scores.add"); !s.is_ok())
    return s;
  auto c = store_.pool().acquire();
  ItemSet set = load_item_set(*c, jobseeker_id, lang);
  auto t = parse_score_table(body, set.items, today_utc());
  if (!t.is_ok()) return t.status();
  // In "mijn traject" the jobseeker scores as themselves only.
  if (p.role == Role::kJobseeker && t.value().scorer != "jobseeker") return Status::invalid_field("scorer", "choice");
  StoredScoreTable s{t.value(), set.items};
  s.table.jobseeker_id = jobseeker_id;
  s.table.created_at = now_utc();
  s.table.self_entered = p.role == Role::kJobseeker;
  json scores = to_json(s.table)["scores"];
  sql::in_transaction(*c, [&] {
    s.table.id = c->query(
                      "INSERT INTO score_tables (jobseeker_id, taken_on, scorer, item_snapshot_id, scores, created_by, "
                      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                      {jobseeker_id, s.table.taken_on, s.table.scorer,
                       item_snapshot(*c, jobseeker_id, items_to_json(set.items).dump()), scores.dump(), p.user_id,
                       s.table.created_at})
                     .integer(0, 0);
    Store::append_audit(*c, dossiers_.entry(p, "scores.add", jobseeker_id, s.table.scorer));
  });
  return s;
}

}  // namespace spiraal
