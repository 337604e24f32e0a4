#include "widgets/window/inspector_live_stats.hpp"

#include <QLocale>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>
#include <vector>

#include "engine/model/component_kind.hpp"
#include "engine/run/run_results.hpp"
#include "engine/sim/component.hpp"
#include "engine/sim/component_group.hpp"
#include "engine/sim/network.hpp"
#include "engine/sim/simulation.hpp"
#include "widgets/live/live_run.hpp"
#include "widgets/window/inspector_facts.hpp"
#include "widgets/window/live_figure_text.hpp"

namespace pillars {

namespace {

/// Playing refreshes at most this often: numbers that change 60 times a second cannot be read.
constexpr qint64 kRefreshMs = 250;

using Facts = std::vector<std::pair<QString, QString>>;

QString count(std::uint64_t n) { return QLocale().toString(static_cast<qulonglong>(n)); }
QString number(double v, int decimals) { return QLocale().toString(v, 'f', decimals); }
QString ms(double v) { return InspectorLiveStats::tr("%1 ms").arg(number(v, v < 10 ? 2 : 1)); }
QString percent(double fraction) { return InspectorLiveStats::tr("%1%").arg(number(fraction * 100, 1)); }

/// What a component did with requests: throughput, outcomes and latency.
void requestFacts(const ComponentResult& r, Facts& f) {
  f.emplace_back(InspectorLiveStats::tr("Throughput"), InspectorLiveStats::tr("%1 req/s").arg(number(r.throughputRps, 1)));
  f.emplace_back(InspectorLiveStats::tr("Completed"), count(r.completed));
  f.emplace_back(InspectorLiveStats::tr("Lost"), InspectorLiveStats::tr("%1 failed \u00b7 %2 dropped \u00b7 %3 timed out")
                                                     .arg(count(r.failed), count(r.dropped), count(r.timedOut)));
  f.emplace_back(InspectorLiveStats::tr("p50 / p99"),
                 r.latency.count == 0 ? InspectorLiveStats::tr("no answers yet")
                                      : InspectorLiveStats::tr("%1 / %2").arg(ms(r.latency.p50), ms(r.latency.p99)));
  if (r.latency.count > 0) f.emplace_back(InspectorLiveStats::tr("Slowest"), ms(r.latency.max));
}

Facts componentFacts(const Component& c, const ComponentResult& r) {
  // Short lines: the dock is narrow, and a line that wraps while its figures change jumps.
  const ComponentMetrics& m = c.metrics();
  Facts f;
  f.emplace_back(InspectorLiveStats::tr("State"),
                 c.isUp() ? InspectorLiveStats::tr("Up") : InspectorLiveStats::tr("Down (crashed)"));
  // A control loop (autoscaler, chaos monkey) handles no requests: its own figures say what it did.
  if (kindTraits(c.kind()).servesRequests) requestFacts(r, f);
  // Busy workers and waiting requests right now are the kind's own figures (below).
  if (m.capacity > 0) {
    f.emplace_back(InspectorLiveStats::tr("Utilization"), InspectorLiveStats::tr("%1 mean").arg(percent(r.utilization)));
    f.emplace_back(InspectorLiveStats::tr("Queue"), InspectorLiveStats::tr("mean %1 \u00b7 max %2")
                                                        .arg(number(r.queueLengthMean, 2), number(r.queueLengthMax, 0)));
  }
  if (r.retries > 0) f.emplace_back(InspectorLiveStats::tr("Retries"), count(r.retries));
  // The kind's own figures in words and units ("Role Leader", not "Role 2").
  for (auto& row : liveFiguresText(c.kind(), r.extras)) f.push_back(std::move(row));
  // SLO alerts: the ones firing now, or how many fired and resolved.
  const std::vector<AlertRecord> alerts = c.alerts();
  if (!alerts.empty()) {
    QStringList firing;
    for (const AlertRecord& a : alerts) {
      if (a.resolvedAt < 0) {
        firing << InspectorLiveStats::tr("%1 since %2 s")
                      .arg(QString::fromStdString(a.name), number(simTimeToSeconds(a.firedAt), 1));
      }
    }
    f.emplace_back(InspectorLiveStats::tr("Alerts"),
                   firing.isEmpty() ? InspectorLiveStats::tr("none firing (%1 fired and resolved)").arg(alerts.size())
                                    : firing.join(QStringLiteral("\n")));
  }
  // A chaos experiment's verdict so far, and what it holds the system to.
  if (const std::optional<ExperimentRecord> e = c.experiment()) {
    const bool running = e->startedAt >= 0 && e->endedAt < 0;
    const QString verdict = running && e->verdict == "held" ? InspectorLiveStats::tr("running, steady state held so far")
                                                            : QString::fromStdString(e->verdict);
    f.emplace_back(InspectorLiveStats::tr("Experiment"),
                   InspectorLiveStats::tr("%1\n%2").arg(verdict, QString::fromStdString(e->detail)));
    f.emplace_back(InspectorLiveStats::tr("Steady state"), QString::fromStdString(e->hypothesis));
  }
  // A control loop's latest decision, in its own words (an autoscaler's scaling and why).
  if (!r.decisions.empty()) {
    const ComponentResult::Decision& d = r.decisions.back();
    f.emplace_back(InspectorLiveStats::tr("Last decision"),
                   InspectorLiveStats::tr("at %1 s: %2").arg(number(d.atS, 0), QString::fromStdString(d.summary)));
  }
  return f;
}

/// The figures of every group the component belongs to (a Raft group's elections and commits),
/// under a heading per group: they are the same on every member.
void groupFacts(const Simulation& sim, ComponentId member, SimTime now, Facts& f) {
  for (std::size_t i = 0; i < sim.groupCount(); ++i) {
    const ComponentGroup& g = sim.group(i);
    if (!g.contains(member)) continue;
    const GroupResult r = groupResult(g, sim, now);
    if (r.extras.empty()) continue;
    // "raft_group" reads "Raft group"; a kind not named a group says it is one.
    QString kind = QString::fromStdString(r.kind).replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!kind.isEmpty()) kind[0] = kind[0].toUpper();
    if (!kind.endsWith(QStringLiteral(" group"))) kind = InspectorLiveStats::tr("%1 group").arg(kind);
    f.emplace_back(kind, InspectorLiveStats::tr("the same on every member"));
    for (auto& row : liveFiguresText(r.kind, r.extras)) f.push_back(std::move(row));
  }
}

Facts linkFacts(const Link& l) {
  const LinkResult r = linkResult(l);
  Facts f;
  f.emplace_back(InspectorLiveStats::tr("State"), r.up ? InspectorLiveStats::tr("Up") : InspectorLiveStats::tr("Cut"));
  f.emplace_back(InspectorLiveStats::tr("Messages"),
                 InspectorLiveStats::tr("%1 sent \u00b7 %2 delivered \u00b7 %3 dropped")
                     .arg(count(r.sent), count(r.delivered), count(r.dropped)));
  f.emplace_back(InspectorLiveStats::tr("Volume"),
                 QLocale().formattedDataSize(static_cast<qint64>(r.bytes), 1, QLocale::DataSizeSIFormat));
  if (l.extraLatency > 0) {
    f.emplace_back(InspectorLiveStats::tr("Added latency"), ms(simTimeToSeconds(l.extraLatency) * 1e3));
  }
  if (l.config.lossProbability > 0) f.emplace_back(InspectorLiveStats::tr("Loss"), percent(l.config.lossProbability));
  return f;
}

}  // namespace

