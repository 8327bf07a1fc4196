// The writer's timestamps.
#pragma once

#include <string>

namespace vanban::archive {

// Now, as ISO 8601 UTC to the second: "2026-11-21T10:00:00Z".
std::string utc_now_iso();

}  // namespace vanban::archive
