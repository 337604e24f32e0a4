// The monkey's window and file actions: docks shown and hidden, the canvas, review and start
// page in front, the design saved (as a project or as scenario JSON) and opened again, which
// must give back exactly the design that was saved, and another example opened.
#include <QAction>
#include <QDir>
#include <QDockWidget>

#include "engine/io/scenario_writer.hpp"
#include "monkey.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/window/main_window.hpp"

namespace pillars {

namespace {

/// The first line where two texts differ, both sides shown.
QString firstDifference(const std::string& a, const std::string& b) {
  const QStringList left = QString::fromStdString(a).split(QLatin1Char('\n'));
  const QStringList right = QString::fromStdString(b).split(QLatin1Char('\n'));
  for (qsizetype i = 0; i < std::max(left.size(), right.size()); ++i) {
    const QString l = left.value(i, QStringLiteral("(end)"));
    const QString r = right.value(i, QStringLiteral("(end)"));
    if (l != r) return QStringLiteral("line %1: saved '%2', reopened '%3'").arg(i + 1).arg(l.trimmed(), r.trimmed());
  }
  return {};
}

}  // namespace

QString Monkey::toggleDock() {
  const QList<QDockWidget*> docks = m_window.findChildren<QDockWidget*>();
  if (docks.isEmpty()) return QStringLiteral("dock: none");
  QDockWidget* dock = docks.at(static_cast<qsizetype>(m_random.below(static_cast<std::size_t>(docks.size()))));
  // View › <dock>: the menu's own toggle.
  dock->toggleViewAction()->trigger();
  return QStringLiteral("dock %1: %2").arg(dock->objectName(), dock->isVisible() ? QStringLiteral("shown") : QStringLiteral("hidden"));
}

QString Monkey::switchView() {
  switch (m_random.below(5)) {
    case 0:
    case 1: m_window.showDesign(); return QStringLiteral("view: design");
    case 2:
    case 3: m_window.showReview(); return QStringLiteral("view: review");
    default: m_window.showStartPage(); return QStringLiteral("view: start page");
  }
}

QString Monkey::saveAndReload() {
  TopologyDocument& doc = m_window.document();
  const bool project = m_random.chance(0.6);
  const QString path = QDir(m_dir).filePath(QStringLiteral("design-%1.%2").arg(++m_saves).arg(project ? QStringLiteral("pillars") : QStringLiteral("json")));
  const std::string saved = writeScenarioJson(doc.scenarioWithPositions());
  QString error;
  if (!doc.saveAs(path, &error)) return QStringLiteral("save %1: refused: %2").arg(QDir(m_dir).relativeFilePath(path), error);
  QStringList problems;
  if (!m_window.openFile(path, true, &problems)) {
    m_defects << QStringLiteral("%1 was saved but does not open again: %2").arg(path, problems.join(QStringLiteral("; ")));
    return QStringLiteral("save and reopen %1: DOES NOT REOPEN").arg(QDir(m_dir).relativeFilePath(path));
  }
  const std::string reopened = writeScenarioJson(doc.scenarioWithPositions());
  if (reopened != saved) {
    m_defects << QStringLiteral("%1 reopened differs from what was saved: %2").arg(path, firstDifference(saved, reopened));
  }
  return QStringLiteral("save and reopen %1: %2")
      .arg(QDir(m_dir).relativeFilePath(path), reopened == saved ? QStringLiteral("same design") : QStringLiteral("DIFFERENT"));
}

QString Monkey::openExample() {
  if (m_random.chance(0.2)) {
    m_window.newDocument();
    return QStringLiteral("new document");
  }
  const QStringList examples = QDir(QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples"))
                                   .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
  if (examples.isEmpty()) return QStringLiteral("open: no examples");
  const QString name = examples.at(static_cast<qsizetype>(m_random.below(static_cast<std::size_t>(examples.size()))));
  QStringList problems;
  const bool ok = m_window.openFile(QStringLiteral(PILLARS_SOURCE_DIR "/resources/examples/") + name, true, &problems);
  if (!ok) m_defects << QStringLiteral("the example %1 does not open: %2").arg(name, problems.join(QStringLiteral("; ")));
  return QStringLiteral("open %1: %2").arg(name, ok ? QStringLiteral("ok") : QStringLiteral("FAILED"));
}

}  // namespace pillars
