#pragma once

#include <vector>

#include "widgets/live/chart_markers.hpp"

namespace pillars {

struct AlertResult;

/// Which of the live charts an alert belongs on: the latency chart for latency SLO alerts and
/// latency anomalies, the errors chart for availability alerts and error-rate anomalies.
enum class AlertChart { Latency, Errors };
AlertChart chartOf(const AlertResult& alert);

/// The markers of the alerts that belong on `chart`, from firing to resolving (still firing:
/// open), coloured by severity: a page red, a ticket amber, an anomaly violet.
std::vector<ChartMarker> alertMarkers(const std::vector<AlertResult>& alerts, AlertChart chart);

}  // namespace pillars
