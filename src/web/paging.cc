#include "web/paging.h"

#include <charconv>

#include "core/text.h"

namespace spiraal {
namespace {

std::string param(const QueryParams& params, const std::string& key) {
  auto it = params.find(key);
  return it == params.end() ? std::string() : it->second;
}

// Reads an integer parameter within [min, max]; records an error otherwise.
void read_int(const QueryParams& params, const std::string& key, int min, int max, int& out, FieldErrors& errors) {
  std::string raw = param(params, key);
  if (raw.empty()) return;
  int v = 0;
  auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), v);
  if (ec != std::errc() || ptr != raw.data() + raw.size() || v < min || v > max)
    errors.push_back({key, "range", std::to_string(min) + "-" + std::to_string(max)});
  else
    out = v;
}

}  // namespace

Result<Paging> parse_paging(const QueryParams& params) {
  Paging p;
  FieldErrors errors;
  read_int(params, "limit", 1, kMaxPageSize, p.limit, errors);
  read_int(params, "offset", 0, 100000000, p.offset, errors);
  int page = 0;
  read_int(params, "page", 1, 1000000, page, errors);
  if (page > 0) p.offset = (page - 1) * p.limit;
  if (!errors.empty()) return Status::invalid(errors);
  return p;
}

std::string to_string(CaseloadSort sort) {
  switch (sort) {
    case CaseloadSort::kName: return "name";
    case CaseloadSort::kBirthDate: return "birth_date";
    case CaseloadSort::kLastContact: return "last_contact";
    case CaseloadSort::kUpdated: return "updated";
  }
  return "name";
}

Result<CaseloadQuery> caseload_query(const QueryParams& params) {
  CaseloadQuery q;
  FieldErrors errors;
  auto paging = parse_paging(params);
  if (!paging.is_ok()) errors = paging.status().fields();
  else {
    q.limit = paging->limit;
    q.offset = paging->offset;
  }
  q.search = trim(param(params, "q"));
  if (!is_clean_text(q.search) || q.search.size() > 100) errors.push_back({"q", "text_invalid"});
  std::string sort = param(params, "sort");
  if (!sort.empty()) {
    bool known = false;
    for (auto s : {CaseloadSort::kName, CaseloadSort::kBirthDate, CaseloadSort::kLastContact, CaseloadSort::kUpdated})
      if (sort == to_string(s)) {
        q.sort = s;
        known = true;
      }
    if (!known) errors.push_back({"sort", "choice"});
  }
  std::string order = param(params, "order");
  if (order == "desc") q.descending = true;
  else if (!order.empty() && order != "asc") errors.push_back({"order", "choice"});
  if (!errors.empty()) return Status::invalid(errors);
  return q;
}

}  // namespace spiraal
