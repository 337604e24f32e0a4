#pragma once

#include <QPointer>
#include <QWidget>
#include <cstddef>
#include <vector>

#include "engine/model/scenario.hpp"

class QPushButton;
class QStandardItem;
class QStandardItemModel;
class QTableView;

namespace pillars {

class LiveRun;
class TopologyDocument;

/// The document's fault timeline as a table (time, action, target, value), in time order.
/// Time and value cells edit the fault in place (one undo step each; bad text turns the cell
/// red with the reason in its tooltip and changes nothing), Delete removes the selected rows as
/// one step, Add… opens a small dialog. With a live run, faults whose time has passed are shaded.
class FaultTimelinePanel final : public QWidget {
  Q_OBJECT

 public:
  enum Column { kTime, kAction, kTarget, kValue, kColumns };
  /// Set on a cell whose last edit was refused (the reason is its tooltip).
  static constexpr int kRefusedRole = Qt::UserRole + 1;

  explicit FaultTimelinePanel(TopologyDocument& document, QWidget* parent = nullptr);

  /// Shades faults at or before the run's clock; null stops shading.
  void setLiveRun(LiveRun* run);
  // A view over a model rather than a QTableWidget, so findChild<QTableWidget*>() in the
  // window still means the inspector's table.
  QTableView* table() const { return m_table; }
  QStandardItemModel* model() const { return m_model; }
  /// Removes the selected faults as one undo step (what Delete does).
  void removeSelected();
  /// Applies the text typed into a cell as the table does on an edit; returns the refusal.
  QString editCell(int row, int column, const QString& text);
  /// Opens the Add Fault dialog (modal) and adds what it describes.
  void addWithDialog();

  /// The text of a fault's value cell ("×4", "+100ms", "20%"), empty for outages.
  static QString valueText(const FaultSpec& fault);
  /// Reads a value cell for the fault's action into `fault`; returns what was wrong, or empty.
  static QString parseValue(const QString& text, FaultSpec& fault);

 private:
  void refresh();
  void shadePast();
  void onItemChanged(QStandardItem* item);
  void markRefused(QStandardItem* item, const QString& why);

  TopologyDocument& m_document;
  QPointer<LiveRun> m_run;
  QStandardItemModel* m_model;
  QTableView* m_table;
  QPushButton* m_add;
  QPushButton* m_remove;
  bool m_filling = false;  // refresh() is writing cells: not user edits
};

}  // namespace pillars
