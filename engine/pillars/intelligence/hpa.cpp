#include "engine/pillars/intelligence/hpa.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pillars::hpa {

Recommendation recommend(std::size_t current, std::span<const InstanceMetric> instances, double target,
                         double tolerance, double missingFallback) {
  Recommendation r;
  r.replicas = current;
  double sum = 0;
  std::size_t measured = 0, unready = 0, missing = 0;
  for (const InstanceMetric& m : instances) {
    switch (m.readiness) {
      case Readiness::Ready:
        sum += m.value;
        ++measured;
        break;
      case Readiness::Unready: ++unready; break;
      case Readiness::Missing: ++missing; break;
    }
  }
  if (measured == 0 || target <= 0) {
    r.noMetrics = true;
    return r;
  }
  r.metric = sum / static_cast<double>(measured);
  r.usageRatio = r.metric / target;
  const bool scaleUpWithUnready = unready > 0 && r.usageRatio > 1.0;
  if (!scaleUpWithUnready && missing == 0) {
    if (std::fabs(1.0 - r.usageRatio) <= tolerance) {
      r.withinTolerance = true;
      return r;
    }
    r.replicas = static_cast<std::size_t>(std::ceil(r.usageRatio * static_cast<double>(measured)));
    return r;
  }
  // Fill in what was not measured in the direction that moves the set least: instances
  // starting up count as idle on a scale-up (they will take load soon); unmeasured ones as
  // busy on a scale-down and idle on a scale-up. A ratio of exactly 1 leaves them out.
  double filledSum = sum;
  std::size_t counted = measured;
  if (missing > 0 && r.usageRatio != 1.0) {
    if (r.usageRatio < 1.0) filledSum += static_cast<double>(missing) * missingFallback;
    counted += missing;
  }
  if (scaleUpWithUnready) counted += unready;
  const double newRatio = filledSum / static_cast<double>(counted) / target;
  const bool reversed = (r.usageRatio < 1.0 && newRatio > 1.0) || (r.usageRatio > 1.0 && newRatio < 1.0);
  if (std::fabs(1.0 - newRatio) <= tolerance || reversed) {
    r.withinTolerance = true;
    return r;
  }
  const auto replicas = static_cast<std::size_t>(std::ceil(newRatio * static_cast<double>(counted)));
  // Filling in must never turn a scale-down into growth or a scale-up into shrinking.
  if ((newRatio < 1.0 && replicas > current) || (newRatio > 1.0 && replicas < current)) return r;
  r.replicas = replicas;
  return r;
}

ScalingRules ScalingRules::defaultScaleUp() {
  ScalingRules r;
  r.stabilizationWindow = 0;
  r.select = Select::Max;
  r.policies = {{Policy::Type::Percent, 100, 15 * kSecond}, {Policy::Type::Pods, 4, 15 * kSecond}};
  return r;
}

ScalingRules ScalingRules::defaultScaleDown() {
  ScalingRules r;
  r.stabilizationWindow = 300 * kSecond;
  r.select = Select::Max;
  r.policies = {{Policy::Type::Percent, 100, 15 * kSecond}};
  return r;
}

std::string_view limitName(Limit limit) {
  switch (limit) {
    case Limit::None: return "";
    case Limit::Stabilized: return "stabilization window";
    case Limit::ScaleUpPolicy: return "scale-up policy";
    case Limit::ScaleDownPolicy: return "scale-down policy";
    case Limit::MaxReplicas: return "max_replicas";
    case Limit::MinReplicas: return "min_replicas";
  }
  return "";
}

Behavior::Behavior(ScalingRules up, ScalingRules down, std::size_t minReplicas, std::size_t maxReplicas)
    : m_up(std::move(up)), m_down(std::move(down)), m_min(minReplicas), m_max(maxReplicas) {}

std::int64_t Behavior::changedWithin(const std::vector<Timed>& events, SimTime now, SimTime period) {
  // Kubernetes counts the events strictly after the cutoff: one exactly a period old is out.
  std::int64_t sum = 0;
  for (const Timed& e : events) {
    if (e.at > now - period) sum += e.value;
  }
  return sum;
}

