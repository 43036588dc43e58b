#pragma once
// Query-string parameters for lists: paging (limit/offset) and the caseload's
// search and sort. Bad values are reported like any other field error.
#include <map>
#include <string>

#include "core/status.h"
#include "store/store.h"

namespace spiraal {

using QueryParams = std::multimap<std::string, std::string>;

struct Paging {
  int limit = 50;
  int offset = 0;
};

inline constexpr int kMaxPageSize = 200;

// `limit` 1..kMaxPageSize (default 50), `offset` >= 0 (default 0); or
// `page` (1-based) instead of offset, for the HTML pages.
Result<Paging> parse_paging(const QueryParams& params);
// `q`, `sort` (name|birth_date|last_contact|updated), `order` (asc|desc) and paging.
Result<CaseloadQuery> caseload_query(const QueryParams& params);

std::string to_string(CaseloadSort sort);

}  // namespace spiraal
