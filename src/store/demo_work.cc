#include "store/demo_work.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <vector>

#include "core/application.h"
#include "core/clock.h"
#include "core/job_target.h"
#include "core/work_record.h"
#include "core/work_start.h"
#include "store/demo_random.h"
#include "store/field_cipher.h"

namespace spiraal {
namespace {

using nlohmann::json;
using sql::Param;
using sql::Params;

constexpr int64_t kBatch = 2000;
constexpr size_t kRowsPerInsert = 100;

// Rows of work_records written as INSERTs of kRowsPerInsert rows (the rest
// one at a time at flush()), collecting the generated ids in row order.
class Inserter {
 public:
  explicit Inserter(sql::Connection& c) : c_(c) {
    const std::string head =
        "INSERT INTO work_records (jobseeker_id, kind, parent_id, version, status, due_on, content, created_by, "
        "created_at, updated_at) VALUES ";
    const std::string row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    one_ = head + row + " RETURNING id";
    many_ = head + row;
    for (size_t i = 1; i < kRowsPerInsert; ++i) many_ += ", " + row;
    many_ += " RETURNING id";
    buffer_.reserve(kWidth * kRowsPerInsert);
  }
  template <typename... Values>
  void add(Values&&... values) {
    static_assert(sizeof...(Values) == kWidth);
    (buffer_.emplace_back(std::forward<Values>(values)), ...);
    if (buffer_.size() == kWidth * kRowsPerInsert) {
      run(many_, buffer_);
      buffer_.clear();
    }
  }
  void flush() {
    for (auto at = buffer_.begin(); at != buffer_.end(); at += kWidth) run(one_, Params(at, at + kWidth));
    buffer_.clear();
  }
  const std::vector<int64_t>& ids() const { return ids_; }

