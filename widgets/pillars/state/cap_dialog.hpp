#pragma once

#include <QDialog>

#include <cstdint>
#include <string>

#include "engine/model/scenario.hpp"

class QLabel;
class QProgressBar;
class QTableWidget;

namespace pillars {

struct CapExperiment;

/// Simulate › CAP Experiment…: a store replica set's CAP trade-off measured, CP and AP side by
/// side (runCapExperiment, what `pillars-cli cap` prints). Both runs happen on a worker thread
/// on a copy of the design, so the window stays responsive; the table fills in when they end.
class CapDialog final : public QDialog {
  Q_OBJECT

 public:
  /// Starts the experiment on the set of `storeId` (empty: the design's first store).
  CapDialog(const Scenario& scenario, const std::string& storeId, QWidget* parent = nullptr);

  bool finished() const { return m_finished; }
  /// The partition line and the table's cells, for tests: "" until finished.
  QString partitionText() const;
  QString cell(int row, int column) const;
  int rowCount() const;

 signals:
  void experimentFinished();

 private:
  void showExperiment(const CapExperiment& experiment);
  void showError(const QString& error);

  QLabel* m_status;
  QProgressBar* m_busy;
  QTableWidget* m_table;
  bool m_finished = false;
};

}  // namespace pillars