std::int64_t Behavior::scaleUpLimit(SimTime now, std::int64_t current) const {
  if (m_up.select == ScalingRules::Select::Disabled) return current;
  const bool pickMax = m_up.select == ScalingRules::Select::Max;
  std::int64_t result = pickMax ? std::numeric_limits<std::int64_t>::min() : std::numeric_limits<std::int64_t>::max();
  for (const Policy& p : m_up.policies) {
    // The count the period started from: what the set had before this period's changes.
    const std::int64_t start =
        current - changedWithin(m_scaleUps, now, p.period) + changedWithin(m_scaleDowns, now, p.period);
    const std::int64_t proposed =
        p.type == Policy::Type::Pods
            ? start + static_cast<std::int64_t>(p.value)
            : static_cast<std::int64_t>(std::ceil(static_cast<double>(start) * (1.0 + p.value / 100.0)));
    result = pickMax ? std::max(result, proposed) : std::min(result, proposed);
  }
  return result;
}

std::int64_t Behavior::scaleDownLimit(SimTime now, std::int64_t current) const {
  if (m_down.select == ScalingRules::Select::Disabled) return current;
  // The largest change is the lowest floor.
  const bool pickMax = m_down.select == ScalingRules::Select::Max;
  std::int64_t result = pickMax ? std::numeric_limits<std::int64_t>::max() : std::numeric_limits<std::int64_t>::min();
  for (const Policy& p : m_down.policies) {
    const std::int64_t start =
        current - changedWithin(m_scaleUps, now, p.period) + changedWithin(m_scaleDowns, now, p.period);
    // A percentage floor truncates, as Kubernetes converts it to an integer.
    const std::int64_t proposed =
        p.type == Policy::Type::Pods ? start - static_cast<std::int64_t>(p.value)
                                     : static_cast<std::int64_t>(static_cast<double>(start) * (1.0 - p.value / 100.0));
    result = pickMax ? std::min(result, proposed) : std::max(result, proposed);
  }
  return result;
}

Behavior::Outcome Behavior::normalize(SimTime now, std::size_t current, std::size_t recommended) {
  prune(now);
  // Stabilization: scale up no further than the lowest recommendation within the up window,
  // down no further than the highest within the down window.
  auto up = static_cast<std::int64_t>(recommended);
  auto down = static_cast<std::int64_t>(recommended);
  for (const Timed& r : m_recommendations) {
    if (r.at > now - m_up.stabilizationWindow) up = std::min(up, r.value);
    if (r.at > now - m_down.stabilizationWindow) down = std::max(down, r.value);
  }
  m_recommendations.push_back({now, static_cast<std::int64_t>(recommended)});
  const auto cur = static_cast<std::int64_t>(current);
  std::int64_t desired = cur;
  if (desired < up) desired = up;
  if (desired > down) desired = down;
  Outcome out{static_cast<std::size_t>(desired),
              desired != static_cast<std::int64_t>(recommended) ? Limit::Stabilized : Limit::None};

  // Rate: the policies, then min and max.
  if (desired > cur) {
    const std::int64_t limit = std::max(scaleUpLimit(now, cur), cur);
    std::int64_t allowed = static_cast<std::int64_t>(m_max);
    Limit why = Limit::MaxReplicas;
    if (allowed > limit) {
      allowed = limit;
      why = Limit::ScaleUpPolicy;
    }
    if (desired > allowed) out = {static_cast<std::size_t>(allowed), why};
  } else if (desired < cur) {
    const std::int64_t limit = std::min(scaleDownLimit(now, cur), cur);
    std::int64_t allowed = static_cast<std::int64_t>(m_min);
    Limit why = Limit::MinReplicas;
    if (allowed < limit) {
      allowed = limit;
      why = Limit::ScaleDownPolicy;
    }
    if (desired < allowed) out = {static_cast<std::size_t>(allowed), why};
  }
  return out;
}

void Behavior::scaled(SimTime now, std::size_t from, std::size_t to) {
  if (to > from) m_scaleUps.push_back({now, static_cast<std::int64_t>(to - from)});
  if (to < from) m_scaleDowns.push_back({now, static_cast<std::int64_t>(from - to)});
}

void Behavior::prune(SimTime now) {
  SimTime period = 0;
  for (const Policy& p : m_up.policies) period = std::max(period, p.period);
  for (const Policy& p : m_down.policies) period = std::max(period, p.period);
  const SimTime window = std::max(m_up.stabilizationWindow, m_down.stabilizationWindow);
  const auto older = [now](SimTime reach) { return [=](const Timed& t) { return t.at <= now - reach; }; };
  std::erase_if(m_recommendations, older(window));
  std::erase_if(m_scaleUps, older(period));
  std::erase_if(m_scaleDowns, older(period));
}

}  // namespace pillars::hpa