 private:
  static constexpr size_t kWidth = 10;
  void run(const std::string& sql, const Params& params) {
    sql::Rows r = c_.query(sql, params);
    const size_t first = ids_.size();
    for (size_t i = 0; i < r.size(); ++i) ids_.push_back(r.integer(i, 0));
    // Both engines hand out identity values in VALUES order (see demo_data.cc).
    std::sort(ids_.begin() + ptrdiff_t(first), ids_.end());
  }
  sql::Connection& c_;
  std::string one_, many_;
  Params buffer_;
  std::vector<int64_t> ids_;
};

// --- Phrase banks ------------------------------------------------------------

struct SituationTemplate {
  const char* text;
  const char* kind;
  std::vector<const char*> competences;  // 2–4 of these are linked
  const char* note;
  bool children = false;  // only for someone with children
};
const std::vector<SituationTemplate> kSituations = {
    {"Twee jaar thuis gebleven om voor mijn zieke dochter te zorgen", "gap",
     {"service_skills", "perseverance", "coping_with_stress", "work_planning", "sense_of_responsibility", "empathy"},
     "Gat in het cv herkaderd: ziekenhuisbezoeken, medicatie en school geregeld, alles gepland.", true},
    {"Mee een benefiet georganiseerd voor de school van de kinderen", "volunteer",
     {"work_planning", "initiative", "contact_skills", "commercial_insight", "creativity", "result_orientation"},
     "Gat in het cv herkaderd: verkocht tickets, regelde de drank en de kassa.", true},
    {"Vrijwilliger in de kringwinkel, twee dagen per week", "volunteer",
     {"service_skills", "contact_skills", "loyalty", "accuracy", "work_organisation_insight"},
     "Gat in het cv herkaderd: komt elke week op tijd, sorteert en helpt aan de kassa."},
    {"Een benefiet georganiseerd voor een buurman die zijn huis verloor", "volunteer",
     {"initiative", "solidarity", "work_planning", "contact_skills", "creativity"},
     "Gat in het cv herkaderd: zocht sponsors en regelde de zaal."},
    {"Jaren voor mijn zieke moeder gezorgd", "care",
     {"empathy", "sense_of_responsibility", "perseverance", "service_skills", "coping_with_stress"},
     "Gat in het cv herkaderd: mantelzorg, contact met dokters en thuisverpleging."},
    {"Een jaar zonder werk na een burn-out; de draad weer opgepikt via de praatgroep", "gap",
     {"self_confidence", "perseverance", "critical_attitude", "coping_with_stress"},
     "Gat in het cv herkaderd: eigen grenzen leren kennen, hulp durven vragen."},
    {"Mijn kinderen alleen opgevoed", "care",
     {"work_planning", "sense_of_responsibility", "flexibility", "perseverance", "problem_solving"},
     "", true},
    {"Werkte drie jaar als poetshulp met dienstencheques", "work",
     {"accuracy", "independence", "quality_awareness", "loyalty", "service_skills"}, ""},
    {"Kassamedewerker in een supermarkt", "work",
     {"contact_skills", "accuracy", "coping_with_stress", "commercial_insight"}, ""},
    {"Interimwerk als magazijnier", "work",
     {"safety_environment_awareness", "flexibility", "work_organisation_insight", "accuracy"}, ""},
    {"Cursus heftruck gevolgd bij de VDAB", "training", {"safety_environment_awareness", "learning_ability", "accuracy"},
     ""},
    {"Nederlandse les gevolgd en het examen gehaald", "training",
     {"learning_ability", "eagerness_to_learn", "mother_tongue_receptive", "perseverance"}, ""},
    {"Trainer bij de jeugdploeg van de voetbalclub", "leisure",
     {"contact_skills", "loyalty", "work_planning", "assertiveness", "solidarity"}, ""},
    {"Tolk voor de buren bij het OCMW en de dokter", "volunteer",
     {"foreign_language_productive", "empathy", "contact_skills", "information_handling"}, ""},
    {"Kookt elke woensdag mee in het buurtrestaurant", "volunteer",
     {"service_skills", "quality_awareness", "safety_environment_awareness", "contact_skills"}, ""},
    {"Verhuisd met drie kinderen en alles zelf geregeld", "life",
     {"work_planning", "problem_solving", "information_handling", "decisiveness"}, "", true},
    {"Schulden afbetaald met een strak budget", "life",
     {"work_planning", "perseverance", "information_handling", "sense_of_responsibility"},
     "Leeft al twee jaar van een budget dat ze zelf bijhoudt."},
    {"Auto's hersteld voor vrienden en familie", "leisure",
     {"problem_solving", "independence", "accuracy", "safety_environment_awareness"}, ""},
    {"Het huishouden en de papieren voor de familie gedaan", "life",
     {"information_handling", "sense_of_responsibility", "accuracy", "work_planning"}, ""},
    {"Meegeholpen op de markt bij een kennis", "other",
     {"commercial_insight", "contact_skills", "flexibility", "coping_with_stress"}, ""},
};

struct Occupation {
  const char* name;
  const char* code;  // VDAB Competent
  std::vector<const char*> employers;
  std::vector<const char*> technical;
  std::vector<const char*> tasks;
  std::vector<const char*> competences;
  const char* hard;  // what a placement can show
};
const std::vector<Occupation> kOccupations = {
    {"Schoonmaker", "K2204", {"Schoonmaakbedrijf Proper", "Dienstenchequebedrijf Huis & Hof", "Net & Fris"},
     {"Werken met schoonmaakmachines", "Juiste producten kiezen", "Hygiëneregels"},
     {"Kantoren poetsen", "Sanitair reinigen", "Afval sorteren"},
     {"accuracy", "independence", "quality_awareness", "safety_environment_awareness"},
     "Vroeg beginnen, om 6 uur"},
    {"Magazijnmedewerker", "N1103", {"Logistiek Scheldeport", "Distributiecentrum Waasland", "Interim Werkhuis"},
     {"Heftruckattest", "Orderpicken met scanner", "Goederen ontvangen en controleren"},
     {"Orders verzamelen", "Vrachtwagens lossen", "Voorraad tellen"},
     {"safety_environment_awareness", "accuracy", "work_organisation_insight", "flexibility"},
     "Het tempo ligt hoog"},
    {"Kassamedewerker", "D1505", {"Buurtsuper Peeters", "Supermarkt Van Dam", "Kringwinkel Het Spoor"},
     {"Werken met een kassa", "Klanten helpen", "Rekken aanvullen"},
     {"Afrekenen", "Klanten helpen zoeken", "Rekken vullen"},
     {"contact_skills", "accuracy", "coping_with_stress", "commercial_insight"},
     "Lang rechtstaan en drukte aan de kassa"},
    {"Keukenhulp", "G1602", {"Brasserie 't Hoekske", "Woonzorgcentrum De Linde", "Sociaal restaurant De Kombuis"},
     {"Groenten snijden en voorbereiden", "HACCP-regels", "Afwassen met de vaatwasstraat"},
     {"Groenten snijden", "Afwassen", "De keuken proper houden"},
     {"quality_awareness", "safety_environment_awareness", "flexibility", "coping_with_stress"},
     "Werken in het weekend en 's avonds"},
    {"Productiemedewerker", "H3302", {"Voedingsbedrijf Vandevelde", "Maatwerkbedrijf Ateljee", "Verpakkingen Noord"},
     {"Een productielijn bedienen", "Kwaliteitscontrole", "Verpakken"},
     {"Producten verpakken", "De machine bijvullen", "Foute stukken eruit halen"},
     {"accuracy", "quality_awareness", "loyalty", "safety_environment_awareness"},
     "Ploegenwerk"},
    {"Verzorgende", "J1501", {"Woonzorgcentrum De Linde", "Thuiszorg Samen", "Dagcentrum Den Boomgaard"},
     {"Hulp bij wassen en aankleden", "Maaltijden geven", "Zorgdossier bijhouden"},
     {"Bewoners helpen bij het eten", "Bedden opmaken", "Een babbel doen"},
     {"empathy", "service_skills", "sense_of_responsibility", "contact_skills"},
     "Emotioneel zwaar, en weekendwerk"},
    {"Groenarbeider", "A1203", {"Groendienst van de stad", "Maatwerkbedrijf De Sleutel", "Tuinaanleg Verhaegen"},
     {"Werken met bosmaaier en haagschaar", "Planten kennen", "Veilig werken langs de weg"},
     {"Gras maaien", "Hagen snoeien", "Plantsoenen onderhouden"},
     {"independence", "safety_environment_awareness", "perseverance", "aesthetic_sense"},
     "Buiten werken in weer en wind"},
    {"Winkelbediende", "D1507", {"Kledingwinkel Mode Anna", "Kringwinkel Het Spoor", "Bakkerij Janssens"},
     {"Klanten adviseren", "Etaleren", "Voorraad beheren"},
     {"Klanten helpen", "Rekken inrichten", "De winkel openen en sluiten"},
     {"contact_skills", "commercial_insight", "image_awareness", "service_skills"},
     "Werken op zaterdag"},
    {"Logistiek medewerker ziekenhuis", "K2303", {"AZ Sint-Jan", "Ziekenhuis Oost-Limburg", "AZ Delta"},
     {"Transport van patiënten en goederen", "Hygiëneregels", "Werken volgens planning"},
     {"Maaltijden rondbrengen", "Linnen aanvullen", "Patiënten begeleiden"},
     {"service_skills", "work_planning", "accuracy", "contact_skills"},
     "Veel stappen op een dag"},
    {"Kinderbegeleider", "K1303", {"Kinderdagverblijf Het Nestje", "Buitenschoolse opvang De Speelbrug", "Crèche Zonneke"},
     {"Spelletjes met kinderen begeleiden", "Eerste hulp", "Contact met ouders"},
     {"Kinderen eten geven", "Spelen begeleiden", "Ouders te woord staan"},
     {"empathy", "sense_of_responsibility", "creativity", "contact_skills"},
     "Een attest is nodig"},
    {"Strijker", "K2203", {"Strijkatelier De Plooi", "Dienstenchequebedrijf Huis & Hof"},
     {"Strijken volgens de regels van het atelier", "Kleding sorteren en plooien"},
     {"Hemden strijken", "Wasgoed sorteren", "Klanten ontvangen"},
     {"accuracy", "quality_awareness", "independence", "perseverance"},
     "Warm en lang staan"},
    {"Chauffeur-koerier", "N4105", {"Koerierdienst Snel", "Bakkerij Janssens", "Interim Werkhuis"},
     {"Rijbewijs B", "Route plannen", "Leveringen registreren"},
     {"Pakjes leveren", "De route plannen", "De bestelwagen laden"},
     {"independence", "work_planning", "safety_environment_awareness", "contact_skills"},
     "Tijdsdruk op de route"},
};

struct Region {
  std::vector<const char*> hints;   // substrings of team areas in the region
  std::vector<const char*> towns;   // the first is the nearby centre
};
const std::vector<Region> kRegions = {
    {{"Antwerpen", "Borgerhout", "Deurne", "Merksem", "Hoboken", "Berchem", "Wilrijk", "Ekeren", "Schoten", "Mortsel"},
     {"Antwerpen", "Mechelen", "Boom", "Lier", "Sint-Niklaas", "Brasschaat"}},
    {{"Gent", "Eeklo", "Deinze", "Wetteren", "Evergem", "Merelbeke", "Lochristi", "Zelzate"},
     {"Gent", "Eeklo", "Aalst", "Deinze", "Lokeren", "Oudenaarde"}},
    {{"Brugge", "Oostende", "Blankenberge", "Torhout", "Knokke", "Bredene", "Oostkamp", "Zedelgem"},
     {"Brugge", "Oostende", "Torhout", "Roeselare", "Blankenberge"}},
    {{"Kortrijk", "Roeselare", "Ieper", "Menen", "Izegem", "Waregem", "Harelbeke", "Wevelgem"},
     {"Kortrijk", "Roeselare", "Waregem", "Menen", "Ieper"}},
    {{"Hasselt", "Genk", "Sint-Truiden", "Tongeren", "Beringen", "Lommel", "Maas", "Bilzen", "Heusden", "Zonhoven"},
     {"Hasselt", "Genk", "Sint-Truiden", "Beringen", "Diepenbeek"}},
    {{"Leuven", "Tienen", "Aarschot", "Diest", "Kessel-Lo", "Heverlee", "Landen", "Haacht"},
     {"Leuven", "Tienen", "Aarschot", "Vilvoorde", "Brussel"}},
    {{"Turnhout", "Mol", "Geel", "Herentals", "Heist", "Westerlo", "Balen", "Hoogstraten"},
     {"Turnhout", "Geel", "Herentals", "Mol", "Lier"}},
    {{"Aalst", "Dendermonde", "Ninove", "Geraardsbergen", "Zottegem", "Ronse", "Lede", "Hamme"},
     {"Aalst", "Dendermonde", "Ninove", "Gent", "Brussel"}},
    {{"Vilvoorde", "Halle", "Zaventem", "Asse", "Dilbeek", "Grimbergen", "Machelen", "Liedekerke"},
     {"Vilvoorde", "Brussel", "Halle", "Asse", "Mechelen"}},
};

const std::vector<const char*> kApplicationNotes[] = {
    {"Samen de werkgever gebeld; de coach stelde de werkzoekende voor.", "Persoonlijk langsgegaan met het cv.",
     "Werkgever gecontacteerd via de jobbeurs."},
    {"Sterke punten uit het visitekaartje toegelicht.", "Uitgelegd wat de werkzoekende meebrengt: ervaring en inzet."},
    {"Twijfel over het gat in het cv besproken; IBO voorgesteld.", "Werkgever vreest afwezigheden; noodplan toegelicht.",
     "Geen rijbewijs: busverbinding samen bekeken."},
    {"Werkgever nodigt uit voor een gesprek.", "Sollicitatiegesprek gevraagd en gekregen."},
    {"Gesprek samen voorbereid: vragen geoefend, kleren gekozen.", "Rollenspel gedaan; de route op voorhand gereden."},
    {"Coach ging mee naar het gesprek.", "Samen naar het gesprek gegaan; de coach wachtte buiten."},
    {"Werkgever heeft beslist.", "Beslissing telefonisch meegedeeld."},
    {"Feedback gevraagd aan de werkgever en samen besproken.", "Feedback besproken: wat ging goed, wat kan beter."},
};
const std::vector<const char*> kObjections = {
    "Lang gat in het cv", "Geen rijbewijs", "Nederlands nog niet vlot", "Weinig recente werkervaring",
    "Vreest afwezigheden door de kinderen", "Geen diploma", ""};
const std::vector<const char*> kMeasures = {"ibo", "activa", "jobcoaching", "gtb", "instapopleiding",
                                            "supported_employment", "werkervaring", "artikel_60_7"};
const std::vector<const char*> kFeedbackNotes = {
    "Vriendelijk en gemotiveerd, maar een andere kandidaat had meer ervaring.",
    "Goed gesprek; de werkgever zocht iemand die ook 's avonds kan werken.",
    "Sterk in contact, maar nog onzeker bij de praktijkproef.",
    "Werkgever vond het cv goed, maar koos voor iemand met een rijbewijs.",
    "Nerveus in het gesprek; volgende keer meer oefenen met vragen over het gat in het cv.",
    "Te weinig Nederlands voor het contact met klanten, zegt de werkgever."};

const std::vector<const char*> kEvidence[4][3] = {
    // wants: yes, no, unsure
    {{"Zegt zelf: 'dit wil ik echt doen'.", "Bracht zelf vacatures voor deze job mee.",
      "Vertelt er met veel goesting over in elk gesprek."},
     {"Wil liever iets met mensen doen.", "Na de stage: 'dit is niets voor mij'."},
     {"Twijfelt nog; wil eerst eens gaan kijken.", "Weet het nog niet: spreekt er weinig over."}},
    // can_manage
    {{"Deed dit werk al als vrijwilliger in de kringwinkel.", "Stage liep goed: werkgever tevreden over het tempo.",
      "Heeft de nodige ervaring uit vroeger werk."},
     {"Rugklachten: zwaar tilwerk lukt niet.", "De stage toonde dat het tempo te hoog ligt."},
     {"Eerst een stage doen om te zien of het lukt.", "Niet zeker of het lukt met de rugklachten."}},
    // demand
    {{"Knelpuntberoep volgens de VDAB; veel vacatures in de regio.",
      "Drie openstaande vacatures binnen 30 minuten reizen.", "Jobcoach bevestigt: werkgevers zoeken mensen."},
     {"Weinig vacatures in de buurt; vooral in Brussel.", "Werkgevers vragen een diploma dat er niet is."},
     {"Nog niet opgezocht; volgende keer samen de vacatures bekijken.", "Enkele vacatures, maar vooral interim."}},
    // family_fit
    {{"Uren tussen 9 en 15 uur: past bij de schooluren.", "Partner haalt de kinderen op; opvang is geregeld.",
      "Geen kinderen ten laste; uren maken niet uit."},
     {"Ploegen- en weekendwerk; geen opvang voor de kinderen.", "Te ver om op tijd aan de schoolpoort te staan."},
     {"Opvang in de vakanties nog niet bekeken.", "Hangt af van de uren; nog navragen."}},
};

const std::vector<const char*> kAftercareNotes = {
    "Gaat goed; wel moe na de eerste week.", "Kinderopvang loopt vlot.", "Werkgever tevreden over de inzet.",
    "Eerste loon ontvangen; budget samen bekeken.", "Spanning met een collega; samen besproken.",
    "Wil graag meer uren werken.", "Bus 's morgens te laat; andere verbinding gezocht.",
    "Loonbrief samen bekeken; de kinderbijslag blijft.", "Voelt zich op de werkvloer aanvaard.",
    "Werkkleren en schoenen geregeld.", "Werkgever vraagt of het contract verlengd kan worden."};
const std::vector<const char*> kEndReasons = {
    "Contract niet verlengd", "Zelf gestopt: de combinatie met de zorg voor de kinderen lukte niet",
    "Ontslagen tijdens de proefperiode", "Langdurig ziek geworden", "Gestopt na een crisis thuis",
    "Het werk was fysiek te zwaar"};
struct Absence {
  const char* cause;
  const char* solution;
  bool children;
};
const std::vector<Absence> kAbsences = {
    {"Kind ziek; geen opvang gevonden", "Noodopvang via de mutualiteit geregeld; oma springt voortaan in.", true},
    {"Kind ziek; moest naar de dokter", "Afgesproken dat de buurvrouw het noodplan mee draagt.", true},
    {"Bus gemist en gsm leeg", "Werkgever verwittigt voortaan bij de ploegbaas; gsm-lader op het werk.", false},
    {"Zelf ziek (griep), niet verwittigd", "Samen afgesproken hoe en wanneer ze ziek meldt.", false},
    {"Afspraak bij het OCMW tijdens de werkuren", "Afspraken voortaan op woensdagnamiddag.", false},
    {"Deurwaarder aan de deur; in paniek thuisgebleven", "Schuldbemiddelaar ingeschakeld; werkgever ingelicht.",
     false}};
const std::vector<const char*> kOwnWords = {
    "Ik ben trots dat ik elke dag ga.", "Het loon is beter dan de uitkering, maar de opvang kost veel.",
    "Zwaar, maar ik hou vol.", "Ik heb er collega's bij die ik graag zie.",
    "Eindelijk weer een ritme voor mij en de kinderen.", "Ik wil hier blijven werken.",
    "Soms moeilijk met de uren, maar het lukt."};
const std::vector<const char*> kContactNames = {"Mama", "Zus Sarah", "Buurvrouw Rita", "Broer Kevin", "Oma Lea",
                                                "Vriendin Fatima", "Nonkel Marc"};
const std::vector<const char*> kRelations = {"moeder", "zus", "buurvrouw", "broer", "grootmoeder", "vriendin", "oom"};

// --- One jobseeker's records, before they have ids ---------------------------

struct Rec {
  const WorkRecordKind* kind = nullptr;
  json body;
  int parent = -1;                   // local index of the parent record
  const char* parent_field = nullptr;
  std::vector<int> situations;       // competence decision: local indices
  std::string created_at, updated_at;
  int64_t version = 1;
  int months = 0;                    // sustainability check
  bool due = false;                  // sustainability check not yet recorded
  std::string due_on;                // of a check still due
  int level = 0;                     // 0 first, then records that need the ids of level 0, ...
};

struct Person {
  int64_t id = 0;
  Param coach;
  std::string state, outcome, area;
  long start = 0, end = 0;           // first day of cycle 1; last day (closing or today)
  int children = 0;
  bool single_parent = false;
  int c1max = 1;
  long c1_at[8] = {};                // first day at c1.k (0: never)
  long t2 = 0, t3 = 0, ta = 0, tc = 0;  // first day in cycle 2, cycle 3, aftercare; closing day
  long slid_after_work = 0;          // first move back into cycle 1 after aftercare started
  std::string crisis_after_work;     // its cause, if a crisis started then
  std::vector<std::pair<std::string, long>> moves;
  std::vector<std::pair<std::string, long>> crises;  // cause, start
};

std::string iso(long day) { return iso_from_days(day); }

class Planner {
 public:
  Planner(demo::Random& r, const Person& p, long today, const std::string& now, DemoWorkSummary& sum)
      : r_(r), p_(p), today_(today), now_(now), sum_(sum) {}

