// The monkey's edits of the design: add, link, delete, undo and redo, the clipboard, zones and
// regions, renaming in place, dragging cards and auto-layout.
#include <QLineEdit>
#include <QTest>
#include <QUndoStack>
#include <optional>
#include <set>

#include "engine/layout/dot_export.hpp"
#include "engine/model/component_kind.hpp"
#include "monkey.hpp"
#include "param_text.hpp"
#include "widgets/canvas/node_item.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/canvas/topology_view.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/window/auto_layout.hpp"
#include "widgets/window/edit_actions.hpp"
#include "widgets/window/main_window.hpp"

namespace pillars {

namespace {

std::set<std::string> idsOf(const std::vector<std::string>& ids) { return {ids.begin(), ids.end()}; }

/// What is in `after` and was not in `before`, as "a,b" (or "nothing").
QString added(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  const std::set<std::string> old = idsOf(before);
  QStringList out;
  for (const std::string& id : after) {
    if (!old.contains(id)) out << QString::fromStdString(id);
  }
  return out.isEmpty() ? QStringLiteral("nothing") : out.join(QLatin1Char(','));
}

/// Where a card is in the viewport, if it is on screen.
std::optional<QPoint> onScreen(TopologyView& view, const NodeItem* node) {
  if (!node) return std::nullopt;
  const QPoint p = view.mapFromScene(node->pos());
  if (!view.viewport()->rect().adjusted(4, 4, -4, -4).contains(p)) return std::nullopt;
  return p;
}

}  // namespace

QString Monkey::addComponent() {
  const std::vector<std::string> kinds = builtinRegistry().names();
  const std::string& kind = m_random.pick(kinds);
  // One draw per statement: the order in which a call's arguments are evaluated differs
  // between compilers, and a seed must replay the same actions in every build.
  const auto x = m_random.between(-800, 1600);
  const auto y = m_random.between(-500, 1000);
  const QPointF at(static_cast<double>(x), static_cast<double>(y));
  const auto before = componentIds();
  m_window.addComponentAt(QString::fromStdString(kind), at);
  return QStringLiteral("add %1 at (%2, %3): %4")
      .arg(QString::fromStdString(kind))
      .arg(at.x())
      .arg(at.y())
      .arg(added(before, componentIds()));
}

QString Monkey::linkTwo() {
  const auto ids = componentIds();
  if (ids.empty()) return QStringLiteral("link: no components");
  const std::string from = m_random.pick(ids);
  // Now and then a card to itself: refused, and must stay so.
  const std::string to = m_random.chance(0.05) ? from : m_random.pick(ids);
  const auto before = linkIds();
  showCanvas();
  TopologyView& view = m_window.view();
  TopologyScene& scene = m_window.scene();
  // Both cards on screen: the Shift+drag a user makes. The view is centred between them first,
  // as a user scrolls; cards too far apart for one screen are linked the way the drag ends.
  if (scene.nodeFor(from) && scene.nodeFor(to)) view.centerOn((scene.nodeFor(from)->pos() + scene.nodeFor(to)->pos()) / 2);
  const auto a = onScreen(view, scene.nodeFor(from));
  const auto b = onScreen(view, scene.nodeFor(to));
  QString how;
  if (a && b) {
    how = QStringLiteral("drag");
    QTest::mousePress(view.viewport(), Qt::LeftButton, Qt::ShiftModifier, *a);
    QTest::mouseMove(view.viewport(), (*a + *b) / 2);
    QTest::mouseMove(view.viewport(), *b);
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, Qt::ShiftModifier, *b);
  } else {
    how = QStringLiteral("call");
    const QString problem = m_window.document().connectComponents(from, to);
    if (!problem.isEmpty()) how += QStringLiteral(", refused: ") + problem;
  }
  return QStringLiteral("link %1 -> %2 (%3): %4")
      .arg(QString::fromStdString(from), QString::fromStdString(to), how, added(before, linkIds()));
}

