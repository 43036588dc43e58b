#include "store/demo_instruments.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "core/clock.h"
#include "core/score_table.h"
#include "store/demo_random.h"
#include "store/field_cipher.h"
#include "store/score_service.h"

namespace spiraal {
namespace {

using nlohmann::json;
using sql::Param;
using sql::Params;

constexpr int64_t kBatch = 2000;
constexpr size_t kRowsPerInsert = 100;

// Rows of one table written as INSERTs of kRowsPerInsert rows, the rest one
// row at a time at flush().
class Batch {
 public:
  Batch(sql::Connection& c, const std::string& head, const std::string& row)
      : c_(c), width_(size_t(std::count(row.begin(), row.end(), '?'))) {
    one_ = head + " VALUES " + row;
    many_ = one_;
    for (size_t i = 1; i < kRowsPerInsert; ++i) many_ += ", " + row;
    buffer_.reserve(width_ * kRowsPerInsert);
  }
  template <typename... Values>
  void add(Values&&... values) {
    (buffer_.emplace_back(std::forward<Values>(values)), ...);
    if (buffer_.size() == width_ * kRowsPerInsert) {
      c_.query(many_, buffer_);
      buffer_.clear();
    }
  }
  void flush() {
    for (auto at = buffer_.begin(); at != buffer_.end(); at += ptrdiff_t(width_)) c_.query(one_, Params(at, at + ptrdiff_t(width_)));
    buffer_.clear();
  }