  std::vector<Rec> plan() {
    const long c1_end = first_nonzero({p_.t2, p_.t3}, p_.end);
    const bool beyond = p_.t2 || p_.t3;
    const int phase = beyond ? 7 : p_.c1max;
    const double mindmap_share[] = {0, 0.2, 0.6, 0.85, 0.9, 0.95, 0.95, 0.97};
    if (r_.chance(mindmap_share[phase])) mindmap(reach(2), c1_end, phase);
    const double profile_share[] = {0, 0.05, 0.3, 0.8, 0.9, 0.95, 0.95, 0.97};
    if (r_.chance(profile_share[phase])) work_profile(reach(3), c1_end);
    if (phase >= 5 || (phase == 4 && r_.chance(0.3))) job_targets(reach(phase >= 5 ? 5 : 4), c1_end, phase);
    if (!targets_.empty() && (phase >= 6 || beyond) && r_.chance(0.8)) business_card();
    if (p_.t3) applications_and_work();
    if (p_.t2 && r_.chance(0.55)) training_start();
    return std::move(recs_);
  }

 private:
  // --- helpers ---
  static long first_nonzero(std::initializer_list<long> days, long otherwise) {
    long out = 0;
    for (long d : days)
      if (d && (!out || d < out)) out = d;
    return out ? out : otherwise;
  }
  long reach(int phase) const {
    for (int k = phase; k <= 7; ++k)
      if (p_.c1_at[k]) return p_.c1_at[k];
    return p_.start;
  }
  long day_in(long a, long b) { return b <= a ? std::min(a, b) : a + long(r_.below(uint64_t(b - a + 1))); }
  std::string stamp(long day, int minute_offset = 0) {
    if (day >= today_) return now_;
    char buf[48];
    const long minute = r_.between(9 * 60, 15 * 60) + minute_offset;
    std::snprintf(buf, sizeof buf, "T%02ld:%02ld:00Z", minute / 60, minute % 60);
    return iso(day) + buf;
  }
  int add(const char* kind, json body, long created, long updated = 0, int parent = -1,
          const char* parent_field = nullptr) {
    Rec rec;
    rec.kind = find_work_record_kind(kind);
    rec.body = std::move(body);
    rec.parent = parent;
    rec.parent_field = parent_field;
    rec.level = parent >= 0 ? recs_[size_t(parent)].level + 1 : 0;
    rec.created_at = stamp(std::min(created, today_));
    rec.updated_at = updated > created ? stamp(std::min(updated, today_), 30) : rec.created_at;
    recs_.push_back(std::move(rec));
    return int(recs_.size()) - 1;
  }
  template <typename T>
  std::vector<T> draw(std::vector<T> from, size_t n) {
    std::vector<T> out;
    while (out.size() < n && !from.empty()) {
      size_t i = r_.below(from.size());
      out.push_back(from[i]);
      from.erase(from.begin() + ptrdiff_t(i));
    }
    return out;
  }
  const char* pick(const std::vector<const char*>& v) { return v[r_.below(v.size())]; }

