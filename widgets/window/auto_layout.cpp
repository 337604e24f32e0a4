#include "widgets/window/auto_layout.hpp"

#include <QCoreApplication>
#include <QEventLoop>
#include <QMessageBox>
#include <QProgressDialog>
#include <QWidget>
#include <thread>

#include "engine/layout/graphviz_layout.hpp"
#include "widgets/document/topology_document.hpp"

namespace pillars {

namespace {
constexpr std::size_t kSlowEngineWarning = 150;  // components

QString engineLabel(LayoutEngine engine) {
  const std::string_view name = layoutEngineName(engine);
  return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}
}  // namespace

AutoLayout::AutoLayout(TopologyDocument& document, QWidget* window)
    : QObject(window), m_document(document), m_window(window) {}

AutoLayout::~AutoLayout() = default;

bool AutoLayout::start(LayoutEngine engine) {
  if (m_running) return false;
  const std::size_t count = m_document.scenario().components.size();
  if (count == 0) return false;
  const bool slow = engine == LayoutEngine::Fdp || engine == LayoutEngine::Circo;
  if (slow && count > kSlowEngineWarning && m_window) {
    const auto answer = QMessageBox::question(
        m_window, tr("Slow layout"),
        tr("%1 can take minutes on %2 components; the layered layout (dot) takes about half a "
           "second on a thousand. Lay out with %1 anyway?")
            .arg(engineLabel(engine))
            .arg(count));
    if (answer != QMessageBox::Yes) return false;
  }
  m_running = true;
  const std::uint64_t generation = ++m_generation;
  if (m_window) {
    m_progress = new QProgressDialog(tr("Laying out with %1\u2026").arg(engineLabel(engine)),
                                     tr("Cancel"), 0, 0, m_window);
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(400);  // fast layouts finish before it would flash
    connect(m_progress, &QProgressDialog::canceled, this, [this] {
      ++m_generation;  // Graphviz cannot be interrupted: its result will simply be dropped
      m_running = false;
      emit finished(false, tr("Layout cancelled"));
    });
  }
  // The worker owns a copy of the model, so edits meanwhile cannot race with it; its result
  // comes back through the event loop, and only if this object still exists.
  QPointer<AutoLayout> self(this);
  std::thread([self, generation, engine, scenario = m_document.scenario()] {
    std::string error;
    const auto positions = layoutScenario(scenario, engine, &error);
    QMetaObject::invokeMethod(
        qApp,
        [self, generation, engine, error, result = positions.value_or(LayoutPositions{})] {
          if (self) self->apply(generation, engine, QString::fromStdString(error), result);
        },
        Qt::QueuedConnection);
  }).detach();
  return true;
}

void AutoLayout::apply(std::uint64_t generation, LayoutEngine engine, const QString& error,
                       const std::map<std::string, std::pair<double, double>>& positions) {
  if (generation != m_generation) return;  // cancelled or superseded
  m_running = false;
  if (m_progress) {
    m_progress->deleteLater();
    m_progress = nullptr;
  }
  if (positions.empty()) {
    emit finished(false, tr("Layout failed: %1").arg(error));
    return;
  }
  std::map<std::string, QPointF> to;
  for (const auto& [id, at] : positions) to[id] = QPointF(at.first, at.second);
  m_document.moveComponents(to, tr("Auto-layout (%1)").arg(engineLabel(engine)));
  emit finished(true, tr("Laid out with %1").arg(engineLabel(engine)));
}

void AutoLayout::waitForFinished() {
  while (m_running) QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
}

}  // namespace pillars
