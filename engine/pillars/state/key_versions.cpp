#include "engine/pillars/state/key_versions.hpp"

#include <algorithm>

namespace pillars {

std::uint64_t KeyVersions::newVersion(std::uint64_t key) {
  Record& r = m_keys[key];
  r.ackedBits <<= 1;  // bit i keeps meaning version (versions - i)
  return ++r.versions;
}

void KeyVersions::acknowledged(std::uint64_t key, std::uint64_t version) {
  Record& r = m_keys[key];
  r.newestAcked = std::max(r.newestAcked, version);
  if (version == 0 || version > r.versions) return;
  const std::uint64_t age = r.versions - version;
  if (age < kAckWindow) r.ackedBits |= std::uint64_t{1} << age;
}

std::uint64_t KeyVersions::newestAcknowledged(std::uint64_t key) const {
  const Record* r = m_keys.find(key);
  return r ? r->newestAcked : 0;
}

bool KeyVersions::wasAcknowledged(std::uint64_t key, std::uint64_t version) const {
  const Record* r = m_keys.find(key);
  if (!r || version == 0 || version > r->versions) return false;
  const std::uint64_t age = r->versions - version;
  return age >= kAckWindow || ((r->ackedBits >> age) & 1u) != 0;
}

std::uint64_t KeyVersions::versions(std::uint64_t key) const {
  const Record* r = m_keys.find(key);
  return r ? r->versions : 0;
}

}  // namespace pillars