  // --- cycle 1: the mindmap, competence decisions, work experiences ---
  void mindmap(long from, long to, int phase) {
    from = std::min(from, to);
    std::vector<const SituationTemplate*> usable;
    for (const auto& s : kSituations)
      if (p_.children > 0 || !s.children) usable.push_back(&s);
    // Gaps first in the pool: most people have one reframed.
    std::vector<const SituationTemplate*> gaps, others;
    for (const auto* s : usable) (s->note[0] ? gaps : others).push_back(s);
    const size_t n = size_t(std::min<int64_t>(r_.between(2, 6), phase + 1));
    std::vector<const SituationTemplate*> chosen = draw(gaps, std::min<size_t>(gaps.size(), r_.chance(0.8) ? 1 + r_.below(2) : 0));
    for (const auto* s : draw(others, n - std::min(n, chosen.size()))) chosen.push_back(s);
    // Built up over two to four meetings.
    std::vector<long> meetings;
    for (int m = int(r_.between(2, 4)); m > 0; --m) meetings.push_back(day_in(from, to));
    std::sort(meetings.begin(), meetings.end());
    std::map<std::string, std::vector<int>> seen;  // competence -> situations
    long last = from;
    for (size_t k = 0; k < chosen.size(); ++k) {
      const SituationTemplate& s = *chosen[k];
      const long day = meetings[std::min(meetings.size() - 1, k * meetings.size() / chosen.size())];
      std::vector<const char*> comps = draw(s.competences, size_t(r_.between(2, 4)));
      json codes = json::array();
      for (const char* c : comps) codes.push_back(c);
      int idx = add("situation", {{"text", s.text}, {"kind", s.kind}, {"noted_on", iso(day)}, {"competences", codes},
                                  {"note", s.note}},
                    day);
      for (const char* c : comps) seen[c].push_back(idx);
      last = std::max(last, day);
      situation_competences_.insert(situation_competences_.end(), comps.begin(), comps.end());
    }
    // Decisions on competences that came back in two or more situations.
    if (phase >= 3) {
      int decisions = 0;
      for (const auto& [code, ids] : seen) {
        if (ids.size() < 2 || decisions >= 4 || !r_.chance(0.7)) continue;
        long after = 0;
        for (int i : ids) after = std::max(after, *days_from_iso(recs_[size_t(i)].body["noted_on"].get<std::string>()));
        const long day = day_in(after, std::min(to, after + 60));
        const bool acquired = r_.chance(0.75);
        int idx = add("competence_decision",
                      {{"competence", code}, {"decision", acquired ? "acquired" : "to_develop"},
                       {"decided_with_jobseeker", true}, {"decided_on", iso(day)},
                       {"note", acquired ? "Komt terug in meerdere situaties; samen vastgesteld."
                                         : "Samen gekozen om hier verder aan te werken, bv. via een stage."}},
                      day);
        recs_[size_t(idx)].situations = ids;
        recs_[size_t(idx)].level = 1;
        if (acquired) acquired_.push_back(code);
        ++decisions;
      }
    }
    // Earlier jobs on competentiekaart 1.
    const size_t jobs = r_.weighted({40, 40, 20});
    for (const Occupation* o : draw(all_occupations(), jobs)) {
      json tasks = json::array();
      for (const char* t : draw(o->tasks, size_t(r_.between(2, 3))))
        tasks.push_back({{"text", t}, {"competences", draw(o->competences, 2)}});
      const int year = std::stoi(iso(p_.start).substr(0, 4)) - int(r_.between(2, 15));
      add("work_experience",
          {{"job", o->name}, {"employer", pick(o->employers)},
           {"period", std::to_string(year) + "–" + std::to_string(year + r_.between(0, 3))}, {"tasks", tasks}},
          day_in(last, to));
    }
  }

  static std::vector<const Occupation*> all_occupations() {
    std::vector<const Occupation*> out;
    for (const auto& o : kOccupations) out.push_back(&o);
    return out;
  }

  // --- the work profile ---
  void work_profile(long from, long to) {
    const Region* region = &kRegions[r_.below(kRegions.size())];
    for (const auto& g : kRegions)
      for (const char* h : g.hints)
        if (p_.area.find(h) != std::string::npos) region = &g;
    const bool care = p_.children > 0 && r_.chance(p_.single_parent ? 0.8 : 0.35);
    const int min_h = int(r_.between(8, 24));
    const int max_h = std::max(min_h, int(care ? r_.between(19, 30) : r_.between(24, 38)));
    const bool car = r_.chance(0.25);
    json transport = json::array();
    if (r_.chance(0.7)) transport.push_back("bike");
    if (r_.chance(0.8) || (!car && transport.empty())) transport.push_back("public_transport");
    if (car) transport.push_back("car");
    if (r_.chance(0.1)) transport.push_back("lift");
    if (r_.chance(0.2)) transport.push_back("foot");
    json travel = json::array();
    size_t k = 0;
    for (const char* town : draw(region->towns, size_t(r_.between(3, 4))))
      travel.push_back({{"place", town}, {"minutes", k++ == 0 ? r_.between(10, 35) : r_.between(25, 95)}});
    const char* notes[] = {"Liefst niet in het weekend.", "Kan pas starten na 8.30 uur (school).",
                           "Geen nachtwerk.", "", "Wil eerst deeltijds beginnen.", ""};
    const long day = day_in(std::min(from, to), to);
    add("work_profile",
        {{"min_hours_per_week", min_h}, {"max_hours_per_week", max_h},
         {"max_travel_minutes", care ? r_.between(20, 45) : r_.between(30, 75)}, {"transport", transport},
         {"travel", travel}, {"needs_childcare_friendly_hours", care}, {"note", notes[r_.below(6)]}},
        day, r_.chance(0.3) ? day_in(day, p_.end) : 0);
    childcare_ = care;
  }

