#include "widgets/window/palette_list.hpp"

#include <QMimeData>

#include "engine/model/component_kind.hpp"
#include "widgets/canvas/kind_style.hpp"
#include "widgets/canvas/mime_types.hpp"

namespace pillars {

PaletteList::PaletteList(QWidget* parent) : QListWidget(parent) {
  setIconSize(QSize(32, 32));
  setDragEnabled(true);
  setDragDropMode(DragOnly);
  setSelectionMode(SingleSelection);
  for (const auto& kind : builtinRegistry().kinds()) {
    auto* item = new QListWidgetItem(kindstyle::icon(kind->name), QString::fromStdString(kind->title));
    item->setToolTip(QString::fromStdString(kind->description) +
                     tr("\nDrag onto the canvas, or double-click to add."));
    item->setData(Qt::UserRole, QString::fromStdString(kind->name));
    addItem(item);
  }
}

QString PaletteList::kindOf(const QListWidgetItem* item) {
  return item ? item->data(Qt::UserRole).toString() : QString();
}

QMimeData* PaletteList::mimeData(const QList<QListWidgetItem*>& items) const {
  auto* payload = new QMimeData;
  if (!items.isEmpty()) payload->setData(QLatin1String(kKindMimeType), kindOf(items.front()).toUtf8());
  return payload;
}

}  // namespace pillars
