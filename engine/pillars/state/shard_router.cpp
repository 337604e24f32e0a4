#include "engine/pillars/state/shard_router.hpp"

#include <algorithm>
#include <numeric>

#include "engine/pillars/state/state_wire.hpp"
#include "engine/pillars/work/backend_selector.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

namespace {

constexpr std::uint32_t kControlSize = 64;
constexpr std::uint32_t kValueSize = 200;

std::uint64_t hashName(const std::string& name) {
  std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a
  for (const char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}

}  // namespace

std::vector<ParamSpec> ShardRouter::paramSpecs() {
  return {
      choiceParam("strategy", "hash_mod", {"hash_mod", "consistent_hash", "range"},
                  "How keys are assigned to shards"),
      integerParam("vnodes", 100, 1, 10000, "", "consistent_hash: points per shard on the ring"),
      integerParam("keys", 1000, 1, 1e8, "keys",
                   "The key space [1, keys] (clients' keys): range splits it, and a change of shards "
                   "moves the keys in it whose owner changes"),
      integerParam("initial_shards", 0, 0, 10000, "shards",
                   "Shards in use at the start, in link order; the rest stand by for add_shard. 0 means all"),
      durationParam("timeout", 10 * kSecond, "Deadline for a shard's answer; 0 waits forever"),
      integerParam("migration_batch", 100, 1, 1e6, "keys", "Keys set moving per migration step"),
      durationParam("migration_interval", 10 * kMillisecond, "Time between migration steps", 0.000001),
      integerParam("response_size", 1000, 0, 1e9, "bytes", "Size of a reply on the wire"),
  };
}

ShardRouter::ShardRouter(const std::string& name, const ParamSet& p)
    : Component(name, std::string(kKind)),
      m_map(shardStrategyFromName(p.choice("strategy")).value_or(ShardStrategy::HashMod),
            static_cast<std::uint32_t>(p.integer("vnodes")), static_cast<std::uint64_t>(p.integer("keys"))) {
  m_strategy = m_map.strategy();
  m_keySpace = static_cast<std::uint64_t>(p.integer("keys"));
  m_initialShards = static_cast<std::size_t>(p.integer("initial_shards"));
  m_timeout = p.duration("timeout");
  m_migrationBatch = static_cast<std::size_t>(p.integer("migration_batch"));
  m_migrationInterval = p.duration("migration_interval");
  m_responseSize = static_cast<std::uint32_t>(p.integer("response_size"));
}

// --- Shards --------------------------------------------------------------------------------------

void ShardRouter::buildShards() {
  // Targets linked to each other (a replica set) are one shard; shards in link order.
  const Network& net = sim().network();
  std::vector<ComponentId> targets;
  for (const LinkId l : outgoingLinks()) targets.push_back(net.link(l).to);
  std::vector<std::size_t> shardOf(targets.size(), ~std::size_t{0});
  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (shardOf[i] != ~std::size_t{0}) continue;
    shardOf[i] = m_shards.size();
    Shard shard;
    shard.name = sim().component(targets[i]).name();
    m_shards.push_back(shard);
    // Every other target reachable from this one over links between targets.
    std::vector<std::size_t> frontier{i};
    while (!frontier.empty()) {
      const std::size_t a = frontier.back();
      frontier.pop_back();
      for (std::size_t b = 0; b < targets.size(); ++b) {
        if (shardOf[b] != ~std::size_t{0} || net.findLink(targets[a], targets[b]) == kNoLink) continue;
        shardOf[b] = shardOf[i];
        frontier.push_back(b);
      }
    }
  }
  for (std::size_t i = 0; i < targets.size(); ++i) m_shards[shardOf[i]].links.push_back(outgoingLinks()[i]);
}

void ShardRouter::start() {
  if (m_shards.empty()) {
    buildShards();
    const std::size_t active = m_initialShards == 0 ? m_shards.size() : std::min(m_initialShards, m_shards.size());
    std::vector<std::pair<std::size_t, std::uint64_t>> in;
    for (std::size_t s = 0; s < active; ++s) in.emplace_back(s, hashName(m_shards[s].name));
    m_map.setActive(std::move(in));
    m_owner.resize(m_keySpace);
    m_moving.assign(m_keySpace, 0);
    for (std::uint64_t k = 1; k <= m_keySpace; ++k) {
      m_owner[k - 1] = static_cast<std::uint16_t>(m_map.ownerOf(k));
    }
  }
  if (!m_migrations.empty() && !m_ticking) {
    m_ticking = true;
    setTimer(m_migrationInterval, MigrationTick);
  }
}

void ShardRouter::onCrash() {
  // The routing table is configuration and survives; moves under way start over.
  m_forwards.clear();
  m_migrating = 0;
  m_ticking = false;
  m_migrations.clear();
  for (std::uint64_t k = 1; k <= m_keySpace; ++k) {
    if (m_moving[k - 1]) m_migrations.pushBack({k, m_owner[k - 1], m_map.ownerOf(k)});
  }
}