  // --- job targets and exploration placements ---
  json check(int which, int answer) {  // answer 0 yes, 1 no, 2 unsure
    const char* answers[] = {"yes", "no", "unsure"};
    return {{"answer", answers[answer]}, {"evidence", pick(kEvidence[which][answer])}};
  }
  void job_targets(long from, long to, int phase) {
    from = std::min(from, to);
    const bool further = phase >= 7 || p_.t3;
    std::vector<const Occupation*> occ = draw(all_occupations(), size_t(r_.between(1, 3)));
    int rank = 0;
    for (size_t k = 0; k < occ.size(); ++k) {
      const Occupation& o = *occ[k];
      const long day = day_in(from, to);
      // The exploration placement that tests the target, if any, and what it showed.
      json placement;
      long placement_created = 0, evaluated = 0;
      std::string conclusion;
      const bool may_place = (phase >= 6 || p_.t3) && placements_ < 2 && r_.chance(0.5);
      // Status: the first target of someone further along is mostly realistic.
      std::string status = further && k == 0 && r_.chance(0.85) ? "realistic" : r_.chance(0.3) ? "dropped" : "exploring";
      if (may_place) {
        const bool full = r_.chance(0.6);
        const int64_t days = full ? r_.between(1, 5) : r_.between(2, 10);
        long starts = day_in(day + 7, day + 40);
        const bool planned = starts > p_.end || (p_.tc == 0 && r_.chance(0.1));
        if (planned && p_.tc == 0) starts = today_ + r_.between(3, 21);  // coming up
        if (planned && p_.tc != 0) starts = 0;                           // none after closing
        if (starts) {
          json body = {{"employer", pick(o.employers)}, {"unit", full ? "full_day" : "half_day"}, {"days", days},
                       {"starts_on", iso(starts)}};
          const long last_day = starts + (full ? days : (days + 1) / 2 * 2) + 2;
          if (!planned && starts <= today_) {
            conclusion = status == "realistic" ? (r_.chance(0.8) ? "keep" : "adjust")
                         : status == "dropped"  ? "drop"
                                                : (r_.chance(0.5) ? "adjust" : "keep");
            body["evaluation"] = {
                {"went_well", r_.chance(0.5) ? "Collega's waren vriendelijk; het werk zelf lukte goed."
                                             : "Op tijd elke dag; de werkgever was tevreden."},
                {"was_hard", o.hard},
                {"conclusion", conclusion}};
            evaluated = std::min({last_day, today_, std::max(p_.end, starts)});
          }
          placement = std::move(body);
          placement_created = std::min(day_in(day, starts), today_);
          ++placements_;
        }
      }
      json checks = json::object();
      const char* names[] = {"wants", "can_manage", "demand", "family_fit"};
      if (status == "realistic") {
        for (int c = 0; c < 4; ++c) checks[names[c]] = check(c, 0);
        if (childcare_) checks["family_fit"] = {{"answer", "yes"}, {"evidence", "Uren tussen 9 en 15 uur: past bij de schooluren."}};
      } else if (status == "dropped") {
        const int no = conclusion == "drop" ? 1 : int(r_.below(4));
        for (int c = 0; c < 4; ++c)
          if (c == no) checks[names[c]] = check(c, 1);
          else if (r_.chance(0.7)) checks[names[c]] = check(c, r_.chance(0.6) ? 0 : 2);
        if (conclusion == "drop")
          checks["can_manage"] = {{"answer", "no"}, {"evidence", std::string("Stage bij ") +
                                                                    placement["employer"].get<std::string>() +
                                                                    ": " + o.hard + "."}};
      } else {
        for (int c = 0; c < 4; ++c)
          if (r_.chance(0.6)) checks[names[c]] = check(c, r_.chance(0.5) ? 0 : 2);
      }
      json body = {{"occupation", o.name}, {"occupation_code", o.code}, {"status", status}, {"checks", checks}};
      if (status != "dropped" && rank < 2) body["rank"] = ++rank;
      // A target is updated as its checks fill in, and after its placement.
      const long updated = evaluated ? evaluated : status == "realistic" ? day_in(day, std::min(p_.end, day + 30)) : 0;
      const int idx = add("job_target", body, day, updated);
      if (status == "realistic") recs_[size_t(idx)].version = evaluated ? 3 : 2;
      if (!placement.is_null()) {
        add("placement", std::move(placement), placement_created, evaluated, idx, "job_target_id");
        if (evaluated) recs_.back().version = 2;
      }
      targets_.push_back({o.name, status, &o});
    }
  }

  void business_card() {
    json technical = json::array();
    std::vector<std::string> targets;
    for (const auto& t : targets_) {
      if (t.status == "dropped") continue;
      targets.push_back(t.name);
      for (const char* s : draw(t.occupation->technical, 2)) technical.push_back(s);
    }
    if (targets.empty()) return;
    std::vector<std::string> key = acquired_;
    for (const auto& c : draw(situation_competences_, 6))
      if (std::find(key.begin(), key.end(), c) == key.end() && key.size() < 8) key.push_back(c);
    long after = p_.start;
    for (const auto& rec : recs_) after = std::max(after, *days_from_iso(rec.created_at.substr(0, 10)));
    const long day = day_in(after, std::min(p_.end, after + 45));
    add("business_card",
        {{"technical", technical}, {"key", key}, {"target_1", targets[0]},
         {"target_2", targets.size() > 1 ? targets[1] : ""}},
        day);
  }

  // --- cycle 3: applications and the start in work ---
  struct Timeline {
    json steps = json::object();
    std::string interview_on, decision_on;
    long last = 0;
  };
  // Steps from `d0`, in order, compressed into [lo, hi] and cut off at today.
  Timeline steps(long d0, long lo, long hi, bool interview, bool rejected, bool hired) {
    const std::vector<std::string>& names = application_steps();
    long day = d0;
    const int gaps[] = {0, 3, 7, 10, 7, 5, 10, 7};
    Timeline t;
    for (size_t s = 0; s < names.size(); ++s) {
      const std::string& step = names[s];
      if (!interview && (step == "interview_requested" || step == "prepared_together" || step == "going_along")) continue;
      if (step == "going_along" && !r_.chance(0.45)) continue;
      if (step == "objections_measures" && r_.chance(0.3)) continue;
      if (step == "feedback" && !rejected) continue;
      if (step == "selection" && !rejected && !hired) continue;
      day += long(r_.below(uint64_t(gaps[s] + 1)));
      const long at = std::clamp(day, lo, std::max(lo, hi));
      if (at > today_) break;
      if (step == "going_along" || (step == "prepared_together" && !t.steps.contains("going_along")))
        t.interview_on = iso(at);
      if (step == "selection") t.decision_on = iso(at);
      t.steps[step] = {{"done_on", iso(at)}, {"note", pick(kApplicationNotes[s])}};
      t.last = at;
    }
    return t;
  }

