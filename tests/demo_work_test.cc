// Demo road-to-work records: every document passes its core parser as
// stored, links to a parent of the right kind in the same dossier, and keeps
// the rules of the road to work (placement days, the order of the eight
// steps, sustainability moments, the aftercare rhythm), dated within the
// trajectory and never in the future.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/application.h"
#include "core/clock.h"
#include "core/job_target.h"
#include "core/work_record.h"
#include "core/work_start.h"
#include "store/demo_data.h"
#include "store/demo_trajectories.h"
#include "store/demo_work.h"
#include "store/field_cipher.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

using nlohmann::json;

struct Row {
  int64_t id, jobseeker;
  std::string kind;
  std::optional<int64_t> parent;
  int64_t version;
  std::string status, due_on;
  json content;
  std::string created_at, updated_at;
};

class DemoWorkTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = TestDb::create(Engine::kSqlite).release();
    DemoOptions options;
    options.jobseekers = 500;
    options.password_hash = "x";
    ASSERT_TRUE(generate_demo_data(db_->store(), options).is_ok());
    ASSERT_TRUE(generate_demo_trajectories(db_->store(), 7).is_ok());
    auto s = generate_demo_work(db_->store(), 7);
    ASSERT_TRUE(s.is_ok()) << s.status().message();
    summary_ = s.value();
    auto c = db_->store().pool().acquire();
    auto r = c->query(
        "SELECT id, jobseeker_id, kind, parent_id, version, status, due_on, content, created_at, updated_at "
        "FROM work_records ORDER BY id");
    rows_ = new std::vector<Row>;
    for (size_t i = 0; i < r.size(); ++i) {
      const std::string sealed = r.text(i, 7);
      EXPECT_TRUE(db_->store().cipher().current(sealed)) << "written sealed";
      rows_->push_back({r.integer(i, 0), r.integer(i, 1), r.text(i, 2), r.opt_integer(i, 3), r.integer(i, 4),
                        r.text(i, 5), r.text(i, 6), json::parse(db_->store().cipher().open(sealed)), r.text(i, 8),
                        r.text(i, 9)});
    }
  }
  static void TearDownTestSuite() {
    delete rows_;
    delete db_;
  }
  sql::Rows query(const std::string& q, const sql::Params& params = {}) {
    return db_->store().pool().acquire()->query(q, params);
  }
  static const Row* find(int64_t id) {
    for (const auto& r : *rows_)
      if (r.id == id) return &r;
    return nullptr;
  }
  static std::vector<const Row*> of_kind(const std::string& kind) {
    std::vector<const Row*> out;
    for (const auto& r : *rows_)
      if (r.kind == kind) out.push_back(&r);
    return out;
  }

  static TestDb* db_;
  static DemoWorkSummary summary_;
  static std::vector<Row>* rows_;
};
TestDb* DemoWorkTest::db_ = nullptr;
DemoWorkSummary DemoWorkTest::summary_;
std::vector<Row>* DemoWorkTest::rows_ = nullptr;

TEST_F(DemoWorkTest, CountsAndShares) {
  EXPECT_EQ(summary_.records, int64_t(rows_->size()));
  std::map<std::string, int64_t> kinds;
  for (const auto& r : *rows_) ++kinds[r.kind];
  EXPECT_EQ(kinds, summary_.kinds);
  for (const auto& k : work_record_kinds()) EXPECT_GT(kinds[k.name], 0) << k.name;
  const int64_t included = query("SELECT COUNT(*) FROM trajectories").integer(0, 0);
  EXPECT_GT(summary_.jobseekers, included / 2);
  EXPECT_LE(summary_.jobseekers, included);
  EXPECT_EQ(query("SELECT COUNT(DISTINCT jobseeker_id) FROM work_records").integer(0, 0), summary_.jobseekers);
  // Single records per dossier.
  for (const char* single : {"work_profile", "business_card"})
    EXPECT_EQ(query("SELECT COUNT(*) FROM (SELECT jobseeker_id FROM work_records WHERE kind = ? GROUP BY jobseeker_id "
                    "HAVING COUNT(*) > 1) x",
                    {std::string(single)})
                  .integer(0, 0),
              0)
        << single;
  // Most applications are rejected; some people are hired.
  EXPECT_GT(summary_.rejected, 3 * summary_.hired);
  EXPECT_GT(summary_.hired, 5);
  // Written by the jobseeker's coach.
  EXPECT_EQ(query("SELECT COUNT(*) FROM work_records w WHERE w.created_by IS NULL OR NOT EXISTS "
                  "(SELECT 1 FROM assignments a WHERE a.jobseeker_id = w.jobseeker_id AND a.user_id = w.created_by)")
                .integer(0, 0),
            0);
}

