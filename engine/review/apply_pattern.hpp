#pragma once
// "Apply" for the recommended patterns that map onto a topology: each resolved hint
// (recommender.hpp, resolveApplyHints) becomes a concrete edit of the scenario: a balancer in
// front of a service, a replica of a store, a cache, health checks, an autoscaler, a chaos
// experiment. The
// editor applies it to a copy and pushes the copy as one undo step.

#include <string>

#include "engine/review/review_data.hpp"

namespace pillars {
struct Scenario;
}

namespace pillars::review {

/// Edits `scenario` as the hint says; returns what was wrong (the scenario is then unchanged),
/// or empty. Actions:
///  - add_load_balancer: a new load_balancer "<target>-lb" takes over every incoming link of
///    the target and calls it.
///  - add_replica, add_instance: a copy of the target (same kind, parameters, group and
///    outgoing links) beside it; callers reach both through the balancer or queue in front,
///    which is inserted first (as add_load_balancer) when there is none.
///  - add_cache: a new cache "<target>-cache" between the target's callers and the target.
///  - enable_health_checks: the balancer's health checks on at sensible values (1 s interval,
///    500 ms timeout, 2 checks either way).
///  - add_crash_fault: the target crashes at a third of the run and restarts at two thirds.
///  - add_autoscaler: an autoscaler "<target>-autoscaler" (the HPA's defaults) linked to the
///    target service, between half and twice (at least 10) its instances.
///  - add_chaos_monkey: a chaos monkey "chaos-monkey" linked to the target, attacking from a
///    quarter of the run with the hypothesis "availability >= 99.9%".
/// Sharding and unknown actions are refused with an explanation.
std::string applyHint(Scenario& scenario, const ApplyHint& hint);

/// What the edit does, for undo labels and status messages: "add replica of db".
std::string describeHint(const ApplyHint& hint);

}  // namespace pillars::review
