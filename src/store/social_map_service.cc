#include "store/social_map_service.h"

#include "core/clock.h"
#include "core/text.h"

namespace spiraal {

using nlohmann::json;

namespace {

constexpr const char* kColumns =
    "id, name, address, phone, email, website, opening_hours, target_group, themes, version, created_at, updated_at";

Organisation from_row(const sql::Rows& r, size_t i) {
  Organisation o;
  o.id = r.integer(i, 0);
  o.name = r.text(i, 1);
  o.address = r.text(i, 2);
  o.phone = r.text(i, 3);
  o.email = r.text(i, 4);
  o.website = r.text(i, 5);
  o.opening_hours = r.text(i, 6);
  o.target_group = r.text(i, 7);
  o.themes = json::parse(r.text(i, 8)).get<std::vector<std::string>>();
  o.version = r.integer(i, 9);
  o.created_at = r.text(i, 10);
  o.updated_at = r.text(i, 11);
  return o;
}

// `s` as a LIKE pattern that matches it literally anywhere (ESCAPE '\').
std::string like_anywhere(const std::string& s) {
  std::string out = "%";
  for (char ch : s) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "%";
}

}  // namespace

AuditEntry SocialMapService::entry(const Principal& p, std::string action, std::string detail) const {
  return {p.user_id, p.username, std::move(action), std::nullopt, std::move(detail)};
}

std::vector<OrganisationContact> SocialMapService::contacts_of(sql::Connection& c, int64_t organisation_id) {
  auto r = c.query("SELECT id, name, role, phone, email FROM organisation_contacts WHERE organisation_id = ? ORDER BY id",
                   {organisation_id});
  std::vector<OrganisationContact> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back({r.integer(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4)});
  return out;
}

Result<std::vector<Organisation>> SocialMapService::list(const Principal& p, const OrganisationQuery& q) {
  if (!allowed(p, Action::kReadSocialMap)) return Status::forbidden();
  // Both filters are always in the statement; a blank one matches everything.
  const std::string sql = std::string("SELECT ") + kColumns +
                          " FROM organisations WHERE (? = '' OR name_key LIKE ? ESCAPE '\\') "
                          "AND (? = '' OR themes LIKE ? ESCAPE '\\') ORDER BY name_key LIMIT ?";
  const sql::Params params = {q.search, like_anywhere(organisation_name_key(q.search)), q.theme,
                              like_anywhere("\"" + q.theme + "\""), int64_t{q.limit}};
  auto c = store_.pool().acquire();
  auto r = c->query(sql, params);
  std::vector<Organisation> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(from_row(r, i));
  return out;
}

Result<Organisation> SocialMapService::get(const Principal& p, int64_t id) {
  if (!allowed(p, Action::kReadSocialMap)) return Status::forbidden();
  auto c = store_.pool().acquire();
  auto r = c->query(std::string("SELECT ") + kColumns + " FROM organisations WHERE id = ?", {id});
  if (r.empty()) return Status::not_found();
  Organisation o = from_row(r, 0);
  o.contacts = contacts_of(*c, id);
  return o;
}

bool SocialMapService::organisation_exists(int64_t id) {
  auto c = store_.pool().acquire();
  return !c->query("SELECT 1 FROM organisations WHERE id = ?", {id}).empty();
}

int64_t SocialMapService::insert(sql::Connection& c, const Organisation& o, const std::string& now) {
  int64_t id = c.query("INSERT INTO organisations (name, name_key, address, phone, email, website, opening_hours, "
                       "target_group, themes, version, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
                       {o.name, organisation_name_key(o.name), o.address, o.phone, o.email, o.website,
                        o.opening_hours, o.target_group, json(o.themes).dump(), now, now})
                   .integer(0, 0);
  for (const auto& k : o.contacts)
    c.query("INSERT INTO organisation_contacts (organisation_id, name, role, phone, email) VALUES (?, ?, ?, ?, ?)",
            {id, k.name, k.role, k.phone, k.email});
  return id;
}

Result<Organisation> SocialMapService::create(const Principal& p, const json& body) {
  if (!allowed(p, Action::kManageSocialMap)) return Status::forbidden();
  auto parsed = parse_organisation(body);
  if (!parsed.is_ok()) return parsed.status();
  Organisation o = parsed.value();
  const std::string now = now_utc();
  try {
    auto c = store_.pool().acquire();
    o.id = sql::in_transaction(*c, [&] {
      int64_t id = insert(*c, o, now);
      Store::append_audit(*c, entry(p, "social_map.create", std::to_string(id) + ": " + o.name));
      return id;
    });
  } catch (const sql::Error& e) {
    if (e.unique_violation) return Status::invalid_field("name", "name_exists", o.name);
    throw;
  }
  return get(p, o.id);
}

Result<Organisation> SocialMapService::update(const Principal& p, int64_t id, const json& body) {
  if (!allowed(p, Action::kManageSocialMap)) return Status::forbidden();
  if (!organisation_exists(id)) return Status::not_found();
  const json& version = body.is_object() ? body.value("version", json()) : json();
  auto parsed = parse_organisation(body);
  FieldErrors errors = parsed.status().fields();
  if (!version.is_number_integer()) errors.push_back({"version", "required"});
  if (!errors.empty()) return Status::invalid(std::move(errors));
  const Organisation& o = parsed.value();
  bool changed = false;
  try {
    auto c = store_.pool().acquire();
    sql::in_transaction(*c, [&] {
      changed = !c->query("UPDATE organisations SET name = ?, name_key = ?, address = ?, phone = ?, email = ?, "
                          "website = ?, opening_hours = ?, target_group = ?, themes = ?, version = version + 1, "
                          "updated_at = ? WHERE id = ? AND version = ? RETURNING id",
                          {o.name, organisation_name_key(o.name), o.address, o.phone, o.email, o.website,
                           o.opening_hours, o.target_group, json(o.themes).dump(), now_utc(), id,
                           version.get<int64_t>()})
                     .empty();
      if (changed) Store::append_audit(*c, entry(p, "social_map.update", std::to_string(id) + ": " + o.name));
    });
  } catch (const sql::Error& e) {
    if (e.unique_violation) return Status::invalid_field("name", "name_exists", o.name);
    throw;
  }
  if (!changed) return Status::conflict();
  return get(p, id);
}

Result<OrganisationContact> SocialMapService::add_contact(const Principal& p, int64_t organisation_id,
                                                          const json& body) {
  if (!allowed(p, Action::kManageSocialMap)) return Status::forbidden();
  if (!organisation_exists(organisation_id)) return Status::not_found();
  auto parsed = parse_organisation_contact(body);
  if (!parsed.is_ok()) return parsed.status();
  OrganisationContact k = parsed.value();
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    k.id = c->query("INSERT INTO organisation_contacts (organisation_id, name, role, phone, email) "
                    "VALUES (?, ?, ?, ?, ?) RETURNING id",
                    {organisation_id, k.name, k.role, k.phone, k.email})
               .integer(0, 0);
    Store::append_audit(*c, entry(p, "social_map.update", std::to_string(organisation_id) + ": + " + k.name));
  });
  return k;
}

