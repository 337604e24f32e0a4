#pragma once

#include <QWidget>
#include <string>

class QLabel;
class QTableWidget;

namespace pillars {

class TopologyDocument;

/// Shows the parameters of the selected component, from the engine's schema: value, unit and
/// description, with values that differ from the default in bold. Read-only in this version.
class InspectorPanel final : public QWidget {
  Q_OBJECT

 public:
  InspectorPanel(const TopologyDocument& document, QWidget* parent = nullptr);

  /// Shows one component, or a hint when `componentId` is empty.
  void showComponent(const std::string& componentId);

 private:
  const TopologyDocument& m_document;
  QLabel* m_heading;
  QTableWidget* m_table;
};

}  // namespace pillars
