#include "store/network_service.h"

#include "core/structural_signal.h"
#include "store/sql.h"

namespace spiraal {

using nlohmann::json;

namespace {

// "(column >= ? OR ? = '')": a bound that applies only when given.
// The period on `column` and the region on `alias`.region (qualified: the
// teams joined in carry a region of their own).
std::string bounds(const std::string& alias, const std::string& column) {
  return " AND (" + alias + "." + column + " >= ? OR ? = '') AND (" + alias + "." + column + " <= ? OR ? = '')" +
         " AND (" + alias + ".region = ? OR ? = '')";
}

std::vector<std::string> split_codes(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find(',', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

Result<json> NetworkService::overview(const Principal& p, const NetworkFilter& f) {
  if (!allowed(p, Action::kReadNetwork)) return Status::forbidden();
  std::vector<NetworkPersonRow> people;
  std::vector<NetworkHandoverRow> handovers;
  {
    auto c = store_.pool().acquire();
    std::vector<sql::Param> args = {f.from, f.from, f.to, f.to, f.region, f.region};
    auto people_rows = c->query(
        "SELECT COALESCE(o.name, ''), p.toeleider_id, p.segment, p.jobseeker_id FROM outreach_people p "
        "LEFT JOIN organisations o ON o.id = p.organisation_id WHERE 1 = 1" + bounds("p", "first_contact_on"),
        args);
    for (size_t i = 0; i < people_rows.size(); ++i) {
      NetworkPersonRow r{people_rows.text(i, 0), people_rows.integer(i, 1), std::nullopt,
                         people_rows.opt_integer(i, 3).has_value()};
      if (auto s = people_rows.opt_integer(i, 2)) r.segment = int(*s);
      people.push_back(r);
    }
    auto rows = c->query(
        "SELECT COALESCE(o.name, ''), t.name, h.region, h.segment, h.first_contact_on, h.handed_over_on, "
        "COALESCE((SELECT MIN(k.contact_date) FROM contacts k WHERE k.jobseeker_id = h.jobseeker_id "
        "AND k.contact_date >= h.handed_over_on), ''), h.open_conditions FROM handovers h "
        "JOIN teams t ON t.id = h.to_team_id LEFT JOIN organisations o ON o.id = h.from_organisation_id WHERE 1 = 1" +
            bounds("h", "handed_over_on"),
        args);
    for (size_t i = 0; i < rows.size(); ++i) {
      NetworkHandoverRow h{rows.text(i, 0), rows.text(i, 1), rows.text(i, 2), std::nullopt, rows.text(i, 4),
                           rows.text(i, 5), rows.text(i, 6), split_codes(rows.text(i, 7))};
      if (auto s = rows.opt_integer(i, 3)) h.segment = int(*s);
      handovers.push_back(h);
    }
  }  // the connection goes back before the audit takes one
  store_.audit({p.user_id, p.username, "network.read", std::nullopt, f.from + ".." + f.to + " " + f.region});
  json view = network_overview(people, handovers);
  view["structural_signals"] = structural_signals(f);
  return view;
}

json NetworkService::structural_signals(const NetworkFilter& f) {
  auto c = store_.pool().acquire();
  std::vector<SignalFact> facts;
  auto rows = c->query("SELECT category, region, signalled_on FROM structural_signals", {});
  for (size_t i = 0; i < rows.size(); ++i) facts.push_back({rows.text(i, 0), rows.text(i, 1), rows.text(i, 2), ""});
  json notes = json::array();
  auto n = c->query("SELECT id, title, finalised_on, content FROM policy_notes WHERE status = 'final' "
                    "ORDER BY finalised_on DESC, id DESC",
                    {});
  for (size_t i = 0; i < n.size(); ++i)
    notes.push_back({{"id", n.integer(i, 0)},
                     {"title", n.text(i, 1)},
                     {"finalised_on", n.text(i, 2)},
                     {"counts", json::parse(n.text(i, 3)).value("counts", json::array())}});
  SignalSelection s;
  s.from = f.from;
  s.to = f.to;
  s.region = f.region;
  return {{"counts", signal_counts(facts, s, "quarter")}, {"notes", notes}};
}

std::vector<std::string> NetworkService::regions() {
  auto r = store_.pool().acquire()->query(
      "SELECT DISTINCT region FROM outreach_people WHERE region <> '' ORDER BY region", {});
  std::vector<std::string> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(r.text(i, 0));
  return out;
}

}  // namespace spiraal
