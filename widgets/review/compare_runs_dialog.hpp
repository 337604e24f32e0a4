#pragma once

#include <QDialog>

#include "engine/run/stored_run.hpp"

class QLabel;
class QTableWidget;

namespace pillars {

/// Review › Compare Runs…: the previous and the last run side by side (throughput, latency
/// percentiles, failures, availability), with the change coloured green where the last run is
/// better and red where it is worse, and what changed in the design between them.
class CompareRunsDialog final : public QDialog {
  Q_OBJECT

 public:
  CompareRunsDialog(const StoredRun& previous, const StoredRun& last, QWidget* parent = nullptr);

  /// Rows are metrics; columns Metric, Previous run, Last run, Change.
  QTableWidget& table() { return *m_table; }
  /// What changed in the design ("+db-lb, +db2; 7 → 9 components, ..."), or why nothing compares.
  QString designChange() const;

 private:
  QLabel* m_design;
  QTableWidget* m_table;
};

}  // namespace pillars
