#pragma once

#include <QObject>
#include <QPointer>
#include <memory>

#include "engine/layout/dot_export.hpp"

class QProgressDialog;
class QWidget;

namespace pillars {

class TopologyDocument;

/// Runs a Graphviz layout of the document off the interface thread, with a busy dialog and
/// Cancel, and applies the result as one undoable step. Large graphs with slow engines ask
/// first: fdp and circo take minutes on a thousand nodes.
class AutoLayout final : public QObject {
  Q_OBJECT

 public:
  AutoLayout(TopologyDocument& document, QWidget* window);
  ~AutoLayout() override;

  /// Starts a layout unless one is running; returns whether it started.
  bool start(LayoutEngine engine);
  bool isRunning() const { return m_running; }
  /// Blocks until the running layout (if any) is applied; for tests and scripts.
  void waitForFinished();

 signals:
  void finished(bool applied, const QString& message);

 private:
  void apply(std::uint64_t generation, LayoutEngine engine, const QString& error,
             const std::map<std::string, std::pair<double, double>>& positions);

  TopologyDocument& m_document;
  QPointer<QWidget> m_window;
  QProgressDialog* m_progress = nullptr;
  std::uint64_t m_generation = 0;  // a cancelled layout's late result is ignored
  bool m_running = false;
};

}  // namespace pillars
