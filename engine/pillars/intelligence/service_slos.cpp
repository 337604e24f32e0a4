#include "engine/pillars/intelligence/service_slos.hpp"

#include <algorithm>

#include "engine/model/param.hpp"

namespace pillars {

std::vector<AlertRecord> ServiceSlos::Slos::alerts() const {
  std::vector<AlertRecord> out;
  for (const SloMonitor* slo : {availability.get(), latency.get()}) {
    if (slo) out.insert(out.end(), slo->alerts().begin(), slo->alerts().end());
  }
  std::stable_sort(out.begin(), out.end(), [](const AlertRecord& a, const AlertRecord& b) { return a.firedAt < b.firedAt; });
  return out;
}

std::size_t ServiceSlos::Slos::firing() const {
  return (availability ? availability->firing() : 0) + (latency ? latency->firing() : 0);
}

bool ServiceSlos::wanted(const ParamSet& p) { return p.real("slo_availability") > 0 || p.duration("slo_latency") > 0; }

ServiceSlos::Slos& ServiceSlos::join(Simulation& sim, std::string_view service, const ParamSet& p,
                                     const ComponentMetrics& metrics) {
  auto found = std::find_if(m_slos.begin(), m_slos.end(), [&](const auto& s) { return s->service == service; });
  if (found == m_slos.end()) {
    auto slos = std::make_unique<Slos>();
    slos->service = std::string(service);
    if (p.real("slo_availability") > 0) {
      slos->availability = std::make_unique<SloMonitor>(
          SloObjective{SloObjective::Kind::Availability, p.real("slo_availability"), 0}, p.duration("slo_period"));
      slos->availability->start(sim);
    }
    if (p.duration("slo_latency") > 0) {
      slos->latency = std::make_unique<SloMonitor>(
          SloObjective{SloObjective::Kind::Latency, p.real("slo_latency_objective"), p.duration("slo_latency")},
          p.duration("slo_period"));
      slos->latency->start(sim);
    }
    m_slos.push_back(std::move(slos));
    found = m_slos.end() - 1;
  }
  if ((*found)->availability) (*found)->availability->watch(metrics);
  return **found;
}

}  // namespace pillars
