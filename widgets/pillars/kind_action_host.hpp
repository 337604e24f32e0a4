#pragma once

#include <QString>
#include <string>

#include "engine/model/scenario.hpp"

class QObject;

namespace pillars {

class LiveRun;

/// What a kind's own context-menu entries may do to the running simulation: the Simulate
/// menu's operations (SimulateActions implements this), so a pillar's entries load the design,
/// fault, record in the timeline and report exactly as the generic entries do.
class KindActionHost {
 public:
  /// The design being edited: what gets loaded.
  virtual const Scenario& design() const = 0;
  virtual LiveRun& run() = 0;
  /// Loads the design when nothing is loaded or the run is out of date; false (with a message
  /// said) when the engine refuses it.
  virtual bool ensureLoaded() = 0;
  /// A run is loaded and it is the design's as it stands (no edit since).
  virtual bool runIsCurrent() const = 0;
  /// Cuts (heals) a link now and records it in the fault timeline; false for an unknown link.
  virtual bool injectCut(const std::string& link) = 0;
  virtual bool injectHeal(const std::string& link) = 0;
  /// Adds `fault`, which the run already had applied by hand, to the design's timeline at the
  /// live clock.
  virtual void recordFault(FaultSpec fault) = 0;
  /// A line for the status bar.
  virtual void say(const QString& text) = 0;
  /// Owner of the menu entries' connections.
  virtual QObject* entryOwner() = 0;

 protected:
  ~KindActionHost() = default;
};

}  // namespace pillars
