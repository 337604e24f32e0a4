#include "widgets/live/chart_export.hpp"

#include <QBuffer>
#include <QChart>
#include <QCoreApplication>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>
#include <QTextDocumentFragment>

#include <optional>
#include <sstream>

#include "engine/metrics/time_series.hpp"
#include "engine/util/atomic_file.hpp"

namespace pillars {

namespace {

constexpr QSizeF kFallbackSize(640, 320);

QString tr(const char* text) {
  return QCoreApplication::translate("pillars::ChartExport", text);
}

QString writeBytes(const QString& path, std::string_view bytes) {
  std::string error;
  if (!writeFileAtomically(path.toStdString(), bytes, &error)) return QString::fromStdString(error);
  return {};
}

}  // namespace

QString exportChartImage(QChart& chart, const QString& path) {
  const QString format = QFileInfo(path).suffix().toLower();
  if (format != QStringLiteral("png") && format != QStringLiteral("svg")) {
    return tr("%1: the extension must be .png or .svg").arg(path);
  }
  if (!chart.scene()) return tr("The chart is not shown anywhere, so it cannot be drawn");
  if (chart.size().width() < 50 || chart.size().height() < 50) chart.resize(kFallbackSize);
  const QRectF source = chart.sceneBoundingRect();
  const QSizeF size = source.size();
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  if (format == QStringLiteral("png")) {
    QImage image((size * 2).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(chart.backgroundBrush().color());
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    chart.scene()->render(&painter, QRectF(QPointF(), image.size()), source);
    painter.end();
    if (!image.save(&buffer, "PNG")) return tr("Could not encode the PNG image");
  } else {
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(size.toSize());
    svg.setViewBox(QRectF(QPointF(), size));
    // The chart's title is HTML (ChartPane's key), and QSvgGenerator writes the title into
    // the XML as given: plain text, escaped, keeps the file well-formed.
    svg.setTitle(
        QTextDocumentFragment::fromHtml(chart.title()).toPlainText().simplified().toHtmlEscaped());
    QPainter painter(&svg);
    chart.scene()->render(&painter, QRectF(QPointF(), size), source);
    painter.end();
  }
  return writeBytes(path,
                    std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
}

QString exportSeriesCsv(const TimeSeries& series, const std::vector<std::string>& columns,
                        const QString& path) {
  std::ostringstream out;
  if (columns.empty()) {
    series.writeCsv(out);
  } else {
    // A narrower copy written by the same writer keeps one CSV format (exact times,
    // round-trip numbers) for the app and the CLI.
    std::vector<std::size_t> indices;
    for (const std::string& name : columns) {
      const std::optional<std::size_t> index = series.columnIndex(name);
      if (!index) return tr("The time series has no column %1").arg(QString::fromStdString(name));
      indices.push_back(*index);
    }
    TimeSeries narrow(columns);
    narrow.reserve(series.rowCount());
    std::vector<double> row(columns.size());
    for (std::size_t r = 0; r < series.rowCount(); ++r) {
      for (std::size_t c = 0; c < indices.size(); ++c) row[c] = series.value(r, indices[c]);
      narrow.append(series.time(r), row);
    }
    narrow.writeCsv(out);
  }
  return writeBytes(path, out.view());
}

}  // namespace pillars
