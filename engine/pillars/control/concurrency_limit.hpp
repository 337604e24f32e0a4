#pragma once

#include "engine/pillars/control/aimd_limit.hpp"
#include "engine/pillars/control/gradient2_limit.hpp"

namespace pillars {

/// A service's adaptive concurrency limit (`concurrency_limit`): none, AIMD or Gradient2.
/// Requests beyond it are refused at once.
class ConcurrencyLimit {
 public:
  ConcurrencyLimit() = default;
  explicit ConcurrencyLimit(const AimdLimit& aimd) : m_kind(Kind::Aimd), m_aimd(aimd) {}
  explicit ConcurrencyLimit(const Gradient2Limit& gradient) : m_kind(Kind::Gradient2), m_gradient(gradient) {}

  bool enabled() const { return m_kind != Kind::None; }
  double limit() const { return m_kind == Kind::Aimd ? m_aimd.limit() : m_gradient.limit(); }
  bool admits(double inFlight) const {
    switch (m_kind) {
      case Kind::None: return true;
      case Kind::Aimd: return m_aimd.admits(inFlight);
      case Kind::Gradient2: return m_gradient.admits(inFlight);
    }
    return true;
  }
  void onAnswered(SimTime latency, bool failed, double inFlight) {
    if (m_kind == Kind::Aimd) m_aimd.onAnswered(latency, failed);
    if (m_kind == Kind::Gradient2) m_gradient.onAnswered(latency, inFlight);
  }

 private:
  enum class Kind { None, Aimd, Gradient2 };
  Kind m_kind = Kind::None;
  AimdLimit m_aimd;
  Gradient2Limit m_gradient;
};

}  // namespace pillars
