#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/pillars/work/backend_selector.hpp"

namespace pillars {

/// A flat map from data keys to T: open addressing with linear probing over one array, at
/// most 70% full. It grows by doubling when it must (the table is sized for `expected` keys at
/// construction), so once a store has seen its key space, reads and writes allocate nothing.
/// Entries are never erased one by one (a store forgets everything at once, in clear()).
template <typename T>
class KeyTable {
 public:
  explicit KeyTable(std::size_t expected = 1024) { rehash(bucketsFor(expected)); }

  /// The value of `key`, or null.
  T* find(std::uint64_t key) {
    const std::size_t b = locate(key);
    return m_slots[b].used ? &m_slots[b].value : nullptr;
  }
  const T* find(std::uint64_t key) const { return const_cast<KeyTable*>(this)->find(key); }

  /// The value of `key`, default-constructed on first use.
  T& operator[](std::uint64_t key) {
    std::size_t b = locate(key);
    if (m_slots[b].used) return m_slots[b].value;
    if ((m_size + 1) * 10 > m_slots.size() * 7) {
      rehash(m_slots.size() * 2);
      b = locate(key);
    }
    m_slots[b].used = true;
    m_slots[b].key = key;
    m_slots[b].value = T{};
    ++m_size;
    return m_slots[b].value;
  }

  std::size_t size() const { return m_size; }
  /// Forgets every key; keeps the allocation.
  void clear() {
    for (Slot& s : m_slots) s.used = false;
    m_size = 0;
  }

  /// Calls fn(key, value) for every key, in table order (deterministic for a given history).
  template <typename Fn>
  void forEach(Fn&& fn) const {
    for (const Slot& s : m_slots) {
      if (s.used) fn(s.key, s.value);
    }
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    T value{};
    bool used = false;
  };

  static std::size_t bucketsFor(std::size_t expected) {
    std::size_t n = 16;
    while (n * 7 < expected * 10) n *= 2;
    return n;
  }
  std::size_t locate(std::uint64_t key) const {
    const std::size_t mask = m_slots.size() - 1;
    std::size_t b = mixHash(key) & mask;
    while (m_slots[b].used && m_slots[b].key != key) b = (b + 1) & mask;
    return b;
  }
  void rehash(std::size_t buckets) {
    std::vector<Slot> old(buckets);
    old.swap(m_slots);
    m_size = 0;
    for (const Slot& s : old) {
      if (!s.used) continue;
      const std::size_t b = locate(s.key);
      m_slots[b] = s;
      ++m_size;
    }
  }

  std::vector<Slot> m_slots;
  std::size_t m_size = 0;
};

}  // namespace pillars
