#include "widgets/canvas/diagram_export.hpp"

#include <QBuffer>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

#include "engine/layout/dot_export.hpp"
#include "engine/util/atomic_file.hpp"
#include "widgets/document/topology_document.hpp"

namespace pillars {

namespace {

constexpr qreal kMargin = 24.0;

QString writeBytes(const QString& path, const QByteArray& bytes) {
  std::string error;
  if (!writeFileAtomically(path.toStdString(), std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), &error)) {
    return QString::fromStdString(error);
  }
  return {};
}

}  // namespace

QString exportDiagram(const TopologyDocument& document, QGraphicsScene& scene, const QString& path) {
  const QString format = QFileInfo(path).suffix().toLower();
  const QRectF area = scene.itemsBoundingRect().adjusted(-kMargin, -kMargin, kMargin, kMargin);
  // Selection outlines are editing state, not part of the picture; the guard puts the
  // selection back however the export ends.
  struct SelectionRestorer {
    QList<QGraphicsItem*> items;
    ~SelectionRestorer() {
      for (QGraphicsItem* item : items) item->setSelected(true);
    }
  } restorer{scene.selectedItems()};
  scene.clearSelection();
  QByteArray bytes;
  if (format == QStringLiteral("png")) {
    QImage image((area.size() * 2).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene.render(&painter, QRectF(QPointF(), image.size()), area);
    painter.end();
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
  } else if (format == QStringLiteral("svg")) {
    QBuffer buffer(&bytes);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(area.size().toSize());
    svg.setViewBox(QRectF(QPointF(), area.size()));
    svg.setTitle(QString::fromStdString(document.scenario().name));
    QPainter painter(&svg);
    scene.render(&painter, QRectF(QPointF(), area.size()), area);
    painter.end();
  } else if (format == QStringLiteral("dot")) {
    bytes = QByteArray::fromStdString(scenarioToDot(document.scenarioWithPositions()));
  } else {
    return QObject::tr("%1: the extension must be .png, .svg or .dot").arg(path);
  }
  return writeBytes(path, bytes);
}

}  // namespace pillars
