#pragma once
// JSON and page models of outreach records, shared by the API and the pages.
#include <nlohmann/json.hpp>

#include "store/outreach_service.h"

namespace spiraal {

struct Ctx;

// {person, events}.
nlohmann::json outreach_record_json(const OutreachRecord& r);
// {handed_over, shared, version, person?, events?}: the person and the log
// only while the history is shared.
nlohmann::json dossier_outreach_json(const OutreachService::DossierHistory& h);
// The record with labels in the caller's language, for the pages.
nlohmann::json outreach_person_model(const Ctx& c, const OutreachPerson& p);
nlohmann::json outreach_events_model(const Ctx& c, const std::vector<OutreachEvent>& events);

}  // namespace spiraal
