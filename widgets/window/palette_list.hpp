#pragma once

#include <QListWidget>

namespace pillars {

/// The palette of component kinds, grouped under the five pillars: each pillar's heading in its
/// colour, then its kinds (a pillar with none yet says so). Dragging a kind carries its name
/// under kKindMimeType (canvas/mime_types.hpp); the canvas creates the component where it lands.
/// Double-click or Enter on a kind asks for one (kindActivated).
class PaletteList final : public QListWidget {
  Q_OBJECT

 public:
  explicit PaletteList(QWidget* parent = nullptr);
  /// The kind name of an entry ("load_balancer"), or empty for a pillar's heading.
  static QString kindOf(const QListWidgetItem* item);
  /// The entry of a kind, or null.
  QListWidgetItem* itemFor(const QString& kind) const;

 signals:
  void kindActivated(const QString& kind);

 protected:
  QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override;
};

}  // namespace pillars
