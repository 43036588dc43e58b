// The person's voice: feedback on a contact and requests for another
// counsellor, over VoiceService. The coach hands the screen to the person on
// the feedback page (a later jobseeker portal calls the same API); the
// coordinator answers requests from the team's queue.
#include "core/clock.h"
#include "web/app.h"
#include "web/dossier_view.h"

namespace spiraal {
namespace {

using nlohmann::json;

json feedback_view(const Ctx& c, const ContactFeedback& f) {
  json v = to_json(f);
  v["rating_label"] = c.t("voice.rating." + std::to_string(f.rating));
  v["channel_label"] = c.t("voice.channel." + f.channel);
  return v;
}

json request_view(const Ctx& c, Store& store, const CounsellorRequest& q) {
  json v = to_json(q);
  v["status_label"] = c.t("voice.status." + q.status);
  v["is_open"] = q.status == "open";
  auto name = [&](const std::optional<int64_t>& id) {
    if (!id) return std::string();
    auto u = store.user_by_id(*id);
    return u ? u->display_name : std::string();
  };
  v["from_coach"] = name(q.from_coach_id);
  v["new_coach"] = name(q.new_coach_id);
  v["answered_by_name"] = name(q.answered_by);
  return v;
}

}  // namespace

void App::add_voice_routes() {
  // --- API: feedback on contacts
  add("GET", R"(/api/v1/jobseekers/(\d+)/feedback)", "api.feedback.list", Access::kDossier, [this](Ctx& c) {
    auto all = voice_.feedback(*c.who, c.path_id());
    if (!all.is_ok()) return fail(c, all.status());
    json items = json::array();
    for (const auto& f : all.value()) items.push_back(to_json(f));
    send_json(c, 200, {{"items", items}});
  });
  add("POST", R"(/api/v1/jobseekers/(\d+)/contacts/(\d+)/feedback)", "api.feedback.create", Access::kDossier,
      [this](Ctx& c) {
        auto body = json_body(c);
        if (!body) return;
        auto f = voice_.give_feedback(*c.who, c.path_id(), c.path_id(2), *body);
        if (!f.is_ok()) return fail(c, f.status());
        send_json(c, 201, to_json(f.value()));
      });

  // --- API: requests for another counsellor
  add("GET", R"(/api/v1/jobseekers/(\d+)/counsellor-requests)", "api.counsellor_requests.list", Access::kDossier,
      [this](Ctx& c) {
        auto all = voice_.requests(*c.who, c.path_id());
        if (!all.is_ok()) return fail(c, all.status());
        json items = json::array();
        for (const auto& q : all.value()) items.push_back(to_json(q));
        send_json(c, 200, {{"items", items}});
      });
  add("POST", R"(/api/v1/jobseekers/(\d+)/counsellor-requests)", "api.counsellor_requests.create", Access::kDossier,
      [this](Ctx& c) {
        auto body = json_body(c);
        if (!body) return;
        auto q = voice_.ask(*c.who, c.path_id(), *body);
        if (!q.is_ok()) return fail(c, q.status());
        send_json(c, 201, to_json(q.value()));
      });
  add("POST", R"(/api/v1/jobseekers/(\d+)/counsellor-requests/(\d+)/answer)", "api.counsellor_requests.answer",
      Access::kDossier, [this](Ctx& c) {
        auto body = json_body(c);
        if (!body) return;
        auto q = voice_.answer(*c.who, c.path_id(), c.path_id(2), *body);
        if (!q.is_ok()) return fail(c, q.status());
        send_json(c, 200, to_json(q.value()));
      });
  add("GET", R"(/api/v1/counsellor-requests)", "api.counsellor_requests.queue", Access::kAuthenticated, [this](Ctx& c) {
    auto all = voice_.queue(*c.who);
    if (!all.is_ok()) return fail(c, all.status());
    json items = json::array();
    for (const auto& q : all.value()) {
      json item = to_json(q.request);
      item["jobseeker_name"] = q.jobseeker_name;
      item["from_coach_name"] = q.from_coach_name;
      items.push_back(item);
    }
    send_json(c, 200, {{"items", items}});
  });

  // --- Pages: feedback
  auto feedback_page = [this](Ctx& c, const json& errors, int status, const json& typed) {
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    auto contact = dossiers_.contact(*c.who, c.path_id(), c.path_id(2));
    if (!contact.is_ok()) return fail(c, contact.status());
    auto all = voice_.feedback(*c.who, c.path_id());
    if (!all.is_ok()) return fail(c, all.status());
    json m = base_model(c);
    m["title"] = c.t("voice.feedback_title");
    m["jobseeker"] = header_model(c, j.value());
    m["contact"] = {{"id", contact->id},
                    {"date", contact->date},
                    {"kind", c.t("vocab.contact_kind." + contact->kind)},
                    {"author", contact->author_name}};
    for (const auto& f : all.value())
      if (f.contact_id == contact->id) m["feedback"] = feedback_view(c, f);
    json ratings = json::array();
    for (int r = kMaxFeedbackRating; r >= kMinFeedbackRating; --r)
      ratings.push_back({{"value", r},
                         {"label", c.t("voice.rating." + std::to_string(r))},
                         {"checked", typed.value("rating", "") == std::to_string(r)}});
    m["ratings"] = ratings;
    m["typed_text"] = typed.value("text", "");
    m["told_coach"] = typed.value("channel", "") == "told_coach";
    m["max_text"] = kMaxFeedbackText;
    m["errors"] = errors;
    html(c, status, "contact_feedback", m);
  };
  add("GET", R"(/jobseekers/(\d+)/contacts/(\d+)/feedback)", "feedback.show", Access::kDossier,
      [feedback_page](Ctx& c) { feedback_page(c, json::array(), 200, json::object()); });
  add("POST", R"(/jobseekers/(\d+)/contacts/(\d+)/feedback)", "feedback.create", Access::kDossier,
      [this, feedback_page](Ctx& c) {
        json typed = {{"rating", c.form.get("rating")}, {"text", c.form.get("text")},
                      {"channel", c.form.get("channel")}};
        json body = {{"rating", number_from_form(c.form.get("rating"))}, {"text", c.form.get("text")}};
        if (!c.form.get("channel").empty()) body["channel"] = c.form.get("channel");
        auto f = voice_.give_feedback(*c.who, c.path_id(), c.path_id(2), body);
        if (f.is_ok())
          return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/contacts/" +
                                 std::to_string(c.path_id(2)) + "/feedback");
        if (f.status().code() != Code::kInvalid) return fail(c, f.status());
        feedback_page(c, field_messages(c, f.status().fields()), 422, typed);
      });

