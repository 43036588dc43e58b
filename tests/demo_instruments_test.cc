// Demo score tables and instrument versions: valid documents, dated in order
// and never in the future, with progress overall and setbacks after crises.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/clock.h"
#include "core/instruments.h"
#include "core/score_table.h"
#include "store/demo_data.h"
#include "store/demo_instruments.h"
#include "store/demo_trajectories.h"
#include "store/field_cipher.h"
#include "store/score_service.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

using nlohmann::json;

class DemoInstrumentsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = TestDb::create(Engine::kSqlite).release();
    DemoOptions options;
    options.jobseekers = 600;
    options.password_hash = "x";
    ASSERT_TRUE(generate_demo_data(db_->store(), options).is_ok());
    ASSERT_TRUE(generate_demo_trajectories(db_->store(), 7).is_ok());
    auto s = generate_demo_instruments(db_->store(), 7);
    ASSERT_TRUE(s.is_ok());
    summary_ = s.value();
  }
  static void TearDownTestSuite() { delete db_; }
  // Sealed columns are written sealed.
  static std::string open(const std::string& stored) {
    EXPECT_TRUE(db_->store().cipher().current(stored));
    return db_->store().cipher().open(stored);
  }
  sql::Rows query(const std::string& q, const sql::Params& params = {}) {
    return db_->store().pool().acquire()->query(q, params);
  }

  static TestDb* db_;
  static DemoInstrumentSummary summary_;
};
TestDb* DemoInstrumentsTest::db_ = nullptr;
DemoInstrumentSummary DemoInstrumentsTest::summary_;

TEST_F(DemoInstrumentsTest, EveryIncludedJobseekerHasInstruments) {
  const int64_t included = query("SELECT COUNT(*) FROM trajectories").integer(0, 0);
  EXPECT_GT(included, 400);
  EXPECT_EQ(summary_.jobseekers, included);
  EXPECT_EQ(query("SELECT COUNT(DISTINCT jobseeker_id) FROM score_tables").integer(0, 0), included);
  for (const char* name : {"balance", "ecogram", "life_events"}) {
    auto r = query("SELECT COUNT(DISTINCT jobseeker_id), MAX(n) FROM (SELECT jobseeker_id, COUNT(*) AS n "
                   "FROM instrument_versions WHERE instrument = ? GROUP BY jobseeker_id) x",
                   {std::string(name)});
    EXPECT_EQ(r.integer(0, 0), included) << name;
    EXPECT_LE(r.integer(0, 1), 3) << name;
  }
  EXPECT_EQ(summary_.score_tables, query("SELECT COUNT(*) FROM score_tables").integer(0, 0));
  EXPECT_EQ(summary_.instrument_versions(), query("SELECT COUNT(*) FROM instrument_versions").integer(0, 0));
  // Written by the jobseeker's coach.
  EXPECT_EQ(query("SELECT COUNT(*) FROM instrument_versions v WHERE v.created_by IS NULL OR NOT EXISTS "
                  "(SELECT 1 FROM assignments a WHERE a.jobseeker_id = v.jobseeker_id AND a.user_id = v.created_by)")
                .integer(0, 0),
            0);
}

