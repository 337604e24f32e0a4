#include "engine/pillars/intelligence/chaos_monkey.hpp"

#include <algorithm>
#include <cstdio>

#include "engine/run/instances.hpp"
#include "engine/sim/simulation.hpp"
#include "engine/sim/zone_map.hpp"
#include "engine/util/units.hpp"

namespace pillars {

namespace {

SteadyState::Config steadyStateConfig(const ParamSet& p) {
  SteadyState::Config c;
  c.minAvailabilityPercent = p.real("hypothesis_availability");
  c.maxP99 = p.duration("hypothesis_p99");
  c.window = p.duration("hypothesis_window");
  c.checkInterval = p.duration("check_interval");
  return c;
}

std::string seconds(SimTime t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", simTimeToSeconds(t));
  return buf;
}

}  // namespace

std::vector<ParamSpec> ChaosMonkey::paramSpecs() {
  return {
      choiceParam("attack", "kill", {"kill", "latency", "loss", "mixed"},
                  "What an attack does to its victim: kill it (a crash), add latency or loss to the "
                  "links into it for attack_duration, or any of the three at random"),
      durationParam("mean_time_between_kills", 120 * kSecond,
                    "Mean time between attacks on each linked group (Chaos Monkey's "
                    "meanTimeBetweenKills); at least one window", 0.001),
      durationParam("window", 60 * kSecond,
                    "Time is cut into windows (Chaos Monkey's work day): each group is attacked at "
                    "most once per window, with probability window / mean_time_between_kills",
                    0.001),
      integerParam("blast_radius", 1, 1, 100000, "instances",
                   "Most instances of the linked groups impaired at once (down, or under an "
                   "injection); an attack beyond it is skipped"),
      durationParam("start", 0, "When the experiment begins"),
      durationParam("stop", 0, "When the experiment ends (0: at the end of the run)"),
      durationParam("attack_duration", 30 * kSecond, "How long a latency or loss injection lasts", 0.001),
      durationParam("injected_latency", 200 * kMillisecond, "latency: added to every message into the victim"),
      realParam("injected_loss", 0.3, 0, 1, "probability", "loss: each message into the victim is lost with it"),
      durationParam("zone_outage_mean_time", 0,
                    "Mean time between zone outages (Chaos Gorilla): each window takes one of the "
                    "zones holding a linked group down with probability window / this; 0 means none"),
      durationParam("zone_outage_duration", 60 * kSecond,
                    "How long a zone outage lasts before the zone comes back", 0.001),
      realParam("hypothesis_availability", 0, 0, 100, "%",
                "Steady state: the clients' availability over the window stays at least this "
                "(0: no condition)"),
      durationParam("hypothesis_p99", 0,
                    "Steady state: the clients' p99 latency over the window stays at most this "
                    "(0: no condition)"),
      durationParam("hypothesis_window", 30 * kSecond, "The window the steady state is measured over", 0.001),
      durationParam("check_interval", 5 * kSecond, "How often the steady state is checked", 0.001),
      booleanParam("abort_on_break", true,
                   "Abort the experiment when the steady state breaks: no more attacks, injections "
                   "under way lifted"),
  };
}

std::vector<ParamProblem> ChaosMonkey::checkParams(const ParamSet& p) {
  std::vector<ParamProblem> problems;
  if (p.duration("mean_time_between_kills") < p.duration("window")) {
    problems.push_back({"mean_time_between_kills",
                        "mean_time_between_kills (" + formatDuration(p.duration("mean_time_between_kills")) +
                            ") is shorter than the window (" + formatDuration(p.duration("window")) +
                            "), but a group is attacked at most once per window; expected at least the window"});
  }
  if (p.duration("zone_outage_mean_time") > 0 && p.duration("zone_outage_mean_time") < p.duration("window")) {
    problems.push_back({"zone_outage_mean_time",
                        "zone_outage_mean_time (" + formatDuration(p.duration("zone_outage_mean_time")) +
                            ") is shorter than the window (" + formatDuration(p.duration("window")) +
                            "), but at most one zone outage begins per window; expected at least the window, or 0"});
  }
  if (p.duration("stop") > 0 && p.duration("stop") <= p.duration("start")) {
    problems.push_back({"stop", "stop (" + formatDuration(p.duration("stop")) + ") is not after start (" +
                                    formatDuration(p.duration("start")) + "); expected a later stop, or 0 for none"});
  }
  if (p.duration("check_interval") > p.duration("hypothesis_window")) {
    problems.push_back({"check_interval", "check_interval (" + formatDuration(p.duration("check_interval")) +
                                              ") is longer than hypothesis_window (" +
                                              formatDuration(p.duration("hypothesis_window")) +
                                              "), so some outcomes would never be checked; expected at most the window"});
  }
  return problems;
}

ChaosMonkey::ChaosMonkey(const std::string& name, const ParamSet& p)
    : Component(name, std::string(kKind)), m_steadyState(steadyStateConfig(p)) {
  const std::string& attack = p.choice("attack");
  m_mix = attack == "latency" ? Mix::Latency : attack == "loss" ? Mix::Loss : attack == "mixed" ? Mix::Mixed : Mix::Kill;
  m_meanTimeBetweenKills = p.duration("mean_time_between_kills");
  m_window = p.duration("window");
  m_blastRadius = static_cast<std::size_t>(p.integer("blast_radius"));
  m_start = p.duration("start");
  m_stop = p.duration("stop");
  m_attackDuration = p.duration("attack_duration");
  m_injectedLatency = p.duration("injected_latency");
  m_injectedLoss = p.real("injected_loss");
  m_zoneOutageMeanTime = p.duration("zone_outage_mean_time");
  m_zoneOutageDuration = p.duration("zone_outage_duration");
  m_abortOnBreak = p.boolean("abort_on_break");
}

void ChaosMonkey::receive(const Message& /*msg*/, LinkId /*via*/) {
  // Nothing travels to a chaos monkey: its links only say what it attacks.
}

void ChaosMonkey::start() {
  if (m_groups.empty()) findGroups();
  if (!m_begun) {
    m_begun = true;
    // A window before the experiment, the steady state's baseline reading, when there is one.
    if (m_steadyState.enabled() && m_start - now() >= m_steadyState.config().window) {
      setTimer(m_start - now() - m_steadyState.config().window, Baseline);
    }
    setTimer(std::max<SimTime>(0, m_start - now()), Begin);
    if (m_stop > 0) setTimer(std::max<SimTime>(0, m_stop - now()), End);
    return;
  }
  // Restarted after a crash of its own: its timers died with it, its memory did not.
  if (m_startedAt < 0 && !m_notRun) {
    setTimer(std::max<SimTime>(0, m_start - now()), Begin);
    if (m_stop > 0) setTimer(std::max<SimTime>(0, m_stop - now()), End);
    return;
  }
  if (!running()) return;
  setTimer(std::max<SimTime>(0, m_nextWindow - now()), Window);
  setTimer(m_steadyState.config().checkInterval, Check);
  if (m_stop > 0) setTimer(std::max<SimTime>(0, m_stop - now()), End);
}

void ChaosMonkey::findGroups() {
  for (const LinkId l : outgoingLinks()) {
    std::string id(scenarioIdOf(sim().component(sim().network().link(l).to).name()));
    if (std::find(m_groups.begin(), m_groups.end(), id) == m_groups.end()) m_groups.push_back(std::move(id));
  }
}

void ChaosMonkey::onTimer(std::uint32_t kind, std::uint64_t payload) {
  switch (kind) {
    case Baseline: m_steadyState.check(sim()); break;
    case Begin: begin(); break;
    case Window: openWindow(); break;
    case Strike: strike(static_cast<std::size_t>(payload)); break;
    case Restore: restore(static_cast<std::size_t>(payload)); break;
    case Check: checkSteadyState(); break;
    case End: finish(); break;
    case ZoneStrike: zoneOutage(); break;
    case ZoneBack: zoneBack(); break;
    default: break;
  }
}

void ChaosMonkey::begin() {
  if (m_steadyState.enabled()) {
    // Checked first over the window before: a hypothesis that does not hold before any
    // attack says nothing about the attacks, so the experiment does not run.
    const SteadyState::Check before = m_steadyState.check(sim());
    if (!before.holds) {
      m_notRun = true;
      m_broken.push_back(before);
      m_abortReason = m_steadyState.explainBreak(before) + ", before the experiment began";
      return;
    }
    setTimer(m_steadyState.config().checkInterval, Check);
  }
  m_startedAt = now();
  m_nextWindow = now();
  openWindow();
}

void ChaosMonkey::openWindow() {
  if (!running()) return;
  // One draw per group per window, in link order, so a seed always attacks the same way.
  const double p = std::min(1.0, static_cast<double>(m_window) / static_cast<double>(m_meanTimeBetweenKills));
  for (std::size_t g = 0; g < m_groups.size(); ++g) {
    if (rng().uniform01() >= p) continue;
    setTimer(static_cast<SimTime>(rng().uniform01() * static_cast<double>(m_window)), Strike, g);
  }
  // Drawn after the groups' and only when asked for, so a design without zone outages attacks
  // exactly as before.
  if (m_zoneOutageMeanTime > 0) {
    const double pz = std::min(1.0, static_cast<double>(m_window) / static_cast<double>(m_zoneOutageMeanTime));
    if (rng().uniform01() < pz) setTimer(static_cast<SimTime>(rng().uniform01() * static_cast<double>(m_window)), ZoneStrike);
  }
  m_nextWindow = now() + m_window;
  setTimer(m_window, Window);
}

bool ChaosMonkey::underInjection(ComponentId id) const {
  return std::any_of(m_injections.begin(), m_injections.end(),
                     [&](const Injection& i) { return i.active && i.victim == id; });
}

std::size_t ChaosMonkey::impaired() const {
  std::size_t count = 0;
  for (const std::string& g : m_groups) {
    for (const ComponentId id : instancesOf(sim(), g)) {
      const Component& c = sim().component(id);
      if (!c.isUp() || !c.healthy() || underInjection(id)) ++count;
    }
  }
  return count;
}

void ChaosMonkey::strike(std::size_t group) {
  if (!running() || group >= m_groups.size()) return;
  AttackRecord& a = m_attacks.emplace_back();
  a.at = now();
  a.group = m_groups[group];
  a.attack = m_mix == Mix::Latency ? Attack::Latency
             : m_mix == Mix::Loss  ? Attack::Loss
             : m_mix == Mix::Kill  ? Attack::Kill
                                   : static_cast<Attack>(rng().below(3));
  a.impaired = impaired();
  if (a.impaired >= m_blastRadius) {
    a.skippedBlastRadius = true;
    ++m_skippedBlastRadius;
    return;
  }
  std::vector<ComponentId> candidates = instancesOf(sim(), a.group);
  std::erase_if(candidates, [&](ComponentId id) { return !sim().component(id).isUp() || underInjection(id); });
  if (candidates.empty()) {
    a.skippedNoVictim = true;
    ++m_skippedNoVictim;
    return;
  }
  a.victim = candidates[rng().below(candidates.size())];
  ++m_attacksMade;
  if (a.attack == Attack::Kill) {
    sim().crash(a.victim);
    ++m_kills;
  } else {
    inject(a.victim, a.attack);
  }
}

void ChaosMonkey::inject(ComponentId victim, Attack attack) {
  auto slot = std::find_if(m_injections.begin(), m_injections.end(), [](const Injection& i) { return !i.active; });
  if (slot == m_injections.end()) slot = m_injections.insert(m_injections.end(), Injection{});
  slot->victim = victim;
  slot->attack = attack;
  slot->active = true;
  slot->saved.clear();
  for (const LinkId l : sim().component(victim).incomingLinks()) {
    const Link& link = sim().network().link(l);
    if (link.from == id()) continue;  // its own link carries nothing
    if (attack == Attack::Latency) {
      slot->saved.emplace_back(l, static_cast<double>(link.extraLatency));
      sim().setLinkExtraLatency(l, link.extraLatency + m_injectedLatency);
    } else {
      slot->saved.emplace_back(l, link.config.lossProbability);
      sim().setLinkLossProbability(l, m_injectedLoss);
    }
  }
  setTimer(m_attackDuration, Restore, static_cast<std::uint64_t>(slot - m_injections.begin()));
}

void ChaosMonkey::restore(std::size_t index) {
  if (index >= m_injections.size() || !m_injections[index].active) return;
  Injection& i = m_injections[index];
  for (const auto& [link, value] : i.saved) {
    if (sim().network().link(link).removed) continue;
    if (i.attack == Attack::Latency) {
      sim().setLinkExtraLatency(link, static_cast<SimTime>(value));
    } else {
      sim().setLinkLossProbability(link, value);
    }
  }
  i.active = false;
}

std::vector<const ZoneMap::Zone*> ChaosMonkey::targetZones() const {
  std::vector<const ZoneMap::Zone*> out;
  const ZoneMap* zones = sim().findExtension<ZoneMap>();
  if (!zones) return out;
  for (const ZoneMap::Zone& z : zones->zones()) {
    const bool holdsATarget = std::any_of(m_groups.begin(), m_groups.end(),
                                          [&](const std::string& g) { return ZoneMap::holds(z, g); });
    if (holdsATarget) out.push_back(&z);
  }
  return out;
}

void ChaosMonkey::zoneOutage() {
  if (!running()) return;
  const std::vector<const ZoneMap::Zone*> zones = targetZones();
  if (zones.empty()) return;
  AttackRecord& a = m_attacks.emplace_back();
  a.at = now();
  a.attack = Attack::ZoneOutage;
  a.impaired = impaired();
  if (!m_zoneDown.empty()) {
    a.group = m_zoneDown;
    a.skippedZoneDown = true;
    return;
  }
  const ZoneMap::Zone& zone = *zones[rng().below(zones.size())];
  a.group = zone.id;
  m_zoneVictims.clear();
  for (std::size_t i = 0; i < sim().componentCount(); ++i) {
    const auto cid = static_cast<ComponentId>(i);
    const Component& c = sim().component(cid);
    if (cid == id() || !c.isUp() || c.isRemoved() || !ZoneMap::holds(zone, scenarioIdOf(c.name()))) continue;
    m_zoneVictims.push_back(cid);
  }
  for (const ComponentId v : m_zoneVictims) sim().crash(v);
  a.zoneVictims = m_zoneVictims.size();
  m_zoneDown = a.group;
  ++m_zoneOutages;
  ++m_attacksMade;
  setTimer(m_zoneOutageDuration, ZoneBack);
}

void ChaosMonkey::zoneBack() {
  if (m_zoneDown.empty()) return;
  for (const ComponentId v : m_zoneVictims) {
    const Component& c = sim().component(v);
    // An orchestrator may have brought an instance back already, a rollout removed it.
    if (!c.isUp() && !c.isRemoved()) sim().restart(v);
  }
  m_zoneVictims.clear();
  m_zoneDown.clear();
}

void ChaosMonkey::checkSteadyState() {
  if (!running()) return;
  const SteadyState::Check c = m_steadyState.check(sim());
  ++m_checks;
  if (c.requests > 0) m_worstAvailability = std::min(m_worstAvailability, c.availabilityPercent);
  if (!c.holds) {
    m_broken.push_back(c);
    if (m_abortOnBreak) {
      abort(c);
      return;
    }
  }
  setTimer(m_steadyState.config().checkInterval, Check);
}

void ChaosMonkey::abort(const SteadyState::Check& broken) {
  m_abortedAt = now();
  m_abortReason = m_steadyState.explainBreak(broken);
  finish();
}

void ChaosMonkey::finish() {
  if (!running()) return;
  m_endedAt = now();
  // The rollback: injections under way are lifted and a zone down comes back; killed
  // instances are the system's to bring back, as after a real Chaos Monkey termination.
  for (std::size_t i = 0; i < m_injections.size(); ++i) restore(i);
  zoneBack();
}

void ChaosMonkey::onCrash() {
  // A chaos agent that dies takes its injections and its zone outage with it (their restore
  // timers die too).
  for (std::size_t i = 0; i < m_injections.size(); ++i) restore(i);
  zoneBack();
}

std::string ChaosMonkey::attackName(Attack a) const {
  switch (a) {
    case Attack::Kill: return "killed";
    case Attack::Latency: return "added " + formatDuration(m_injectedLatency) + " latency to";
    case Attack::Loss: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.3g%%", 100 * m_injectedLoss);
      return "made " + std::string(buf) + " loss into";
    }
    case Attack::ZoneOutage: return "took down zone";
  }
  return {};
}

