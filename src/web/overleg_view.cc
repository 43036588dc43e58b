#include "web/overleg_view.h"

namespace spiraal {

using nlohmann::json;

json overleg_view(const Ctx& c, const Overleg& o) {
  json v = to_json(o);
  v["status_label"] = c.t("overleg.status." + o.status);
  v["consent"] = consent_in_force(o);
  v["is_requested"] = o.status == "requested";
  v["is_planned"] = o.status == "planned";
  v["is_held"] = o.status == "held";
  json people = json::array();
  for (size_t i = 0; i < o.participants.size(); ++i) {
    const auto& p = o.participants[i];
    people.push_back({{"index", i}, {"name", p.name}, {"role_label", c.t("overleg.role." + p.role)},
                      {"attendance_label", c.t("overleg.attendance." + p.attendance)}});
  }
  v["participants"] = people;
  v["participation_label"] = o.participation.empty() ? "" : c.t("overleg.participation." + o.participation);
  json themes = json::array();
  for (const auto& t : o.themes) {
    json theme = {{"label", c.t("vocab.social_theme." + t.theme)}, {"information", t.information},
                  {"agreements", json::array()}};
    for (const auto& a : t.agreements)
      theme["agreements"].push_back({{"text", a.text}, {"owner", a.owner}, {"due_on", a.due_on}});
    themes.push_back(theme);
  }
  v["themes"] = themes;
  return v;
}

}  // namespace spiraal