QString Monkey::deleteSome() {
  const auto components = m_random.chance(0.7) ? some(componentIds(), 3) : std::vector<std::string>{};
  const auto links = m_random.chance(0.4) ? some(linkIds(), 2) : std::vector<std::string>{};
  const auto groups = m_random.chance(0.2) ? some(groupIds(), 1) : std::vector<std::string>{};
  select(components, links, groups);
  m_window.editActions().deleteSelection();
  return QStringLiteral("delete components %1, links %2, groups %3")
      .arg(joined(components), joined(links), joined(groups));
}

QString Monkey::undo() {
  QUndoStack& stack = m_window.document().undoStack();
  const auto n = m_random.between(1, 3);
  QStringList undone;
  for (std::int64_t i = 0; i < n && stack.canUndo(); ++i) {
    undone << stack.undoText();
    stack.undo();
  }
  return QStringLiteral("undo %1").arg(undone.isEmpty() ? QStringLiteral("nothing") : undone.join(QStringLiteral(", ")));
}

QString Monkey::redo() {
  QUndoStack& stack = m_window.document().undoStack();
  const auto n = m_random.between(1, 3);
  QStringList redone;
  for (std::int64_t i = 0; i < n && stack.canRedo(); ++i) {
    redone << stack.redoText();
    stack.redo();
  }
  return QStringLiteral("redo %1").arg(redone.isEmpty() ? QStringLiteral("nothing") : redone.join(QStringLiteral(", ")));
}

QString Monkey::clipboard() {
  const auto picked = some(componentIds(), 4);
  select(picked);
  EditActions& edit = m_window.editActions();
  const auto before = componentIds();
  QString what;
  switch (m_random.below(4)) {
    case 0:
      edit.copy();
      edit.paste();
      what = QStringLiteral("copy and paste");
      break;
    case 1:
      edit.cut();
      what = QStringLiteral("cut");
      break;
    case 2:
      edit.paste();
      what = QStringLiteral("paste");
      break;
    default:
      edit.duplicate();
      what = QStringLiteral("duplicate");
      break;
  }
  return QStringLiteral("%1 of %2: new %3").arg(what, joined(picked), added(before, componentIds()));
}

QString Monkey::group() {
  TopologyDocument& doc = m_window.document();
  const auto groups = groupIds();
  switch (m_random.below(5)) {
    case 0:
    case 1: {
      const auto picked = some(componentIds(), 4);
      const std::string kind = m_random.chance(0.6) ? "zone" : "region";
      // A region may also take zones.
      const auto inner = kind == "region" && m_random.chance(0.5) ? some(groups, 2) : std::vector<std::string>{};
      select(picked, {}, inner);
      const auto before = groups;
      m_window.editActions().groupSelection(kind);
      return QStringLiteral("%1 around %2 and %3: %4")
          .arg(QString::fromStdString(kind), joined(picked), joined(inner), added(before, groupIds()));
    }
    case 2: {
      const auto picked = some(groups, 1);
      select({}, {}, picked);
      m_window.editActions().ungroupSelection();
      return QStringLiteral("ungroup %1").arg(joined(picked));
    }
    case 3: {
      const auto picked = some(componentIds(), 3);
      const std::string target = groups.empty() || m_random.chance(0.3) ? std::string() : m_random.pick(groups);
      select(picked);
      m_window.editActions().moveSelectionToGroup(target);
      return QStringLiteral("move %1 to group '%2'").arg(joined(picked), QString::fromStdString(target));
    }
    default: {
      if (groups.empty()) return QStringLiteral("relabel: no groups");
      const std::string g = m_random.pick(groups);
      if (m_random.chance(0.5)) {
        const QString kind = m_random.chance(0.45) ? QStringLiteral("zone") : m_random.chance(0.8) ? QStringLiteral("region") : QStringLiteral("planet");
        const QString problem = doc.setGroupKind(g, kind);
        return QStringLiteral("make %1 a %2: %3").arg(QString::fromStdString(g), kind, problem.isEmpty() ? QStringLiteral("ok") : problem);
      }
      const QString label = m_random.chance(0.7) ? QStringLiteral("Zone %1").arg(m_random.between(0, 99)) : randomBadName(m_random);
      const QString problem = doc.setGroupLabel(g, label);
      return QStringLiteral("label %1 '%2': %3").arg(QString::fromStdString(g), label, problem.isEmpty() ? QStringLiteral("ok") : problem);
    }
  }
}