 private:
  sql::Connection& c_;
  size_t width_;
  std::string one_, many_;
  Params buffer_;
};

// --- Score tables ----------------------------------------------------------

// Where an item starts, on the scale 0-10, for someone living in poverty.
struct StartRange {
  const char* code;
  int lo, hi;
};
const StartRange kStartRanges[] = {
    {"income", 1, 4},          {"housing", 2, 7},          {"health", 3, 8},
    {"bond_children", 4, 9},   {"bond_partner", 2, 8},     {"administration", 1, 5},
    {"appointments", 4, 8},    {"applying", 1, 5},         {"education", 2, 6},
    {"work_experience", 1, 6}, {"self_confidence", 2, 6},  {"sight_on_chances", 1, 5},
    {"sight_on_talents", 2, 6}, {"grip_on_vulnerabilities", 2, 6}, {"belief_in_work", 2, 6},
    {"coping_with_setbacks", 2, 5}, {"control_over_life", 2, 5}, {"sight_on_support", 2, 6},
    {"step_to_support", 2, 6}, {"feeling_valued", 2, 6},    {"feeling_well", 2, 6},
};

// What a crisis hits, in the score table, the balance and the life-event line.
// The causes are those of demo_trajectories.cc.
struct CrisisKind {
  const char* cause;
  std::vector<std::string> items;
  const char* load;   // a load block in the jobseeker's words
  const char* event;  // on the life-event line
};
const std::vector<CrisisKind> kCrisisKinds = {
    {"Dreigende uithuiszetting",
     {"housing", "income", "control_over_life", "self_confidence", "feeling_well"},
     "Bang om mijn huis te verliezen",
     "Brief van de huisbaas: we moeten eruit"},
    {"Ziek kind",
     {"appointments", "health", "feeling_well", "coping_with_setbacks"},
     "Mijn kind is ziek",
     "Mijn kind moest naar het ziekenhuis"},
    {"Relatiebreuk",
     {"bond_partner", "housing", "self_confidence", "feeling_valued", "feeling_well"},
     "Het is uit met mijn partner",
     "Relatie gedaan, alleen verder"},
    {"Schuldeiser legt beslag op loon",
     {"income", "administration", "control_over_life", "belief_in_work", "self_confidence"},
     "Beslag op mijn loon",
     "De deurwaarder legt beslag op mijn loon"},
    {"Overlijden in de familie",
     {"feeling_well", "coping_with_setbacks", "health", "control_over_life"},
     "Verdriet om wie er niet meer is",
     "Mijn vader is gestorven"},
    {"Energie afgesloten",
     {"income", "housing", "administration", "control_over_life", "feeling_well"},
     "Geen gas en elektriciteit meer",
     "Gas en elektriciteit afgesloten"},
};
const CrisisKind kOtherCrisis = {"", {"income", "housing", "self_confidence"}, "Alles loopt mis", "Alles liep mis"};

const CrisisKind& crisis_kind(const std::string& cause) {
  for (const auto& k : kCrisisKinds)
    if (cause == k.cause) return k;
  return kOtherCrisis;
}

// --- Phrases for the instruments, in the jobseeker's words -----------------

struct Phrase {
  const char* text;
  bool children = false;  // only for someone with children
};

const std::vector<Phrase> kLoads = {
    {"Schulden"},
    {"Rekeningen die blijven binnenkomen"},
    {"Geen werk"},
    {"Mijn gezondheid"},
    {"Rugpijn"},
    {"Alleen voor de kinderen zorgen", true},
    {"Zorgen om mijn zoon", true},
    {"Te kleine woning"},
    {"Vocht en schimmel in de woning"},
    {"Brieven die ik niet begrijp"},
    {"Eenzaamheid"},
    {"Ruzie met mijn ex"},
    {"Geen rijbewijs"},
    {"Slecht slapen"},
    {"Nederlands is moeilijk"},
    {"Altijd moe"},
};
const std::vector<Phrase> kSupports = {
    {"Mijn zus helpt met de kinderen", true},
    {"OCMW"},
    {"Buurvrouw Rita"},
    {"Mijn moeder"},
    {"Vrienden van de voetbal"},
    {"Mijn geloof"},
    {"De huisarts"},
    {"Mijn hond"},
    {"Gaan wandelen"},
    {"Een goede vriendin"},
    {"Mijn kinderen", true},
};
// Support that grows during the trajectory.
const std::vector<Phrase> kNewSupports = {
    {"Budgetbegeleiding bij het OCMW"},
    {"Mijn trajectbegeleider"},
    {"De groep bij de vereniging"},
    {"Vrijwilligerswerk in de kringwinkel"},
    {"Taalles"},
    {"Praatgroep bij het CAW"},
    {"Mijn stageplaats"},
    {"De schuldbemiddeling loopt"},
    {"Een plaats in de kinderopvang", true},
    {"Weer sporten"},
};

struct Contact {
  const char* label;
  const char* kind;  // person | organisation
  bool children = false;
  bool partner = false;  // only with a partner
  bool ex = false;       // a broken or difficult tie
};
const std::vector<Contact> kPeople = {
    {"Mijn zus", "person"},           {"Mijn broer", "person"},
    {"Mama", "person"},               {"Papa", "person"},
    {"Buurvrouw Rita", "person"},     {"Buurman Jef", "person"},
    {"Mijn beste vriendin Sarah", "person"}, {"Oma", "person"},
    {"Nonkel Marc", "person"},        {"Vrienden van de voetbal", "person"},
    {"Mijn ex", "person", false, false, true},
    {"Mijn partner", "person", false, true},
    {"De kinderen", "person", true},  {"Mijn oudste zoon", "person", true},
};
const std::vector<Contact> kOrganisations = {
    {"OCMW", "organisation"},         {"VDAB", "organisation"},
    {"De huisarts", "organisation"},  {"Mutualiteit", "organisation"},
    {"Sociaal verhuurkantoor", "organisation"}, {"Vakbond", "organisation"},
    {"School van de kinderen", "organisation", true},
};
// Organisations that come in to support during the trajectory.
const std::vector<Contact> kSupportOrganisations = {
    {"Budgetbegeleiding OCMW", "organisation"},
    {"Schuldbemiddelaar", "organisation"},
    {"Vereniging waar armen het woord nemen", "organisation"},
    {"Kringwinkel (vrijwilligerswerk)", "organisation"},
    {"Praatgroep CAW", "organisation"},
    {"Taalcursus CVO", "organisation"},
    {"Ervaringsdeskundige", "organisation"},
    {"Stagebedrijf", "organisation"},
    {"Kinderopvang", "organisation", true},
};
const char* const kCrisisOrganisation = "Onthaal CAW";

const std::vector<std::string> kTieNotes[] = {
    // close
    {"Kan altijd bij haar terecht", "Ziet me graag zoals ik ben", "Belt elke dag", "Staat altijd voor me klaar"},
    // reciprocal
    {"We helpen elkaar", "Ik pas op de kinderen, zij doet boodschappen", "Zien elkaar elke week",
     "Helpt met mijn papieren"},
    // conflict
    {"Veel ruzie over geld", "Voel me niet gehoord", "Spanning sinds de crisis", "Praten moeilijk met elkaar"},
    // broken
    {"Geen contact meer sinds de scheiding", "Al jaren niets meer gehoord", "Ben er niet meer naartoe gegaan"},
};
const char* const kTieTypes[] = {"close", "reciprocal", "conflict", "broken"};

struct PastEvent {
  const char* text;
  const char* tone;
  int age_lo, age_hi;
  bool children = false;
};
const std::vector<PastEvent> kPastEvents = {
    {"Van school gegaan zonder diploma", "down", 15, 18},
    {"Diploma gehaald", "up", 17, 20},
    {"Eerste job in een fabriek", "up", 17, 23},
    {"Begonnen als poetshulp", "up", 18, 30},
    {"Ontslagen toen het bedrijf sloot", "down", 24, 45},
    {"Verhuisd naar de stad", "turn", 18, 35},
    {"Lang ziek thuis gezeten", "down", 22, 50},
    {"Scheiding", "turn", 25, 45},
    {"In België aangekomen", "turn", 16, 40},
    {"Papa is gestorven", "down", 20, 50},
    {"Geboorte van mijn eerste kind", "up", 19, 33, true},
};
const std::vector<std::pair<const char*, const char*>> kLaterEvents = {
    {"Rijbewijs gehaald", "up"},
    {"Verhuisd naar een betere woning", "up"},
    {"Mama is gevallen en lag in het ziekenhuis", "down"},
    {"Voor het eerst naar de praatgroep geweest", "up"},
    {"Weer beginnen sporten", "up"},
    {"Mijn auto is kapot", "down"},
    {"Een nieuwe vriendin leren kennen", "up"},
};

std::vector<const Phrase*> usable(const std::vector<Phrase>& from, bool children) {
  std::vector<const Phrase*> out;
  for (const auto& p : from)
    if (children || !p.children) out.push_back(&p);
  return out;
}

// `n` different elements of `from` (fewer when it is shorter), in draw order.
template <typename T>
std::vector<T> draw(demo::Random& r, std::vector<T> from, size_t n) {
  std::vector<T> out;
  while (out.size() < n && !from.empty()) {
    size_t i = r.below(from.size());
    out.push_back(from[i]);
    from.erase(from.begin() + ptrdiff_t(i));
  }
  return out;
}

// --- One jobseeker ---------------------------------------------------------

struct Crisis {
  const CrisisKind* kind;
  long start, end;  // end: the day it ended, or past the last day while open
  bool open;
};

struct Person {
  int64_t id = 0;
  Param coach;
  long start = 0, until = 0;  // the trajectory's first day; its last day with score tables
  int birth_year = 1980;
  bool children = false, partner = false;
  std::vector<Crisis> crises;
  std::vector<std::pair<std::string, long>> moves;  // milestone moves: to_state, day
};

struct Snapshot {
  long day;
  bool jobseeker, coach;
};

int clamp10(long v) { return int(std::clamp(v, 0L, 10L)); }

std::string stamp(demo::Random& r, long day, long today, const std::string& now, int minutes_later = 0) {
  if (day >= today) return now;
  char buf[32];
  const long minute = r.between(9 * 60, 16 * 60) + minutes_later;
  std::snprintf(buf, sizeof buf, "T%02ld:%02ld:00Z", minute / 60, minute % 60);
  return iso_from_days(day) + buf;
}

// Score-table dates: the start, about every three months up to `until`, and
// a few days after each crisis (never in the future). Regular dates close to
// a crisis rescore are left out.
std::vector<Snapshot> schedule(demo::Random& r, const Person& p, long today) {
  std::vector<long> after_crisis;
  for (const auto& c : p.crises)
    if (c.start >= p.start && c.start <= today) after_crisis.push_back(std::min(today, c.start + r.between(3, 14)));
  std::map<long, Snapshot> at;
  at[p.start] = {p.start, true, true};  // both score at the start
  for (long d = p.start + r.between(80, 100); d <= p.until; d += r.between(80, 100)) {
    bool near = false;
    for (long c : after_crisis) near |= std::labs(d - c) < 21;
    if (near) continue;
    bool coach_only = r.chance(0.08);
    at[d] = {d, !coach_only, coach_only || r.chance(0.25)};
  }
  for (long c : after_crisis) {
    auto [it, added] = at.try_emplace(c, Snapshot{c, true, false});
    it->second.jobseeker = true;
    if (added || !it->second.coach) it->second.coach = r.chance(0.35);
  }
  std::vector<Snapshot> out;
  for (const auto& [_, s] : at) out.push_back(s);
  return out;
}

// The latent course of every item: a slow climb towards a ceiling, drops on
// the items a crisis hits while it lasts, and recovery after it.
struct Curve {
  std::vector<double> start, ceiling, days;  // per item; `days`: time scale of the climb
  std::vector<int> coach_bias;               // how the coach sees the item differently
  std::vector<std::vector<double>> drop;     // per crisis, per item
  std::vector<double> recovery;              // per crisis, days

