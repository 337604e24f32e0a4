#include "engine/pillars/intelligence/target_tracking.hpp"

#include <algorithm>
#include <cmath>

namespace pillars::tt {

std::string_view holdName(Hold hold) {
  switch (hold) {
    case Hold::None: return "";
    case Hold::Cooldown: return "scale-in cooldown";
    case Hold::WarmingUp: return "warm-up";
    case Hold::ScaleInStep: return "scale-in step";
    case Hold::MaxReplicas: return "max_replicas";
    case Hold::MinReplicas: return "min_replicas";
  }
  return "";
}

Decision Tracker::decide(SimTime now, std::size_t current, std::size_t warm, std::size_t warming, double metric) {
  Decision d;
  d.replicas = current;
  if (warm == 0 || m_config.target <= 0) {
    // Nothing to judge by (AWS: the alarm has insufficient data and the policy does not act).
    d.noMetrics = true;
    d.recommended = current;
    m_lowSince = -1;
    return d;
  }
  const double wanted = std::ceil(static_cast<double>(warm) * metric / m_config.target);
  d.recommended = std::clamp(static_cast<std::size_t>(std::max(wanted, 0.0)), m_config.minReplicas, m_config.maxReplicas);
  d.low = metric < m_config.target * (1.0 - m_config.scaleInMargin);
  if (!d.low) m_lowSince = -1;
  if (d.low && m_lowSince < 0) m_lowSince = now;

  if (wanted > static_cast<double>(current)) {
    // Out, proportionally and at once: the warming instances are part of `current`, so this
    // adds only what the warm ones' metric says is still missing.
    d.replicas = d.recommended;
    if (d.replicas < static_cast<std::size_t>(wanted)) d.hold = Hold::MaxReplicas;
    return d;
  }
  if (current < m_config.minReplicas) {
    d.replicas = m_config.minReplicas;
    d.hold = Hold::MinReplicas;
    return d;
  }
  if (!d.low || d.recommended >= current) return d;

  // In, gradually.
  if (warming > 0) {
    d.hold = Hold::WarmingUp;
    return d;
  }
  const SimTime lowFor = now - std::max(m_lowSince, m_lastScaling);
  if (lowFor < m_config.scaleInCooldown) {
    d.hold = Hold::Cooldown;
    d.until = std::max(m_lowSince, m_lastScaling) + m_config.scaleInCooldown;
    return d;
  }
  const auto step = std::max<std::size_t>(1, static_cast<std::size_t>(static_cast<double>(current) * kScaleInStep));
  const std::size_t floor = current > step ? current - step : 0;
  d.replicas = std::max(d.recommended, floor);
  if (d.replicas > d.recommended) d.hold = Hold::ScaleInStep;
  return d;
}

void Tracker::scaled(SimTime now) { m_lastScaling = now; }

}  // namespace pillars::tt
