// Replaces the global allocation functions of this test program with ones that count while a
// test asks them to, so a test can show that a warm simulation allocates nothing per request.
#include "tests/alloc/counting_allocator.hpp"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<bool> g_counting{false};
std::atomic<std::uint64_t> g_allocations{0};

void* allocate(std::size_t size) {
  if (g_counting.load(std::memory_order_relaxed)) g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
}  // namespace

namespace pillars::alloctest {

AllocationCounter::AllocationCounter() : m_start(g_allocations.load()) { g_counting = true; }
AllocationCounter::~AllocationCounter() { g_counting = false; }
std::uint64_t AllocationCounter::count() const { return g_allocations.load() - m_start; }

}  // namespace pillars::alloctest

void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
