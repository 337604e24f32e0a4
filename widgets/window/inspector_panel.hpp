#pragma once

#include <QWidget>
#include <string>

class QLabel;
class QTableWidget;
class QTableWidgetItem;

namespace pillars {

class TopologyDocument;

/// Shows and edits the parameters of the selected component, from the engine's schema: value,
/// unit and description, values that differ from the default in bold. An edit goes to the
/// document as an undoable command; a value the schema refuses stays in the cell, marked, with
/// the reason as its tooltip, and never reaches the model.
class InspectorPanel final : public QWidget {
  Q_OBJECT

 public:
  InspectorPanel(TopologyDocument& document, QWidget* parent = nullptr);

  /// Shows one component, or a hint when `componentId` is empty. Safe to call from any
  /// signal: the table is refilled once control returns to the event loop.
  void showComponent(const std::string& componentId);
  /// Refills now (tests, and the deferred refresh).
  void refresh();

 signals:
  /// An edit was refused; the text says why.
  void invalidValue(const QString& reason);

 private:
  void onItemChanged(QTableWidgetItem* item);

  TopologyDocument& m_document;
  QLabel* m_heading;
  QTableWidget* m_table;
  std::string m_componentId;
  bool m_refreshQueued = false;
  bool m_filling = false;
};

}  // namespace pillars