  int application(const Occupation& o, long d0, long lo, long hi, const std::string& outcome) {
    const bool rejected = outcome == "rejected", hired = outcome == "hired";
    const bool interview = hired || r_.chance(0.6);
    Timeline t = steps(d0, lo, hi, interview, rejected, hired);
    json body = {{"employer", pick(o.employers)}, {"job_title", o.name}, {"steps", t.steps}};
    std::string out = outcome;
    if ((rejected || hired) && t.decision_on.empty()) out = "open";  // the decision is still to come
    body["steps"] = t.steps;
    body["outcome"] = out;
    if (out == "hired" || out == "rejected") body["decision_on"] = t.decision_on;
    if (out == "open") {
      // An interview coming up, or a decision expected.
      if (interview && !t.steps.contains("going_along") && r_.chance(0.6))
        body["interview_on"] = iso(std::max(today_, t.last) + r_.between(2, 14));
      else if (!t.interview_on.empty())
        body["interview_on"] = t.interview_on;
      if (!t.steps.contains("selection")) body["decision_on"] = iso(std::max(today_, t.last) + r_.between(7, 21));
    } else if (!t.interview_on.empty()) {
      body["interview_on"] = t.interview_on;
    }
    const char* objection = pick(kObjections);
    body["objections"] = objection;
    if (objection[0]) {
      json m = json::array();
      for (const char* c : draw(kMeasures, size_t(r_.between(1, 2)))) m.push_back(c);
      body["measures_offered"] = m;
    }
    if (out == "rejected") {
      const std::vector<const char*> said = draw(o.competences, 3);
      body["feedback"] = {{"strengths", json::array({said[0], said[1]})}, {"to_develop", json::array({said[2]})}, {"note", pick(kFeedbackNotes)}};
    }
    if (out == "withdrawn") body.erase("decision_on");
    if (out == "hired") ++sum_.hired;
    if (out == "rejected") ++sum_.rejected;
    const int idx = add("application", body, d0, t.last);
    recs_[size_t(idx)].version = std::max<int64_t>(1, int64_t(t.steps.size()));
    return idx;
  }

  const Occupation& target_occupation() {
    for (const auto& t : targets_)
      if (t.status != "dropped") return *t.occupation;
    return kOccupations[r_.below(kOccupations.size())];
  }

  void applications_and_work() {
    const bool working = p_.ta != 0;
    long starts = 0, decision = 0;
    if (working) {
      starts = std::max(p_.t3, p_.ta - r_.between(0, 7));
      decision = std::max(p_.t3, starts - r_.between(5, 21));
    }
    const long window_end = working ? decision : p_.end;
    const int n = int(r_.weighted({0, 20, 25, 20, 15, 10, 10}));
    for (int k = 0; k < n; ++k) {
      const Occupation& o = r_.chance(0.7) ? target_occupation() : kOccupations[r_.below(kOccupations.size())];
      const long d0 = day_in(p_.t3, std::max(p_.t3, window_end - 10));
      std::string outcome = r_.weighted({78, 10, 12}) == 0 ? "rejected" : r_.chance(0.5) ? "withdrawn" : "open";
      // Open only while the person is looking now; otherwise decided.
      if (outcome == "open" && (working || p_.tc || d0 < today_ - 90)) outcome = "rejected";
      application(o, d0, p_.t3, working ? decision : p_.end, outcome);
    }
    // Someone looking for work now has an application or two under way.
    if (!working && !p_.tc && p_.state.rfind("c3.", 0) == 0)
      for (int k = int(r_.between(1, 2)); k > 0; --k)
        application(target_occupation(), std::max(p_.t3, today_ - r_.between(3, 25)), p_.t3, today_, "open");
    if (!working) return;
    int app = -1;
    const Occupation& o = target_occupation();
    if (r_.chance(0.93)) {
      const long d0 = std::max(p_.t3, decision - r_.between(14, 40));
      app = application(o, d0, p_.t3, decision, "hired");
      if (recs_[size_t(app)].body["outcome"] != "hired") app = -1;
    }
    work_start(o, app, starts);
  }

  void training_start() {
    const long starts = std::min(p_.end, p_.t2 + r_.between(0, 14));
    const char* orgs[] = {"VDAB-opleidingscentrum", "CVO Volwassenenonderwijs", "Opleidingscentrum De Werf",
                          "Maatwerkbedrijf (opleidingstraject)"};
    const char* titles[] = {"Opleiding logistiek medewerker", "Opleiding verzorgende", "Opleiding keukenmedewerker",
                            "Opleiding schoonmaaktechnieken", "Nederlands op de werkvloer"};
    json body = base_start(orgs[r_.below(4)], titles[r_.below(5)], "training", starts);
    body["kind"] = "training";
    const long ends = starts + r_.between(90, 270);
    body["ends_on"] = iso(ends);
    start_followups(body, -1, starts, ends <= today_ ? ends : 0, "Opleiding afgerond", true);
  }

  json base_start(const std::string& organisation, const std::string& title, const char* contract, long starts) {
    json checklist = json::object();
    const bool kids = p_.children > 0;
    auto item = [&](const char* name, bool needed, const char* note) {
      const char* status = !needed ? "not_needed" : r_.chance(0.9) ? "arranged" : "open";
      checklist[name] = {{"status", status}, {"note", needed ? note : ""}};
    };
    item("childcare", kids, r_.chance(0.5) ? "Buitenschoolse opvang tot 18 uur." : "Kinderdagverblijf geregeld via het OCMW.");
    item("sick_child_contacts", kids, "Oma of de buurvrouw springt in bij ziekte.");
    item("appointments_moved", r_.chance(0.7), "Afspraken bij het OCMW verplaatst naar woensdagnamiddag.");
    item("transport", r_.chance(0.8), r_.chance(0.5) ? "Busabonnement aangevraagd." : "Fiets via de fietsbieb.");
    item("employer_involved", r_.chance(0.8), "Werkgever weet dat er nazorg is en wie te bellen.");
    json contacts = json::array();
    for (size_t c : draw(std::vector<size_t>{0, 1, 2, 3, 4, 5, 6}, size_t(r_.between(1, 3)))) {
      char phone[32];
      std::snprintf(phone, sizeof phone, "04%02d %02d %02d %02d", int(r_.between(70, 99)), int(r_.between(10, 99)),
                    int(r_.between(10, 99)), int(r_.between(10, 99)));
      contacts.push_back({{"name", kContactNames[c]}, {"phone", phone}, {"relation", kRelations[c]}});
    }
    json plan = {{"contacts", contacts},
                 {"sick_child", kids ? "Eerst oma bellen; lukt dat niet, dan de noodopvang van de mutualiteit." : ""},
                 {"other", r_.chance(0.5) ? "Bus gemist: meteen de ploegbaas bellen." : ""}};
    json body = {{"kind", "work"}, {"organisation", organisation}, {"job_title", title}, {"contract", contract},
                 {"starts_on", iso(starts)}, {"hours_per_week", r_.between(16, 38)}, {"welfare_checklist", checklist},
                 {"emergency_plan", plan}};
    if (r_.chance(0.1)) body["aftercare_every_days"] = r_.chance(0.5) ? 14 : 30;  // the coach's own rhythm
    if (r_.chance(0.1)) body["aftercare_until"] = add_months(iso(starts), 18);
    return body;
  }

  void work_start(const Occupation& o, int app, long starts) {
    const char* contracts[] = {"permanent", "fixed_term", "interim", "art60", "social_economy", "ibo"};
    size_t c = r_.weighted({20, 25, 20, 15, 15, 5});
    if (p_.outcome == "binnenvaart" || p_.outcome == "veilige_haven") c = r_.chance(0.5) ? 3 : 4;
    std::string organisation = app >= 0 ? recs_[size_t(app)].body["employer"].get<std::string>() : pick(o.employers);
    json body = base_start(organisation, o.name, contracts[c], starts);
    if (c == 1 || c == 3) body["ends_on"] = iso(starts + (c == 3 ? r_.between(365, 730) : r_.between(180, 365)));
    // Stopping: after a slide back into cycle 1, or now and then within the year.
    long ended = 0;
    std::string reason;
    if (p_.slid_after_work && p_.slid_after_work >= starts) {
      ended = std::max(starts + 1, p_.slid_after_work - r_.between(0, 7));
      reason = p_.crisis_after_work.empty() ? pick(kEndReasons) : "Gestopt na een crisis: " + p_.crisis_after_work;
    } else if (r_.chance(0.15)) {
      ended = starts + r_.between(20, 300);
      reason = pick(kEndReasons);
    }
    if (ended > today_ || (p_.tc && ended > p_.tc)) ended = 0;  // nothing recorded after closing
    if (!reason.empty() && ended) ++sum_.starts_ended;
    start_followups(body, app, starts, ended, reason, false);
  }