Result<SocialMapImport> SocialMapService::import_csv(const Principal& p, std::string_view bytes) {
  if (!allowed(p, Action::kManageSocialMap)) return Status::forbidden();
  std::vector<std::string> existing;
  {
    auto c = store_.pool().acquire();
    auto r = c->query("SELECT name_key FROM organisations");
    for (size_t i = 0; i < r.size(); ++i) existing.push_back(r.text(i, 0));
  }
  SocialMapCsv csv = parse_social_map_csv(bytes, existing);
  SocialMapImport out;
  out.rejected = std::move(csv.errors);
  out.unreadable = csv.unreadable;
  if (out.unreadable) return out;
  const std::string now = now_utc();
  try {
    auto c = store_.pool().acquire();
    sql::in_transaction(*c, [&] {
      for (const auto& row : csv.rows) insert(*c, row.organisation, now);
      Store::append_audit(*c, entry(p, "social_map.import",
                                    std::to_string(csv.rows.size()) + " imported, " +
                                        std::to_string(out.rejected.size()) + " rejected"));
    });
  } catch (const sql::Error& e) {
    if (e.unique_violation) return Status::conflict("social_map_changed");
    throw;
  }
  out.imported = static_cast<int>(csv.rows.size());
  return out;
}

}  // namespace spiraal
