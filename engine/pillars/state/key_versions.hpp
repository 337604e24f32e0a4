#pragma once

#include <cstdint>
#include <vector>

#include "engine/pillars/state/key_table.hpp"
#include "engine/sim/simulation_extension.hpp"

namespace pillars {

/// What is true about the data, kept once per simulation by the State pillar (an observer's
/// record, not any store's memory, so crashes leave it alone):
///  - versions: the writes of a key are numbered 1, 2, 3... in the order stores accept them,
///    across every store, so "newer" is defined even between writes no store ever compares;
///  - acknowledgements: clients report each write whose success they received.
/// A read is stale when it returns a version older than the newest one acknowledged to any
/// client before the read was issued; how many versions older is its k-staleness. A write is
/// lost when it was acknowledged and no replica holds it (or anything newer) any more.
class KeyVersions final : public SimulationExtension {
 public:
  /// Acknowledgements remembered per key: enough for the writes a failover can discard (they
  /// are the last few); older writes count as acknowledged.
  static constexpr std::uint64_t kAckWindow = 64;

  /// A store accepts a new write of `key`: its version.
  std::uint64_t newVersion(std::uint64_t key);
  /// A client received the success of the write of `version` of `key`.
  void acknowledged(std::uint64_t key, std::uint64_t version);
  /// The newest version of `key` acknowledged to any client so far (0: none).
  std::uint64_t newestAcknowledged(std::uint64_t key) const;
  /// Whether the write of `version` of `key` was acknowledged to a client.
  bool wasAcknowledged(std::uint64_t key, std::uint64_t version) const;
  /// Versions of `key` handed out so far.
  std::uint64_t versions(std::uint64_t key) const;
  /// The write of `version` of `key` is gone (a failover discarded it): if a client was told
  /// it succeeded, now or when its acknowledgement lands later, `lost` is incremented once.
  void watchLoss(std::uint64_t key, std::uint64_t version, std::uint64_t* lost);

 private:
  struct Record {
    std::uint64_t versions = 0;        // handed out
    std::uint64_t newestAcked = 0;
    std::uint64_t ackedBits = 0;       // bit i: version (versions - i) was acknowledged
  };
  struct Watched {
    std::uint64_t key;
    std::uint64_t version;
    std::uint64_t* lost;
  };
  KeyTable<Record> m_keys{4096};
  /// Discarded writes whose acknowledgement may still be on its way to a client. A handful
  /// per failover; an acknowledgement checks them only while there are any.
  std::vector<Watched> m_watched;
};

}  // namespace pillars