std::string ChaosMonkey::status() const {
  if (m_groups.empty()) return "no group linked";
  if (m_notRun) return "did not run: " + m_abortReason;
  if (m_startedAt < 0) return "starts at " + seconds(m_start);
  std::string text = aborted() ? "aborted at " + seconds(m_abortedAt) + ": " + m_abortReason
                     : running() ? "running"
                                 : "ended at " + seconds(m_endedAt);
  text += "; " + std::to_string(attacksMade()) + " attacks (" + std::to_string(m_kills) + " kills";
  if (m_zoneOutages > 0) text += ", " + std::to_string(m_zoneOutages) + " zone outages";
  text += ")";
  if (!m_zoneDown.empty()) text += ", zone " + m_zoneDown + " down";
  if (m_skippedBlastRadius > 0) text += ", " + std::to_string(m_skippedBlastRadius) + " held back by the blast radius";
  if (m_steadyState.enabled() && !aborted()) {
    text += m_broken.empty() ? "; steady state held at " + std::to_string(m_checks) + " checks"
                             : "; steady state broke at " + std::to_string(m_broken.size()) + " of " +
                                   std::to_string(m_checks) + " checks";
  }
  return text;
}

std::vector<ControlDecision> ChaosMonkey::decisions() const {
  std::vector<ControlDecision> out;
  out.reserve(m_attacks.size() + 1);
  for (const AttackRecord& a : m_attacks) {
    std::string summary;
    if (a.skippedBlastRadius) {
      summary = "held back an attack on " + a.group + ": " + std::to_string(a.impaired) +
                (a.impaired == 1 ? " instance" : " instances") + " already impaired (blast radius " +
                std::to_string(m_blastRadius) + ")";
    } else if (a.skippedNoVictim) {
      summary = "found no instance of " + a.group + " up to attack";
    } else if (a.skippedZoneDown) {
      summary = "held back a zone outage: zone " + a.group + " is still down";
    } else if (a.attack == Attack::ZoneOutage) {
      summary = "took down zone " + a.group + " for " + formatDuration(m_zoneOutageDuration) + " (" +
                std::to_string(a.zoneVictims) + (a.zoneVictims == 1 ? " component)" : " components)");
    } else {
      summary = attackName(a.attack) + " " + sim().component(a.victim).name();
      if (a.attack != Attack::Kill) summary += " for " + formatDuration(m_attackDuration);
    }
    out.push_back({a.at,
                   std::move(summary),
                   {{"impaired", static_cast<double>(a.impaired)},
                    {"skipped", a.skippedBlastRadius || a.skippedNoVictim || a.skippedZoneDown ? 1.0 : 0.0}}});
  }
  if (aborted()) out.push_back({m_abortedAt, "aborted the experiment: " + m_abortReason, {}});
  if (m_notRun) out.push_back({m_start, "did not start the experiment: " + m_abortReason, {}});
  return out;
}