TEST_F(DemoInstrumentsTest, EveryDocumentValidatesAndVersionsChange) {
  const std::string today = today_utc();
  auto r = query("SELECT jobseeker_id, instrument, taken_on, document, created_at FROM instrument_versions "
                 "ORDER BY jobseeker_id, instrument, taken_on, id");
  ASSERT_GT(r.size(), 1000u);
  std::map<std::string, int> retyped_or_added, lighter;
  std::string last_key;
  json last_doc;
  for (size_t i = 0; i < r.size(); ++i) {
    const std::string name = r.text(i, 1), taken_on = r.text(i, 2);
    json doc = json::parse(open(r.text(i, 3)));
    EXPECT_LE(taken_on, today);
    EXPECT_EQ(r.text(i, 4).substr(0, 10), taken_on);
    // Valid as of its own day (so also today), and already in normal form.
    auto valid = validate_instrument(name, doc, taken_on);
    ASSERT_TRUE(valid.is_ok()) << name << " " << doc.dump() << ": " << valid.status().message();
    EXPECT_EQ(valid.value(), doc) << name;
    EXPECT_TRUE(validate_instrument(name, doc, today).is_ok());
    const std::string key = std::to_string(r.integer(i, 0)) + "/" + name;
    if (key == last_key) {
      EXPECT_NE(doc, last_doc) << key << " " << taken_on;
      if (name == "ecogram") {
        json changes = ecogram_changes(last_doc, doc);
        retyped_or_added[name] += !changes.empty();
      }
      if (name == "balance") {
        auto load = [](const json& d) {
          int sum = d["unnamed_size"].get<int>();
          for (const auto& b : d["blocks"]) sum += (b["kind"] == "load" ? 1 : -1) * b["size"].get<int>();
          return sum;
        };
        lighter[load(doc) < load(last_doc) ? "lighter" : "heavier"]++;
      }
    }
    last_key = key;
    last_doc = doc;
  }
  EXPECT_GT(retyped_or_added["ecogram"], 50);
  // Mostly the weight shifts from load to support, with setbacks.
  EXPECT_GT(lighter["lighter"], 2 * lighter["heavier"]);
  EXPECT_GT(lighter["heavier"], 5);
}

TEST_F(DemoInstrumentsTest, SnapshotsAreOrderedInRangeAndFollowCrises) {
  const std::string today = today_utc();
  const auto items = default_score_items("nl");
  auto r = query("SELECT s.jobseeker_id, s.taken_on, s.scorer, s.scores, s.created_at, t.started_on, si.items "
                 "FROM score_tables s JOIN trajectories t ON t.jobseeker_id = s.jobseeker_id "
                 "JOIN score_item_snapshots si ON si.id = s.item_snapshot_id ORDER BY s.jobseeker_id, s.id");
  // A person's tables share one stored item set.
  EXPECT_EQ(query("SELECT COUNT(*) FROM score_item_snapshots").integer(0, 0),
            query("SELECT COUNT(DISTINCT jobseeker_id) FROM score_tables").integer(0, 0));
  ASSERT_GT(r.size(), 2000u);
  std::map<std::string, int> scorers;
  std::map<int64_t, std::map<std::string, json>> previous;  // jobseeker -> scorer -> last scores
  std::map<int64_t, std::pair<double, double>> first_last;  // jobseeker -> jobseeker's mean now, first and last
  std::map<int64_t, std::string> last_date;
  std::set<int64_t> declined;
  int future_below_now = 0, future_total = 0;
  for (size_t i = 0; i < r.size(); ++i) {
    const int64_t id = r.integer(i, 0);
    const std::string taken_on = r.text(i, 1), scorer = r.text(i, 2);
    json scores = json::parse(r.text(i, 3));
    EXPECT_LE(taken_on, today);
    EXPECT_GE(taken_on, r.text(i, 5));
    if (last_date.count(id)) EXPECT_LE(last_date[id], taken_on) << id;
    else EXPECT_EQ(taken_on, r.text(i, 5)) << "the first snapshot is at the start";
    last_date[id] = taken_on;
    EXPECT_LE(r.text(i, 4).substr(0, 10), today);
    ++scorers[scorer];
    json body = {{"taken_on", taken_on}, {"scorer", scorer}, {"scores", scores}};
    ASSERT_TRUE(parse_score_table(body, items, today).is_ok()) << body.dump();
    EXPECT_EQ(json::parse(open(r.text(i, 6))), items_to_json(items));
    double mean = 0;
    for (const auto& item : items) {
      const json& s = scores[item.code];
      for (const char* moment : {"start", "now", "future"}) {
        ASSERT_TRUE(s[moment].is_number_integer());
        EXPECT_GE(s[moment].get<int>(), 0);
        EXPECT_LE(s[moment].get<int>(), 10);
      }
      mean += s["now"].get<int>() / 21.0;
      future_below_now += s["future"] < s["now"];
      ++future_total;
      if (previous[id].count(scorer)) {
        const json& before = previous[id][scorer][item.code];
        EXPECT_EQ(s["start"], before["start"]) << "start stays the first snapshot's value";
        if (scorer == "jobseeker" && s["now"].get<int>() <= before["now"].get<int>() - 2) declined.insert(id);
      } else {
        EXPECT_EQ(s["start"], s["now"]);
      }
    }
    previous[id][scorer] = scores;
    if (scorer == "jobseeker") {
      if (!first_last.count(id)) first_last[id] = {mean, mean};
      first_last[id].second = mean;
    }
  }
  EXPECT_GT(scorers["jobseeker"], 1000);
  EXPECT_GT(scorers["coach"], 300);
  EXPECT_GT(declined.size(), 30u) << "setbacks: an item drops between consecutive snapshots";
  EXPECT_LT(future_below_now * 5, future_total) << "future >= now mostly";
  double first = 0, last = 0;
  for (const auto& [_, fl] : first_last) first += fl.first, last += fl.second;
  EXPECT_GT(last / double(first_last.size()), first / double(first_last.size()) + 1.0);

  // A rescore shortly after every crisis, by the jobseeker.
  auto missing = query(
      "SELECT c.jobseeker_id, c.started_on FROM crises c WHERE NOT EXISTS (SELECT 1 FROM score_tables s "
      "WHERE s.jobseeker_id = c.jobseeker_id AND s.scorer = 'jobseeker' AND s.taken_on >= c.started_on "
      "AND s.taken_on <= ?)",
      {today});
  EXPECT_EQ(missing.size(), 0u);
  auto crises = query("SELECT c.jobseeker_id, c.started_on FROM crises c");
  ASSERT_GT(crises.size(), 30u);
  for (size_t i = 0; i < crises.size(); ++i) {
    const long start = *days_from_iso(crises.text(i, 1));
    auto s = query("SELECT MIN(taken_on) FROM score_tables WHERE jobseeker_id = ? AND taken_on >= ?",
                   {crises.integer(i, 0), crises.text(i, 1)});
    ASSERT_FALSE(s.is_null(0, 0));
    EXPECT_LE(*days_from_iso(s.text(0, 0)) - start, 14) << crises.integer(i, 0);
  }
}

