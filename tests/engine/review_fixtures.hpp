#pragma once
// Shared by the review tests: the bundled library, loaded once from the source tree.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "engine/io/diagnostic.hpp"
#include "engine/review/review_loader.hpp"

namespace pillars::review::testing {

inline std::filesystem::path bundledFolder() { return std::filesystem::path(PILLARS_SOURCE_DIR) / "checklists"; }

/// The bundled data; a failure to load fails the calling test with every message.
inline const ReviewLibrary& bundledLibrary() {
  static const LibraryLoad load = loadReviewFolders({bundledFolder()});
  EXPECT_TRUE(load.ok()) << formatDiagnostics(load.errors);
  return load.library;
}

}  // namespace pillars::review::testing
