#pragma once

#include <cstdint>
#include <vector>

namespace pillars {

/// The keys a cache holds, each with what it knows of the value (the version cached and when),
/// evicting the least recently used when full. Fixed arrays sized at construction (an
/// intrusive recency list plus a linear-probing hash index), so a lookup or insert on the
/// request path allocates nothing.
class LruKeySet {
 public:
  struct Value {
    std::uint64_t version = 0;  // the version cached (0: the key had never been written)
    std::int64_t storedAt = 0;  // simulated time it was cached
    bool valid = true;          // false once invalidated: present, but a miss
    bool versioned = false;     // the store behind says which version it gave
  };

  explicit LruKeySet(std::uint32_t capacity);

  /// True if present; a hit makes the key the most recently used.
  bool touch(std::uint64_t key);
  /// The value of a key that is present (and makes it the most recently used), or null.
  Value* lookup(std::uint64_t key);
  /// Inserts (or refreshes) a key, evicting the least recently used one if full.
  void insert(std::uint64_t key) { put(key, Value{}); }
  void put(std::uint64_t key, const Value& value);
  /// The value of a key that is present, without touching its recency; or null.
  const Value* peek(std::uint64_t key) const;
  /// Marks a key invalid (a miss from now on) because `version` was written, and makes it the
  /// first to be evicted; a key not cached gets such an invalid entry too. Remembering the
  /// version keeps an older copy still on its way from the store from being cached after it.
  void invalidate(std::uint64_t key, std::uint64_t version);
  bool contains(std::uint64_t key) const { return find(key) != kNone; }
  std::uint32_t size() const { return m_size; }
  std::uint32_t capacity() const { return m_capacity; }
  void clear();

 private:
  static constexpr std::uint32_t kNone = ~std::uint32_t{0};

  std::uint32_t find(std::uint64_t key) const;
  std::size_t bucketOf(std::uint64_t key) const;
  void unlink(std::uint32_t node);
  void pushFront(std::uint32_t node);
  void eraseFromIndex(std::uint64_t key);

  std::uint32_t m_capacity;
  std::uint32_t m_size = 0;
  std::vector<std::uint64_t> m_keys;   // per node
  std::vector<Value> m_values;         // per node
  std::vector<std::uint32_t> m_prev;   // per node, towards more recent
  std::vector<std::uint32_t> m_next;   // per node, towards less recent
  std::uint32_t m_head = kNone;        // most recent
  std::uint32_t m_tail = kNone;        // least recent
  std::vector<std::uint32_t> m_index;  // open addressing: bucket -> node, kNone = empty
  std::size_t m_mask = 0;
};

}  // namespace pillars