  double level(const Person& p, size_t item, long day) const {
    double v = start[item] + (ceiling[item] - start[item]) * (1 - std::exp(-double(day - p.start) / days[item]));
    for (size_t k = 0; k < p.crises.size(); ++k) {
      const Crisis& c = p.crises[k];
      if (day < c.start || drop[k][item] == 0) continue;
      v -= c.open || day <= c.end ? drop[k][item] : drop[k][item] * std::exp(-double(day - c.end) / recovery[k]);
    }
    return v;
  }
};

Curve make_curve(demo::Random& r, const Person& p, const std::vector<ScoreItem>& items) {
  Curve c;
  const double pace = double(r.between(350, 1100));  // some climb fast, some hardly at all
  for (const auto& item : items) {
    int lo = 2, hi = 6;
    for (const auto& s : kStartRanges)
      if (item.code == s.code) lo = s.lo, hi = s.hi;
    if (item.code == "bond_children" && !p.children) lo = 0, hi = 2;
    const double s = double(r.between(lo, hi));
    c.start.push_back(s);
    c.ceiling.push_back(std::min(10.0, s + double(r.between(1, 6))));
    c.days.push_back(pace * (0.7 + 0.8 * r.unit()));
    c.coach_bias.push_back(int(r.weighted({5, 25, 40, 25, 5})) - 2);
  }
  for (const auto& crisis : p.crises) {
    std::vector<double> d(items.size(), 0);
    for (size_t i = 0; i < items.size(); ++i)
      if (std::find(crisis.kind->items.begin(), crisis.kind->items.end(), items[i].code) != crisis.kind->items.end())
        d[i] = double(r.between(2, 4)) + 0.3 * r.unit();
    c.drop.push_back(std::move(d));
    c.recovery.push_back(double(r.between(45, 150)));
  }
  return c;
}

std::string scores_json(const std::vector<ScoreItem>& items, const std::vector<int>& start, const std::vector<int>& now,
                        const std::vector<int>& future) {
  std::string s = "{";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) s += ',';
    s += '"' + items[i].code + "\":{\"start\":" + std::to_string(start[i]) + ",\"now\":" + std::to_string(now[i]) +
         ",\"future\":" + std::to_string(future[i]) + '}';
  }
  return s + '}';
}

