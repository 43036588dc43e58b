#include "store/catalogue_service.h"

#include "core/clock.h"
#include "core/text.h"

namespace spiraal {

using nlohmann::json;

const std::vector<std::string>& catalogue_names() {
  static const std::vector<std::string> names = {"occupations", "vacancies", "trainings"};
  return names;
}

MeasureCatalogue current_measure_catalogue(Store& store) {
  auto c = store.pool().acquire();
  auto r = c->query("SELECT document FROM measure_catalogues ORDER BY id DESC LIMIT 1");
  if (r.empty()) return default_measure_catalogue();
  auto parsed = parse_measure_catalogue(json::parse(r.text(0, 0)));
  return parsed.is_ok() ? parsed.value() : default_measure_catalogue();  // stored ones validated on upload
}

namespace {

// The key an entry replaces by: its code or reference, else what names it.
std::string key_of(const std::string& name, const json& doc) {
  if (name == "occupations") return doc.value("code", "");
  std::string ref = doc.value("reference", "");
  if (!ref.empty()) return ref;
  const char* who = name == "vacancies" ? "employer" : "provider";
  return ascii_lower(doc.value(who, "") + "|" + doc.value("title", "") + "|" + doc.value("place", ""));
}

template <typename T>
std::vector<T> load(Store& store, const char* table, Result<T> (*parse)(const json&)) {
  auto c = store.pool().acquire();
  auto r = c->query(std::string("SELECT id, document FROM ") + table + " ORDER BY title, id");
  std::vector<T> out;
  for (size_t i = 0; i < r.size(); ++i) {
    auto item = parse(json::parse(r.text(i, 1)));
    if (!item.is_ok()) continue;  // validated on the way in; a later rule change must not break reading
    T t = item.value();
    t.id = r.integer(i, 0);
    out.push_back(std::move(t));
  }
  return out;
}

template <typename T>
json documents(const CatalogueImport<T>& in) {
  json out = json::array();
  for (const auto& [_, item] : in.rows) out.push_back(to_json(item));
  return out;
}

}  // namespace

AuditEntry CatalogueService::entry(const Principal& p, std::string action, std::string detail) const {
  return {p.user_id, p.username, std::move(action), std::nullopt, std::move(detail)};
}

Result<std::vector<Occupation>> CatalogueService::occupations(const Principal& p) {
  if (!allowed(p, Action::kReadCatalogues)) return Status::forbidden();
  return load<Occupation>(store_, "occupations", parse_occupation);
}

Result<std::vector<Vacancy>> CatalogueService::vacancies(const Principal& p) {
  if (!allowed(p, Action::kReadCatalogues)) return Status::forbidden();
  return load<Vacancy>(store_, "vacancies", parse_vacancy);
}

Result<std::vector<Training>> CatalogueService::trainings(const Principal& p) {
  if (!allowed(p, Action::kReadCatalogues)) return Status::forbidden();
  return load<Training>(store_, "trainings", parse_training);
}

Result<Vacancy> CatalogueService::vacancy(const Principal& p, int64_t id) {
  if (!allowed(p, Action::kReadCatalogues)) return Status::forbidden();
  auto c = store_.pool().acquire();
  auto r = c->query("SELECT document FROM vacancies WHERE id = ?", {id});
  if (r.empty()) return Status::not_found();
  auto v = parse_vacancy(json::parse(r.text(0, 0)));
  if (!v.is_ok()) return Status::not_found();
  Vacancy out = v.value();
  out.id = id;
  return out;
}

void CatalogueService::upsert(sql::Connection& c, const std::string& name, const json& doc, const std::string& now) {
  const std::string key_column = name == "occupations" ? "code" : "reference";
  const std::string key = key_of(name, doc);
  auto found = c.query("SELECT id FROM " + name + " WHERE " + key_column + " = ?", {key});
  if (found.empty())
    c.query("INSERT INTO " + name + " (" + key_column + ", title, document, updated_at) VALUES (?, ?, ?, ?)",
            {key, doc.value("title", ""), doc.dump(), now});
  else
    c.query("UPDATE " + name + " SET title = ?, document = ?, updated_at = ? WHERE id = ?",
            {doc.value("title", ""), doc.dump(), now, found.integer(0, 0)});
}

Result<CatalogueImportReport> CatalogueService::import(const Principal& p, const std::string& name,
                                                       std::string_view bytes, std::string_view format) {
  if (!allowed(p, Action::kManageCatalogues)) return Status::forbidden();
  CatalogueImportReport report;
  json docs;
  auto take = [&](const auto& in) {
    report.rejected = in.errors;
    report.unreadable = in.unreadable;
    docs = documents(in);
  };
  if (name == "occupations") take(import_occupations(bytes, format));
  else if (name == "vacancies") take(import_vacancies(bytes, format));
  else if (name == "trainings") take(import_trainings(bytes, format));
  else return Status::not_found();
  if (report.unreadable || docs.empty()) return report;
  const std::string now = now_utc();
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    for (const auto& d : docs) upsert(*c, name, d, now);
    Store::append_audit(*c, entry(p, "catalogue.import", name + ": " + std::to_string(docs.size())));
  });
  report.imported = static_cast<int>(docs.size());
  return report;
}

Result<json> CatalogueService::put(const Principal& p, const std::string& name, const json& body) {
  if (!allowed(p, Action::kManageCatalogues)) return Status::forbidden();
  json doc;
  auto take = [&](const auto& r) -> Status {
    if (!r.is_ok()) return r.status();
    doc = to_json(r.value());
    return Status::ok();
  };
  Status s = name == "occupations" ? take(parse_occupation(body))
             : name == "vacancies" ? take(parse_vacancy(body))
             : name == "trainings" ? take(parse_training(body))
                                   : Status::not_found();
  if (!s.is_ok()) return s;
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    upsert(*c, name, doc, now_utc());
    Store::append_audit(*c, entry(p, "catalogue.put", name + ": " + key_of(name, doc)));
  });
  const std::string key_column = name == "occupations" ? "code" : "reference";
  doc["id"] = c->query("SELECT id FROM " + name + " WHERE " + key_column + " = ?", {key_of(name, doc)}).integer(0, 0);
  return doc;
}

Result<MeasureCatalogue> CatalogueService::measures(const Principal& p) {
  if (!allowed(p, Action::kReadCatalogues)) return Status::forbidden();
  return current_measure_catalogue(store_);
}

Result<MeasureCatalogue> CatalogueService::replace_measures(const Principal& p, const json& document) {
  if (!allowed(p, Action::kManageCatalogues)) return Status::forbidden();
  auto parsed = parse_measure_catalogue(document);
  if (!parsed.is_ok()) return parsed.status();
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    c->query("INSERT INTO measure_catalogues (version, document, imported_by, imported_at) VALUES (?, ?, ?, ?)",
             {parsed->version, to_json(parsed.value()).dump(),
              p.user_id > 0 ? sql::Param(p.user_id) : sql::Param(nullptr),  // 0: the operator's CLI
              now_utc()});
    Store::append_audit(*c, entry(p, "measures.replace", parsed->version));
  });
  return parsed;
}

}  // namespace spiraal
