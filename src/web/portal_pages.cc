// "Mijn traject": the jobseeker's own pages, mobile first and in plain
// words (issue 11). Entry by a one-time code and a PIN or password that
// unlocks the device; then where they are in the spiral, the next
// appointment, their goals and own actions, the agreement, self-scoring one
// item per screen, their story, messages with the coach and their data.
// Every read and write goes through the same services as the coach's
// pages, with the jobseeker's own principal (see PortalService).
#include <map>
#include <optional>

#include "core/clock.h"
#include "core/spiral.h"
#include "core/vocabulary.h"
#include "report/subject_export.h"
#include "web/app.h"
#include "web/i18n.h"
#include "web/view.h"

namespace spiraal {
namespace {

using nlohmann::json;

int64_t own_id(const Ctx& c) { return c.who->jobseeker_id.value_or(0); }

// A device's name for the coach's list: the platform from the User-Agent.
std::string device_label(const httplib::Request& req) {
  const std::string ua = req.get_header_value("User-Agent");
  for (const char* platform : {"iPhone", "iPad", "Android", "Windows", "Macintosh", "Linux"})
    if (ua.find(platform) != std::string::npos) return platform;
  return "Browser";
}

// The stage in plain words and, inside a cycle, the step: "Stap 2 van 7".
json stage_view(const Ctx& c, const std::string& code) {
  auto state = parse_spiral_state(code);
  json v;
  std::string stage = code.substr(0, code.find('.'));
  v["text"] = c.t("portal.stage." + stage);
  if (state && state->phase > 0) {
    int steps = stage == "c1" ? 7 : 5;
    v["step"] = c.t("portal.step", std::to_string(state->phase) + "/" + std::to_string(steps));
    v["percent"] = state->phase * 100 / steps;
  }
  return v;
}

// One item's self-scores: where the jobseeker stands now and, if they want
// to say, where they want to get to ("future", as on the coach's table).
struct SelfScore {
  std::optional<int> now, future;
};
using SelfScores = std::map<std::string, SelfScore>;

// The answers of `code` so far; none when it was not answered.
SelfScore answer_of(const SelfScores& answers, const std::string& code) {
  auto it = answers.find(code);
  return it == answers.end() ? SelfScore{} : it->second;
}

// A score 0-10 from a form value; nullopt for anything else.
std::optional<int> score_value(const std::string& raw) {
  if (raw.size() == 1 && raw[0] >= '0' && raw[0] <= '9') return raw[0] - '0';
  if (raw == "10") return 10;
  return std::nullopt;
}

// The answers so far, from the form's hidden "a_<code>" (now) and
// "f_<code>" (future) fields.
SelfScores typed_answers(const Form& form, const std::vector<ScoreItem>& items) {
  SelfScores out;
  for (const auto& item : items) {
    SelfScore a{score_value(form.get("a_" + item.code)), score_value(form.get("f_" + item.code))};
    if (a.now || a.future) out[item.code] = a;
  }
  return out;
}

// The 0-10 buttons of one scale, `checked` ticked.
json scale_values(std::optional<int> checked) {
  json values = json::array();
  for (int v = 0; v <= 10; ++v) values.push_back({{"value", v}, {"checked", checked == v}});
  return values;
}

}  // namespace

json App::portal_model(const Ctx& c, const std::string& here) const {
  json m;
  m["layout"] = "portal_layout";
  m["lang"] = c.lang;
  m["csrf"] = c.caller.csrf_token;
  m["here"] = url_encode(c.req.path);
  json langs = json::array();
  for (const auto& l : Catalogs::get().languages())
    langs.push_back({{"code", l}, {"label", Catalogs::get().text(l, "language.name")}, {"current", l == c.lang}});
  m["languages"] = langs;
  if (c.who && c.who->role == Role::kJobseeker) {
    m["me"] = {{"first_name", c.who->display_name}};
    json nav = json::array();
    for (const char* page : {"home", "scores", "story", "messages", "data"})
      nav.push_back({{"href", std::string(page) == "home" ? "/mijn" : std::string("/mijn/") + page},
                     {"label", c.t(std::string("portal.nav.") + page)},
                     {"current", here == page}});
    m["nav"] = nav;
  }
  return m;
}

void App::add_portal_pages() {
  // --- Entry: the code, then a PIN or password for this device
  auto start_page = [this](Ctx& c, int status, const std::string& code, const json& errors) {
    json m = portal_model(c, "");
    m["title"] = c.t("portal.start.title");
    m["code"] = code;
    m["code_ok"] = !code.empty();
    m["errors"] = errors;
    html(c, status, "portal_start", m);
  };
  add("GET", "/mijn/start", "portal.start", Access::kPublic,
      [start_page](Ctx& c) { start_page(c, 200, "", json::array()); });
  add("POST", "/mijn/start", "portal.start.check", Access::kPublic, [this, start_page](Ctx& c) {
    const std::string client = client_address(c.req, options_.trusted_proxies);
    LoginLimiter& limiter = auth_.limiter();
    if (limiter.blocked("code:" + client, client))
      return start_page(c, 429, "", json::array({c.t("portal.start.too_many")}));
    if (!portal_.check_code(c.form.get("code")).is_ok()) {
      limiter.failed("code:" + client, client);
      return start_page(c, 422, "", json::array({c.t("portal.start.bad_code")}));
    }
    start_page(c, 200, normalise_code(c.form.get("code")), json::array());
  });
  add("POST", "/mijn/start/secret", "portal.start.redeem", Access::kPublic, [this, start_page](Ctx& c) {
    const std::string client = client_address(c.req, options_.trusted_proxies);
    if (auth_.limiter().blocked("code:" + client, client))
      return start_page(c, 429, "", json::array({c.t("portal.start.too_many")}));
    auto unlocked =
        portal_.redeem(c.form.get("code"), c.form.get("secret"), c.form.get("secret_repeat"), device_label(c.req));
    if (!unlocked.is_ok()) {
      if (unlocked.status().code() == Code::kInvalid)
        return start_page(c, 422, normalise_code(c.form.get("code")), field_messages(c, unlocked.status().fields()));
      auth_.limiter().failed("code:" + client, client);
      return start_page(c, 422, "", json::array({c.t("portal.start.bad_code")}));
    }
    c.res.set_header("Set-Cookie", auth_.device_cookie(unlocked->device_token));
    c.res.set_header("Set-Cookie", auth_.session_cookie(auth_.open_session(unlocked->user, unlocked->device_id)));
    redirect(c, "/mijn?welcome=1");
  });

  // --- Unlocking a known device
  auto login_page = [this](Ctx& c, int status, const std::string& error) {
    json m = portal_model(c, "");
    m["title"] = c.t("portal.login.title");
    m["has_device"] = !cookie_value(c.req.get_header_value("Cookie"), kDeviceCookie).empty();
    if (!error.empty()) m["error"] = error;
    html(c, status, "portal_login", m);
  };
  add("GET", "/mijn/login", "portal.login", Access::kPublic, [this, login_page](Ctx& c) {
    if (c.who && c.who->role == Role::kJobseeker) return redirect(c, "/mijn");
    login_page(c, 200, "");
  });
  add("POST", "/mijn/login", "portal.unlock", Access::kPublic, [this, login_page](Ctx& c) {
    const std::string client = client_address(c.req, options_.trusted_proxies);
    const auto device = portal_.device_of(cookie_value(c.req.get_header_value("Cookie"), kDeviceCookie));
    const std::string key = "device:" + std::to_string(device ? device->id : 0);
    if (auth_.limiter().blocked(key, client)) return login_page(c, 429, c.t("portal.login.too_many"));
    auto unlocked = portal_.unlock(device, c.form.get("secret"));
    if (!unlocked.is_ok()) {
      auth_.limiter().failed(key, client);
      return login_page(c, 401, c.t("portal.login.failed"));
    }
    auth_.limiter().succeeded(key);
    c.res.set_header("Set-Cookie", auth_.session_cookie(auth_.open_session(unlocked->user, unlocked->device_id)));
    redirect(c, "/mijn");
  });

  // --- Mijn traject
  add("GET", "/mijn", "portal.home", Access::kPortal, [this](Ctx& c) {
    const Principal& p = *c.who;
    auto place = trajectories_.place(p, own_id(c));
    if (!place.is_ok()) return fail(c, place.status());
    auto goals = goals_.goals(p, own_id(c));
    if (!goals.is_ok()) return fail(c, goals.status());
    auto agreements = goals_.agreements(p, own_id(c));
    if (!agreements.is_ok()) return fail(c, agreements.status());
    auto next = portal_.next_appointment(p);
    if (!next.is_ok()) return fail(c, next.status());
    json m = portal_model(c, "home");
    m["title"] = c.t("portal.home.title");
    m["welcome"] = c.req.has_param("welcome");
    m["stage"] = stage_view(c, place->state.code());
    if (next->has_value()) m["next"] = {{"on", (*next)->on}, {"kind", c.t("portal.appointment." + (*next)->kind)}};
    json list = json::array();
    for (const auto& g : goals.value()) {
      if (g.goal.status == "dropped") continue;
      json actions = json::array();
      for (const auto& a : g.actions) {
        if (a.status == "dropped") continue;
        actions.push_back({{"id", a.id},
                           {"version", a.version},
                           {"text", a.text},
                           {"due_on", a.due_on},
                           {"done", a.status == "done"},
                           {"mine", a.owner == "jobseeker"},
                           {"owner", c.t("portal.owner." + a.owner)}});
      }
      list.push_back({{"text", g.goal.text},
                      {"reached", g.goal.status == "reached"},
                      {"actions", actions},
                      {"has_actions", !actions.empty()}});
    }
    m["goals"] = list;
    for (const auto& a : agreements.value())
      if (!a.signed_on.empty()) {
        m["agreement"] = {{"id", a.id}, {"signed_on", a.signed_on}};
        break;
      }
    m["unread"] = portal_.unread(p, own_id(c));
    m["has_unread"] = m["unread"].get<int64_t>() > 0;
    html(c, 200, "portal_home", m);
  });
  add("POST", R"(/mijn/actions/(\d+)/done)", "portal.action.done", Access::kPortal, [this](Ctx& c) {
    auto a = goals_.update_action(*c.who, own_id(c), c.path_id(),
                                  {{"version", number_from_form(c.form.get("version"))}, {"status", "done"}});
    if (!a.is_ok()) return fail(c, a.status());
    redirect(c, "/mijn#goals");
  });
  add("GET", R"(/mijn/agreement/(\d+))", "portal.agreement", Access::kPortal,
      [this](Ctx& c) { print_agreement(c, own_id(c), c.path_id()); });

  // --- Self-assessment: one item per screen
  add("GET", "/mijn/scores", "portal.scores", Access::kPortal, [this](Ctx& c) {
    auto tables = scores_.tables(*c.who, own_id(c));
    if (!tables.is_ok()) return fail(c, tables.status());
    json m = portal_model(c, "scores");
    m["title"] = c.t("portal.scores.title");
    m["saved"] = c.req.has_param("saved");
    json mine = json::array(), snapshots = json::array(), items = json::array();
    for (const auto& s : tables.value()) {
      if (s.table.scorer != "jobseeker") continue;
      json now = json::object();
      for (const auto& score : s.table.scores) now[score.code] = score.now ? json(*score.now) : json(nullptr);
      snapshots.push_back({{"label", s.table.taken_on}, {"now", now}});
      mine.push_back({{"taken_on", s.table.taken_on}});
      items = json::array();
      for (const auto& i : s.items) items.push_back({{"code", i.code}, {"side", i.side}, {"label", i.label}});
    }
    // The newest four, oldest first, for the circles.
    if (snapshots.size() > 4) snapshots.erase(snapshots.begin(), snapshots.end() - 4);
    m["has_chart"] = !snapshots.empty();
    m["chart"] =
        script_json({{"items", items},
                     {"snapshots", snapshots},
                     {"labels", {{"outside", c.t("portal.scores.outside")}, {"inside", c.t("portal.scores.inside")}}}});
    m["tables"] = mine;
    html(c, 200, "portal_scores", m);
  });
  auto score_step = [this](Ctx& c, const std::vector<ScoreItem>& items, const SelfScores& answers, size_t step,
                           int status, const json& errors) {
    json m = portal_model(c, "scores");
    m["title"] = c.t("portal.scores.new_title");
    m["errors"] = errors;
    json hidden = json::array();
    for (const auto& [code, a] : answers) {
      if (step < items.size() && code == items[step].code) continue;
      if (a.now) hidden.push_back({{"name", "a_" + code}, {"value", *a.now}});
      if (a.future) hidden.push_back({{"name", "f_" + code}, {"value", *a.future}});
    }
    m["answers"] = hidden;
    m["step"] = step;
    m["first"] = step == 0;
    if (step < items.size()) {
      const ScoreItem& item = items[step];
      m["progress"] = c.t("portal.scores.progress", std::to_string(step + 1) + "/" + std::to_string(items.size()));
      m["item"] = {{"code", item.code}, {"label", item.label}, {"side", c.t("portal.scores." + item.side)}};
      const SelfScore current = answer_of(answers, item.code);
      m["values"] = scale_values(current.now);
      m["future_values"] = scale_values(current.future);
    } else {
      json summary = json::array();
      for (const auto& item : items) {
        const SelfScore a = answer_of(answers, item.code);
        std::string value = a.now ? std::to_string(*a.now) : "–";
        if (a.future) value += " → " + std::to_string(*a.future);
        summary.push_back({{"label", item.label}, {"value", value}});
      }
      m["summary"] = summary;
      m["last"] = true;
    }
    html(c, status, "portal_score_step", m);
  };
  add("GET", "/mijn/scores/new", "portal.scores.new", Access::kPortal, [this, score_step](Ctx& c) {
    auto set = scores_.item_set(*c.who, own_id(c), c.lang);
    if (!set.is_ok()) return fail(c, set.status());
    score_step(c, set->items, {}, 0, 200, json::array());
  });
  add("POST", "/mijn/scores/new", "portal.scores.step", Access::kPortal, [this, score_step](Ctx& c) {
    auto set = scores_.item_set(*c.who, own_id(c), c.lang);
    if (!set.is_ok()) return fail(c, set.status());
    const auto& items = set->items;
    auto answers = typed_answers(c.form, items);
    const json typed_step = number_from_form(c.form.get("step"));
    const int64_t step_number = typed_step.is_number_integer() ? typed_step.get<int64_t>() : 0;
    const size_t step = std::min(size_t(std::max<int64_t>(0, step_number)), items.size());
    const std::string go = c.form.get("go");
    if (step < items.size()) {
      if (go == "skip") {
        answers.erase(items[step].code);
      } else {
        SelfScore& a = answers[items[step].code];
        for (auto [field, slot] : {std::pair{"now", &a.now}, std::pair{"future", &a.future}}) {
          const std::string raw = c.form.get(field);
          if (raw.empty()) continue;
          *slot = score_value(raw);
          if (!*slot) return score_step(c, items, answers, step, 422, json::array({c.t("portal.scores.pick")}));
        }
        if (!a.now && !a.future) answers.erase(items[step].code);
      }
    }
    if (go == "back") return score_step(c, items, answers, step == 0 ? 0 : step - 1, 200, json::array());
    if (go != "save") return score_step(c, items, answers, std::min(step + 1, items.size()), 200, json::array());
    auto or_null = [](std::optional<int> v) { return v ? json(*v) : json(nullptr); };
    json scores = json::object();
    for (const auto& item : items) {
      const SelfScore a = answer_of(answers, item.code);
      scores[item.code] = {{"start", nullptr}, {"now", or_null(a.now)}, {"future", or_null(a.future)}};
    }
    auto saved = scores_.add_table(*c.who, own_id(c),
                                   {{"taken_on", today_utc()}, {"scorer", "jobseeker"}, {"scores", scores}}, c.lang);
    if (!saved.is_ok()) {
      if (saved.status().code() != Code::kInvalid) return fail(c, saved.status());
      return score_step(c, items, answers, items.size(), 422, field_messages(c, saved.status().fields()));
    }
    redirect(c, "/mijn/scores?saved=1");
  });

  // --- My story: read-only
  auto story_page = [this](Ctx& c, int status, const json& errors) {
    auto opened = portal_.opened(*c.who, own_id(c));
    if (!opened.is_ok()) return fail(c, opened.status());
    json m = portal_model(c, "story");
    m["title"] = c.t("portal.story.title");
    m["errors"] = errors;
    m["added"] = c.req.has_param("added");
    for (const auto& part : opened.value()) m["open_" + part] = true;
    json tones = json::array(), domains = json::array();
    for (const char* tone : {"up", "down", "turn"})
      tones.push_back({{"code", tone}, {"label", c.t(std::string("portal.story.tone.") + tone)}});
    for (const auto& d : Vocabulary::get().codes("welfare_domain"))
      domains.push_back({{"code", d}, {"label", c.t("vocab.welfare_domain." + d)}});
    domains.push_back({{"code", "work"}, {"label", c.t("portal.story.work")}});
    m["tones"] = tones;
    m["domains_list"] = domains;
    for (const char* name : {"life_events", "balance", "strengths"}) {
      auto versions = instruments_.versions(*c.who, own_id(c), name);
      if (!versions.is_ok()) return fail(c, versions.status());
      if (versions->empty()) continue;
      const json& doc = versions->back().document;
      json part = {{"taken_on", versions->back().taken_on}};
      if (std::string(name) == "life_events") {
        json events = json::array();
        const json events_in = doc.value("events", json::array());
        for (const auto& e : events_in)
          events.push_back({{"date", e.value("date", "")},
                            {"text", e.value("text", "")},
                            {"tone", c.t("portal.story.tone." + e.value("tone", "turn"))}});
        part["events"] = events;
      } else if (std::string(name) == "balance") {
        json load = json::array(), support = json::array();
        const json blocks = doc.value("blocks", json::array());
        for (const auto& b : blocks) {
          json block = {{"label", b.value("label", "")}, {"size", b.value("size", 0)}};
          if (b.value("kind", "") == "load")
            load.push_back(block);
          else
            support.push_back(block);
        }
        part["load"] = load;
        part["support"] = support;
      } else {
        json domains = json::array();
        const json domain_map = doc.value("domains", json::object());
        for (const auto& [domain, v] : domain_map.items()) {
          json lines = json::array();
          for (const char* key : {"i_am", "i_can", "i_have", "i_want"})
            if (v.contains(key) && v[key].is_string() && !v[key].get<std::string>().empty())
              lines.push_back({{"label", c.t(std::string("portal.story.") + key)}, {"text", v[key]}});
          if (lines.empty()) continue;
          std::string label = domain == "work" ? c.t("portal.story.work") : c.t("vocab.welfare_domain." + domain);
          domains.push_back({{"label", label}, {"lines", lines}});
        }
        part["domains"] = domains;
      }
      m[name] = part;
    }
    html(c, status, "portal_story", m);
  };
  add("GET", "/mijn/story", "portal.story", Access::kPortal,
      [story_page](Ctx& c) { story_page(c, 200, json::array()); });
  add("POST", "/mijn/story/(life_events|balance|strengths)", "portal.story.add", Access::kPortal,
      [this, story_page](Ctx& c) {
        const std::string name = c.req.matches[1];
        auto versions = instruments_.versions(*c.who, own_id(c), name);
        if (!versions.is_ok()) return fail(c, versions.status());
        json fields = json::object();
        for (const char* key :
             {"date", "text", "tone", "kind", "label", "size", "domain", "i_am", "i_can", "i_have", "i_want"})
          fields[key] = c.form.get(key);
        auto doc = add_to_story(name, versions->empty() ? json() : versions->back().document, fields);
        Status saved = doc.is_ok() ? instruments_.add(*c.who, own_id(c), name, {{"document", doc.value()}}).status()
                                   : doc.status();
        if (saved.is_ok()) return redirect(c, "/mijn/story?added=1#" + name);
        if (saved.code() != Code::kInvalid) return fail(c, saved);
        story_page(c, 422, field_messages(c, saved.fields()));
      });

  // --- Messages with the coach
  auto messages_page = [this](Ctx& c, int status, const json& errors, const std::string& typed) {
    auto all = portal_.messages(*c.who, own_id(c));
    if (!all.is_ok()) return fail(c, all.status());
    json m = portal_model(c, "messages");
    m["title"] = c.t("portal.messages.title");
    json list = json::array();
    for (auto it = all->rbegin(); it != all->rend(); ++it) {
      if (it->kind != "message" && !it->from_jobseeker) continue;
      std::string text = it->kind == "message" ? it->text : c.t("portal.messages.consent_withdrawn", it->text);
      list.push_back({{"mine", it->from_jobseeker},
                      {"author", it->from_jobseeker ? c.t("portal.messages.me") : it->author},
                      {"text", text},
                      {"at", it->created_at.substr(0, 16)}});
    }
    m["messages"] = list;
    m["errors"] = errors;
    m["typed"] = typed;
    m["max"] = kMessageLength;
    html(c, status, "portal_messages", m);
  };
  add("GET", "/mijn/messages", "portal.messages", Access::kPortal,
      [messages_page](Ctx& c) { messages_page(c, 200, json::array(), ""); });
  add("POST", "/mijn/messages", "portal.messages.send", Access::kPortal, [this, messages_page](Ctx& c) {
    auto sent = portal_.send(*c.who, own_id(c), {{"text", c.form.get("text")}});
    if (sent.is_ok()) return redirect(c, "/mijn/messages#last");
    if (sent.status().code() != Code::kInvalid) return fail(c, sent.status());
    messages_page(c, 422, field_messages(c, sent.status().fields()), c.form.get("text"));
  });

  // --- My data: who sees what, who looked, everything as a file
  add("GET", "/mijn/data", "portal.data", Access::kPortal, [this](Ctx& c) {
    auto consents = consents_.list(*c.who, own_id(c));
    if (!consents.is_ok()) return fail(c, consents.status());
    auto readers = portal_.readers(*c.who);
    if (!readers.is_ok()) return fail(c, readers.status());
    json m = portal_model(c, "data");
    m["title"] = c.t("portal.data.title");
    m["withdrawn"] = c.req.has_param("withdrawn");
    json active = json::array(), ended = json::array();
    for (const auto& k : consents.value()) {
      json sections = json::array();
      for (const auto& s : k.scope) sections.push_back(c.t("portal.section." + s));
      json v = {{"id", k.id},
                {"recipient", k.recipient_name},
                {"purpose", k.purpose},
                {"given_on", k.given_on},
                {"withdrawn_on", k.withdrawn_on},
                {"sections", sections}};
      (k.withdrawn_on.empty() ? active : ended).push_back(v);
    }
    m["consents"] = active;
    m["ended"] = ended;
    json who = json::array();
    for (const auto& r : readers.value())
      who.push_back({{"day", r.day}, {"name", r.name}, {"role", c.t("vocab.role." + r.role)}, {"times", r.times}});
    m["readers"] = who;
    html(c, 200, "portal_data", m);
  });
  add("POST", R"(/mijn/consents/(\d+)/withdraw)", "portal.consent.withdraw", Access::kPortal, [this](Ctx& c) {
    auto k = consents_.withdraw(*c.who, own_id(c), c.path_id());
    if (!k.is_ok()) return fail(c, k.status());
    redirect(c, "/mijn/data?withdrawn=1");
  });
  add("GET", "/mijn/data/download", "portal.data.download", Access::kPortal, [this](Ctx& c) {
    if (auto s = dossiers_.authorize(*c.who, Action::kReadOwn, own_id(c), "subject.export"); !s.is_ok())
      return fail(c, s);
    auto doc = subject_export(store_, own_id(c), dossiers_.entry(*c.who, "subject.export", own_id(c)));
    if (!doc.is_ok()) return fail(c, doc.status());
    c.res.set_header("Content-Disposition", "attachment; filename=\"mijn-gegevens.json\"");
    c.res.status = 200;
    c.res.set_content(doc->dump(2), "application/json");
  });
  add("POST", "/mijn/logout", "portal.logout", Access::kPortal, [this](Ctx& c) {
    auth_.logout(c.caller);
    c.res.set_header("Set-Cookie", auth_.clear_session_cookie());
    redirect(c, "/mijn/login");
  });
}

}  // namespace spiraal
