#include "core/structural_signal.h"

#include <map>
#include <set>
#include <tuple>

#include "core/field_reader.h"
#include "core/network.h"
#include "core/text.h"
#include "core/vocabulary.h"

namespace spiraal {

using nlohmann::json;

namespace {

// The category, or "" with a "choice" error.
std::string category_code(ObjectReader& r, bool required) {
  std::string code = r.text("category", 40, required);
  if (!code.empty() && !Vocabulary::get().allows("structural_barrier", code)) {
    r.fail("category", "choice");
    return {};
  }
  return code;
}

void read_selection(ObjectReader& r, SignalSelection& s) {
  s.category = category_code(r, false);
  s.from = r.date("from");
  s.to = r.date("to");
  s.region = r.text("region", 100);
  if (!s.from.empty() && !s.to.empty() && s.to < s.from) r.fail("to", "before_from");
}

json selection_json(const SignalSelection& s) {
  return {{"category", s.category}, {"from", s.from}, {"to", s.to}, {"region", s.region}};
}

}  // namespace

json to_json(const StructuralSignal& s) {
  return {{"id", s.id},
          {"region", s.region},
          {"category", s.category},
          {"description", s.description},
          {"signalled_on", s.signalled_on},
          {"version", s.version},
          {"created_at", s.created_at}};
}

json to_json(const PolicyNote& n) {
  return {{"id", n.id},
          {"title", n.title},
          {"summary", n.summary},
          {"selection", selection_json(n.selection)},
          {"content", n.content},
          {"final", n.final},
          {"finalised_on", n.finalised_on},
          {"version", n.version},
          {"created_at", n.created_at},
          {"updated_at", n.updated_at}};
}

Result<StructuralSignal> parse_structural_signal(const json& body, const std::vector<std::string>& names,
                                                 const std::string& today) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"category", "description", "signalled_on"});
  StructuralSignal s;
  s.category = category_code(r, true);
  s.description = r.text("description", kSignalDescriptionMax, true);
  for (const auto& name : names)
    if (mentions_name(s.description, name)) {
      r.fail("description", "names_person");
      break;
    }
  s.signalled_on = r.date("signalled_on", false, today);
  if (s.signalled_on.empty()) s.signalled_on = today;
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return s;
}

Result<SignalSelection> parse_signal_selection(const json& body) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"category", "from", "to", "region", "period"});
  SignalSelection s;
  read_selection(r, s);
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return s;
}

Result<PolicyNote> parse_policy_note(const json& body, bool selection_fixed) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  if (selection_fixed)
    r.refuse_unknown({"version", "title", "summary"});
  else
    r.refuse_unknown({"title", "summary", "category", "from", "to", "region"});
  PolicyNote n;
  n.title = r.text("title", kNoteTitleMax, true);
  n.summary = r.text("summary", kNoteSummaryMax, true);
  if (!selection_fixed) read_selection(r, n.selection);
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return n;
}

bool selected(const SignalSelection& s, const SignalFact& f) {
  if (!s.category.empty() && f.category != s.category) return false;
  if (!s.region.empty() && f.region != s.region) return false;
  if (!s.from.empty() && f.signalled_on < s.from) return false;
  if (!s.to.empty() && f.signalled_on > s.to) return false;
  return true;
}

std::string period_key(const std::string& date, const std::string& period) {
  if (date.size() < 7) return date;
  if (period == "quarter") {
    int month = std::stoi(date.substr(5, 2));
    return date.substr(0, 4) + "-Q" + std::to_string((month - 1) / 3 + 1);
  }
  return date.substr(0, 7);
}

json signal_counts(const std::vector<SignalFact>& facts, const SignalSelection& s, const std::string& period) {
  std::map<std::tuple<std::string, std::string, std::string>, int64_t> cells;
  for (const auto& f : facts)
    if (selected(s, f)) ++cells[{period_key(f.signalled_on, period), f.region, f.category}];
  json out = json::array();
  for (const auto& [key, n] : cells)
    out.push_back({{"period", std::get<0>(key)},
                   {"region", std::get<1>(key)},
                   {"category", std::get<2>(key)},
                   {"signals", suppressed_count(n)}});
  return out;
}

json note_content(const std::vector<SignalFact>& facts, const SignalSelection& s) {
  std::map<std::string, int64_t> counts;
  std::set<std::pair<std::string, std::string>> descriptions;
  for (const auto& f : facts)
    if (selected(s, f)) {
      ++counts[f.category];
      descriptions.insert({f.category, f.description});
    }
  json c = json::array(), d = json::array();
  for (const auto& [category, n] : counts) c.push_back({{"category", category}, {"signals", suppressed_count(n)}});
  for (const auto& [category, text] : descriptions) d.push_back({{"category", category}, {"description", text}});
  return {{"counts", c}, {"descriptions", d}};
}

}  // namespace spiraal
