#pragma once

#include <string>
#include <string_view>

namespace pillars {

/// Writes a whole file so that readers see either the old content or the new, never a torn
/// mix: the data goes to a temporary file in the same folder, is flushed to disk, and is then
/// renamed over the target. On failure the old file is untouched and `error` says why.
bool writeFileAtomically(const std::string& path, std::string_view content, std::string* error);

}  // namespace pillars
