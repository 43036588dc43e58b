#pragma once
// A W²-overleg as the templates show it: labels in the caller's language for
// roles, attendance, participation and themes. Used by the overleg pages,
// the printed report and a partner's shared view.
#include <nlohmann/json.hpp>

#include "core/overleg.h"
#include "web/app.h"

namespace spiraal {

nlohmann::json overleg_view(const Ctx& c, const Overleg& o);

}  // namespace spiraal
