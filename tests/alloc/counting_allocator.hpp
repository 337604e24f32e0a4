#pragma once

#include <cstdint>

namespace pillars::alloctest {

/// Counts calls to operator new (in this test program) from construction to destruction.
class AllocationCounter {
 public:
  AllocationCounter();
  ~AllocationCounter();
  AllocationCounter(const AllocationCounter&) = delete;
  AllocationCounter& operator=(const AllocationCounter&) = delete;
  std::uint64_t count() const;

 private:
  std::uint64_t m_start;
};

}  // namespace pillars::alloctest
