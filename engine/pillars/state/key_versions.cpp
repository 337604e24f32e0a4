#include "engine/pillars/state/key_versions.hpp"

#include <algorithm>

namespace pillars {

std::uint64_t KeyVersions::newVersion(std::uint64_t key) {
  Record& r = m_keys[key];
  r.ackedBits <<= 1;  // bit i keeps meaning version (versions - i)
  return ++r.versions;
}

void KeyVersions::acknowledged(std::uint64_t key, std::uint64_t version) {
  if (!m_watched.empty()) {
    for (std::size_t i = 0; i < m_watched.size(); ++i) {
      if (m_watched[i].key != key || m_watched[i].version != version) continue;
      ++*m_watched[i].lost;
      m_watched[i] = m_watched.back();
      m_watched.pop_back();
      break;
    }
  }
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

void KeyVersions::watchLoss(std::uint64_t key, std::uint64_t version, std::uint64_t* lost) {
  if (wasAcknowledged(key, version)) {
    ++*lost;
    return;
  }
  m_watched.push_back({key, version, lost});
}

std::uint64_t KeyVersions::versions(std::uint64_t key) const {
  const Record* r = m_keys.find(key);
  return r ? r->versions : 0;
}

}  // namespace pillars
