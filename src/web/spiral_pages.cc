// Pages of referral, selection and the spiral (filled in below).
#include "web/app.h"

namespace spiraal {

void App::add_spiral_pages() {}

}  // namespace spiraal
