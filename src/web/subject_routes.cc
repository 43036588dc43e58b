// The subject-access export (GDPR art. 15) from the dossier: everything
// held on the person as a readable page that prints to PDF, and as JSON.
// The same export as `spiraal subject export`.
#include "report/subject_export.h"
#include "web/app.h"
#include "web/subject_report.h"

namespace spiraal {

void App::add_subject_routes() {
  // The export of dossier `id` for the caller, audited; or a failure status.
  auto exported = [this](Ctx& c) -> Result<nlohmann::json> {
    if (auto s = dossiers_.authorize(*c.who, Action::kReadDossier, c.path_id(), "subject.export"); !s.is_ok()) return s;
    return subject_export(store_, c.path_id(), dossiers_.entry(*c.who, "subject.export", c.path_id()));
  };

  add("GET", R"(/api/v1/jobseekers/(\d+)/export)", "api.subject.export", Access::kDossier, [this, exported](Ctx& c) {
    auto doc = exported(c);
    if (!doc.is_ok()) return fail(c, doc.status());
    c.res.set_header("Content-Disposition", "attachment; filename=\"spiraal-" + std::to_string(c.path_id()) + ".json\"");
    send_json(c, 200, doc.value());
  });

  add("GET", R"(/jobseekers/(\d+)/export)", "subject.show", Access::kDossier, [this, exported](Ctx& c) {
    auto doc = exported(c);
    if (!doc.is_ok()) return fail(c, doc.status());
    nlohmann::json m = base_model(c);
    m.update(subject_report_model(doc.value(), c.lang));
    m["title"] = c.t("subject.title");
    m["id"] = c.path_id();
    html(c, 200, "subject", m);
  });
}

}  // namespace spiraal
