#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/param.hpp"
#include "engine/pillars/intelligence/steady_state.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/zone_map.hpp"

namespace pillars {

/// A chaos experiment, run as Netflix's Chaos Monkey runs one: it attacks the components it is
/// linked to (each link a group, as Chaos Monkey groups instances by cluster) at random but
/// seeded times, and checks a steady-state hypothesis (steady_state.hpp) while it does.
///
/// Scheduling follows Chaos Monkey 2: time is cut into windows (Chaos Monkey's work day); in
/// each window every group is attacked with probability window / mean_time_between_kills, at a
/// uniform time within the window, so no group is attacked twice in one window and the count
/// over n windows is binomial(n, p). The victim is a uniformly chosen instance of the group
/// that is up and not under attack. An attack is a kill (a crash: bringing it back is the
/// system's job, e.g. a replica set's restart_policy), or for `attack_duration` an injected
/// latency or loss on the links into the victim (Latency Monkey), then restored. The blast
/// radius bounds the instances of its groups impaired at once (down or not ready for any
/// reason, or under an injection): an attack that would exceed it is skipped and counted.
///
/// Zone outages (Netflix's Chaos Gorilla, which takes down a whole availability zone): with
/// `zone_outage_mean_time` set, each window also begins an outage of one zone with probability
/// window / zone_outage_mean_time, at a uniform time within it. The zone is drawn among the
/// design's zones holding something the monkey is linked to; every component in it (the
/// instances of a replica set in it included, clients too, the monkey itself not) crashes,
/// and after `zone_outage_duration` the zone comes back: what is still down restarts. One zone
/// is down at a time; the blast radius does not hold it back (a zone outage is meant to be
/// wide: the question is whether the other zones carry the load).
///
/// The hypothesis is checked every `check_interval` from `start`; with `abort_on_break` the
/// first break aborts the experiment: no further attacks, injections under way are restored,
/// and the verdict says when and why. It runs until `stop` (0: the end of the run).
class ChaosMonkey final : public Component {
 public:
  static constexpr std::string_view kKind = "chaos_monkey";
  static std::vector<ParamSpec> paramSpecs();
  static std::vector<ParamProblem> checkParams(const ParamSet& params);
  ChaosMonkey(const std::string& name, const ParamSet& params);

  enum class Attack : std::uint8_t { Kill, Latency, Loss, ZoneOutage };
  /// One attack made (or skipped), for the results and the card.
  struct AttackRecord {
    SimTime at = 0;
    Attack attack = Attack::Kill;
    std::string group;      // the scenario id attacked; a zone outage's zone id
    ComponentId victim = kNoComponent;  // kNoComponent when skipped, and for a zone outage
    std::size_t zoneVictims = 0;        // a zone outage: the components it took down
    std::size_t impaired = 0;  // instances of its groups impaired just before
    bool skippedBlastRadius = false;
    bool skippedNoVictim = false;
    bool skippedZoneDown = false;  // a zone outage while another zone is still down
  };
  const std::vector<AttackRecord>& attacks() const { return m_attacks; }
  /// Attacks made (not skipped), all kinds.
  std::uint64_t attacksMade() const { return m_attacksMade; }
  std::uint64_t kills() const { return m_kills; }
  std::uint64_t zoneOutages() const { return m_zoneOutages; }
  /// The zone down now, or empty.
  const std::string& zoneDown() const { return m_zoneDown; }
  bool aborted() const { return m_abortedAt >= 0; }
  /// The steady state did not hold over the window before the experiment, so it never began
  /// (the Chaos Toolkit's rule: no experiment on a system that is not in its steady state).
  bool notRun() const { return m_notRun; }
  const std::vector<SteadyState::Check>& brokenChecks() const { return m_broken; }
  std::uint64_t checks() const { return m_checks; }
  /// The groups attacked: the scenario ids its links lead to, in link order.
  const std::vector<std::string>& groups() const { return m_groups; }
  /// Instances of its groups impaired now: down, not ready (still starting after a restart),
  /// or under an injection of this experiment.
  std::size_t impaired() const;
  std::size_t blastRadius() const { return m_blastRadius; }
  /// The experiment so far, in words: "running: 4 kills; steady state held at 12 checks".
  std::string status() const;

  void start() override;
  void receive(const Message& msg, LinkId via) override;
  std::vector<ExtraMetric> extraMetrics(SimTime now) const override;
  std::vector<ControlDecision> decisions() const override;
  std::optional<ExperimentRecord> experiment() const override;
  std::vector<SeriesColumn> seriesColumns() const override;
  void seriesValues(SimTime now, double* out) const override;

 private:
  enum Timer : std::uint32_t { Baseline, Begin, Window, Strike, Restore, Check, End, ZoneStrike, ZoneBack };
  enum class Mix : std::uint8_t { Kill, Latency, Loss, Mixed };
  /// An injection under way: the links it changed and what they had before.
  struct Injection {
    ComponentId victim = kNoComponent;
    Attack attack = Attack::Latency;
    std::vector<std::pair<LinkId, double>> saved;  // loss probability, or extra latency in ns
    bool active = false;
  };

  void onTimer(std::uint32_t kind, std::uint64_t payload) override;
  void onCrash() override;
  void findGroups();
  void begin();
  void openWindow();
  void strike(std::size_t group);
  void inject(ComponentId victim, Attack attack);
  void restore(std::size_t injection);
  /// The zones a zone outage may take down: those holding something the monkey is linked to.
  std::vector<const ZoneMap::Zone*> targetZones() const;
  void zoneOutage();
  /// The zone down comes back: what the outage crashed and is still down restarts.
  void zoneBack();
  void checkSteadyState();
  void abort(const SteadyState::Check& broken);
  void finish();
  bool underInjection(ComponentId id) const;
  bool running() const { return m_startedAt >= 0 && m_endedAt < 0; }
  std::string attackName(Attack a) const;

  // Configuration
  Mix m_mix = Mix::Kill;
  SimTime m_meanTimeBetweenKills = 0;
  SimTime m_window = 0;
  std::size_t m_blastRadius = 1;
  SimTime m_start = 0, m_stop = 0;
  SimTime m_attackDuration = 0;
  SimTime m_injectedLatency = 0;
  double m_injectedLoss = 0;
  SimTime m_zoneOutageMeanTime = 0;  // 0: no zone outages
  SimTime m_zoneOutageDuration = 0;
  bool m_abortOnBreak = true;
  SteadyState m_steadyState;

  // State
  std::vector<std::string> m_groups;
  bool m_begun = false;            // the Begin timer was set (once, across restarts)
  SimTime m_nextWindow = 0;        // when the next window opens
  SimTime m_startedAt = -1, m_endedAt = -1, m_abortedAt = -1;
  std::string m_abortReason;
  bool m_notRun = false;
  std::vector<AttackRecord> m_attacks;
  std::vector<Injection> m_injections;  // slots reused once restored
  std::vector<SteadyState::Check> m_broken;
  std::uint64_t m_checks = 0, m_kills = 0, m_attacksMade = 0;
  std::uint64_t m_skippedBlastRadius = 0, m_skippedNoVictim = 0;
  std::uint64_t m_zoneOutages = 0;
  std::string m_zoneDown;                    // the zone down now, or empty
  std::vector<ComponentId> m_zoneVictims;    // what its outage crashed
  double m_worstAvailability = 100;
};

}  // namespace pillars
