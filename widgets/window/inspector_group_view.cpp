#include "widgets/window/inspector_group_view.hpp"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalBlocker>
#include <algorithm>

#include "widgets/canvas/kind_style.hpp"
#include "widgets/common/count_text.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/window/param_editors/param_line_edit.hpp"

namespace pillars {

InspectorGroupView::InspectorGroupView(TopologyDocument& document, QWidget* parent)
    : QWidget(parent),
      m_document(document),
      m_id(new QLabel(this)),
      m_kind(new QComboBox(this)),
      m_label(new ParamLineEdit(this)),
      m_parent(new QLabel(this)),
      m_members(new QListWidget(this)) {
  auto* form = new QFormLayout(this);
  form->setContentsMargins(0, 0, 0, 0);
  form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  form->setRowWrapPolicy(QFormLayout::DontWrapRows);
  form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);

  m_id->setObjectName(QStringLiteral("groupId"));
  m_id->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_kind->setObjectName(QStringLiteral("groupKind"));
  m_kind->addItem(tr("zone"), QStringLiteral("zone"));
  m_kind->addItem(tr("region"), QStringLiteral("region"));
  m_kind->setToolTip(tr("Zones and regions both fail together; regions are drawn wider and "
                        "usually hold zones."));
  m_label->setObjectName(QStringLiteral("groupLabel"));
  m_label->setFrame(true);  // a form field here, not a table cell
  m_label->setToolTip(tr("The name drawn on the canvas; the id stays as it is."));
  m_parent->setObjectName(QStringLiteral("groupParent"));
  m_members->setObjectName(QStringLiteral("groupMembers"));
  m_members->setSelectionMode(QAbstractItemView::NoSelection);
  m_members->setFocusPolicy(Qt::NoFocus);
  m_members->setIconSize(QSize(18, 18));
  m_members->setToolTip(tr("Drag cards in or out of the frame on the canvas to change members."));

  form->addRow(tr("Id"), m_id);
  form->addRow(tr("Kind"), m_kind);
  form->addRow(tr("Label"), m_label);
  form->addRow(tr("Parent"), m_parent);
  form->addRow(tr("Members"), m_members);

  // Committed when finished (Enter or leaving the field), one undo step; Escape restores it.
  connect(m_label, &QLineEdit::editingFinished, this, [this] {
    if (!m_groupId.empty()) m_document.setGroupLabel(m_groupId, m_label->text());
  });
  connect(m_label, &ParamLineEdit::escapePressed, this, [this] {
    if (const GroupSpec* g = m_document.scenario().findGroup(m_groupId)) m_label->setText(QString::fromStdString(g->label));
  });
  connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int index) {
    if (!m_groupId.empty() && index >= 0) m_document.setGroupKind(m_groupId, m_kind->itemData(index).toString());
  });
}

void InspectorGroupView::showGroup(const std::string& groupId) {
  const Scenario& s = m_document.scenario();
  const GroupSpec* g = s.findGroup(groupId);
  m_groupId = g ? groupId : std::string();
  if (!g) return;
  m_id->setText(QString::fromStdString(g->id));
  {
    const QSignalBlocker quiet(m_kind);
    m_kind->setCurrentIndex(m_kind->findData(QString::fromStdString(g->kind)));
  }
  // Typing "Zone " is stored trimmed as "Zone": the field keeps the space being typed.
  const QString label = QString::fromStdString(g->label);
  if (m_label->text().trimmed() != label) m_label->setText(label);
  m_label->setPlaceholderText(QString::fromStdString(g->id));
  const GroupSpec* parent = g->parent.empty() ? nullptr : s.findGroup(g->parent);
  m_parent->setText(parent ? QString::fromStdString(parent->label.empty() ? parent->id : parent->label)
                           : tr("<i>none</i>"));
  // Direct members first, then the groups nested inside, so the hierarchy reads top-down.
  m_members->clear();
  for (const std::string& id : g->members) {
    const ComponentSpec* c = s.findComponent(id);
    auto* item = new QListWidgetItem(QString::fromStdString(id), m_members);
    if (c) {
      item->setIcon(kindstyle::icon(c->kind));
      item->setToolTip(kindstyle::title(c->kind));
    }
  }
  for (const GroupSpec& child : s.groups) {
    if (child.parent != g->id) continue;
    const QString size = countText(static_cast<long long>(s.groupMembers(child.id).size()), tr("component"),
                                   tr("components"));
    auto* item = new QListWidgetItem(tr("%1 (%2, %3)")
                                         .arg(QString::fromStdString(child.label.empty() ? child.id : child.label),
                                              QString::fromStdString(child.kind), size),
                                     m_members);
    QFont italic = item->font();
    italic.setItalic(true);
    item->setFont(italic);
  }
  if (m_members->count() == 0) {
    auto* none = new QListWidgetItem(tr("no members"), m_members);
    none->setForeground(palette().color(QPalette::PlaceholderText));
  }
  // As tall as its members (up to a dozen; more scroll), so the page ends where they do.
  const int rows = std::min(m_members->count(), 12);
  m_members->setFixedHeight(rows * m_members->sizeHintForRow(0) + 2 * m_members->frameWidth() + 4);
}

}  // namespace pillars

