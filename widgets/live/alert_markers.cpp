#include "widgets/live/alert_markers.hpp"

#include <QCoreApplication>

#include "engine/run/run_results.hpp"

namespace pillars {

namespace {

QColor severityColor(const std::string& severity) {
  if (severity == "page") return QColor(0xd6, 0x27, 0x28);
  if (severity == "ticket") return QColor(0xe0, 0x9a, 0x00);
  return QColor(0x94, 0x67, 0xbd);  // anomaly, and any other
}

QString seconds(double s) { return QStringLiteral("%1 s").arg(s, 0, 'f', 1); }

}  // namespace

AlertChart chartOf(const AlertResult& alert) {
  const bool latency = alert.name.rfind("latency_", 0) == 0 || alert.name == "anomaly_latency";
  return latency ? AlertChart::Latency : AlertChart::Errors;
}

std::vector<ChartMarker> alertMarkers(const std::vector<AlertResult>& alerts, AlertChart chart) {
  std::vector<ChartMarker> out;
  for (const AlertResult& a : alerts) {
    if (chartOf(a) != chart) continue;
    ChartMarker& m = out.emplace_back();
    m.from = a.firedAtS;
    m.to = a.resolvedAtS;
    m.label = QString::fromStdString(a.name);
    m.color = severityColor(a.severity);
    const QString when = a.resolvedAtS < 0
                             ? QCoreApplication::translate("AlertMarkers", "fired at %1, still firing").arg(seconds(a.firedAtS))
                             : QCoreApplication::translate("AlertMarkers", "fired at %1, resolved at %2")
                                   .arg(seconds(a.firedAtS), seconds(a.resolvedAtS));
    m.toolTip = QStringLiteral("%1 (%2) on %3: %4\n%5")
                    .arg(m.label, QString::fromStdString(a.severity), QString::fromStdString(a.component), when,
                         QString::fromStdString(a.detail));
  }
  return out;
}

}  // namespace pillars
