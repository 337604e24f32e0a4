#pragma once

#include <cstdint>

#include "engine/sim/ids.hpp"
#include "engine/sim/message.hpp"
#include "engine/sim/time.hpp"

namespace pillars {

/// Why the network did not deliver a message.
enum class DropReason : std::uint8_t {
  Loss,        // the link's loss probability struck
  LinkDown,    // the link was cut when sent or while in flight
  TargetDown,  // the receiver was crashed when the message arrived
};

enum class ComponentState : std::uint8_t { Up, Down };

/// Receives what happens in a simulation, for animation, traces and tests. The kernel calls
/// observers only when at least one is attached (a single predictable branch), so headless runs
/// pay nothing; several can watch one run at once (see ObserverList).
class SimObserver {
 public:
  virtual ~SimObserver() = default;
  virtual void onSend(const Message& /*msg*/, LinkId /*link*/, SimTime /*sentAt*/,
                      SimTime /*arrivesAt*/) {}
  virtual void onDeliver(const Message& /*msg*/, LinkId /*link*/, SimTime /*at*/) {}
  virtual void onDrop(const Message& /*msg*/, LinkId /*link*/, DropReason /*reason*/,
                      SimTime /*at*/) {}
  virtual void onComponentState(ComponentId /*id*/, ComponentState /*state*/, SimTime /*at*/) {}
  virtual void onLinkState(LinkId /*link*/, bool /*up*/, SimTime /*at*/) {}
  /// Component `where` began working on `request` at `start`; the work is due to end at `end`
  /// (a crash cuts it short). Lets a request trace split time spent queueing from time spent
  /// working.
  virtual void onWork(ComponentId /*where*/, const Message& /*request*/, SimTime /*start*/,
                      SimTime /*end*/) {}
  /// A component's work times are now multiplied by `factor` (1 = normal speed).
  virtual void onSlowdown(ComponentId /*id*/, double /*factor*/, SimTime /*at*/) {}
  /// Every message on the link now takes `extraLatency` longer (0 = none).
  virtual void onLinkExtraLatency(LinkId /*link*/, SimTime /*extraLatency*/, SimTime /*at*/) {}
  /// The link now loses each message with `probability`.
  virtual void onLinkLossProbability(LinkId /*link*/, double /*probability*/, SimTime /*at*/) {}
  /// The topology grew or shrank while running (an orchestrator's instance, a shard added).
  /// A removed component's or link's id is never reused; its name stays taken.
  virtual void onComponentAdded(ComponentId /*id*/, SimTime /*at*/) {}
  virtual void onLinkAdded(LinkId /*link*/, SimTime /*at*/) {}
  /// Called after the component's links were removed (each announced by onLinkRemoved).
  virtual void onComponentRemoved(ComponentId /*id*/, SimTime /*at*/) {}
  virtual void onLinkRemoved(LinkId /*link*/, SimTime /*at*/) {}
};

}  // namespace pillars
