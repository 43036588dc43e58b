// libFuzzer harness: every validator that reads a JSON input body.
//
// The first byte picks the validator, the rest is parsed as JSON (without
// exceptions) and handed to it, so that the fuzzer can explore each one in
// depth instead of spreading every input over all of them. Validators answer
// with errors; a throw, an abort or a sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/checklists.h"
#include "core/contact.h"
#include "core/instruments.h"
#include "core/jobseeker.h"
#include "core/portal.h"
#include "core/score_table.h"
#include "core/selection.h"
#if __has_include("core/consent.h")
#include "core/consent.h"
#define SPIRAAL_FUZZ_CONSENT 1
#endif

using nlohmann::json;
using namespace spiraal;

namespace {

const std::string kToday = "2026-11-23";

// Whatever the validators accept must serialise: the API sends it back.
void dump(const json& j) { (void)j.dump(); }

void instrument(const std::string& name, const json& doc) {
  auto r = validate_instrument(name, doc, kToday);
  if (!r.is_ok()) return;
  dump(*r);
  // What was accepted once must be accepted again, unchanged: the store
  // keeps the normalised document and validates it on every new version.
  auto again = validate_instrument(name, *r, kToday);
  if (!again.is_ok() || *again != *r) __builtin_trap();
}

void ecogram_pair(const json& doc) {
  // ecogram_changes compares two stored (validated) versions.
  if (!doc.is_object()) return;
  auto before = validate_instrument("ecogram", doc.value("before", json::object()), kToday);
  auto after = validate_instrument("ecogram", doc.value("after", json::object()), kToday);
  if (before.is_ok() && after.is_ok()) dump(ecogram_changes(*before, *after));
}

void score_table(const json& doc, const std::vector<ScoreItem>& items) {
  auto t = parse_score_table(doc, items, kToday);
  if (t.is_ok()) dump(to_json(*t));
}

void item_set(const json& doc, const std::string& lang) {
  auto items = parse_item_set(doc, lang);
  if (!items.is_ok()) return;
  // A snapshot against the jobseeker's own item set, as the score service does.
  if (doc.is_object() && doc.contains("table")) score_table(doc["table"], *items);
}

void jobseeker(const json& doc, bool create) {
  Jobseeker j;
  FieldErrors errors = create ? apply_patch(j, doc, kToday, {}) : apply_patch(j, doc, kToday);
  if (!errors.empty()) return;
  (void)validate(j);
  dump(to_json(j));
  for (const auto& s : dossier_sections()) dump(section_to_json(j, s));
}

void contact(const json& doc) {
  Contact c;
  if (apply_patch(c, doc, kToday).empty()) {
    (void)validate(c);
    dump(to_json(c));
  }
}

void referral(const json& doc) {
  Referral r;
  if (apply_patch(r, doc, kToday).empty()) {
    (void)validate(r);
    dump(to_json(r));
  }
}

void screening(const json& doc) {
  // The screening body, and optionally an outcome to decide on it (a
  // separate request in the API: outcome, outcome_reason, outcome_on).
  json body = doc;
  std::string outcome[3];
  if (body.is_object()) {
    int i = 0;
    for (const char* k : {"outcome", "outcome_reason", "outcome_on"}) {
      if (body.contains(k) && body[k].is_string()) outcome[i] = body[k].get<std::string>();
      body.erase(k);
      ++i;
    }
  }
  Screening s;
  if (!apply_patch(s, body, kToday).empty()) return;
  dump(to_json(s));
  if (!outcome[0].empty()) (void)check_outcome(s, outcome[0], outcome[1], outcome[2], kToday);
}

void crisis(const json& doc) {
  Crisis c;
  if (apply_patch(c, doc, kToday).empty()) {
    (void)validate(c);
    dump(to_json(c));
  }
}

void checklist(const std::string& name, const json& doc) {
  FieldErrors errors;
  dump(validate_checklist(name, doc, errors));
}

// "Mijn traject": an addition to a story part, built on a latest version,
// then validated as the store does; the invitation and message bodies.
void story(const json& doc) {
  for (const char* part : kStoryParts) {
    json latest = doc.is_object() ? doc.value("latest", json()) : json();
    auto added = add_to_story(part, latest, doc);
    if (added.is_ok()) instrument(part, *added);
  }
  (void)parse_invitation(doc);
  (void)parse_message(doc);
  if (doc.is_object() && doc.contains("secret") && doc["secret"].is_string())
    (void)validate_portal_secret(doc["secret"].get<std::string>(), doc["secret"].get<std::string>());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t selector = data[0];
  const json doc = json::parse(data + 1, data + size, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return 0;

  const auto& names = instrument_names();
  const auto& checklists = checklist_names();
  // Selectors: the instruments in order, then the other validators.
  size_t pick = selector % (names.size() + checklists.size() + 13);
  if (pick < names.size()) return instrument(names[pick], doc), 0;
  pick -= names.size();
  if (pick < checklists.size()) return checklist(checklists[pick], doc), 0;
  pick -= checklists.size();
  switch (pick) {
    case 0: ecogram_pair(doc); break;
    case 1: score_table(doc, default_score_items("nl")); break;
    case 2: item_set(doc, "nl"); break;
    case 3: item_set(doc, "en"); break;
    case 4: jobseeker(doc, /*create=*/true); break;
    case 5: jobseeker(doc, /*create=*/false); break;
    case 6: contact(doc); break;
    case 7: referral(doc); break;
    case 8: screening(doc); break;
    case 9: crisis(doc); break;
    case 10:
#ifdef SPIRAAL_FUZZ_CONSENT
      if (auto c = parse_consent(doc, kToday); c.is_ok()) dump(to_json(*c));
#endif
      break;
    case 11: validate_instrument("no_such_instrument", doc, kToday); break;
    case 12: story(doc); break;
  }
  return 0;
}