std::size_t ShardRouter::ownerOf(std::uint64_t key) const {
  if (key >= 1 && key <= m_keySpace) return m_owner[key - 1];
  return m_map.ownerOf(key);
}

LinkId ShardRouter::linkTo(std::size_t shard) {
  Shard& s = m_shards[shard];
  return s.links[s.next++ % s.links.size()];
}

// --- Requests ----------------------------------------------------------------------------------

void ShardRouter::receive(const Message& msg, LinkId via) {
  switch (msg.kind) {
    case MessageKind::Request: route(msg, via); return;
    case MessageKind::Response:
    case MessageKind::Error:
    case MessageKind::MigrateData:
    case MessageKind::MigrateAck: onAnswer(msg); return;
    default: return;
  }
}

void ShardRouter::route(const Message& msg, LinkId via) {
  ++metrics().received;
  const std::uint64_t key = msg.key;
  const bool moving = key >= 1 && key <= m_keySpace && m_moving[key - 1];
  if (moving && !state_wire::isRead(msg)) {
    // The key is between shards: a write now could land behind the copy and be lost.
    ++m_unavailable;
    ++metrics().failed;
    send(via, msg.errorReply(ErrorReason::Unavailable, kControlSize));
    return;
  }
  const std::size_t shard = ownerOf(key);
  ++m_shards[shard].load;
  advanceLoadWindow();
  ++m_shards[shard].windowLoad[1];
  const SlotHandle handle = m_forwards.acquire();
  Forward& f = *m_forwards.get(handle);
  f.request = msg;
  f.via = via;
  f.arrivedAt = now();
  send(linkTo(shard), makeRequestFor(msg, handle));
  if (m_timeout > 0) f.timer = setTimer(m_timeout, ForwardTimeout, handle);
}

void ShardRouter::onAnswer(const Message& msg) {
  Forward* f = m_forwards.get(msg.correlation);
  if (!f) return;  // too late: the caller was already told
  if (f->migration) {
    onMigrateData(msg.correlation, *f, msg);
    return;
  }
  Message reply = f->request.replyWith(msg.kind, msg.sizeBytes);
  reply.reason = msg.reason;
  reply.carryAnswer(msg);
  send(f->via, reply);
  if (msg.kind == MessageKind::Response) {
    ++metrics().completed;
    metrics().recordLatency(now() - f->arrivedAt);
  } else {
    ++metrics().failed;
  }
  release(msg.correlation, *f);
}

void ShardRouter::release(SlotHandle handle, Forward& f) {
  cancelTimer(f.timer);
  m_forwards.release(handle);
}

// --- Re-sharding ---------------------------------------------------------------------------------

bool ShardRouter::intervene(const Intervention& what) {
  const std::string_view action = what.action;
  const std::size_t active = m_map.activeCount();
  if (action == kAddShardAction && active < m_shards.size()) {
    remap(active + 1);
    return true;
  }
  if (action == kRemoveShardAction && active > 1) {
    remap(active - 1);
    return true;
  }
  return false;
}

void ShardRouter::remap(std::size_t active) {
  std::vector<std::pair<std::size_t, std::uint64_t>> in;
  for (std::size_t s = 0; s < active; ++s) in.emplace_back(s, hashName(m_shards[s].name));
  m_map.setActive(std::move(in));
  // Moves not yet started are planned again against the new map.
  while (!m_migrations.empty()) {
    m_moving[m_migrations.front().key - 1] = 0;
    m_migrations.popFront();
  }
  std::uint64_t changed = 0;
  for (std::uint64_t k = 1; k <= m_keySpace; ++k) {
    const std::size_t to = m_map.ownerOf(k);
    if (to == m_owner[k - 1]) continue;
    ++changed;
    if (m_moving[k - 1]) continue;  // in flight: it lands, then moves on if it must
    m_moving[k - 1] = 1;
    m_migrations.pushBack({k, m_owner[k - 1], to});
  }
  m_movedFraction = static_cast<double>(changed) / static_cast<double>(m_keySpace);
  if (!m_ticking && !m_migrations.empty()) {
    m_ticking = true;
    setTimer(m_migrationInterval, MigrationTick);
  }
}

void ShardRouter::migrateSome() {
  for (std::size_t i = 0; i < m_migrationBatch && !m_migrations.empty(); ++i) {
    const Move move = m_migrations.takeFront();
    const SlotHandle handle = m_forwards.acquire();
    Forward& f = *m_forwards.get(handle);
    f.migration = true;
    f.key = move.key;
    f.to = move.to;
    f.arrivedAt = now();
    Message read = makeMessage(MessageKind::MigrateRead, kControlSize);
    read.key = move.key;
    read.correlation = handle;
    send(linkTo(move.from), read);
    if (m_timeout > 0) f.timer = setTimer(m_timeout, ForwardTimeout, handle);
    ++m_migrating;
  }
}