std::optional<ExperimentRecord> ChaosMonkey::experiment() const {
  ExperimentRecord r;
  r.hypothesis = m_steadyState.describe();
  r.startedAt = m_startedAt;
  r.endedAt = m_endedAt;
  r.abortedAt = m_abortedAt;
  if (!m_steadyState.enabled()) {
    r.verdict = "unchecked";
    r.detail = "no steady-state hypothesis was given";
  } else if (m_notRun) {
    r.verdict = "not run";
    r.detail = m_abortReason;
  } else if (aborted()) {
    r.verdict = "aborted";
    r.detail = m_abortReason;
  } else if (!m_broken.empty()) {
    r.verdict = "broken";
    r.detail = m_steadyState.explainBreak(m_broken.front()) + " first at " + seconds(m_broken.front().at) + ", " +
               std::to_string(m_broken.size()) + " of " + std::to_string(m_checks) + " checks broke";
  } else {
    r.verdict = m_startedAt < 0 ? "not started" : "held";
    r.detail = "held at all " + std::to_string(m_checks) + " checks";
  }
  r.figures = {{"attacks", static_cast<double>(attacksMade())},
               {"kills", static_cast<double>(m_kills)},
               {"zone_outages", static_cast<double>(m_zoneOutages)},
               {"skipped_blast_radius", static_cast<double>(m_skippedBlastRadius)},
               {"skipped_no_victim", static_cast<double>(m_skippedNoVictim)},
               {"checks", static_cast<double>(m_checks)},
               {"checks_broken", static_cast<double>(m_broken.size())},
               {"worst_availability", m_worstAvailability}};
  return r;
}

std::vector<Component::ExtraMetric> ChaosMonkey::extraMetrics(SimTime /*now*/) const {
  return {
      {"attacks", static_cast<double>(attacksMade())},
      {"kills", static_cast<double>(m_kills)},
      {"zone_outages", static_cast<double>(m_zoneOutages)},
      {"skipped_blast_radius", static_cast<double>(m_skippedBlastRadius)},
      {"impaired", static_cast<double>(impaired())},
      {"checks", static_cast<double>(m_checks)},
      {"checks_broken", static_cast<double>(m_broken.size())},
      {"aborted", aborted() ? 1.0 : 0.0},
  };
}

std::vector<SeriesColumn> ChaosMonkey::seriesColumns() const { return {{"impaired", false}, {"attacks", true}}; }

void ChaosMonkey::seriesValues(SimTime /*now*/, double* out) const {
  out[0] = static_cast<double>(impaired());
  out[1] = static_cast<double>(attacksMade());
}

}  // namespace pillars
