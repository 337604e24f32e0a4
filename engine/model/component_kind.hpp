#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/model/param.hpp"

namespace pillars {

class Component;

/// Which of the five pillars a kind belongs to.
enum class Pillar { Work, State, Truth, Control, Intelligence };
std::string_view pillarName(Pillar pillar);

/// A kind of component (client, service, load_balancer, ...): its identity, documentation,
/// parameter schema and how to build an instance.
struct ComponentKind {
  std::string name;         // as written in scenario files: "load_balancer"
  std::string title;        // as shown to people: "Load balancer"
  Pillar pillar = Pillar::Work;
  std::string description;  // one line
  std::vector<ParamSpec> params;
  /// The kind only makes sense calling something (a client, a router): validation refuses an
  /// instance without an outgoing link.
  bool needsOutgoingLink = false;
  /// Instances form groups with the components of the same kind they are linked to (a
  /// consensus group). When peerGroupMin > 0, validation refuses a group of fewer than
  /// peerGroupMin or more than peerGroupMax members, and one whose members are not all linked
  /// to each other exactly once.
  std::size_t peerGroupMin = 0;
  std::size_t peerGroupMax = 0;
  std::function<std::unique_ptr<Component>(const std::string& id, const ParamSet& params)> create;
};

/// The set of component kinds a scenario may use. Not a singleton: tests build their own, and
/// builtinRegistry() is an immutable table of everything Pillars ships.
class ComponentRegistry {
 public:
  void add(ComponentKind kind);
  const ComponentKind* find(std::string_view name) const;
  const std::vector<std::unique_ptr<ComponentKind>>& kinds() const { return m_kinds; }
  std::vector<std::string> names() const;

 private:
  // unique_ptr keeps each kind's address stable: ParamSets point at their kind's specs.
  std::vector<std::unique_ptr<ComponentKind>> m_kinds;
};

/// Every kind Pillars ships, registered pillar by pillar.
const ComponentRegistry& builtinRegistry();

/// Parameters of a link (latency, bandwidth, loss, weight), declared like a component's.
const std::vector<ParamSpec>& linkParamSpecs();

}  // namespace pillars