  // The start, its disclosures, aftercare contacts, absence signals and the
  // three sustainability checks.
  void start_followups(json body, int app, long starts, long ended, const std::string& reason, bool training) {
    const long created = std::max(app >= 0 ? *days_from_iso(recs_[size_t(app)].created_at.substr(0, 10)) : p_.start,
                                  starts - r_.between(1, 7));
    const long until_day = *days_from_iso(body.value("aftercare_until", add_months(iso(starts), 12)));
    long stop = std::min({today_, until_day, ended ? ended : today_, p_.tc ? std::max(p_.tc, starts) : today_});
    if (r_.chance(0.4) && !ended && stop - starts > 60) {  // a trusted person on the job takes over
      const long since = starts + r_.between(30, 90);
      if (since <= stop) body["trusted_person"] = {{"name", r_.chance(0.5) ? "Collega Marleen" : "Ploegbaas Jan"},
                                                     {"since", iso(since)}};
    }
    if (ended) body["ended_on"] = iso(ended), body["end_reason"] = reason;
    const int start = add("work_start", body, std::min(created, starts), ended, app,
                          app >= 0 ? "application_id" : nullptr);
    if (ended) recs_[size_t(start)].version = 2;
    if (app < 0) recs_[size_t(start)].level = 0;

    // Disclosures: what the employer or the provider may see.
    if (r_.chance(training ? 0.4 : 0.7)) {
      json items = json::array();
      for (const char* i : draw(std::vector<const char*>{"competences", "support_on_job", "measures", "preconditions",
                                                         "welfare_guidance", "anchor_contact"},
                                size_t(r_.between(2, 4))))
        items.push_back(i);
      const long given = std::min(today_, std::max(created, starts - r_.between(0, 5)));
      json d = {{"recipient", body["organisation"]}, {"items", items}, {"given_on", iso(given)}};
      if (r_.chance(0.05)) d["withdrawn_on"] = iso(std::min(p_.end, given + r_.between(20, 120)));
      add("disclosure", d, given, 0, start, "work_start_id");
      if (!training && r_.chance(0.15))
        add("disclosure",
            {{"recipient", "Jobcoach GTB"}, {"items", json::array({"support_on_job", "preconditions"})},
             {"given_on", iso(given)}},
            given, 0, start, "work_start_id");
    }

    // Aftercare in the supported-employment rhythm; some lapse.
    const size_t lapse = r_.weighted({80, 10, 10});  // none, one gap, stops early
    const long lapse_at = starts + r_.between(60, 240);
    bool gapped = false;
    long day = starts;
    std::vector<std::string> held;
    for (;;) {
      const int every = aftercare_interval_days(body, iso(day));
      long next = day + every - long(r_.below(3));
      if (lapse == 1 && !gapped && next > lapse_at) next += r_.between(10, 40), gapped = true;
      if (lapse == 2 && next > lapse_at) break;
      if (next > stop) break;
      const bool feedback = held.size() == 3 || (held.size() > 3 && r_.chance(0.1));
      const char* with = feedback                                   ? "employer"
                         : training && r_.chance(0.3)               ? "provider"
                         : body.contains("trusted_person") && iso(next) >= body["trusted_person"]["since"] &&
                                 r_.chance(0.3)                     ? "trusted_person"
                         : r_.chance(0.25)                          ? "employer"
                                                                    : "jobseeker";
      add("aftercare_contact",
          {{"kind", feedback ? "feedback_moment" : "aftercare"}, {"with", with}, {"held_on", iso(next)},
           {"note", feedback ? "Feedbackmoment met werkgever en werknemer: wat loopt goed, wat kan beter."
                             : pick(kAftercareNotes)}},
          next, 0, start, "work_start_id");
      held.push_back(iso(next));
      day = next;
    }
    // The next contact planned, while aftercare runs.
    if (!ended && !p_.tc && lapse != 2) {
      AftercareState s = aftercare_state(body, held, iso(today_));
      if (!s.next_due.empty() && s.next_due >= iso(today_))
        add("aftercare_contact", {{"kind", "aftercare"}, {"with", "jobseeker"}, {"planned_on", s.next_due}, {"note", ""}},
            today_, 0, start, "work_start_id");
    }

    // An occasional absence signal from the employer.
    const long worked_until = ended ? ended : std::min(today_, p_.tc ? std::max(p_.tc, starts) : today_);
    if (!training && worked_until - starts > 20 && r_.chance(0.25)) {
      std::vector<const Absence*> causes;
      for (const auto& a : kAbsences)
        if (!a.children || p_.children > 0) causes.push_back(&a);
      const Absence& a = *causes[r_.below(causes.size())];
      const long reported = day_in(starts + 14, worked_until);
      json s = {{"reported_on", iso(reported)},
                {"reported_by", r_.chance(0.5) ? "Ploegbaas" : std::string("Personeelsdienst ") + body["organisation"].get<std::string>()}};
      const long resolved = std::min(reported + r_.between(0, 7), worked_until);
      if (resolved <= today_ && !(reported > today_ - 7 && r_.chance(0.5))) {
        s["cause"] = a.cause;
        s["solution"] = a.solution;
        s["resolved_on"] = iso(resolved);
        add("absence_signal", s, reported, resolved, start, "work_start_id");
        recs_.back().version = 2;
      } else {
        add("absence_signal", s, reported, 0, start, "work_start_id");
      }
    }

    // Sustainability follow-ups, created with the start, recorded when due.
    const std::string created_at = recs_[size_t(start)].created_at;
    for (const auto& m : sustainability_moments(iso(starts))) {
      Rec rec;
      rec.kind = find_work_record_kind("sustainability_check");
      rec.parent = start;
      rec.level = recs_[size_t(start)].level + 1;
      rec.months = m.months;
      rec.created_at = rec.updated_at = created_at;
      const long due = *days_from_iso(m.due_on);
      if (due > today_) {
        rec.due = true;
        rec.due_on = m.due_on;
      } else {
        const long on = std::min(today_, due + r_.between(0, 14));
        const bool still = !ended || ended > on;
        json b = {{"recorded_on", iso(on)}, {"still_working", still}};
        if (still) {
          json as = json::object();
          for (const auto& a : four_as()) as[a] = int64_t(r_.weighted({4, 10, 30, 38, 18})) + 1;
          b["four_as"] = as;
          b["income_sufficient"] = r_.weighted({35, 45, 20}) == 0 ? "yes" : r_.chance(0.7) ? "partly" : "no";
        } else {
          b["end_reason"] = reason;
          b["income_sufficient"] = r_.chance(0.7) ? "no" : "partly";
        }
        b["own_words"] = still ? pick(kOwnWords) : "Ik zoek opnieuw, samen met mijn begeleider.";
        rec.body = b;
        rec.version = 2;
        rec.updated_at = stamp(on, 45);
      }
      recs_.push_back(std::move(rec));
    }
  }

  struct Target {
    std::string name, status;
    const Occupation* occupation;
  };

