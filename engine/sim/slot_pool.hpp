#pragma once

#include <cstdint>
#include <memory>
#include <vector>

namespace pillars {

/// Handle to an entry of a SlotPool: index in the low 32 bits, generation in the high 32 bits.
/// A handle outlives its entry safely: once the entry is released, lookups with it return null.
/// Components put these handles into messages as correlation ids, so a late reply to a request
/// that already timed out (and whose slot was reused) is recognised and ignored.
using SlotHandle = std::uint64_t;
inline constexpr SlotHandle kNoSlot = ~SlotHandle{0};

/// A free-list pool of per-request state. Entries are reused, so a component holding thousands
/// of requests in flight allocates only while it grows to its high-water mark.
/// T's members must all have default member initializers (or be classes that initialize
/// themselves): acquire() default-initializes, so a bare `int x;` would hold the last request's
/// value, and runs would stop being reproducible.
template <typename T>
class SlotPool {
 public:
  SlotHandle acquire() {
    std::uint32_t index;
    if (!m_free.empty()) {
      index = m_free.back();
      m_free.pop_back();
    } else {
      index = static_cast<std::uint32_t>(m_entries.size());
      m_entries.emplace_back();
    }
    Entry& e = m_entries[index];
    e.live = true;
    // Rebuilt in place by default-initialization, neither assigned from a temporary T{} nor
    // value-initialized: for the larger records (a service's job) both make the compiler zero
    // the whole record with `rep stos` before writing the member initializers, some 20 to 45
    // instructions per request on the hottest path. Hence the rule above: every member has an
    // initializer.
    std::destroy_at(&e.value);
    ::new (static_cast<void*>(&e.value)) T;
    ++m_live;
    return (static_cast<SlotHandle>(e.generation) << 32) | index;
  }

  /// The entry behind a handle, or nullptr when it was released (or never existed).
  T* get(SlotHandle handle) {
    const auto index = static_cast<std::uint32_t>(handle & 0xffffffffu);
    if (index >= m_entries.size()) return nullptr;
    Entry& e = m_entries[index];
    if (!e.live || e.generation != static_cast<std::uint32_t>(handle >> 32)) return nullptr;
    return &e.value;
  }

  void release(SlotHandle handle) {
    if (get(handle) == nullptr) return;
    const auto index = static_cast<std::uint32_t>(handle & 0xffffffffu);
    Entry& e = m_entries[index];
    e.live = false;
    ++e.generation;
    m_free.push_back(index);
    --m_live;
  }

  /// Releases every entry (a crash wipes volatile state); old handles become stale.
  void clear() {
    m_free.clear();
    for (std::uint32_t i = 0; i < m_entries.size(); ++i) {
      if (m_entries[i].live) {
        m_entries[i].live = false;
        ++m_entries[i].generation;
      }
      m_free.push_back(i);
    }
    m_live = 0;
  }

  std::size_t liveCount() const { return m_live; }

  /// Calls fn(handle, value) for each live entry, in index order (deterministic).
  template <typename Fn>
  void forEachLive(Fn&& fn) {
    for (std::uint32_t i = 0; i < m_entries.size(); ++i) {
      Entry& e = m_entries[i];
      if (e.live) fn((static_cast<SlotHandle>(e.generation) << 32) | i, e.value);
    }
  }
  template <typename Fn>
  void forEachLive(Fn&& fn) const {
    for (std::uint32_t i = 0; i < m_entries.size(); ++i) {
      const Entry& e = m_entries[i];
      if (e.live) fn((static_cast<SlotHandle>(e.generation) << 32) | i, e.value);
    }
  }

 private:
  struct Entry {
    T value{};
    std::uint32_t generation = 0;
    bool live = false;
  };
  std::vector<Entry> m_entries;
  std::vector<std::uint32_t> m_free;
  std::size_t m_live = 0;
};

}  // namespace pillars