TEST_F(DemoWorkTest, EveryDocumentPassesItsParserAsStored) {
  const std::string today = today_utc();
  const std::string now = now_utc();
  for (const auto& row : *rows_) {
    const WorkRecordKind* kind = find_work_record_kind(row.kind);
    ASSERT_NE(kind, nullptr) << row.kind;
    EXPECT_LE(row.created_at, row.updated_at) << row.id;
    EXPECT_LE(row.updated_at, now) << row.id;
    EXPECT_GE(row.version, 1);
    json body = row.content;
    if (row.kind == "sustainability_check") {
      // The system adds work_start_id and months; a check still due holds nothing else.
      EXPECT_EQ(row.content["work_start_id"], json(*row.parent));
      body.erase("work_start_id");
      body.erase("months");
      if (row.status == "due") {
        EXPECT_TRUE(body.empty()) << row.content.dump();
        continue;
      }
    }
    // The state a body sets is kept in the status column, not in the content.
    if (row.kind == "job_target") body["status"] = row.status;
    if (row.kind == "application") body["outcome"] = row.status;
    auto parsed = parse_work_record(*kind, body, today);
    ASSERT_TRUE(parsed.is_ok()) << row.kind << " " << row.content.dump() << ": " << parsed.status().message()
                                << (parsed.status().fields().empty() ? "" : " " + parsed.status().fields()[0].field +
                                                                                " " + parsed.status().fields()[0].rule);
    if (row.kind == "sustainability_check") {
      EXPECT_EQ(row.status, "recorded");
      EXPECT_EQ(row.due_on, "");
      json expected = parsed->content;
      expected["work_start_id"] = row.content["work_start_id"];
      expected["months"] = row.content["months"];
      EXPECT_EQ(expected, row.content) << row.id;
      continue;
    }
    EXPECT_EQ(parsed->content, row.content) << row.kind << " in normal form";
    EXPECT_EQ(parsed->status, row.status) << row.kind;
    EXPECT_EQ(parsed->due_on, row.due_on) << row.kind;
    EXPECT_EQ(parsed->parent_id, row.parent) << row.kind;
  }
}

TEST_F(DemoWorkTest, LinksStayInTheDossier) {
  for (const auto& row : *rows_) {
    const WorkRecordKind* kind = find_work_record_kind(row.kind);
    if (row.parent) {
      const Row* parent = find(*row.parent);
      ASSERT_NE(parent, nullptr) << row.id;
      EXPECT_EQ(parent->kind, kind->parent) << row.kind;
      EXPECT_EQ(parent->jobseeker, row.jobseeker);
      EXPECT_LE(parent->id, row.id);
    } else {
      EXPECT_TRUE(kind->parent.empty() || row.kind == "work_start") << row.kind;
    }
    if (row.kind == "competence_decision") {
      const std::string code = row.content["competence"];
      EXPECT_GE(row.content["situation_ids"].size(), 2u) << "a competence seen twice";
      for (const auto& sid : row.content["situation_ids"]) {
        const Row* s = find(sid.get<int64_t>());
        ASSERT_NE(s, nullptr);
        EXPECT_EQ(s->kind, "situation");
        EXPECT_EQ(s->jobseeker, row.jobseeker);
        const json& comps = s->content["competences"];
        EXPECT_NE(std::find(comps.begin(), comps.end(), json(code)), comps.end());
        EXPECT_LE(s->content["noted_on"].get<std::string>(), row.content["decided_on"].get<std::string>());
      }
    }
  }
}

