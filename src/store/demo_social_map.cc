#include "store/demo_social_map.h"

#include "store/social_map_service.h"

namespace spiraal {
namespace {

struct Kind {
  const char* name;           // "{town}" is replaced
  const char* themes;         // social_theme codes, ';'-separated
  const char* target_group;
  const char* opening_hours;
  const char* contact_role;
};

// Fictional: the names follow the usual Flemish services, every address,
// number and mailbox is made up (voorbeeld.be is not theirs).
const Kind kKinds[] = {
    {"OCMW {town} - Sociaal Huis", "finances;housing;health", "Inwoners met een hulpvraag", "ma-vr 9-12 u.",
     "maatschappelijk werker"},
    {"CAW {town} - Onthaal", "social_relational;housing;justice", "Iedereen met een vraag over welzijn",
     "vrije inloop ma, wo, vr 9-12 u.", "onthaalmedewerker"},
    {"VDAB Werkwinkel {town}", "work_training", "Werkzoekenden", "ma-vr 8.30-12.30 u.", "trajectbegeleider"},
    {"Samenlevingsopbouw {town} - Buurtwerk", "social_participation;support_network", "Bewoners van de wijk",
     "di en do 13-17 u.", "opbouwwerker"},
    {"CGG {town}", "health", "Volwassenen met psychische problemen", "op afspraak", "psycholoog"},
    {"Huis van het Kind {town}", "parenting;household", "Aanstaande en jonge ouders", "ma, di, do 9-12 u.",
     "gezinsondersteuner"},
};

const char* kTowns[] = {"Gent", "Aalst", "Eeklo", "Sint-Niklaas", "Oudenaarde"};

// A field for the CSV: quoted, inner quotes doubled.
std::string csv_field(const std::string& s) {
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

std::string replace_town(std::string s, const std::string& town) {
  auto pos = s.find("{town}");
  if (pos != std::string::npos) s.replace(pos, 6, town);
  return s;
}

std::string slug(const std::string& s) {
  std::string out;
  for (char ch : s)
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) out += ch;
    else if (ch >= 'A' && ch <= 'Z') out += char(ch - 'A' + 'a');
    else if (!out.empty() && out.back() != '-') out += '-';
  return out;
}

const char* kFirstNames[] = {"An", "Koen", "Sofie", "Youssef", "Lies", "Griet", "Pieter", "Hilde", "Bram", "Fatima"};
const char* kLastNames[] = {"Peeters", "De Smet", "Janssens", "El Amrani", "Vermeulen", "Maes", "Claes", "Wouters"};

}  // namespace

std::string demo_social_map_csv() {
  std::string csv =
      "name,address,phone,email,website,opening_hours,target_group,themes,contact_name,contact_role,contact_phone,"
      "contact_email\n";
  int n = 0;
  for (const char* town : kTowns)
    for (const auto& kind : kKinds) {
      std::string name = replace_town(kind.name, town);
      std::string box = slug(name);
      std::string person = std::string(kFirstNames[n % 10]) + " " + kLastNames[(n / 3) % 8];
      std::string phone = "09 000 " + std::to_string(10 + n) + " " + std::to_string(20 + n);
      csv += csv_field(name) + "," + csv_field("Voorbeeldstraat " + std::to_string(n + 1) + ", " + town) + "," + phone +
             "," + box + "@voorbeeld.be,www.voorbeeld.be/" + box + "," + csv_field(kind.opening_hours) + "," +
             csv_field(kind.target_group) + "," + kind.themes + "," + csv_field(person) + "," + kind.contact_role + "," +
             phone + "," + slug(person) + "@voorbeeld.be\n";
      ++n;
    }
  return csv;
}

Result<int> generate_demo_social_map(Store& store) {
  auto admin = store.user_by_username("admin");
  if (!admin) return Status::not_found("demo admin");
  SocialMapService service(store);
  auto r = service.import_csv(admin->principal(), demo_social_map_csv());
  if (!r.is_ok()) return r.status();
  if (r->unreadable || !r->rejected.empty()) return Status::internal("demo social map: " + r->rejected[0].rule);
  return r->imported;
}

}  // namespace spiraal
