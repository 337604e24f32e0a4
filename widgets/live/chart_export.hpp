#pragma once

#include <QString>

#include <string>
#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace pillars {

class TimeSeries;

/// Writes `chart` as it looks on screen: PNG (at twice its size, sharp when printed) or SVG
/// (vector), by the extension of `path`; the file is replaced atomically. A chart never laid
/// out (its view not shown yet) is drawn at 640 x 320. Returns "" on success, else why not.
QString exportChartImage(QChart& chart, const QString& path);

/// Writes the time column and `columns` of `series` (all of them when `columns` is empty) as
/// CSV in TimeSeries::writeCsv's format, atomically. Unknown column names are an error.
/// Returns "" on success, else why not.
QString exportSeriesCsv(const TimeSeries& series, const std::vector<std::string>& columns,
                        const QString& path);

}  // namespace pillars
