#pragma once
// Helpers shared by the libFuzzer harnesses (tests/fuzz/fuzz_*.cpp): where the source tree is,
// an oracle that stops the run loudly, the bounded run every harness uses to check that a
// scenario the readers accept never crashes the engine, and a private temporary file.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/model/scenario.hpp"

namespace pillars::fuzz {

/// The bytes libFuzzer hands a harness, as text (the readers take any bytes).
inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// The repository's root: the harnesses read the bundled checklists and examples from it.
std::string sourceDir();

/// The whole file, or an empty string when it cannot be read.
std::string readFile(const std::string& path);

/// A broken invariant: prints what and aborts, which libFuzzer reports as a crash with the
/// input that caused it (a plain `assert` would vanish in builds with NDEBUG).
[[noreturn]] void fail(std::string_view what, std::string_view detail = {});

/// Runs a validated scenario the way `pillars-cli simulate` does, but small enough for a fuzzer:
/// designs over `kMaxComponents` are skipped (their cost, not their shape, would be measured),
/// the run stops at kMaxSimSeconds of simulated time or kMaxEvents events, whichever comes
/// first, and the results are written and read back as `--json` and a project would.
/// Returns false when the scenario was skipped.
inline constexpr std::size_t kMaxComponents = 40;
inline constexpr std::int64_t kMaxSimSeconds = 5;
inline constexpr std::uint64_t kMaxEvents = 10'000;
bool runBounded(const Scenario& scenario);

/// A file of this process's own in the temporary folder (a project file needs a path: SQLite
/// opens files, not bytes). Removed when the object goes.
class TempFile {
 public:
  explicit TempFile(std::string_view suffix);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::string& path() const { return m_path; }
  /// Replaces the file's contents; false if it could not be written.
  bool write(std::string_view bytes) const;

 private:
  std::string m_path;
};

}  // namespace pillars::fuzz
