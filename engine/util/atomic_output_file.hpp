#pragma once

#include <fstream>
#include <string>

namespace pillars {

/// A file written as a stream that appears at its path only when complete: data goes to a
/// temporary file beside the target, and commit() flushes it to disk and renames it over the
/// target. Until then (and if commit fails, or the object is destroyed first) the old file is
/// untouched and the temporary file is removed.
class AtomicOutputFile {
 public:
  explicit AtomicOutputFile(std::string path);
  ~AtomicOutputFile();
  AtomicOutputFile(const AtomicOutputFile&) = delete;
  AtomicOutputFile& operator=(const AtomicOutputFile&) = delete;

  /// Creates the temporary file; on failure says why in `error`.
  bool open(std::string* error);
  std::ostream& stream() { return m_stream; }
  /// Flushes, syncs and renames into place; on failure says why and leaves the old file.
  bool commit(std::string* error);

 private:
  bool fail(std::string* error, const std::string& what);

  std::string m_path;
  std::string m_tmpPath;
  std::ofstream m_stream;
  bool m_committed = false;
};

}  // namespace pillars