  demo::Random& r_;
  const Person& p_;
  long today_;
  const std::string& now_;
  DemoWorkSummary& sum_;
  std::vector<Rec> recs_;
  std::vector<Target> targets_;
  std::vector<std::string> acquired_, situation_competences_;
  bool childcare_ = false;
  int placements_ = 0;
};

struct Plan {
  int64_t jobseeker;
  Param coach;
  std::vector<Rec> recs;
  std::vector<int64_t> ids;
};

std::string describe(const Status& s) {
  std::string out = s.message();
  for (const auto& f : s.fields()) out += " " + f.field + ":" + f.rule + (f.param.empty() ? "" : "(" + f.param + ")");
  return out;
}

// The content, status, due date and parent of `rec` once its links have ids.
WorkRecordContent resolve(Rec& rec, const Plan& plan, const std::string& today) {
  json body = std::move(rec.body);
  const std::optional<int64_t> parent =
      rec.parent >= 0 ? std::optional<int64_t>(plan.ids[size_t(rec.parent)]) : std::nullopt;
  if (rec.kind->name == "sustainability_check") {
    WorkRecordContent out;
    if (rec.due) {
      out.content = {{"work_start_id", *parent}, {"months", rec.months}};
      out.status = "due";
      out.due_on = rec.due_on;
    } else {
      auto parsed = parse_sustainability_check(body, today);
      if (!parsed.is_ok()) throw std::runtime_error("sustainability_check " + describe(parsed.status()) + " " + body.dump());
      out = parsed.value();
      out.content["work_start_id"] = *parent;
      out.content["months"] = rec.months;
    }
    out.parent_id = parent;
    return out;
  }
  if (parent && rec.parent_field) body[rec.parent_field] = *parent;
  if (!rec.situations.empty()) {
    json ids = json::array();
    for (int s : rec.situations) ids.push_back(plan.ids[size_t(s)]);
    body["situation_ids"] = ids;
  }
  auto parsed = parse_work_record(*rec.kind, body, today);
  if (!parsed.is_ok()) throw std::runtime_error(rec.kind->name + " " + describe(parsed.status()) + " " + body.dump());
  return parsed.value();
}

// Writes the records of `plans`, level by level so that each knows the ids it links to.
void write(sql::Connection& c, std::vector<Plan>& plans, const FieldCipher& cipher, const std::string& today,
           DemoWorkSummary& sum) {
  for (auto& p : plans) p.ids.assign(p.recs.size(), 0);
  for (int level = 0; level <= 2; ++level) {
    Inserter rows(c);
    std::vector<std::pair<size_t, size_t>> order;
    for (size_t i = 0; i < plans.size(); ++i)
      for (size_t k = 0; k < plans[i].recs.size(); ++k) {
        Rec& rec = plans[i].recs[k];
        if (rec.level != level) continue;
        WorkRecordContent w = resolve(rec, plans[i], today);
        rows.add(plans[i].jobseeker, rec.kind->name, w.parent_id ? Param(*w.parent_id) : Param(nullptr), rec.version,
                 std::move(w.status), std::move(w.due_on), cipher.seal(w.content.dump()), plans[i].coach,
                 rec.created_at, rec.updated_at);
        order.emplace_back(i, k);
        ++sum.kinds[rec.kind->name];
        ++sum.records;
      }
    rows.flush();
    if (rows.ids().size() != order.size()) throw sql::Error("demo work: INSERT RETURNING lost rows");
    for (size_t n = 0; n < order.size(); ++n) plans[order[n].first].ids[order[n].second] = rows.ids()[n];
  }
}

}  // namespace

Result<DemoWorkSummary> generate_demo_work(Store& store, uint64_t seed,
                                           const std::function<void(const std::string&)>& progress) {
  const auto started = std::chrono::steady_clock::now();
  DemoWorkSummary sum;
  const std::string today_iso = today_utc();
  const std::string now = now_utc();
  const long today = *days_from_iso(today_iso);
  const FieldCipher& cipher = store.cipher();
  const demo::Random root(seed ^ 0x574f524b52454344ull);
  int64_t after = 0;
  try {
    for (;;) {
      auto c = store.pool().acquire();
      auto people = c->query(
          "SELECT t.jobseeker_id, t.state, t.started_on, t.last_moved_on, t.outcome, j.profile, tm.name, "
          "(SELECT MIN(a.user_id) FROM assignments a WHERE a.jobseeker_id = t.jobseeker_id) "
          "FROM trajectories t JOIN jobseekers j ON j.id = t.jobseeker_id LEFT JOIN teams tm ON tm.id = j.team_id "
          "WHERE t.jobseeker_id > ? AND t.started_on IS NOT NULL ORDER BY t.jobseeker_id LIMIT ?",
          {after, kBatch});
      if (people.empty()) break;
      const int64_t last = people.integer(people.size() - 1, 0);
      auto moves = c->query(
          "SELECT jobseeker_id, to_state, moved_on FROM spiral_moves WHERE jobseeker_id > ? AND jobseeker_id <= ? "
          "ORDER BY jobseeker_id, moved_on, id",
          {after, last});
      auto crises = c->query(
          "SELECT jobseeker_id, cause, started_on FROM crises WHERE jobseeker_id > ? AND jobseeker_id <= ? "
          "ORDER BY jobseeker_id, started_on, id",
          {after, last});
      size_t next_move = 0, next_crisis = 0;
      std::vector<Plan> plans;
      for (size_t i = 0; i < people.size(); ++i) {
        Person p;
        p.id = people.integer(i, 0);
        after = p.id;
        demo::Random r = root.fork(uint64_t(p.id));
        p.state = people.text(i, 1);
        p.start = std::min(today, days_from_iso(people.text(i, 2)).value_or(today));
        p.outcome = people.is_null(i, 4) ? "" : people.text(i, 4);
        p.area = people.is_null(i, 6) ? "" : people.text(i, 6);
        p.coach = people.is_null(i, 7) ? Param(nullptr) : Param(people.integer(i, 7));
        json profile = json::parse(cipher.open(people.text(i, 5)), nullptr, false);
        if (profile.is_object()) {
          if (profile.value("children", json()).is_number_integer()) p.children = profile["children"].get<int>();
          p.single_parent = profile.value("living_situation", "") == "single_with_children";
        }
        for (; next_move < moves.size() && moves.integer(next_move, 0) <= p.id; ++next_move) {
          if (moves.integer(next_move, 0) != p.id) continue;
          const std::string to = moves.text(next_move, 1);
          const long day = std::min(today, days_from_iso(moves.text(next_move, 2)).value_or(today));
          p.moves.emplace_back(to, day);
          if (to.rfind("c1.", 0) == 0) {
            const int k = std::clamp(to[3] - '0', 1, 7);
            if (!p.c1_at[k]) p.c1_at[k] = day;
            p.c1max = std::max(p.c1max, k);
            if (p.ta && !p.slid_after_work) p.slid_after_work = day;
          }
          if (to.rfind("c2.", 0) == 0 && !p.t2) p.t2 = day;
          if (to.rfind("c3.", 0) == 0 && !p.t3) p.t3 = day;
          if (to == "aftercare" && !p.ta) p.ta = day;
          if (to == "closed") p.tc = day;
        }
        for (; next_crisis < crises.size() && crises.integer(next_crisis, 0) <= p.id; ++next_crisis) {
          if (crises.integer(next_crisis, 0) != p.id) continue;
          const long day = days_from_iso(crises.text(next_crisis, 2)).value_or(today);
          p.crises.emplace_back(cipher.open(crises.text(next_crisis, 1)), day);
          if (p.slid_after_work && p.crisis_after_work.empty() && day <= p.slid_after_work && day >= p.ta)
            p.crisis_after_work = p.crises.back().first;
        }
        p.end = p.tc ? std::min(p.tc, today) : today;
        p.start = std::min(p.start, p.end);
        Plan plan{p.id, p.coach, Planner(r, p, today, now, sum).plan(), {}};
        if (plan.recs.empty()) continue;
        ++sum.jobseekers;
        plans.push_back(std::move(plan));
      }
      sql::in_transaction(*c, [&] { write(*c, plans, cipher, today_iso, sum); });
      if (progress) progress("demo work: up to jobseeker " + std::to_string(after) + ", " + std::to_string(sum.records) +
                             " records");
    }
  } catch (const std::exception& e) {
    return Status::internal(std::string("demo work: ") + e.what());
  }
  sum.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return sum;
}

}  // namespace spiraal