QString Monkey::rename() {
  const auto ids = componentIds();
  if (ids.empty()) return QStringLiteral("rename: no components");
  const std::string id = m_random.pick(ids);
  QString to;
  switch (m_random.below(4)) {
    case 0: to = QString::fromStdString(m_random.pick(ids)); break;  // taken (or unchanged)
    case 1: to = randomBadName(m_random); break;
    default: to = QStringLiteral("node%1").arg(m_random.between(0, 40)); break;
  }
  showCanvas();
  select({id});
  m_window.view().startRename(id);
  // The one on screen: closed editors linger, hidden, until the event loop deletes them.
  QLineEdit* editor = nullptr;
  for (auto* e : m_window.view().viewport()->findChildren<QLineEdit*>(QStringLiteral("InlineRenameEditor"))) {
    if (e->isVisible()) editor = e;
  }
  if (!editor) return QStringLiteral("rename %1: no editor opened").arg(QString::fromStdString(id));
  editor->setText(to);
  QTest::keyClick(editor, Qt::Key_Return);
  QString outcome = QStringLiteral("renamed");
  if (editor->isVisible()) {  // refused: the editor stays, with the reason as tooltip
    outcome = QStringLiteral("refused (%1)").arg(editor->toolTip());
    QTest::keyClick(editor, Qt::Key_Escape);
  }
  return QStringLiteral("rename %1 to '%2': %3").arg(QString::fromStdString(id), to, outcome);
}

QString Monkey::dragCards() {
  const auto ids = componentIds();
  if (ids.empty()) return QStringLiteral("drag: no components");
  const std::string id = m_random.pick(ids);
  showCanvas();
  TopologyView& view = m_window.view();
  NodeItem* node = m_window.scene().nodeFor(id);
  if (node) view.centerOn(node);
  const auto at = onScreen(view, node);
  if (!at) return QStringLiteral("drag %1: not on screen").arg(QString::fromStdString(id));
  const auto dx = m_random.between(-150, 150);  // one draw per statement, as in addComponent
  const auto dy = m_random.between(-150, 150);
  const QPoint by(static_cast<int>(dx), static_cast<int>(dy));
  // Sometimes with Ctrl held: it adds to the selection, so the drag carries others along.
  const Qt::KeyboardModifiers mods = m_random.chance(0.2) ? Qt::ControlModifier : Qt::NoModifier;
  QTest::mousePress(view.viewport(), Qt::LeftButton, mods, *at);
  for (int i = 1; i <= 4; ++i) QTest::mouseMove(view.viewport(), *at + by * i / 4);
  QTest::mouseRelease(view.viewport(), Qt::LeftButton, mods, *at + by);
  return QStringLiteral("drag %1 by (%2, %3)").arg(QString::fromStdString(id)).arg(by.x()).arg(by.y());
}

QString Monkey::autoLayout() {
  static const std::vector<LayoutEngine> engines = {LayoutEngine::Dot, LayoutEngine::Neato, LayoutEngine::Fdp,
                                                    LayoutEngine::Sfdp, LayoutEngine::Circo};
  const LayoutEngine engine = m_random.pick(engines);
  const bool started = m_window.autoLayout().start(engine);
  // Graphviz runs off the interface thread; the result is applied once it is back.
  m_window.autoLayout().waitForFinished();
  return QStringLiteral("auto-layout with %1: %2")
      .arg(QString::fromUtf8(layoutEngineName(engine).data(), static_cast<qsizetype>(layoutEngineName(engine).size())),
           started ? QStringLiteral("done") : QStringLiteral("not started"));
}

}  // namespace pillars
