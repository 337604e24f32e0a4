#include "engine/sim/network.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <stdexcept>

#include "engine/sim/component.hpp"
#include "engine/sim/simulation.hpp"

namespace pillars {

Network::Network(Simulation& sim) : m_sim(sim) {}

LinkId Network::addLink(ComponentId from, ComponentId to, const LinkConfig& config,
                        std::string name) {
  if (!m_names.insert(name).second) {
    throw std::invalid_argument("a link named \"" + name + "\" already exists in this simulation");
  }
  Link l;
  l.id = static_cast<LinkId>(m_links.size());
  l.rng = m_sim.stream("link:" + name);
  l.name = std::move(name);
  l.from = from;
  l.to = to;
  l.config = config;
  m_links.push_back(std::move(l));
  return m_links.back().id;
}

LinkId Network::findLink(ComponentId a, ComponentId b) const {
  for (const Link& l : m_links) {
    if (!l.removed && ((l.from == a && l.to == b) || (l.from == b && l.to == a))) return l.id;
  }
  return kNoLink;
}

std::uint32_t Network::allocateFlight() {
  if (!m_freeFlights.empty()) {
    const std::uint32_t index = m_freeFlights.back();
    m_freeFlights.pop_back();
    return index;
  }
  m_inFlight.emplace_back();
  return static_cast<std::uint32_t>(m_inFlight.size() - 1);
}

void Network::drop(const Message& msg, Link& link, DropReason reason) {
  ++link.stats.dropped;
  if (SimObserver* obs = m_sim.observer()) obs->onDrop(msg, link.id, reason, m_sim.now());
}

void Network::send(LinkId linkId, Message msg) {
  Link& link = m_links[linkId];
  assert(msg.src == link.from || msg.src == link.to);
  const int direction = msg.src == link.from ? 0 : 1;
  msg.dst = link.peerOf(msg.src);
  ++link.stats.sent;
  link.stats.bytes += msg.sizeBytes;
  const SimTime now = m_sim.now();
  if (!link.up) {
    drop(msg, link, DropReason::LinkDown);
    return;
  }
  // Serialization: a message waits for the ones ahead of it in the same direction.
  SimTime departure = now;
  if (link.config.bandwidthBytesPerSecond > 0.0) {
    departure = std::max(now, link.busyUntil[direction]);
    departure += secondsToSimTime(msg.sizeBytes / link.config.bandwidthBytesPerSecond);
    link.busyUntil[direction] = departure;
  }
  const SimTime arrival = saturatingAdd(
      saturatingAdd(departure, secondsToSimTime(link.config.latency.sample(link.rng))),
      link.extraLatency);
  // Loss is decided now so the message can still be drawn flying until it dies.
  const bool lost = link.config.lossProbability > 0.0 &&
                    link.rng.uniform01() < link.config.lossProbability;

  const std::uint32_t index = allocateFlight();
  Flight& f = m_inFlight[index];
  f.msg = msg;
  f.link = linkId;
  f.linkEpoch = link.epoch;
  f.lost = lost;
  if (SimObserver* obs = m_sim.observer()) obs->onSend(msg, linkId, now, arrival);
  m_sim.scheduleAt(arrival, *this, 0, index);
}

void Network::handleEvent(std::uint32_t /*kind*/, std::uint64_t payload) {
  const auto index = static_cast<std::uint32_t>(payload);
  const Flight f = m_inFlight[index];
  m_freeFlights.push_back(index);
  Link& link = m_links[f.link];
  if (f.lost) {
    drop(f.msg, link, DropReason::Loss);
    return;
  }
  if (!link.up || link.epoch != f.linkEpoch) {
    drop(f.msg, link, DropReason::LinkDown);
    return;
  }
  Component& target = m_sim.component(f.msg.dst);
  if (!target.isUp()) {
    drop(f.msg, link, DropReason::TargetDown);
    return;
  }
  ++link.stats.delivered;
  if (SimObserver* obs = m_sim.observer()) obs->onDeliver(f.msg, f.link, m_sim.now());
  target.deliver(f.msg, f.link);
}

void Network::cut(LinkId linkId) {
  Link& link = m_links[linkId];
  if (!link.up) return;
  link.up = false;
  ++link.epoch;
  if (SimObserver* obs = m_sim.observer()) obs->onLinkState(linkId, false, m_sim.now());
}

void Network::remove(LinkId linkId) {
  Link& link = m_links[linkId];
  if (link.removed) return;
  link.removed = true;
  link.up = false;
  ++link.epoch;
}

void Network::heal(LinkId linkId) {
  Link& link = m_links[linkId];
  if (link.up || link.removed) return;
  link.up = true;
  if (SimObserver* obs = m_sim.observer()) obs->onLinkState(linkId, true, m_sim.now());
}

void Network::setExtraLatency(LinkId linkId, SimTime extra) {
  Link& link = m_links[linkId];
  extra = std::max<SimTime>(0, extra);
  if (link.extraLatency == extra) return;
  link.extraLatency = extra;
  if (SimObserver* obs = m_sim.observer()) obs->onLinkExtraLatency(linkId, extra, m_sim.now());
}

void Network::setLossProbability(LinkId linkId, double probability) {
  Link& link = m_links[linkId];
  // Written so that NaN becomes 0: a nonsense value loses nothing rather than everything.
  probability = probability > 0.0 ? std::min(probability, 1.0) : 0.0;
  if (link.config.lossProbability == probability) return;
  link.config.lossProbability = probability;
  if (SimObserver* obs = m_sim.observer()) obs->onLinkLossProbability(linkId, probability, m_sim.now());
}

}  // namespace pillars
