#pragma once
// Where the bundled review data (checklists/) is at run time.

#include <filesystem>
#include <optional>

namespace pillars::review {

/// The first folder that exists of: <executable folder>/../share/pillars/checklists (an
/// installed tree, see packaging/CMakeLists.txt) and the source tree's checklists/ (running
/// from a build tree; PILLARS_SOURCE_DIR is compiled in). Nothing when neither exists.
std::optional<std::filesystem::path> bundledChecklistsFolder(const std::filesystem::path& executableFolder);

/// The folder of the running program (from /proc/self/exe), or empty if it cannot be told.
std::filesystem::path runningExecutableFolder();

}  // namespace pillars::review
