#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/param.hpp"
#include "engine/pillars/state/shard_map.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/ring_buffer.hpp"
#include "engine/sim/slot_pool.hpp"

namespace pillars {

/// Partitions keys over shards. Its outgoing links lead to stores; stores linked to each other
/// (a replica set) are one shard, a store alone is a shard, in the order the links are
/// declared. `strategy` assigns keys (see ShardStrategy); requests for a key go to a member
/// of its shard (in turn, when the shard has several), answers come back through the router.
///
/// The first `initial_shards` are in use (0: all); `add_shard` takes the next standby shard into
/// use and `remove_shard` drains the last one. Either re-maps the key space [1, `keys`]: every
/// key whose owner changed moves, read from its old shard and written to its new one as
/// migration traffic, `migration_batch` keys every `migration_interval`. While a key moves,
/// reads of it go to its old shard and writes of it are refused (try again), so no write is
/// lost in the move; once moved, the new shard owns it. keys_moved and moved_fraction say how
/// much a change cost; the load on each shard, and max_mean_load, show hot shards.
class ShardRouter final : public Component {
 public:
  static constexpr std::string_view kKind = "shard_router";
  static constexpr std::string_view kAddShardAction = "add_shard";
  static constexpr std::string_view kRemoveShardAction = "remove_shard";

  static std::vector<ParamSpec> paramSpecs();
  ShardRouter(const std::string& name, const ParamSet& params);

  void start() override;
  void receive(const Message& msg, LinkId via) override;
  bool intervene(const Intervention& what) override;
  std::vector<ExtraMetric> extraMetrics(SimTime now) const override;
  void resetMetrics(SimTime now) override;

  std::size_t shardCount() const { return m_shards.size(); }
  std::size_t activeShards() const { return m_map.activeCount(); }
  std::size_t migrationsPending() const { return m_migrations.size() + m_migrating; }
  /// The shard owning `key` now (its old one while it moves).
  std::size_t ownerOf(std::uint64_t key) const;

 private:
  enum Timer : std::uint32_t { ForwardTimeout, MigrationTick };

  struct Shard {
    std::string name;          // its first store's id
    std::vector<LinkId> links;  // the router's links to its stores
    std::size_t next = 0;       // round robin over them
    std::uint64_t load = 0;     // requests routed to it since warm-up
    // Requests routed to it in the current and the previous load window: its load now,
    // which a shard added late shows at once (the totals above favour the old shards).
    std::uint64_t windowLoad[2] = {0, 0};
  };
  /// Moves the load windows on to the one `now` falls in.
  void advanceLoadWindow();
  /// Busiest active shard's load over the mean, from totals or from the recent windows.
  double maxOverMeanLoad(bool recent) const;
  static constexpr SimTime kLoadWindow = 10 * kSecond;
  SimTime m_loadWindowStart = 0;
  struct Forward {
    Message request;
    LinkId via = kNoLink;
    SimTime arrivedAt = 0;
    EventId timer;
    // A migration step rather than a client request.
    bool migration = false;
    std::uint64_t key = 0;
    std::size_t to = 0;
  };
  struct Move {
    std::uint64_t key = 0;
    std::size_t from = 0;
    std::size_t to = 0;
  };

  void onTimer(std::uint32_t kind, std::uint64_t payload) override;
  void onCrash() override;
  void buildShards();
  LinkId linkTo(std::size_t shard);
  void route(const Message& msg, LinkId via);
  void onAnswer(const Message& msg);
  void release(SlotHandle handle, Forward& f);
  /// Makes the first `active` shards the ones in use and queues the keys that change owner.
  void remap(std::size_t active);
  void migrateSome();
  void onMigrateData(SlotHandle handle, Forward& f, const Message& msg);

  // Configuration
  ShardStrategy m_strategy = ShardStrategy::HashMod;
  std::uint64_t m_keySpace = 1000;
  std::size_t m_initialShards = 0;
  SimTime m_timeout = 0;
  std::size_t m_migrationBatch = 100;
  SimTime m_migrationInterval = 0;
  std::uint32_t m_responseSize = 0;

  // State
  std::vector<Shard> m_shards;
  ShardMap m_map;
  std::vector<std::uint16_t> m_owner;   // by key - 1, over the key space
  std::vector<std::uint8_t> m_moving;   // by key - 1: 1 while the key moves
  RingBuffer<Move> m_migrations;        // keys still to move
  std::size_t m_migrating = 0;          // migration steps in flight
  bool m_ticking = false;
  SlotPool<Forward> m_forwards;

  // Figures
  std::uint64_t m_keysMoved = 0;        // since warm-up
  double m_movedFraction = 0;           // of the last change
  std::uint64_t m_unavailable = 0;
};

}  // namespace pillars