// --- Instrument documents --------------------------------------------------

// The days of one instrument's 1-3 versions: the first meeting, then other
// meetings; `prefer` (a rescore after a crisis) is taken when there is one.
std::vector<long> version_days(demo::Random& r, const std::vector<long>& meetings, long prefer) {
  std::vector<long> out = {meetings[0]};
  size_t wanted = 1 + r.weighted({25, 45, 30});
  std::vector<long> rest(meetings.begin() + 1, meetings.end());
  if (prefer > meetings[0] && out.size() < wanted && r.chance(0.7)) {
    out.push_back(prefer);
    rest.erase(std::remove(rest.begin(), rest.end(), prefer), rest.end());
  }
  for (long d : draw(r, rest, wanted - out.size())) out.push_back(d);
  std::sort(out.begin(), out.end());
  return out;
}

// Crises that started in (from, to].
std::vector<const Crisis*> crises_between(const Person& p, long from, long to) {
  std::vector<const Crisis*> out;
  for (const auto& c : p.crises)
    if (c.start > from && c.start <= to) out.push_back(&c);
  return out;
}

struct Block {
  std::string kind, label;
  int size;
};

json balance_json(const std::vector<Block>& blocks, int unnamed) {
  json out = {{"blocks", json::array()}, {"unnamed_size", unnamed}};
  for (const auto& b : blocks) out["blocks"].push_back({{"kind", b.kind}, {"label", b.label}, {"size", b.size}});
  return out;
}

