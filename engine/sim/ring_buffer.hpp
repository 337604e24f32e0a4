#pragma once

#include <cassert>
#include <cstddef>
#include <vector>

namespace pillars {

/// A FIFO over a power-of-two circular array. Unlike std::deque it never frees and re-allocates
/// blocks as it moves, so once it reaches its high-water mark pushing and popping allocate nothing.
template <typename T>
class RingBuffer {
 public:
  bool empty() const { return m_size == 0; }
  std::size_t size() const { return m_size; }

  void pushBack(const T& value) {
    if (m_size == m_items.size()) grow();
    m_items[(m_head + m_size) & (m_items.size() - 1)] = value;
    ++m_size;
  }

  void pushFront(const T& value) {
    if (m_size == m_items.size()) grow();
    m_head = (m_head + m_items.size() - 1) & (m_items.size() - 1);
    m_items[m_head] = value;
    ++m_size;
  }

  T& front() {
    assert(m_size > 0);
    return m_items[m_head];
  }
  const T& front() const {
    assert(m_size > 0);
    return m_items[m_head];
  }

  void popFront() {
    assert(m_size > 0);
    m_head = (m_head + 1) & (m_items.size() - 1);
    --m_size;
  }

  /// Removes the newest element.
  void popBack() {
    assert(m_size > 0);
    --m_size;
  }
  const T& back() const {
    assert(m_size > 0);
    return at(m_size - 1);
  }

  T takeFront() {
    T value = front();
    popFront();
    return value;
  }

  /// Element i positions behind the front (0 = front).
  const T& at(std::size_t i) const { return m_items[(m_head + i) & (m_items.size() - 1)]; }
  T& at(std::size_t i) { return m_items[(m_head + i) & (m_items.size() - 1)]; }

  void clear() {
    m_head = 0;
    m_size = 0;
  }

 private:
  void grow() {
    const std::size_t capacity = m_items.empty() ? 16 : m_items.size() * 2;
    std::vector<T> bigger(capacity);
    for (std::size_t i = 0; i < m_size; ++i) bigger[i] = at(i);
    m_items.swap(bigger);
    m_head = 0;
  }

  std::vector<T> m_items;
  std::size_t m_head = 0;
  std::size_t m_size = 0;
};

}  // namespace pillars
