#pragma once

#include <QWidget>
#include <string>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace pillars {

class ParamLineEdit;

class TopologyDocument;

/// The inspector's page for a zone or region: id, kind (zone or region), label, parent and
/// members. Kind and label edits are undoable document edits (typing a label is one step);
/// membership is shown only — it is edited on the canvas.
class InspectorGroupView final : public QWidget {
  Q_OBJECT

 public:
  InspectorGroupView(TopologyDocument& document, QWidget* parent);

  /// Shows a group, or nothing for an empty or unknown id. Fields the user is editing keep
  /// their text when it already says what the model holds.
  void showGroup(const std::string& groupId);

 private:
  TopologyDocument& m_document;
  std::string m_groupId;
  QLabel* m_id;
  QComboBox* m_kind;
  ParamLineEdit* m_label;
  QLabel* m_parent;
  QListWidget* m_members;
};

}  // namespace pillars
