#include "store/social_link_service.h"

#include <algorithm>

#include "core/clock.h"
#include "core/field_reader.h"
#include "core/vocabulary.h"
#include "store/store_internal.h"

namespace spiraal {

using nlohmann::json;

json to_json(const SocialLink& l) {
  return {{"id", l.id},
          {"domain", l.domain},
          {"organisation_id", l.organisation_id},
          {"organisation_name", l.organisation_name},
          {"contact_id", l.contact_id ? json(*l.contact_id) : json(nullptr)},
          {"contact_name", l.contact_name},
          {"question_kind", l.question_kind},
          {"smart", l.smart}};
}

Result<std::vector<SocialLink>> SocialLinkService::list(const Principal& p, int64_t id) {
  if (auto s = dossiers_.authorize(p, Action::kReadDossier, id, "social_links.read"); !s.is_ok()) return s;
  std::vector<SocialLink> out;
  {
    auto c = store_.pool().acquire();
    auto r = c->query(
        "SELECT l.id, l.domain, l.organisation_id, o.name, l.contact_id, COALESCE(k.name, ''), l.question_kind, l.smart "
        "FROM social_links l JOIN organisations o ON o.id = l.organisation_id "
        "LEFT JOIN organisation_contacts k ON k.id = l.contact_id WHERE l.jobseeker_id = ? ORDER BY l.domain, l.id",
        {id});
    for (size_t i = 0; i < r.size(); ++i)
      out.push_back({r.integer(i, 0), r.text(i, 1), r.integer(i, 2), r.text(i, 3), r.opt_integer(i, 4), r.text(i, 5),
                     r.text(i, 6), store_.cipher().open(r.text(i, 7))});
  }
  store_.audit(dossiers_.entry(p, "social_links.read", id));
  return out;
}

Result<SocialLink> SocialLinkService::add(const Principal& p, int64_t id, const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, id, "social_link.create"); !s.is_ok()) return s;
  if (!body.is_object()) return Status::invalid_field("", "type_object");
  FieldErrors errors;
  SocialLink l;
  for (const auto& [k, _] : body.items())
    if (k != "domain" && k != "organisation_id" && k != "contact_id" && k != "question_kind" && k != "smart")
      errors.push_back({k, "unknown_field"});
  const auto& domains = Vocabulary::get().codes("welfare_domain");
  const json& d = body.value("domain", json());
  if (d.is_string() && std::find(domains.begin(), domains.end(), d.get<std::string>()) != domains.end()) l.domain = d;
  else errors.push_back({"domain", "choice"});
  const json& kind = body.value("question_kind", json());
  if (kind == "advice" || kind == "referral" || kind == "coordination") l.question_kind = kind;
  else errors.push_back({"question_kind", "choice"});
  read_text(body.value("smart", json()), "smart", 1000, l.smart, errors);
  if (l.smart.empty()) errors.push_back({"smart", "required"});
  auto c = store_.pool().acquire();
  const json& org = body.value("organisation_id", json());
  if (!org.is_number_integer()) {
    errors.push_back({"organisation_id", "required"});
  } else {
    l.organisation_id = org.get<int64_t>();
    auto o = c->query("SELECT name FROM organisations WHERE id = ?", {l.organisation_id});
    if (o.empty()) errors.push_back({"organisation_id", "not_on_social_map"});
    else l.organisation_name = o.text(0, 0);
  }
  const json& contact = body.value("contact_id", json());
  if (contact.is_number_integer()) {
    auto k = c->query("SELECT name FROM organisation_contacts WHERE id = ? AND organisation_id = ?",
                      {contact.get<int64_t>(), l.organisation_id});
    if (k.empty()) errors.push_back({"contact_id", "not_of_organisation"});
    else l.contact_id = contact.get<int64_t>(), l.contact_name = k.text(0, 0);
  } else if (!contact.is_null()) {
    errors.push_back({"contact_id", "choice"});
  }
  if (!errors.empty()) return Status::invalid(std::move(errors));
  sql::in_transaction(*c, [&] {
    l.id = c->query("INSERT INTO social_links (jobseeker_id, domain, organisation_id, contact_id, question_kind, smart, "
                    "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    {id, l.domain, l.organisation_id, store_internal::opt_param(l.contact_id), l.question_kind,
                     store_.cipher().seal(l.smart), p.user_id, now_utc()})
               .integer(0, 0);
    Store::append_audit(*c, dossiers_.entry(p, "social_link.create", id, std::to_string(l.id)));
  });
  return l;
}

std::vector<json> SocialLinkService::contact_choices() {
  auto r = store_.pool().acquire()->query(
      "SELECT k.id, k.name, o.name FROM organisation_contacts k JOIN organisations o ON o.id = k.organisation_id "
      "ORDER BY o.name, k.name");
  std::vector<json> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back({{"id", r.integer(i, 0)}, {"label", r.text(i, 2) + " — " + r.text(i, 1)}});
  return out;
}

Status SocialLinkService::remove(const Principal& p, int64_t id, int64_t link_id) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, id, "social_link.remove"); !s.is_ok()) return s;
  bool gone = false;
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    gone = !c->query("DELETE FROM social_links WHERE id = ? AND jobseeker_id = ? RETURNING id", {link_id, id}).empty();
    if (gone) Store::append_audit(*c, dossiers_.entry(p, "social_link.remove", id, std::to_string(link_id)));
  });
  return gone ? Status::ok() : Status::not_found();
}

}  // namespace spiraal