TEST_F(DemoWorkTest, DatesFollowTheTrajectory) {
  const std::string today = today_utc();
  std::map<int64_t, std::string> started, cycle3, closed;
  auto t = query("SELECT jobseeker_id, started_on, state, last_moved_on FROM trajectories");
  for (size_t i = 0; i < t.size(); ++i) {
    started[t.integer(i, 0)] = t.text(i, 1);
    if (t.text(i, 2) == "closed") closed[t.integer(i, 0)] = t.text(i, 3);
  }
  auto m = query("SELECT jobseeker_id, MIN(moved_on) FROM spiral_moves WHERE to_state LIKE 'c3.%' GROUP BY jobseeker_id");
  for (size_t i = 0; i < m.size(); ++i) cycle3[m.integer(i, 0)] = m.text(i, 1);
  int gaps = 0;
  for (const auto& row : *rows_) {
    ASSERT_TRUE(started.count(row.jobseeker)) << "only people on a trajectory";
    const std::string& start = started[row.jobseeker];
    EXPECT_GE(row.created_at.substr(0, 10), start) << row.kind;
    // Nothing is written after closing but the sustainability follow-ups.
    if (closed.count(row.jobseeker)) {
      EXPECT_LE(row.created_at.substr(0, 10), closed[row.jobseeker]) << row.kind;
      if (row.kind != "sustainability_check") {
        EXPECT_LE(row.updated_at.substr(0, 10), closed[row.jobseeker]) << row.kind;
      }
    }
    if (row.kind == "situation") {
      EXPECT_GE(row.content["noted_on"].get<std::string>(), start);
      gaps += row.content["note"].get<std::string>().find("Gat in het cv") != std::string::npos;
    }
    if (row.kind == "application") {
      ASSERT_TRUE(cycle3.count(row.jobseeker)) << "applications come in cycle 3";
      for (const auto& [_, step] : row.content["steps"].items()) {
        EXPECT_GE(step["done_on"].get<std::string>(), cycle3[row.jobseeker]);
        EXPECT_LE(step["done_on"].get<std::string>(), today);
      }
    }
    if (row.kind == "work_start") {
      EXPECT_GE(row.content["starts_on"].get<std::string>(), start);
    }
  }
  EXPECT_GT(gaps, 20) << "gaps in the CV reframed";
}

TEST_F(DemoWorkTest, PlacementsKeepTheDaysRule) {
  std::map<std::string, int> statuses;
  for (const Row* p : of_kind("placement")) {
    EXPECT_TRUE(placement_days_allowed(p->content["unit"], p->content["days"].get<int64_t>())) << p->content.dump();
    ++statuses[p->status];
    if (p->status == "evaluated") {
      EXPECT_LE(p->content["starts_on"].get<std::string>(), today_utc());
    }
  }
  EXPECT_GT(statuses["evaluated"], 10);
  std::map<std::string, int> targets;
  for (const Row* t : of_kind("job_target")) ++targets[t->status];
  EXPECT_GT(targets["realistic"], 10);
  EXPECT_GT(targets["dropped"], 5);
  EXPECT_GT(targets["exploring"], 5);
}

TEST_F(DemoWorkTest, ApplicationsGoThroughTheStepsInOrder) {
  std::map<std::string, int> outcomes;
  int with_feedback = 0;
  for (const Row* a : of_kind("application")) {
    ++outcomes[a->status];
    std::string last;
    for (const auto& step : application_steps()) {
      if (!a->content["steps"].contains(step)) continue;
      const std::string on = a->content["steps"][step]["done_on"];
      EXPECT_LE(last, on) << step << " " << a->content.dump();
      last = on;
    }
    if (a->status == "hired" || a->status == "rejected") {
      EXPECT_TRUE(a->content["steps"].contains("selection"));
      EXPECT_EQ(a->content["decision_on"], a->content["steps"]["selection"]["done_on"]);
    }
    if (a->content["steps"].contains("feedback")) {
      EXPECT_EQ(a->status, "rejected");
      ++with_feedback;
    }
    if (a->status == "rejected") {
      const json& f = a->content["feedback"];
      ASSERT_TRUE(f.is_object()) << a->content.dump();
      for (const auto& c : f["to_develop"])
        EXPECT_EQ(std::find(f["strengths"].begin(), f["strengths"].end(), c), f["strengths"].end());
    }
  }
  EXPECT_GT(outcomes["rejected"], outcomes["hired"] * 3);
  EXPECT_GT(outcomes["hired"], 5);
  EXPECT_GT(outcomes["open"], 5) << "those looking now have applications under way";
  EXPECT_GT(with_feedback * 2, outcomes["rejected"]);
}