// Balance versions: load gives way to support; a crisis puts weight back on.
std::vector<json> balances(demo::Random& r, const Person& p, const std::vector<long>& days) {
  std::vector<Block> blocks;
  for (const Phrase* ph : draw(r, usable(kLoads, p.children), size_t(r.between(3, 5))))
    blocks.push_back({"load", ph->text, int(r.between(4, 9))});
  for (const Phrase* ph : draw(r, usable(kSupports, p.children), size_t(r.between(1, 3))))
    blocks.push_back({"support", ph->text, int(r.between(2, 5))});
  int unnamed = int(r.between(3, 7));
  std::vector<json> out = {balance_json(blocks, unnamed)};
  auto has = [&](const std::string& label) {
    return std::any_of(blocks.begin(), blocks.end(), [&](const Block& b) { return b.label == label; });
  };
  std::vector<const Phrase*> new_supports = draw(r, usable(kNewSupports, p.children), 3);
  for (size_t v = 1; v < days.size(); ++v) {
    auto hit = crises_between(p, days[v - 1], days[v]);
    if (!hit.empty()) {  // setback: the crisis lands on the beam
      for (const Crisis* c : hit)
        if (!has(c->kind->load)) blocks.push_back({"load", c->kind->load, int(r.between(7, 10))});
      for (auto& b : blocks) {
        if (b.kind == "load" && r.chance(0.4)) b.size = std::min(10, b.size + int(r.between(1, 2)));
        if (b.kind == "support" && r.chance(0.3)) b.size = std::max(1, b.size - 1);
      }
      unnamed = std::min(10, unnamed + int(r.between(1, 2)));
    } else {  // progress: loads shrink, supports grow and are added
      for (auto& b : blocks) {
        if (b.kind == "load") b.size = std::max(1, b.size - int(r.weighted({25, 40, 28, 7})));
        else b.size = std::min(10, b.size + int(r.weighted({35, 45, 20})));
      }
      auto smallest = std::min_element(blocks.begin(), blocks.end(), [](const Block& a, const Block& b) {
        return (a.kind == "load" ? a.size : 99) < (b.kind == "load" ? b.size : 99);
      });
      long loads = std::count_if(blocks.begin(), blocks.end(), [](const Block& b) { return b.kind == "load"; });
      if (loads > 1 && smallest->size <= 2 && r.chance(0.4)) blocks.erase(smallest);  // solved
      if (!new_supports.empty() && r.chance(0.7)) {
        blocks.push_back({"support", new_supports.back()->text, int(r.between(3, 6))});
        new_supports.pop_back();
      }
      unnamed = std::max(1, unnamed - int(r.weighted({30, 50, 20})));
    }
    out.push_back(balance_json(blocks, unnamed));
  }
  return out;
}

struct Node {
  std::string id, label, kind;
};
struct Tie {
  std::string from, to, type, note;
};

json ecogram_json(const std::vector<Node>& nodes, const std::vector<Tie>& ties) {
  json out = {{"nodes", json::array()}, {"ties", json::array()}};
  for (const auto& n : nodes) out["nodes"].push_back({{"id", n.id}, {"label", n.label}, {"kind", n.kind}});
  for (const auto& t : ties) out["ties"].push_back({{"from", t.from}, {"to", t.to}, {"type", t.type}, {"note", t.note}});
  return out;
}

std::string tie_note(demo::Random& r, size_t type) { return r.pick(kTieNotes[type]); }

