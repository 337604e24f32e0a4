#include "engine/pillars/state/lru_key_set.hpp"

#include <algorithm>

#include "engine/pillars/work/backend_selector.hpp"

namespace pillars {

LruKeySet::LruKeySet(std::uint32_t capacity)
    : m_capacity(capacity), m_keys(capacity), m_values(capacity), m_prev(capacity), m_next(capacity) {
  // At most half full keeps probe sequences short.
  std::size_t buckets = 16;
  while (buckets < 2 * static_cast<std::size_t>(capacity)) buckets *= 2;
  m_index.assign(buckets, kNone);
  m_mask = buckets - 1;
}

std::size_t LruKeySet::bucketOf(std::uint64_t key) const { return mixHash(key) & m_mask; }

std::uint32_t LruKeySet::find(std::uint64_t key) const {
  for (std::size_t b = bucketOf(key);; b = (b + 1) & m_mask) {
    const std::uint32_t node = m_index[b];
    if (node == kNone) return kNone;
    if (m_keys[node] == key) return node;
  }
}

void LruKeySet::unlink(std::uint32_t node) {
  const std::uint32_t p = m_prev[node];
  const std::uint32_t n = m_next[node];
  if (p != kNone) m_next[p] = n; else m_head = n;
  if (n != kNone) m_prev[n] = p; else m_tail = p;
}

void LruKeySet::pushFront(std::uint32_t node) {
  m_prev[node] = kNone;
  m_next[node] = m_head;
  if (m_head != kNone) m_prev[m_head] = node;
  m_head = node;
  if (m_tail == kNone) m_tail = node;
}

bool LruKeySet::touch(std::uint64_t key) {
  const std::uint32_t node = find(key);
  if (node == kNone) return false;
  if (node != m_head) {
    unlink(node);
    pushFront(node);
  }
  return true;
}

void LruKeySet::eraseFromIndex(std::uint64_t key) {
  std::size_t hole = bucketOf(key);
  while (m_keys[m_index[hole]] != key) hole = (hole + 1) & m_mask;
  // Backward-shift deletion: later entries of the probe run move up to fill the hole, so no
  // tombstones accumulate.
  for (std::size_t b = (hole + 1) & m_mask;; b = (b + 1) & m_mask) {
    const std::uint32_t node = m_index[b];
    if (node == kNone) break;
    const std::size_t home = bucketOf(m_keys[node]);
    const bool movable = ((b - home) & m_mask) >= ((b - hole) & m_mask);
    if (movable) {
      m_index[hole] = node;
      hole = b;
    }
  }
  m_index[hole] = kNone;
}

LruKeySet::Value* LruKeySet::lookup(std::uint64_t key) {
  if (!touch(key)) return nullptr;
  return &m_values[m_head];  // touch made it the head
}

const LruKeySet::Value* LruKeySet::peek(std::uint64_t key) const {
  const std::uint32_t node = find(key);
  return node == kNone ? nullptr : &m_values[node];
}

void LruKeySet::invalidate(std::uint64_t key, std::uint64_t version) {
  std::uint32_t node = find(key);
  if (node == kNone) {
    // Not cached, but a read of it may be on its way back from the store with an older copy:
    // a tombstone remembers the version written, so that copy is not cached after it.
    if (m_capacity == 0) return;
    put(key, Value{version, 0, false, true});
    node = m_head;
  }
  m_values[node].valid = false;
  m_values[node].version = std::max(m_values[node].version, version);
  if (node != m_tail) {
    unlink(node);
    // Least recently used: the next insert into a full cache reuses it.
    m_prev[node] = m_tail;
    m_next[node] = kNone;
    if (m_tail != kNone) m_next[m_tail] = node;
    m_tail = node;
    if (m_head == kNone) m_head = node;
  }
}

void LruKeySet::put(std::uint64_t key, const Value& value) {
  if (m_capacity == 0) return;
  if (touch(key)) {
    m_values[m_head] = value;
    return;
  }
  std::uint32_t node;
  if (m_size < m_capacity) {
    node = m_size++;
  } else {
    node = m_tail;
    eraseFromIndex(m_keys[node]);
    unlink(node);
  }
  m_keys[node] = key;
  m_values[node] = value;
  pushFront(node);
  std::size_t b = bucketOf(key);
  while (m_index[b] != kNone) b = (b + 1) & m_mask;
  m_index[b] = node;
}

void LruKeySet::clear() {
  m_size = 0;
  m_head = m_tail = kNone;
  m_index.assign(m_index.size(), kNone);
}

}  // namespace pillars
