#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "engine/model/param.hpp"
#include "engine/pillars/control/circuit_breaker.hpp"
#include "engine/pillars/control/retry_budget.hpp"
#include "engine/pillars/intelligence/anomaly_detector.hpp"
#include "engine/pillars/intelligence/slo_monitor.hpp"
#include "engine/pillars/work/arrival_process.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/slot_pool.hpp"

namespace pillars {

class KeyVersions;

/// A load generator: an open-loop arrival process or a closed loop of users who think between
/// requests. Each request gets a deadline, is retried with exponential backoff and jitter, and
/// its fate (completed, failed, timed out) and end-to-end latency are what the run reports.
///
/// What the Control pillar adds to a caller: an overall `deadline` across attempts (Envoy's
/// route timeout; every attempt carries its deadline, so servers can shed work nobody waits
/// for), a retry budget (Envoy) or retry throttling (gRPC) that keeps retries from multiplying
/// the load of an outage, and a circuit breaker per outgoing link (resilience4j) that fails
/// requests fast while the link's calls keep failing.
class Client final : public Component {
 public:
  /// The kind name scenario files use.
  static constexpr std::string_view kKind = "client";
  static std::vector<ParamSpec> paramSpecs();
  Client(const std::string& name, const ParamSet& params);

  void start() override;
  void receive(const Message& msg, LinkId via) override;
  std::vector<ExtraMetric> extraMetrics(SimTime now) const override;
  std::vector<SeriesColumn> seriesColumns() const override;
  void seriesValues(SimTime now, double* out) const override;
  void resetMetrics(SimTime now) override;
  bool measuresEndToEnd() const override { return true; }
  /// The SLO's burn-rate alerts and the anomaly detector's, in firing order.
  std::vector<AlertRecord> alerts() const override;

 private:
  enum Timer : std::uint32_t { NextArrival, AttemptTimeout, BackoffDone, ThinkDone };
  enum class Jitter { None, Full, Equal };

  struct Request {
    std::uint64_t requestId = 0;
    std::uint64_t key = 0;
    SimTime issuedAt = 0;
    EventId timer;          // the attempt's timeout, or the backoff before the next attempt
    std::uint32_t attempt = 0;
    std::uint32_t user = 0;  // closed loop: who is waiting for it
    bool read = false;       // a read of its key rather than a write (see read_fraction)
    /// A read of a versioned store: the newest version of its key acknowledged to any client
    /// when the read was issued; an answer older than this is a stale read.
    std::uint64_t required = 0;
    SimTime attemptSentAt = 0;  // for the breaker's slow calls
    std::size_t link = 0;       // index of the outgoing link the attempt went on
    bool retrying = false;      // counted among the retries in flight (the budget)
  };

  void onTimer(std::uint32_t kind, std::uint64_t payload) override;
  /// A versioned answer (State pillar): acknowledge a write, judge a read.
  void noteVersionedAnswer(const Request& r, const Message& answer);
  KeyVersions* versions();
  void onCrash() override;

  void scheduleNextArrival();
  void issue(std::uint32_t user);
  void sendAttempt(SlotHandle handle, Request& request);
  void attemptFailed(SlotHandle handle, Request& request, bool timedOut);
  /// Whether a failed request may be tried again: attempts left, the overall deadline not
  /// reached, and the retry budget and throttle allowing it.
  bool mayRetry(const Request& request) const;
  void recordOutcome(const Request& request, bool failed);
  void finish(SlotHandle handle, Request& request);
  void startThinking(std::uint32_t user);
  std::uint64_t drawKey();
  SimTime backoffDelay(std::uint32_t retryNumber);

  // Configuration
  bool m_closedLoop = false;
  ArrivalProcess m_arrivals;
  std::int64_t m_users = 1;
  Distribution m_thinkTime;
  SimTime m_timeout = 0;
  std::int64_t m_maxRetries = 0;
  SimTime m_backoffBase = 0;
  SimTime m_backoffMax = 0;
  Jitter m_jitter = Jitter::Full;
  std::uint64_t m_keyCount = 1;
  bool m_zipfKeys = false;
  Distribution m_zipf;
  std::uint64_t m_requestLimit = 0;
  std::uint32_t m_requestSize = 0;
  double m_readFraction = 0;
  SimTime m_deadline = 0;  // overall, across attempts; 0: none
  RetryBudget m_budget;
  RetryThrottle m_throttle;
  std::unique_ptr<SloMonitor> m_availabilitySlo;  // when slo_availability is set
  std::unique_ptr<SloMonitor> m_latencySlo;       // when slo_latency is set
  std::unique_ptr<AnomalyDetector> m_anomaly;  // when anomaly_detection is on
  bool m_breakers = false;
  CircuitBreaker::Config m_breakerConfig;

  // State
  SlotPool<Request> m_inFlight;
  std::uint64_t m_issued = 0;
  std::size_t m_nextLink = 0;
  KeyVersions* m_versions = nullptr;  // the simulation's, once a store has made it
  std::vector<CircuitBreaker> m_linkBreakers;  // per outgoing link, when breakers are on
  std::uint64_t m_retriesInFlight = 0;
  std::uint64_t m_failedFast = 0;     // refused by an open breaker
  std::uint64_t m_retriesDenied = 0;  // failures not retried for lack of budget or tokens

  // What the answers of versioned stores showed (reported only when there were some).
  std::uint64_t m_versionedAnswers = 0;
  std::uint64_t m_reads = 0, m_writes = 0, m_staleReads = 0;
  LatencyHistogram m_staleness;  // versions behind, per read (0 when fresh)
};

}  // namespace pillars
