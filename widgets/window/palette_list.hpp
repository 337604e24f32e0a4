#pragma once

#include <QListWidget>

namespace pillars {

/// The palette of component kinds. Dragging an entry carries the kind's name under
/// kKindMimeType (canvas/mime_types.hpp); the canvas creates the component where it lands.
class PaletteList final : public QListWidget {
  Q_OBJECT

 public:
  explicit PaletteList(QWidget* parent = nullptr);
  /// The kind name of an entry ("load_balancer").
  static QString kindOf(const QListWidgetItem* item);

 protected:
  QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override;
};

}  // namespace pillars