void ShardRouter::onMigrateData(SlotHandle handle, Forward& f, const Message& msg) {
  const std::uint64_t key = f.key;
  if (msg.kind == MessageKind::MigrateData && msg.arg1 > 0) {
    // Found: write it into the new shard (same step, same handle).
    cancelTimer(f.timer);
    Message write = makeMessage(MessageKind::MigrateWrite, kValueSize);
    write.key = key;
    write.arg1 = msg.arg1;
    write.correlation = handle;
    send(linkTo(f.to), write);
    if (m_timeout > 0) f.timer = setTimer(m_timeout, ForwardTimeout, handle);
    return;
  }
  --m_migrating;
  const std::size_t to = f.to;
  release(handle, f);
  if (msg.kind == MessageKind::Error) {
    m_migrations.pushBack({key, m_owner[key - 1], to});  // try again later
    return;
  }
  // Moved (or nothing to move): the new shard owns it.
  m_owner[key - 1] = static_cast<std::uint16_t>(to);
  m_moving[key - 1] = 0;
  ++m_keysMoved;
  if (const std::size_t owner = m_map.ownerOf(key); owner != to) {
    m_moving[key - 1] = 1;  // re-sharded again while it moved
    m_migrations.pushBack({key, to, owner});
  }
}

void ShardRouter::onTimer(std::uint32_t kind, std::uint64_t payload) {
  if (kind == MigrationTick) {
    migrateSome();
    if (!m_migrations.empty()) {
      setTimer(m_migrationInterval, MigrationTick);
    } else {
      m_ticking = false;
    }
    return;
  }
  Forward* f = m_forwards.get(payload);
  if (!f) return;
  f->timer = EventId{};
  if (f->migration) {
    // The step got no answer: plan the key's move again.
    --m_migrating;
    m_migrations.pushBack({f->key, m_owner[f->key - 1], f->to});
    m_forwards.release(payload);
    if (!m_ticking) {
      m_ticking = true;
      setTimer(m_migrationInterval, MigrationTick);
    }
    return;
  }
  send(f->via, f->request.errorReply(ErrorReason::Timeout, kControlSize));
  ++metrics().timedOut;
  m_forwards.release(payload);
}

// --- Figures -------------------------------------------------------------------------------------

void ShardRouter::advanceLoadWindow() {
  if (now() - m_loadWindowStart < kLoadWindow) return;
  // A window or more has passed: the current window becomes the previous one (or, after a
  // quiet spell longer than a window, both are empty).
  const bool adjacent = now() - m_loadWindowStart < 2 * kLoadWindow;
  for (Shard& s : m_shards) {
    s.windowLoad[0] = adjacent ? s.windowLoad[1] : 0;
    s.windowLoad[1] = 0;
  }
  m_loadWindowStart = now() - (now() - m_loadWindowStart) % kLoadWindow;
}

double ShardRouter::maxOverMeanLoad(bool recent) const {
  const std::size_t active = m_map.activeCount();
  double total = 0, highest = 0;
  for (std::size_t s = 0; s < active; ++s) {
    const Shard& shard = m_shards[s];
    const auto load = static_cast<double>(recent ? shard.windowLoad[0] + shard.windowLoad[1] : shard.load);
    total += load;
    highest = std::max(highest, load);
  }
  const double mean = active > 0 ? total / static_cast<double>(active) : 0.0;
  return mean > 0 ? highest / mean : 0.0;
}

std::vector<Component::ExtraMetric> ShardRouter::extraMetrics(SimTime /*now*/) const {
  std::vector<ExtraMetric> out = {
      {"shards", static_cast<double>(m_map.activeCount())},
      {"keys_moved", static_cast<double>(m_keysMoved)},
      {"moved_fraction", m_movedFraction},
      {"migrations_pending", static_cast<double>(migrationsPending())},
      {"max_mean_load", maxOverMeanLoad(false)},
      // Over the last 10 to 20 s: a hot shard now, a new shard taking its share.
      {"max_mean_load_recent", maxOverMeanLoad(true)},
      {"unavailable", static_cast<double>(m_unavailable)},
  };
  for (const Shard& s : m_shards) out.push_back({"shard_load." + s.name, static_cast<double>(s.load)});
  for (const Shard& s : m_shards) {
    out.push_back({"shard_load_recent." + s.name, static_cast<double>(s.windowLoad[0] + s.windowLoad[1])});
  }
  return out;
}

void ShardRouter::resetMetrics(SimTime now) {
  Component::resetMetrics(now);
  m_keysMoved = 0;
  m_unavailable = 0;
  for (Shard& s : m_shards) s.load = 0;
}

}  // namespace pillars
