#pragma once

#include <QtGlobal>

#include <algorithm>
#include <cstdint>

namespace pillars {

/// The orange pulse around a card whose component turns requests away (a full queue, load
/// shedding, an adaptive concurrency limit, a rate limiter): at full strength in a frame in
/// which it turned any away, fading over kFadeMs of wall-clock time after the last one, so a
/// steady trickle reads as a steady glow and a burst as a flash.
class ShedPulse {
 public:
  static constexpr qint64 kFadeMs = 600;

  /// The pulse's strength now, 0..1, from the count the component has turned away so far and
  /// the wall clock in ms. A count that went down (a warm-up restarting the figures, an
  /// instance leaving a set) is a new baseline, not a pulse; so is the first count seen.
  double update(std::uint64_t turnedAway, qint64 wallMs) {
    if (m_seen && turnedAway > m_last) m_pulsedAtMs = wallMs;
    m_last = turnedAway;
    m_seen = true;
    if (m_pulsedAtMs < 0) return 0.0;
    return std::clamp(1.0 - static_cast<double>(wallMs - m_pulsedAtMs) / static_cast<double>(kFadeMs), 0.0, 1.0);
  }

 private:
  std::uint64_t m_last = 0;
  bool m_seen = false;
  qint64 m_pulsedAtMs = -1;
};

}  // namespace pillars
