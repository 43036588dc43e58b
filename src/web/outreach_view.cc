#include "web/outreach_view.h"

#include "web/app.h"

namespace spiraal {

using nlohmann::json;

json outreach_record_json(const OutreachRecord& r) {
  json events = json::array();
  for (const auto& e : r.events) events.push_back(to_json(e));
  return {{"person", to_json(r.person)}, {"events", events}};
}

json dossier_outreach_json(const OutreachService::DossierHistory& h) {
  json out = {{"handed_over", h.handed_over}, {"shared", h.shared}};
  if (h.record) out["version"] = h.record->person.version;
  if (h.shared && h.record) out.update(outreach_record_json(*h.record));
  return out;
}

namespace {

std::string label(const Ctx& c, const std::string& list, const std::string& code) {
  return code.empty() ? std::string() : c.t("vocab." + list + "." + code);
}

std::string labels(const Ctx& c, const std::string& list, const json& codes) {
  std::string out;
  for (const auto& code : codes) out += (out.empty() ? "" : ", ") + label(c, list, code.get<std::string>());
  return out;
}

}  // namespace

json outreach_person_model(const Ctx& c, const OutreachPerson& p) {
  json m = to_json(p);
  m["phase_label"] = label(c, "outreach_phase", p.phase);
  m["channel_label"] = label(c, "reach_channel", p.channel);
  m["find_place_label"] = label(c, "find_place", p.find_place);
  if (p.segment) m["segment_label"] = c.t("outreach.segment." + std::to_string(*p.segment));
  m["excluded"] = p.segment && !counts_for_outreach(*p.segment);
  m["closed"] = p.phase == "closed";
  return m;
}

json outreach_events_model(const Ctx& c, const std::vector<OutreachEvent>& events) {
  json out = json::array();
  for (const auto& e : events) {
    const json& x = e.content;
    std::string summary, note;
    if (e.kind == "registered") {
      summary = label(c, "reach_channel", x.value("channel", ""));
      if (!x.value("find_place", "").empty()) summary += " — " + label(c, "find_place", x.value("find_place", ""));
      if (!x.value("referred_by", "").empty()) summary += " — " + x.value("referred_by", "");
    } else if (e.kind == "contact") {
      summary = label(c, "contact_channel", x.value("channel", ""));
      note = x.value("note", "");
    } else if (e.kind == "phase") {
      summary = label(c, "outreach_phase", x.value("from", "")) + " → " + label(c, "outreach_phase", x.value("to", ""));
      if (!x.value("closing", "").empty()) summary += " (" + label(c, "outreach_closing", x.value("closing", "")) + ")";
      note = x.value("reason", "");
    } else if (e.kind == "segment") {
      summary = c.t("outreach.segment." + std::to_string(x.value("segment", 0)));
    } else if (e.kind == "handover") {
      summary = c.t("outreach.handover.summary", x.value("joint_date", "")) + " · " +
                label(c, "toeleider_attendance", x.value("toeleider_attends", ""));
      std::string open = labels(c, "context_condition", x.value("open_conditions", json::array()));
      if (!open.empty()) summary += " · " + c.t("outreach.handover.open") + ": " + open;
      note = x.value("reason", "");
    } else if (e.kind == "history_consent") {
      summary = c.t(x.value("shared", false) ? "outreach.history.shared" : "outreach.history.withdrawn");
    }
    out.push_back({{"date", e.occurred_on},
                   {"kind", e.kind},
                   {"kind_label", c.t("outreach.event." + e.kind)},
                   {"summary", summary},
                   {"note", note}});
  }
  return out;
}

}  // namespace spiraal