// Ecogram versions: support organisations come in, ties are retyped; after a
// crisis a close tie may turn to conflict and crisis help comes in.
std::vector<json> ecograms(demo::Random& r, const Person& p, const std::vector<long>& days) {
  std::vector<Node> nodes;
  std::vector<Tie> ties;
  auto add = [&](const Contact& c, size_t type) {
    nodes.push_back({"n" + std::to_string(nodes.size() + 1), c.label, c.kind});
    ties.push_back({"self", nodes.back().id, kTieTypes[type], tie_note(r, type)});
  };
  auto fits = [&](const Contact& c) {
    return (p.children || !c.children) && (p.partner || !c.partner) && !(p.partner && c.ex);
  };
  std::vector<const Contact*> people, organisations, support;
  for (const auto& c : kPeople)
    if (fits(c)) people.push_back(&c);
  for (const auto& c : kOrganisations)
    if (fits(c)) organisations.push_back(&c);
  for (const auto& c : kSupportOrganisations)
    if (fits(c)) support.push_back(&c);
  for (const Contact* c : draw(r, people, size_t(r.between(3, 5))))
    add(*c, c->ex ? 2 + r.below(2) : c->partner ? r.weighted({50, 35, 15}) : r.weighted({30, 35, 20, 15}));
  for (const Contact* c : draw(r, organisations, size_t(r.between(1, 3)))) add(*c, r.weighted({15, 60, 15, 10}));
  // A tie or two between the people around the jobseeker.
  const size_t first_people = nodes.size();
  std::set<std::pair<size_t, size_t>> joined;
  for (int k = int(r.between(0, 2)); k > 0 && first_people >= 2; --k) {
    size_t a = r.below(first_people), b = r.below(first_people);
    if (a >= b || nodes[a].kind != "person" || nodes[b].kind != "person" || !joined.insert({a, b}).second) continue;
    size_t type = r.weighted({40, 40, 20});
    ties.push_back({nodes[a].id, nodes[b].id, kTieTypes[type], ""});
  }
  std::vector<json> out = {ecogram_json(nodes, ties)};
  std::vector<const Contact*> coming = draw(r, support, 3);
  auto has = [&](const std::string& label) {
    return std::any_of(nodes.begin(), nodes.end(), [&](const Node& n) { return n.label == label; });
  };
  for (size_t v = 1; v < days.size(); ++v) {
    bool changed = false;
    if (!crises_between(p, days[v - 1], days[v]).empty() && r.chance(0.7)) {
      for (auto& t : ties)  // the strain shows on a close tie
        if (t.from == "self" && (t.type == "close" || t.type == "reciprocal") && r.chance(0.4)) {
          t.type = "conflict";
          t.note = "Spanning sinds de crisis";
          changed = true;
          break;
        }
      if (!has(kCrisisOrganisation)) {
        add({kCrisisOrganisation, "organisation"}, 1);
        ties.back().note = "Hielp bij de crisis";
        changed = true;
      }
    }
    if (!changed && r.chance(0.5)) {  // a tie mends
      for (auto& t : ties)
        if (t.from == "self" && (t.type == "conflict" || t.type == "broken") && r.chance(0.6)) {
          t.type = t.type == "conflict" ? "reciprocal" : "conflict";
          t.note = t.type == "reciprocal" ? "We praten terug met elkaar" : "Terug contact, nog moeilijk";
          changed = true;
          break;
        }
    }
    if ((!changed || r.chance(0.5)) && !coming.empty()) {  // support comes in
      add(*coming.back(), r.weighted({45, 55}));
      coming.pop_back();
      changed = true;
    }
    if (!changed)  // nothing new to add: a tie grows closer
      for (auto& t : ties)
        if (t.type == "reciprocal") {
          t.type = "close";
          break;
        }
    out.push_back(ecogram_json(nodes, ties));
  }
  return out;
}

struct Event {
  std::string date, text, tone;
};

// The whole life-event line up to the last day; a version shows the events
// up to its own day.
std::vector<Event> timeline(demo::Random& r, const Person& p) {
  std::vector<Event> out;
  const int start_year = std::stoi(iso_from_days(p.start).substr(0, 4));
  for (const auto& e : draw(r, kPastEvents, size_t(r.between(3, 5)))) {
    if (e.children && !p.children) continue;
    int year = p.birth_year + int(r.between(e.age_lo, e.age_hi));
    if (year < start_year && year >= 1900) out.push_back({std::to_string(year), e.text, e.tone});
  }
  out.push_back({iso_from_days(p.start), r.chance(0.5) ? "Eerste gesprek met mijn begeleider" : "Gestart met het traject",
                 "turn"});
  for (const auto& c : p.crises) {
    out.push_back({iso_from_days(c.start), c.kind->event, "down"});
    if (!c.open && c.end <= p.until) out.push_back({iso_from_days(c.end), "Het ergste is achter de rug", "up"});
  }
  for (const auto& [state, day] : p.moves) {
    const char* text = state == "c2.1"        ? "Begonnen met een opleiding"
                       : state == "c3.1"      ? "Op zoek naar werk, met een stage"
                       : state == "aftercare" ? "Ik heb werk gevonden!"
                                              : "Traject afgerond";
    out.push_back({iso_from_days(day), text, state == "closed" ? "turn" : "up"});
  }
  for (int k = int(r.between(0, 2)); k > 0 && p.until > p.start; --k) {
    const auto& [text, tone] = r.pick(kLaterEvents);
    out.push_back({iso_from_days(p.start + r.between(1, p.until - p.start)), text, tone});
  }
  std::stable_sort(out.begin(), out.end(), [](const Event& a, const Event& b) { return a.date < b.date; });
  return out;
}