InspectorLiveStats::InspectorLiveStats(QWidget* parent)
    : QGroupBox(parent),
      m_facts(new InspectorFacts(this)),
      m_follower([this] { refresh(); }, this, kRefreshMs, [this] { return m_target != Target::Nothing; }) {
  setObjectName(QStringLiteral("inspectorLiveStats"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 4, 6, 6);
  layout->addWidget(m_facts);
  hide();
}

void InspectorLiveStats::setLiveRun(LiveRun* run) { m_follower.follow(run); }

void InspectorLiveStats::showComponent(const std::string& id) {
  m_target = Target::Component;
  m_id = id;
  refresh();
}

void InspectorLiveStats::showLink(const std::string& id) {
  m_target = Target::Link;
  m_id = id;
  refresh();
}

void InspectorLiveStats::showNothing() {
  m_target = Target::Nothing;
  m_id.clear();
  refresh();
}

void InspectorLiveStats::refresh() {
  LiveRun* run = m_follower.run();
  ScenarioRunner* runner = run ? run->runner() : nullptr;
  if (!runner || m_target == Target::Nothing || run->eventCount() == 0) {
    hide();
    return;
  }
  Simulation& sim = runner->simulation();
  const SimTime now = sim.now();
  const SimTime measureStart = runner->measureStart();
  Facts facts;
  if (m_target == Target::Component) {
    const ComponentId cid = run->componentId(m_id);
    if (cid == kNoComponent) {
      hide();
      return;
    }
    const Component& c = sim.component(cid);
    const double measured = now > measureStart ? simTimeToSeconds(now - measureStart) : 0.0;
    facts = componentFacts(c, componentResult(c, now, measured));
    groupFacts(sim, cid, now, facts);
  } else {
    const LinkId lid = run->linkId(m_id);
    if (lid == kNoLink) {
      hide();
      return;
    }
    facts = linkFacts(sim.network().link(lid));
  }
  const QString clock = QStringLiteral("%1 s").arg(simTimeToSeconds(now), 0, 'f', 3);
  setTitle(now < measureStart ? tr("Live at t = %1 (warm-up until %2 s)").arg(clock).arg(simTimeToSeconds(measureStart))
                              : tr("Live at t = %1").arg(clock));
  m_facts->setFacts(facts);
  show();
}

}  // namespace pillars