  // --- Pages: requests for another counsellor
  auto requests_page = [this](Ctx& c, const json& errors, int status) {
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    auto all = voice_.requests(*c.who, c.path_id());
    if (!all.is_ok()) return fail(c, all.status());
    json m = base_model(c);
    m["title"] = c.t("voice.requests_title");
    m["jobseeker"] = header_model(c, j.value());
    json items = json::array();
    for (const auto& q : all.value()) items.push_back(request_view(c, store_, q));
    m["requests"] = items;
    m["can_answer"] = allowed(*c.who, Action::kAnswerCounsellorRequest, store_.relation(*c.who, c.path_id()));
    json coaches = json::array();
    for (const auto& u : voice_.team_coaches(c.path_id())) coaches.push_back({{"id", u.id}, {"name", u.display_name}});
    m["coaches"] = coaches;
    m["errors"] = errors;
    html(c, status, "counsellor_requests", m);
  };
  add("GET", R"(/jobseekers/(\d+)/counsellor-requests)", "counsellor_requests.show", Access::kDossier,
      [requests_page](Ctx& c) { requests_page(c, json::array(), 200); });
  add("POST", R"(/jobseekers/(\d+)/counsellor-requests)", "counsellor_requests.create", Access::kDossier,
      [this, requests_page](Ctx& c) {
        auto q = voice_.ask(*c.who, c.path_id(), {{"reason", c.form.get("reason")}});
        if (q.is_ok()) return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/counsellor-requests");
        if (q.status().code() != Code::kInvalid) return fail(c, q.status());
        requests_page(c, field_messages(c, q.status().fields()), 422);
      });
  add("POST", R"(/jobseekers/(\d+)/counsellor-requests/(\d+)/answer)", "counsellor_requests.answer", Access::kDossier,
      [this, requests_page](Ctx& c) {
        json body = {{"version", number_from_form(c.form.get("version"))},
                     {"decision", c.form.get("decision")},
                     {"reason", c.form.get("reason")}};
        if (c.form.get("decision") == "granted") body["new_coach_id"] = number_from_form(c.form.get("new_coach_id"));
        auto q = voice_.answer(*c.who, c.path_id(), c.path_id(2), body);
        const std::string back = c.form.get("_back") == "queue"
                                     ? "/counsellor-requests"
                                     : "/jobseekers/" + std::to_string(c.path_id()) + "/counsellor-requests";
        if (q.is_ok()) return redirect(c, back);
        if (q.status().code() != Code::kInvalid) return fail(c, q.status());
        requests_page(c, field_messages(c, q.status().fields()), 422);
      });
  add("GET", R"(/counsellor-requests)", "counsellor_requests.queue", Access::kAuthenticated, [this](Ctx& c) {
    auto all = voice_.queue(*c.who);
    if (!all.is_ok()) return fail(c, all.status());
    json m = base_model(c);
    m["title"] = c.t("voice.queue_title");
    json items = json::array();
    for (const auto& q : all.value()) {
      json item = request_view(c, store_, q.request);
      item["jobseeker_name"] = q.jobseeker_name;
      item["queue"] = true;
      json coaches = json::array();
      if (q.request.status == "open")
        for (const auto& u : voice_.team_coaches(q.request.jobseeker_id))
          if (u.id != q.request.from_coach_id) coaches.push_back({{"id", u.id}, {"name", u.display_name}});
      item["coaches"] = coaches;
      items.push_back(item);
    }
    m["requests"] = items;
    html(c, 200, "counsellor_queue", m);
  });
}

}  // namespace spiraal
