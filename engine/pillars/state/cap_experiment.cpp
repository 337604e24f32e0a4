#include "engine/pillars/state/cap_experiment.hpp"

#include <algorithm>
#include <cstdio>

#include "engine/model/component_kind.hpp"
#include "engine/model/overrides.hpp"
#include "engine/pillars/state/state_kinds.hpp"
#include "engine/pillars/state/store.hpp"
#include "engine/run/scenario_runner.hpp"
#include "engine/util/units.hpp"

namespace pillars {

namespace {

/// The store replica set `id` belongs to: every store reachable over store-to-store links, in
/// declaration order.
std::vector<std::string> replicaSetOf(const Scenario& s, const std::string& id) {
  std::vector<std::string> found{id};
  for (std::size_t next = 0; next < found.size(); ++next) {
    for (const LinkSpec& l : s.links) {
      const std::string* other = l.from == found[next] ? &l.to : l.to == found[next] ? &l.from : nullptr;
      if (!other || !isStore(s, *other)) continue;
      if (std::find(found.begin(), found.end(), *other) == found.end()) found.push_back(*other);
    }
  }
  std::vector<std::string> ordered;
  for (const ComponentSpec& c : s.components) {
    if (std::find(found.begin(), found.end(), c.id) != found.end()) ordered.push_back(c.id);
  }
  return ordered;
}

bool touches(const LinkSpec& l, const std::vector<std::string>& members) {
  const auto in = [&](const std::string& id) { return std::find(members.begin(), members.end(), id) != members.end(); };
  return in(l.from) && in(l.to);
}

std::string seconds(SimTime t) { return formatNumber(simTimeToSeconds(t)) + " s"; }

/// Cuts the last member off from its peers for the second quarter of the run, unless the
/// timeline already cuts a link inside the set. Returns the partition in words.
std::string partition(Scenario& s, const std::vector<std::string>& members, bool& added) {
  for (const FaultSpec& f : s.faults) {
    const LinkSpec* l = f.action == FaultAction::Cut ? s.findLink(f.target) : nullptr;
    if (l && touches(*l, members)) {
      added = false;
      return "the design's own: " + f.target + " cut at " + seconds(f.at);
    }
  }
  added = true;
  const std::string& isolated = members.back();
  // Whole seconds, and after any warm-up so the refused and stale requests are measured.
  const SimTime from = std::max(s.warmup, (s.duration / 4) / kSecond * kSecond);
  const SimTime to = std::max(from + kSecond, (s.duration / 2) / kSecond * kSecond);
  std::vector<std::string> peers;
  for (const LinkSpec& l : s.links) {
    if (!touches(l, members) || (l.from != isolated && l.to != isolated)) continue;
    s.faults.push_back({from, FaultAction::Cut, l.id});
    s.faults.push_back({to, FaultAction::Heal, l.id});
    const std::string& peer = l.from == isolated ? l.to : l.from;
    if (std::find(peers.begin(), peers.end(), peer) == peers.end()) peers.push_back(peer);
  }
  std::stable_sort(s.faults.begin(), s.faults.end(), [](const FaultSpec& a, const FaultSpec& b) { return a.at < b.at; });
  std::string list;
  for (std::size_t i = 0; i < peers.size(); ++i) list += (i == 0 ? "" : i + 1 == peers.size() ? " and " : ", ") + peers[i];
  return isolated + " cut off from " + list + " from " + seconds(from) + " to " + seconds(to);
}

/// Runs `s` with `side`'s overrides; an empty string when it ran.
std::string measure(const Scenario& base, const ComponentRegistry& registry, const std::string& setGroup, CapSide& side) {
  Scenario s = base;
  for (const std::string& o : side.overrides) {
    if (const std::string why = applyOverride(s, o); !why.empty()) return o + ": " + why;
  }
  ScenarioRunner runner(s, registry);
  runner.run();
  const RunResults r = runner.results();
  for (const ComponentResult& c : r.components) {
    if (!isLoadGenerator(c.kind)) continue;
    side.answered += c.completed;
    side.refused += c.failed + c.timedOut;
    side.reads += static_cast<std::uint64_t>(figureNamed(c.extras, "reads"));
    side.staleReads += static_cast<std::uint64_t>(figureNamed(c.extras, "stale_reads"));
  }
  for (const GroupResult& g : r.groups) {
    if (g.id != setGroup) continue;
    side.lostWrites = static_cast<std::uint64_t>(figureNamed(g.extras, "lost_writes"));
    side.unavailable = static_cast<std::uint64_t>(figureNamed(g.extras, "unavailable"));
    side.converged = figureNamed(g.extras, "converged") != 0.0;  // every store set reports it
  }
  return {};
}

void setOnEach(CapSide& side, const std::vector<std::string>& members, const std::vector<std::pair<std::string, std::string>>& values) {
  for (const std::string& m : members) {
    for (const auto& [param, value] : values) side.overrides.push_back(m + "." + param + "=" + value);
  }
}

}  // namespace

std::variant<CapExperiment, std::string> runCapExperiment(const Scenario& scenario, const ComponentRegistry& registry,
                                                          const std::string& storeId) {
  std::string id = storeId;
  if (id.empty()) {
    const auto store = std::find_if(scenario.components.begin(), scenario.components.end(),
                                    [](const ComponentSpec& c) { return c.kind == Store::kKind; });
    if (store == scenario.components.end()) return std::string("the design has no store to experiment on");
    id = store->id;
  }
  if (!scenario.findComponent(id)) return "no component has the id \"" + id + "\"";
  if (!isStore(scenario, id)) return "\"" + id + "\" is a " + scenario.findComponent(id)->kind + ", not a store";
  CapExperiment e;
  e.members = replicaSetOf(scenario, id);
  if (e.members.size() < 2) {
    return "\"" + id + "\" has no replicas: a set of one has nothing to partition (link stores to each other to make a replica set)";
  }
  const ComponentSpec& first = *scenario.findComponent(e.members.front());
  e.mode = first.params.choice("replication");
  Scenario s = scenario;
  e.partition = partition(s, e.members, e.addedPartition);

  const std::size_t n = e.members.size();
  const std::string majority = std::to_string(n / 2 + 1);
  const std::string all = std::to_string(n);
  if (e.mode == "leaderless") {
    e.cp.label = "CP: R = W = " + majority + " of " + all + ", strict quorum";
    setOnEach(e.cp, e.members, {{"read_quorum", majority}, {"write_quorum", majority}, {"hinted_handoff", "false"}});
    e.ap.label = "AP: W = " + majority + ", R = 1 of " + all + ", sloppy quorum";
    setOnEach(e.ap, e.members, {{"read_quorum", "1"}, {"write_quorum", majority}, {"hinted_handoff", "true"}});
  } else {
    // A lease shorter than the failover wait, so an old leader stops before a new one starts.
    const std::string lease = formatDuration(std::max<SimTime>(kMillisecond, first.params.duration("failover_after") / 2));
    e.cp.label = "CP: sync, reads at the leader, leader lease " + lease;
    setOnEach(e.cp, e.members, {{"ack", "sync"}, {"read_from", "leader"}, {"leader_lease", lease}});
    e.ap.label = "AP: async, reads at any follower, no lease";
    setOnEach(e.ap, e.members, {{"ack", "async"}, {"read_from", "followers"}, {"leader_lease", "0s"}});
  }
  const std::string group = "replicas:" + e.members.front();
  if (std::string why = measure(s, registry, group, e.cp); !why.empty()) return why;
  if (std::string why = measure(s, registry, group, e.ap); !why.empty()) return why;
  return e;
}

std::string formatCapExperiment(const CapExperiment& e) {
  std::string members;
  for (std::size_t i = 0; i < e.members.size(); ++i) members += (i == 0 ? "" : ", ") + e.members[i];
  std::string out = "CAP experiment on " + members + " (" + e.mode + ", " + std::to_string(e.members.size()) +
                    " replicas)\nPartition: " + e.partition + (e.addedPartition ? " (added: the design has none)" : "") + "\n\n";
  const auto percent = [](double f) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f%%", 100.0 * f);
    return std::string(buf);
  };
  const auto row = [&](const std::string& name, const std::string& cp, const std::string& ap) {
    char buf[256];
    std::snprintf(buf, sizeof buf, "  %-22s %-50s %s\n", name.c_str(), cp.c_str(), ap.c_str());
    out += buf;
  };
  row("", e.cp.label, e.ap.label);
  // Requests as the clients saw them; refusals inside the set count every attempt a replica
  // refused (forwarded and retried ones too).
  row("availability", percent(e.cp.availability()), percent(e.ap.availability()));
  row("refused or timed out", std::to_string(e.cp.refused), std::to_string(e.ap.refused));
  row("refusals inside the set", std::to_string(e.cp.unavailable), std::to_string(e.ap.unavailable));
  row("stale reads", std::to_string(e.cp.staleReads) + " of " + std::to_string(e.cp.reads) + " (" + percent(e.cp.staleFraction()) + ")",
      std::to_string(e.ap.staleReads) + " of " + std::to_string(e.ap.reads) + " (" + percent(e.ap.staleFraction()) + ")");
  row("lost writes", std::to_string(e.cp.lostWrites), std::to_string(e.ap.lostWrites));
  if (e.mode == "leaderless") row("converged at the end", e.cp.converged ? "yes" : "no", e.ap.converged ? "yes" : "no");
  return out;
}

}  // namespace pillars
