#include "widgets/window/edit_actions.hpp"

#include <QAction>
#include <QClipboard>
#include <QGraphicsItem>
#include <QGuiApplication>
#include <QMenu>
#include <limits>

#include "widgets/canvas/node_item.hpp"
#include "widgets/canvas/topology_scene.hpp"
#include "widgets/canvas/topology_view.hpp"
#include "widgets/common/count_text.hpp"
#include "widgets/document/fragment_clipboard.hpp"
#include "widgets/document/topology_document.hpp"

namespace pillars {

namespace {

/// How far each successive paste or duplicate lands from the original: clear of the card's
/// shadow, still obviously related.
constexpr qreal kPasteStep = 40.0;

/// The centre of the fragment's cards.
QPointF centreOf(const Scenario& fragment) {
  double left = std::numeric_limits<double>::max(), top = left;
  double right = std::numeric_limits<double>::lowest(), bottom = right;
  for (const ComponentSpec& c : fragment.components) {
    if (!c.position) continue;
    left = std::min(left, c.position->first);
    right = std::max(right, c.position->first);
    top = std::min(top, c.position->second);
    bottom = std::max(bottom, c.position->second);
  }
  if (left > right) return {};
  return {(left + right) / 2, (top + bottom) / 2};
}

}  // namespace

EditActions::EditActions(TopologyDocument& document, TopologyScene& scene, TopologyView& view, QObject* parent)
    : QObject(parent),
      m_document(document),
      m_scene(scene),
      m_view(view),
      m_cut(new QAction(tr("Cu&t"), this)),
      m_copy(new QAction(tr("&Copy"), this)),
      m_paste(new QAction(tr("&Paste"), this)),
      m_duplicate(new QAction(tr("D&uplicate"), this)),
      m_delete(new QAction(tr("&Delete"), this)),
      m_rename(new QAction(tr("Re&name\u2026"), this)),
      m_selectAll(new QAction(tr("Select &All"), this)),
      m_groupZone(new QAction(tr("Group into &Zone"), this)),
      m_groupRegion(new QAction(tr("Group into &Region"), this)),
      m_ungroup(new QAction(tr("&Ungroup"), this)),
      m_removeFromGroup(new QAction(tr("Take Out of &Group"), this)) {
  m_cut->setShortcut(QKeySequence::Cut);
  m_copy->setShortcut(QKeySequence::Copy);
  m_paste->setShortcut(QKeySequence::Paste);
  m_duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
  // Delete and Backspace both delete: laptops without a Delete key are common.
  m_delete->setShortcuts({QKeySequence(QKeySequence::Delete), QKeySequence(Qt::Key_Backspace)});
  m_rename->setShortcut(QKeySequence(Qt::Key_F2));
  m_selectAll->setShortcut(QKeySequence::SelectAll);
  m_groupZone->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
  m_groupRegion->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_G));
  m_ungroup->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
  m_groupZone->setStatusTip(tr("Put the selected components into a new zone: they fail together"));
  m_groupRegion->setStatusTip(tr("Put the selected zones and components into a new region"));
  m_ungroup->setStatusTip(tr("Dissolve the selected zones or regions; their members stay"));
  m_duplicate->setStatusTip(tr("Copy the selected components and their links beside them"));

  connect(m_cut, &QAction::triggered, this, &EditActions::cut);
  connect(m_copy, &QAction::triggered, this, &EditActions::copy);
  connect(m_paste, &QAction::triggered, this, [this] { paste(); });
  connect(m_duplicate, &QAction::triggered, this, &EditActions::duplicate);
  connect(m_delete, &QAction::triggered, this, &EditActions::deleteSelection);
  connect(m_rename, &QAction::triggered, this, &EditActions::renameSelected);
  connect(m_selectAll, &QAction::triggered, this, &EditActions::selectAll);
  connect(m_groupZone, &QAction::triggered, this, [this] { groupSelection(std::string(GroupSpec::kZone)); });
  connect(m_groupRegion, &QAction::triggered, this, [this] { groupSelection(std::string(GroupSpec::kRegion)); });
  connect(m_ungroup, &QAction::triggered, this, &EditActions::ungroupSelection);
  connect(m_removeFromGroup, &QAction::triggered, this, [this] { moveSelectionToGroup({}); });

  connect(&m_scene, &QGraphicsScene::selectionChanged, this, &EditActions::updateEnabled);
  connect(QGuiApplication::clipboard(), &QClipboard::dataChanged, this, &EditActions::updateEnabled);
  m_view.setRenameHandler([this](const std::string& id, const QString& newId) {
    const QString problem = m_document.renameComponent(id, newId.toStdString());
    if (problem.isEmpty()) {
      m_scene.selectComponents({newId.toStdString()});
    } else {
      emit message(problem);
    }
    return problem;
  });
  updateEnabled();
}

void EditActions::addTo(QMenu& edit) {
  edit.addAction(m_cut);
  edit.addAction(m_copy);
  edit.addAction(m_paste);
  edit.addAction(m_duplicate);
  edit.addAction(m_delete);
  edit.addSeparator();
  edit.addAction(m_rename);
  edit.addAction(m_selectAll);
  edit.addSeparator();
  edit.addAction(m_groupZone);
  edit.addAction(m_groupRegion);
  m_moveToGroup = edit.addMenu(tr("&Move to Group"));
  connect(m_moveToGroup, &QMenu::aboutToShow, this, [this] { fillGroupMenu(*m_moveToGroup); });
  edit.addAction(m_removeFromGroup);
  edit.addAction(m_ungroup);
  updateEnabled();
}

