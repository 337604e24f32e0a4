#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <tuple>
#include <vector>

#include "engine/sim/event_queue.hpp"

namespace pillars {
namespace {

/// Records the order in which events reach it.
struct Recorder final : EventHandler {
  std::vector<std::uint64_t> seen;
  void handleEvent(std::uint32_t, std::uint64_t payload) override { seen.push_back(payload); }
};

std::vector<std::uint64_t> drain(EventQueue& q) {
  std::vector<std::uint64_t> out;
  DueEvent e;
  while (q.popUntil(kTimeNever, e)) out.push_back(e.payload);
  return out;
}

TEST(EventQueue, OrdersByTimeThenInsertion) {
  EventQueue q;
  Recorder r;
  q.push(30, &r, 0, 1);
  q.push(10, &r, 0, 2);
  q.push(20, &r, 0, 3);
  q.push(10, &r, 0, 4);  // same time as 2: runs after it
  q.push(0, &r, 0, 5);   // due now: goes through the FIFO
  EXPECT_EQ(drain(q), (std::vector<std::uint64_t>{5, 2, 4, 3, 1}));
}

TEST(EventQueue, DueNowEventsInterleaveCorrectlyWithHeapEventsAtTheSameTime) {
  EventQueue q;
  Recorder r;
  q.push(10, &r, 0, 1);
  q.push(10, &r, 0, 2);
  DueEvent e;
  ASSERT_TRUE(q.popUntil(kTimeNever, e));
  EXPECT_EQ(e.payload, 1u);
  // Scheduled at the current instant after 2 was: must run after 2.
  q.push(10, &r, 0, 3);
  EXPECT_EQ(drain(q), (std::vector<std::uint64_t>{2, 3}));
}

TEST(EventQueue, CancelRemovesOnlyThatEvent) {
  EventQueue q;
  Recorder r;
  q.push(5, &r, 0, 1);
  const EventId id = q.push(6, &r, 0, 2);
  q.push(7, &r, 0, 3);
  EXPECT_TRUE(q.isPending(id));
  EXPECT_TRUE(q.cancel(id));
  EXPECT_FALSE(q.isPending(id));
  EXPECT_FALSE(q.cancel(id));  // twice is harmless
  EXPECT_EQ(q.size(), 2u);
  EXPECT_EQ(drain(q), (std::vector<std::uint64_t>{1, 3}));
}

TEST(EventQueue, StaleIdCannotCancelAReusedSlot) {
  EventQueue q;
  Recorder r;
  const EventId first = q.push(5, &r, 0, 1);
  DueEvent e;
  ASSERT_TRUE(q.popUntil(kTimeNever, e));
  const EventId second = q.push(6, &r, 0, 2);  // reuses the slot
  EXPECT_EQ(first.slot, second.slot);
  EXPECT_FALSE(q.cancel(first));
  EXPECT_TRUE(q.isPending(second));
}

TEST(EventQueue, PopUntilRespectsTheLimit) {
  EventQueue q;
  Recorder r;
  q.push(10, &r, 0, 1);
  q.push(20, &r, 0, 2);
  DueEvent e;
  ASSERT_TRUE(q.popUntil(15, e));
  EXPECT_EQ(e.payload, 1u);
  EXPECT_FALSE(q.popUntil(15, e));
  EXPECT_EQ(q.peekTime(), 20);
}

TEST(EventQueue, MatchesAReferenceModelUnderRandomOperations) {
  // The reference is an ordered set of (time, seq, payload); every pop must agree with it,
  // through heavy cancellation that forces compaction.
  EventQueue q;
  Recorder r;
  std::set<std::tuple<SimTime, std::uint64_t, std::uint64_t>> reference;
  std::vector<std::pair<EventId, std::tuple<SimTime, std::uint64_t, std::uint64_t>>> live;
  std::mt19937_64 rng(7);
  std::uint64_t seq = 0;
  SimTime now = 0;
  for (int step = 0; step < 200000; ++step) {
    const int op = static_cast<int>(rng() % 10);
    if (op < 5) {
      const SimTime t = now + static_cast<SimTime>(rng() % 1000);
      const std::uint64_t payload = seq;
      const EventId id = q.push(t, &r, 0, payload);
      const auto key = std::make_tuple(t, seq++, payload);
      reference.insert(key);
      live.emplace_back(id, key);
    } else if (op < 8 && !live.empty()) {
      const std::size_t i = rng() % live.size();
      const bool wasPending = reference.count(live[i].second) > 0;
      EXPECT_EQ(q.cancel(live[i].first), wasPending);
      reference.erase(live[i].second);
      live[i] = live.back();
      live.pop_back();
    } else if (!reference.empty()) {
      DueEvent e;
      ASSERT_TRUE(q.popUntil(kTimeNever, e));
      const auto expected = *reference.begin();
      reference.erase(reference.begin());
      ASSERT_EQ(e.time, std::get<0>(expected));
      ASSERT_EQ(e.payload, std::get<2>(expected));
      now = e.time;
    }
    ASSERT_EQ(q.size(), reference.size());
  }
}

}  // namespace
}  // namespace pillars
