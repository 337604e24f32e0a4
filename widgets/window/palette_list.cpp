#include "widgets/window/palette_list.hpp"

#include <QMimeData>

#include "engine/model/component_kind.hpp"
#include "widgets/canvas/kind_style.hpp"
#include "widgets/canvas/mime_types.hpp"

namespace pillars {

namespace {

/// A pillar's heading: not a kind, so it can be neither dragged nor selected.
QListWidgetItem* heading(Pillar pillar, QListWidget* list) {
  auto* item = new QListWidgetItem(kindstyle::pillarTitle(pillar).toUpper(), list);
  item->setFlags(Qt::ItemIsEnabled);
  item->setBackground(kindstyle::pillarFill(pillar));
  item->setForeground(kindstyle::pillarBorder(pillar).darker(140));
  QFont font = list->font();
  font.setBold(true);
  font.setPointSizeF(font.pointSizeF() * 0.9);
  item->setFont(font);
  item->setToolTip(kindstyle::pillarBlurb(pillar));
  item->setSizeHint(QSize(0, 24));
  return item;
}

}  // namespace

PaletteList::PaletteList(QWidget* parent) : QListWidget(parent) {
  setObjectName(QStringLiteral("Palette"));
  setIconSize(QSize(24, 24));  // every pillar in view at common heights
  setDragEnabled(true);
  setDragDropMode(DragOnly);
  setSelectionMode(SingleSelection);
  setWordWrap(true);  // a pillar without kinds says what it offers instead, in a sentence
  for (const Pillar pillar : kindstyle::kPillars) {
    heading(pillar, this);
    bool any = false;
    for (const auto& kind : builtinRegistry().kinds()) {
      if (kind->pillar != pillar) continue;
      any = true;
      auto* item = new QListWidgetItem(kindstyle::icon(kind->name), QString::fromStdString(kind->title), this);
      item->setToolTip(QString::fromStdString(kind->description) +
                       tr("\nDrag onto the canvas, or double-click to add."));
      item->setData(Qt::UserRole, QString::fromStdString(kind->name));
    }
    if (!any) {
      // The map is whole from the start; what is missing is said, not hidden.
      auto* none = new QListWidgetItem(kindstyle::pillarWithoutKinds(pillar), this);
      none->setToolTip(none->text());
      none->setFlags(Qt::ItemIsEnabled);
      none->setForeground(palette().color(QPalette::PlaceholderText));
      QFont italic = font();
      italic.setItalic(true);
      none->setFont(italic);
    }
  }
  connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
    const QString kind = kindOf(item);
    if (!kind.isEmpty()) emit kindActivated(kind);
  });
}

QString PaletteList::kindOf(const QListWidgetItem* item) {
  return item ? item->data(Qt::UserRole).toString() : QString();
}

QListWidgetItem* PaletteList::itemFor(const QString& kind) const {
  for (int i = 0; i < count(); ++i) {
    if (kindOf(item(i)) == kind) return item(i);
  }
  return nullptr;
}

QMimeData* PaletteList::mimeData(const QList<QListWidgetItem*>& items) const {
  auto* payload = new QMimeData;
  if (!items.isEmpty()) payload->setData(QLatin1String(kKindMimeType), kindOf(items.front()).toUtf8());
  return payload;
}

}  // namespace pillars