void EditActions::addToContextMenu(QMenu& menu, QPointF at) {
  const bool nodes = !m_scene.selectedComponents().empty();
  const bool groups = !m_scene.selectedGroups().empty();
  const bool anything = nodes || groups || !m_scene.selectedLinks().empty();
  if (nodes) {
    menu.addAction(m_rename);
    menu.addAction(m_duplicate);
    menu.addSeparator();
    menu.addAction(m_cut);
    menu.addAction(m_copy);
  }
  QAction* pasteHere = menu.addAction(tr("&Paste Here"), this, [this, at] { paste(&at); });
  pasteHere->setEnabled(m_paste->isEnabled());
  if (nodes) {
    menu.addSeparator();
    menu.addAction(m_groupZone);
    QMenu* into = menu.addMenu(tr("&Move to Group"));
    fillGroupMenu(*into);
    menu.addAction(m_removeFromGroup);
  }
  if (groups) {
    menu.addSeparator();
    menu.addAction(m_groupRegion);
    menu.addAction(m_ungroup);
  }
  if (anything) {
    menu.addSeparator();
    menu.addAction(m_delete);
  }
}

void EditActions::fillGroupMenu(QMenu& menu) {
  menu.clear();
  const auto& groups = m_document.scenario().groups;
  if (groups.empty()) {
    menu.addAction(tr("No zones or regions yet"))->setEnabled(false);
    return;
  }
  for (const GroupSpec& g : groups) {
    const QString name = QString::fromStdString(g.label.empty() ? g.id : g.label);
    const QString text = g.isRegion() ? tr("%1 (region)").arg(name) : name;
    menu.addAction(text, this, [this, id = g.id] { moveSelectionToGroup(id); });
  }
}

void EditActions::updateEnabled() {
  const std::size_t nodeCount = m_scene.selectedComponents().size();
  const bool nodes = nodeCount > 0;
  const bool groups = !m_scene.selectedGroups().empty();
  const bool anything = nodes || groups || !m_scene.selectedLinks().empty();
  m_cut->setEnabled(nodes);
  m_copy->setEnabled(nodes);
  m_duplicate->setEnabled(nodes);
  m_paste->setEnabled(fragment_clipboard::mayHoldFragment());
  m_delete->setEnabled(anything);
  m_rename->setEnabled(nodeCount == 1);
  m_groupZone->setEnabled(nodes);
  m_groupRegion->setEnabled(nodes || groups);
  m_ungroup->setEnabled(groups);
  m_removeFromGroup->setEnabled(nodes);
  if (m_moveToGroup) m_moveToGroup->setEnabled(nodes && !m_document.scenario().groups.empty());
}

void EditActions::copy() {
  const auto ids = m_scene.selectedComponents();
  if (ids.empty()) return;
  fragment_clipboard::put(m_document.copyFragment(ids));
  m_pasteCount = 0;
  emit message(tr("Copied %1").arg(countText(static_cast<long long>(ids.size()), tr("component"), tr("components"))));
}

void EditActions::cut() {
  const auto ids = m_scene.selectedComponents();
  if (ids.empty()) return;
  fragment_clipboard::put(m_document.copyFragment(ids));
  m_document.remove(ids);
  // The first paste after a cut puts the components back where they were.
  m_pasteCount = -1;
}

void EditActions::paste(const QPointF* at) {
  QString why;
  const auto fragment = fragment_clipboard::take(&why);
  if (!fragment) {
    emit message(why);
    return;
  }
  QPointF offset;
  if (at) {
    offset = NodeItem::snapToGrid(*at - centreOf(*fragment));
  } else {
    ++m_pasteCount;
    offset = QPointF(kPasteStep, kPasteStep) * m_pasteCount;
  }
  const auto added = m_document.pasteFragment(*fragment, offset, tr("Paste"));
  m_scene.selectComponents(added);
  if (!added.empty()) m_view.ensureVisible(m_scene.nodeFor(added.front()));
}

void EditActions::duplicate() {
  const auto ids = m_scene.selectedComponents();
  if (ids.empty()) return;
  const auto added = m_document.pasteFragment(m_document.copyFragment(ids), QPointF(kPasteStep, kPasteStep),
                                              tr("Duplicate"));
  m_scene.selectComponents(added);
}

void EditActions::deleteSelection() {
  m_document.remove(m_scene.selectedComponents(), m_scene.selectedLinks(), m_scene.selectedGroups());
}

void EditActions::renameSelected() {
  const auto ids = m_scene.selectedComponents();
  if (ids.size() == 1) m_view.startRename(ids.front());
}

void EditActions::selectAll() {
  for (QGraphicsItem* item : m_scene.items()) {
    if (item->flags() & QGraphicsItem::ItemIsSelectable) item->setSelected(true);
  }
}

void EditActions::groupSelection(const std::string& kind) {
  const auto nodes = m_scene.selectedComponents();
  const auto groups = kind == GroupSpec::kRegion ? m_scene.selectedGroups() : std::vector<std::string>{};
  const std::string id = m_document.createGroup(kind, nodes, groups);
  if (id.empty()) return;
  emit message(tr("Created %1; rename it in the inspector").arg(QString::fromStdString(id)));
  m_scene.selectComponents(nodes);
}

void EditActions::ungroupSelection() {
  const auto groups = m_scene.selectedGroups();
  if (!groups.empty()) m_document.remove({}, {}, groups);
}

void EditActions::moveSelectionToGroup(const std::string& groupId) {
  m_document.setComponentsGroup(m_scene.selectedComponents(), groupId);
}

}  // namespace pillars
