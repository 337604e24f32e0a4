#include "engine/review/data_location.hpp"

#include <vector>

namespace pillars::review {

std::optional<std::filesystem::path> bundledChecklistsFolder(const std::filesystem::path& executableFolder) {
  std::error_code ec;
  std::vector<std::filesystem::path> candidates;
  // Installed first: an installed program must not pick up a source tree it was built from.
  if (!executableFolder.empty()) {
    candidates.push_back(executableFolder / ".." / "share" / "pillars" / "checklists");
  }
#ifdef PILLARS_SOURCE_DIR
  candidates.push_back(std::filesystem::path(PILLARS_SOURCE_DIR) / "checklists");
#endif
  for (const auto& c : candidates) {
    if (std::filesystem::is_directory(c, ec)) return std::filesystem::weakly_canonical(c, ec);
  }
  return std::nullopt;
}

std::filesystem::path runningExecutableFolder() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
}

}  // namespace pillars::review
