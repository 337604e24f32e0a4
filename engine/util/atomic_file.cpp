#include "engine/util/atomic_file.hpp"

#include "engine/util/atomic_output_file.hpp"

namespace pillars {

bool writeFileAtomically(const std::string& path, std::string_view content, std::string* error) {
  AtomicOutputFile file(path);
  if (!file.open(error)) return false;
  file.stream().write(content.data(), static_cast<std::streamsize>(content.size()));
  return file.commit(error);
}

}  // namespace pillars