json life_events_json(const std::vector<Event>& events, long day) {
  const std::string upto = iso_from_days(day);
  json out = {{"events", json::array()}};
  for (const auto& e : events)
    if (e.date.size() == 4 || e.date <= upto) out["events"].push_back({{"date", e.date}, {"text", e.text}, {"tone", e.tone}});
  return out;
}

}  // namespace

Result<DemoInstrumentSummary> generate_demo_instruments(Store& store, uint64_t seed,
                                                        const std::function<void(const std::string&)>& progress) {
  DemoInstrumentSummary sum;
  const std::string today_iso = today_utc();
  const std::string now = now_utc();
  const long today = *days_from_iso(today_iso);
  const std::vector<ScoreItem> items = default_score_items("nl");
  const std::string items_json = items_to_json(items).dump();
  const FieldCipher& cipher = store.cipher();
  demo::Random root(seed ^ 0x494e5354524d4e54ull);
  int64_t after = 0;
  for (;;) {
    auto c = store.pool().acquire();
    auto people = c->query(
        "SELECT t.jobseeker_id, t.state, t.started_on, t.last_moved_on, j.birth_date, j.profile, "
        "(SELECT MIN(a.user_id) FROM assignments a WHERE a.jobseeker_id = t.jobseeker_id) "
        "FROM trajectories t JOIN jobseekers j ON j.id = t.jobseeker_id "
        "WHERE t.jobseeker_id > ? AND t.started_on IS NOT NULL ORDER BY t.jobseeker_id LIMIT ?",
        {after, kBatch});
    if (people.empty()) break;
    const int64_t last = people.integer(people.size() - 1, 0);
    auto crises = c->query(
        "SELECT jobseeker_id, cause, started_on, ended_on FROM crises WHERE jobseeker_id > ? AND jobseeker_id <= ? "
        "ORDER BY jobseeker_id, started_on, id",
        {after, last});
    auto moves = c->query(
        "SELECT jobseeker_id, to_state, moved_on FROM spiral_moves WHERE jobseeker_id > ? AND jobseeker_id <= ? "
        "AND to_state IN ('c2.1', 'c3.1', 'aftercare', 'closed') ORDER BY jobseeker_id, moved_on, id",
        {after, last});
    size_t next_crisis = 0, next_move = 0;
    sql::in_transaction(*c, [&] {
      Batch tables(*c,
                   "INSERT INTO score_tables (jobseeker_id, taken_on, scorer, item_snapshot_id, scores, created_by, "
                   "created_at)",
                   "(?, ?, ?, ?, ?, ?, ?)");
      Batch versions(*c,
                     "INSERT INTO instrument_versions (jobseeker_id, instrument, taken_on, document, created_by, "
                     "created_at)",
                     "(?, ?, ?, ?, ?, ?)");
      for (size_t i = 0; i < people.size(); ++i) {
        Person p;
        p.id = people.integer(i, 0);
        after = p.id;
        demo::Random r = root.fork(uint64_t(p.id));
        p.coach = people.is_null(i, 6) ? Param(nullptr) : Param(people.integer(i, 6));
        p.start = std::min(today, days_from_iso(people.text(i, 2)).value_or(today));
        p.until = people.text(i, 1) == "closed" ? days_from_iso(people.text(i, 3)).value_or(today) : today;
        p.until = std::clamp(p.until, p.start, today);
        if (people.text(i, 4).size() >= 4) p.birth_year = std::stoi(people.text(i, 4).substr(0, 4));
        json profile = json::parse(cipher.open(people.text(i, 5)), nullptr, false);
        if (profile.is_object()) {
          p.children = profile.value("children", json()).is_number_integer() && profile["children"].get<int>() > 0;
          p.partner = profile.value("civil_status", "") == "married";
        }
        for (; next_crisis < crises.size() && crises.integer(next_crisis, 0) <= p.id; ++next_crisis) {
          if (crises.integer(next_crisis, 0) != p.id) continue;
          Crisis k{&crisis_kind(cipher.open(crises.text(next_crisis, 1))),
                   days_from_iso(crises.text(next_crisis, 2)).value_or(today), 0, crises.is_null(next_crisis, 3)};
          k.end = k.open ? today + 1 : days_from_iso(crises.text(next_crisis, 3)).value_or(today + 1);
          if (k.start <= today) p.crises.push_back(k);
        }
        for (; next_move < moves.size() && moves.integer(next_move, 0) <= p.id; ++next_move)
          if (moves.integer(next_move, 0) == p.id) {
            long day = days_from_iso(moves.text(next_move, 2)).value_or(today + 1);
            if (day <= p.until) p.moves.emplace_back(moves.text(next_move, 1), day);
          }
        ++sum.jobseekers;

        // 1. Score tables.
        const std::vector<Snapshot> snapshots = schedule(r, p, today);
        const Curve curve = make_curve(r, p, items);
        const size_t n = items.size();
        std::vector<int> js_start, coach_start, now_scores(n), future(n);
        std::vector<long> meetings;
        long after_crisis = 0;  // the first rescore after a crisis, if any
        // Every table of a person is scored with the default set: one snapshot.
        int64_t snapshot = 0;
        auto item_snapshot = [&] {
          if (!snapshot)
            snapshot = c->query("INSERT INTO score_item_snapshots (jobseeker_id, items) VALUES (?, ?) RETURNING id",
                                {p.id, cipher.seal(items_json)})
                           .integer(0, 0);
          return snapshot;
        };
        for (const Snapshot& s : snapshots) {
          std::vector<int> base(n);
          for (size_t k = 0; k < n; ++k) base[k] = int(std::lround(curve.level(p, k, s.day)));
          const std::string taken_on = iso_from_days(s.day);
          if (s.jobseeker) {
            for (size_t k = 0; k < n; ++k) {
              now_scores[k] = clamp10(base[k] + long(r.weighted({15, 70, 15})) - 1);
              future[k] = clamp10(now_scores[k] + long(r.weighted({6, 20, 32, 27, 15})) - 1);
            }
            if (js_start.empty()) js_start = now_scores;
            tables.add(p.id, taken_on, std::string("jobseeker"), item_snapshot(),
                       scores_json(items, js_start, now_scores, future), p.coach, stamp(r, s.day, today, now));
            ++sum.score_tables;
            meetings.push_back(s.day);
          }
          if (s.coach) {
            for (size_t k = 0; k < n; ++k) {
              now_scores[k] = clamp10(base[k] + curve.coach_bias[k] + (r.chance(0.2) ? long(r.below(3)) - 1 : 0));
              future[k] = clamp10(now_scores[k] + long(r.weighted({35, 45, 20})));
            }
            if (coach_start.empty()) coach_start = now_scores;
            tables.add(p.id, taken_on, std::string("coach"), item_snapshot(),
                       scores_json(items, coach_start, now_scores, future), p.coach, stamp(r, s.day, today, now, 30));
            ++sum.score_tables;
            ++sum.by_coach;
          }
          if (!after_crisis && s.jobseeker)
            for (const auto& c : p.crises)
              if (s.day > c.start && s.day <= c.start + 14) after_crisis = s.day;
        }

        // 2. Instrument versions, on days the jobseeker scored.
        auto write = [&](const char* name, const std::vector<long>& days, const std::vector<json>& docs,
                         int64_t& count) {
          for (size_t v = 0; v < days.size(); ++v) {
            versions.add(p.id, std::string(name), iso_from_days(days[v]), cipher.seal(docs[v].dump()), p.coach,
                         stamp(r, days[v], today, now, 45));
            ++count;
          }
        };
        const auto balance_days = version_days(r, meetings, after_crisis);
        write("balance", balance_days, balances(r, p, balance_days), sum.balances);
        const auto ecogram_days = version_days(r, meetings, after_crisis);
        write("ecogram", ecogram_days, ecograms(r, p, ecogram_days), sum.ecograms);
        const auto event_days = version_days(r, meetings, 0);
        auto events = timeline(r, p);
        std::vector<json> lines;
        for (size_t v = 0; v < event_days.size(); ++v) {
          // A later version always brings something new.
          const std::string from = v ? iso_from_days(event_days[v - 1]) : "", to = iso_from_days(event_days[v]);
          if (v && std::none_of(events.begin(), events.end(),
                                [&](const Event& e) { return e.date.size() > 4 && e.date > from && e.date <= to; })) {
            const auto& [text, tone] = r.pick(kLaterEvents);
            events.push_back({iso_from_days(event_days[v] - r.below(uint64_t(event_days[v] - event_days[v - 1]))), text, tone});
            std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.date < b.date; });
          }
          lines.push_back(life_events_json(events, event_days[v]));
        }
        write("life_events", event_days, lines, sum.life_events);
      }
      tables.flush();
      versions.flush();
    });
    if (progress) progress("demo instruments: up to jobseeker " + std::to_string(after));
  }
  return sum;
}

}  // namespace spiraal
