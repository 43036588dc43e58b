#pragma once
// A sociale kaart for the demo: about thirty fictional Flemish organisations
// (OCMW, CAW, VDAB, Samenlevingsopbouw, CGG, ...) in the demo towns, each with
// one contact person, imported through the same CSV import coordinators use,
// as the demo admin, after generate_demo_data().
#include <string>

#include "core/status.h"
#include "store/store.h"

namespace spiraal {

// The CSV text of the demo organisations (header included).
std::string demo_social_map_csv();

// Imports demo_social_map_csv() as the demo "admin" account; returns the
// number of organisations imported.
Result<int> generate_demo_social_map(Store& store);

}  // namespace spiraal