TEST_F(DemoInstrumentsTest, CrisesHitTheirItems) {
  // Inkomen, Huisvesting or Zelfvertrouwen fall at the rescore after an
  // eviction threat, debt seizure or cut-off energy, on average.
  auto r = query("SELECT c.jobseeker_id, c.cause, c.started_on FROM crises c");
  int dropped = 0, seen = 0;
  for (size_t i = 0; i < r.size(); ++i) {
    const std::string cause = r.text(i, 1);
    if (cause != "Dreigende uithuiszetting" && cause != "Energie afgesloten" && cause != "Schuldeiser legt beslag op loon")
      continue;
    auto before = query("SELECT scores FROM score_tables WHERE jobseeker_id = ? AND scorer = 'jobseeker' AND "
                        "taken_on < ? ORDER BY taken_on DESC, id DESC LIMIT 1",
                        {r.integer(i, 0), r.text(i, 2)});
    auto after = query("SELECT scores FROM score_tables WHERE jobseeker_id = ? AND scorer = 'jobseeker' AND "
                       "taken_on >= ? ORDER BY taken_on, id LIMIT 1",
                       {r.integer(i, 0), r.text(i, 2)});
    if (before.empty() || after.empty()) continue;
    json b = json::parse(before.text(0, 0)), a = json::parse(after.text(0, 0));
    ++seen;
    dropped += a["income"]["now"].get<int>() + a["control_over_life"]["now"].get<int>() <
               b["income"]["now"].get<int>() + b["control_over_life"]["now"].get<int>() - 1;
  }
  ASSERT_GT(seen, 10);
  EXPECT_GT(dropped * 10, seen * 7);
}

}  // namespace
}  // namespace spiraal::testing
