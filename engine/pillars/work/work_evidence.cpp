// The Work pillar's evidence: load balancers (policy, health checks, outlier detection, keys
// partitioned by consistent hashing), queues, and clients' retries and what guards them.
#include "engine/pillars/work/work_evidence.hpp"

#include <algorithm>

#include "engine/model/scenario.hpp"
#include "engine/pillars/work/broker.hpp"
#include "engine/pillars/work/client.hpp"
#include "engine/pillars/work/load_balancer.hpp"
#include "engine/review/topology_analysis.hpp"
#include "engine/review/words.hpp"
#include "engine/util/units.hpp"

namespace pillars::review {

namespace {

// Retries without a guard multiply the load exactly when the system is slowest: the seed of a
// metastable retry storm (see retry-storm.json). A budget, a throttle or a breaker bounds them.
void retryGuardEvidence(const Scenario& s, std::vector<EvidenceItem>& out) {
  std::vector<std::string> unguarded, ids;
  std::int64_t mostAttempts = 1;
  for (const auto* c : s.componentsOfKind(Client::kKind)) {
    const std::int64_t retries = c->params.integer("retries");
    if (retries == 0) continue;
    const bool guarded = c->params.real("retry_budget_percent") > 0 ||
                         c->params.real("retry_tokens") > 0 || c->params.boolean("circuit_breaker");
    if (guarded) continue;
    unguarded.push_back(c->id + " (up to " + std::to_string(retries + 1) + " attempts)");
    ids.push_back(c->id);
    mostAttempts = std::max(mostAttempts, retries + 1);
  }
  if (unguarded.empty()) return;
  out.push_back(
      {"retry_amplification", std::to_string(mostAttempts),
       "Retries without a retry budget, retry throttling or circuit breaker: " +
           listInWords(unguarded) +
           ". When the system slows down every request can become that many attempts, and the "
           "extra load can keep it down after the cause has gone (a retry storm).",
       ids, "", false});
}

}  // namespace

void balancerEvidence(const Scenario& s, bool probed, std::vector<EvidenceItem>& out) {
  const auto balancers = s.componentsOfKind(LoadBalancer::kKind);
  if (balancers.empty()) {
    const TopologyAnalysis a = analyzeTopology(s);
    const std::size_t n = a.entryServices.size();
    out.push_back({"load_balancing_policy", "none",
                   n == 0 ? std::string("No load balancer in the design.")
                          : "No load balancer: " + listInWords(a.entryServices) +
                                (n == 1 ? " takes" : " take") + " client traffic directly.",
                   a.entryServices, "no", false});
    if (!probed) {
      out.push_back(
          {"health_checks",
           "none",
           "Nothing checks health: without a load balancer or probes no backend is ever taken out.",
           {},
           "no",
           false});
    }
    return;
  }
  for (const auto* b : balancers) {
    const std::string policy = b->params.choice("policy");
    std::vector<std::string> about{b->id};
    const auto backends = s.targetsOf(b->id);
    about.insert(about.end(), backends.begin(), backends.end());
    out.push_back(
        {"load_balancing_policy", policy,
         b->id + " spreads requests over " + listInWords(backends) + " by " + policy + ".", about,
         "yes", false});
  }
  for (const auto* b : balancers) {
    const SimTime interval = b->params.duration("health_check_interval");
    if (interval > 0) {
      out.push_back({"health_checks",
                     formatDuration(interval),
                     b->id + " checks its backends every " + formatDuration(interval) +
                         " and takes one out after " +
                         std::to_string(b->params.integer("unhealthy_threshold")) +
                         " failed checks.",
                     {b->id},
                     "yes",
                     false});
    } else {
      out.push_back({"health_checks",
                     "off",
                     b->id + " has health checks off (health_check_interval 0): a crashed backend "
                             "keeps receiving requests.",
                     {b->id},
                     "no",
                     false});
    }
  }
  for (const auto* b : balancers) {
    if (!b->params.boolean("outlier_detection")) continue;
    // Passive health checking: what a probe cannot see (a process that is up but failing).
    out.push_back(
        {"health_checks",
         "outlier_detection",
         b->id + " ejects a backend after " +
             std::to_string(b->params.integer("consecutive_errors")) + " errors in a row, for " +
             formatDuration(b->params.duration("base_ejection_time")) +
             " times its ejections in a row (outlier detection), at most " +
             formatNumber(b->params.real("max_ejection_percent")) + "% of backends at once.",
         {b->id},
         "yes",
         false});
  }
  for (const auto* b : balancers) {
    if (b->params.choice("policy") != "consistent_hash") continue;
    out.push_back({"partitioning",
                   "consistent_hash",
                   b->id + " partitions keys over " + listInWords(s.targetsOf(b->id)) +
                       " by consistent hashing (" +
                       std::to_string(b->params.integer("virtual_nodes")) +
                       " virtual nodes per backend).",
                   {b->id},
                   "yes",
                   false});
  }
}

void queueEvidence(const Scenario& s, std::vector<EvidenceItem>& out) {
  std::vector<std::string> queues;
  for (const auto* q : s.componentsOfKind(Broker::kKind)) queues.push_back(q->id);
  out.push_back({"queues", std::to_string(queues.size()),
                 queues.empty()
                     ? "No queue: every request is handled while its client waits."
                     : "Queues decouple producers from consumers: " + listInWords(queues) + ".",
                 queues, queues.empty() ? "" : "stream", false});
}

void retryEvidence(const Scenario& s, std::vector<EvidenceItem>& out) {
  std::vector<std::string> retrying;
  for (const auto* c : s.componentsOfKind(Client::kKind)) {
    if (c->params.integer("retries") > 0)
      retrying.push_back(c->id + " (" + std::to_string(c->params.integer("retries")) + ")");
  }
  out.push_back({"retries",
                 std::to_string(retrying.size()),
                 retrying.empty() ? "No client retries a failed request."
                                  : "Clients retry failed requests: " + listInWords(retrying) + ".",
                 {},
                 "",
                 false});
  retryGuardEvidence(s, out);
}

}  // namespace pillars::review