TEST_F(DemoWorkTest, SustainabilityChecksAtThreeSixAndTwelveMonths) {
  const std::string today = today_utc();
  int stopped = 0, recorded = 0;
  std::set<std::string> income;
  for (const Row* s : of_kind("work_start")) {
    const std::string starts = s->content["starts_on"];
    std::map<int, const Row*> checks;
    for (const Row* c : of_kind("sustainability_check"))
      if (c->parent == s->id) checks[c->content["months"].get<int>()] = c;
    ASSERT_EQ(checks.size(), 3u) << s->id;
    for (const auto& [months, c] : checks) {
      ASSERT_TRUE(months == 3 || months == 6 || months == 12);
      const std::string due = add_months(starts, months);
      if (c->status == "due") {
        EXPECT_EQ(c->due_on, due);
        EXPECT_GT(due, today) << "recorded once the due date has passed";
      } else {
        ++recorded;
        EXPECT_LE(due, today);
        EXPECT_GE(c->content["recorded_on"].get<std::string>(), due);
        EXPECT_LE(c->content["recorded_on"].get<std::string>(), today);
        income.insert(c->content["income_sufficient"]);
        if (!c->content["still_working"].get<bool>()) {
          ++stopped;
          EXPECT_NE(c->content["end_reason"], "");
          EXPECT_NE(s->content["ended_on"], "");
          EXPECT_LE(s->content["ended_on"].get<std::string>(), c->content["recorded_on"].get<std::string>());
        } else {
          for (const auto& a : four_as()) {
            EXPECT_GE(c->content["four_as"][a].get<int>(), 1);
            EXPECT_LE(c->content["four_as"][a].get<int>(), 5);
          }
        }
      }
    }
  }
  EXPECT_GT(recorded, 20);
  EXPECT_GT(stopped, 2);
  EXPECT_EQ(income, (std::set<std::string>{"yes", "partly", "no"}));
}

TEST_F(DemoWorkTest, AftercareFollowsTheRhythm) {
  const std::string today = today_utc();
  int starts = 0, off_rhythm = 0, lapsed = 0, with_contacts = 0;
  for (const Row* s : of_kind("work_start")) {
    ++starts;
    std::vector<std::string> held;
    for (const Row* c : of_kind("aftercare_contact"))
      if (c->parent == s->id && c->status == "held") held.push_back(c->content["held_on"]);
    std::sort(held.begin(), held.end());
    with_contacts += !held.empty();
    std::string prev = s->content["starts_on"];
    int misses = 0;
    for (const auto& on : held) {
      EXPECT_GT(on, prev);
      EXPECT_LE(on, today);
      if (s->content["ended_on"] != "") {
        EXPECT_LE(on, s->content["ended_on"].get<std::string>());
      }
      const long gap = *days_from_iso(on) - *days_from_iso(prev);
      misses += gap > aftercare_interval_days(s->content, prev) + kAftercareGraceDays;
      // Never closer than the rhythm allows for, less two days' leeway.
      EXPECT_GE(gap, aftercare_interval_days(s->content, prev) - 2) << on;
      prev = on;
    }
    EXPECT_LE(misses, 1) << "at most one gap per start";
    off_rhythm += misses;
    lapsed += s->status == "active" && aftercare_state(s->content, held, today).lapsed;
  }
  ASSERT_GT(starts, 20);
  EXPECT_GT(with_contacts * 10, starts * 8);
  EXPECT_LT(off_rhythm * 4, starts) << "most stay on the rhythm";
  EXPECT_GT(off_rhythm + lapsed, 0) << "some lapse";
  // The start's own documents.
  int absences = 0, resolved = 0;
  for (const Row* a : of_kind("absence_signal")) {
    ++absences;
    if (a->status == "resolved") {
      ++resolved;
      EXPECT_NE(a->content["cause"], "");
    }
  }
  EXPECT_GT(resolved * 10, absences * 7);
  for (const Row* d : of_kind("disclosure")) EXPECT_FALSE(d->content["items"].empty());
}

TEST_F(DemoWorkTest, ChildcareNeedFollowsTheFamily) {
  auto r = query("SELECT id, profile FROM jobseekers j WHERE EXISTS (SELECT 1 FROM work_records w WHERE "
                 "w.jobseeker_id = j.id AND w.kind = 'work_profile')");
  std::map<int64_t, std::string> family;
  for (size_t i = 0; i < r.size(); ++i) {
    json p = json::parse(db_->store().cipher().open(r.text(i, 1)));
    family[r.integer(i, 0)] = p.value("living_situation", "") == "single_with_children" ? "single"
                              : p.value("children", json(0)).is_number_integer() && p["children"].get<int>() > 0
                                  ? "children"
                                  : "none";
  }
  std::map<std::string, std::pair<int, int>> need;  // family -> (needs, all)
  for (const Row* w : of_kind("work_profile")) {
    auto& n = need[family[w->jobseeker]];
    n.first += w->content["needs_childcare_friendly_hours"].get<bool>();
    ++n.second;
    EXPECT_GE(w->content["travel"].size(), 3u);
  }
  ASSERT_GT(need["single"].second, 5);
  EXPECT_EQ(need["none"].first, 0);
  EXPECT_GT(double(need["single"].first) / need["single"].second,
            double(need["children"].first) / std::max(1, need["children"].second));
}

}  // namespace
}  // namespace spiraal::testing
