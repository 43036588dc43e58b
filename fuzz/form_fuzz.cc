// libFuzzer harness: HTML form bodies (application/x-www-form-urlencoded).
//
// The first byte picks what the form is read as: a dossier section, a
// contact, an instrument document, a road-to-work record, an outreach form, or the bare
// percent-decoder. The JSON
// each form turns into then goes through the same validation as in the app,
// so that a form can reach every rule the API has. Malformed input must give
// errors, never a throw, an abort or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/contact.h"
#include "core/instruments.h"
#include "core/jobseeker.h"
#include "core/network.h"
#include "core/outreach.h"
#include "core/work_record.h"
#include "web/form.h"
#include "web/instrument_forms.h"

using nlohmann::json;
using namespace spiraal;

namespace {

const std::string kToday = "2026-11-23";

void codec(std::string_view s) {
  (void)url_decode(s);
  // Encoding then decoding gives back every byte string.
  if (url_decode(url_encode(s)) != s) __builtin_trap();
}

void dossier(const Form& f, const std::string& section) {
  json patch = dossier_patch_from_form(f, section);
  Jobseeker j;
  if (apply_patch(j, patch, kToday).empty()) (void)to_json(j).dump();
}

void contact(const Form& f) {
  Contact c;
  if (apply_patch(c, contact_from_form(f), kToday).empty()) (void)to_json(c).dump();
}

void instrument(const Form& f, const std::string& name) {
  auto r = validate_instrument(name, document_from_form(f, name), kToday);
  if (r.is_ok()) (void)r->dump();
}

// A generic road-to-work form (form_to_json) read as one kind of work record.
void work_record(const Form& f, const WorkRecordKind& kind) {
  auto r = parse_work_record(kind, form_to_json(f), kToday);
  if (r.is_ok()) (void)r->content.dump();
}

// An outreach form (form_to_json) read by one of the outreach parsers.
void outreach(const Form& f, uint8_t which) {
  const nlohmann::json body = form_to_json(f);
  OutreachPerson p;
  switch (which % 6) {
    case 0: (void)parse_outreach_person(body, kToday); break;
    case 1: (void)parse_outreach_contact(body, kToday); break;
    case 2: (void)parse_outreach_move(p, "", body, kToday); break;
    case 3: (void)parse_segment_decision(body, kToday); break;
    case 4: (void)parse_handover(p, body, kToday); break;
    default: (void)parse_network_filter(body);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t selector = data[0];
  const std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);

  const auto& sections = dossier_sections();
  const auto& names = instrument_names();
  const auto& kinds = work_record_kinds();
  size_t pick = selector % (sections.size() + names.size() + kinds.size() + 3);
  if (pick == 0) return codec(body), 0;
  const Form f = Form::parse(body);
  pick -= 1;
  if (pick < sections.size()) return dossier(f, sections[pick]), 0;
  pick -= sections.size();
  if (pick < names.size()) return instrument(f, names[pick]), 0;
  pick -= names.size();
  if (pick < kinds.size()) return work_record(f, kinds[pick]), 0;
  pick -= kinds.size();
  if (pick == 0) return outreach(f, size > 1 ? data[1] : 0), 0;
  contact(f);
  return 0;
}
