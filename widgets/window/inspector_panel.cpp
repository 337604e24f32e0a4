#include "widgets/window/inspector_panel.hpp"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QSignalBlocker>
#include <QTimer>
#include <QVBoxLayout>

#include "widgets/canvas/kind_style.hpp"
#include "widgets/document/topology_document.hpp"

namespace pillars {

InspectorPanel::InspectorPanel(TopologyDocument& document, QWidget* parent)
    : QWidget(parent), m_document(document), m_heading(new QLabel(this)), m_table(new QTableWidget(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  m_heading->setWordWrap(true);
  m_heading->setTextFormat(Qt::RichText);
  layout->addWidget(m_heading);
  m_table->setColumnCount(3);
  m_table->setHorizontalHeaderLabels({tr("Parameter"), tr("Value"), tr("Unit")});
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
  m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
  m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                           QAbstractItemView::AnyKeyPressed);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  connect(m_table, &QTableWidget::itemChanged, this, &InspectorPanel::onItemChanged);
  connect(&m_document, &TopologyDocument::componentChanged, this, [this](const std::string& id) {
    if (id == m_componentId) showComponent(id);
  });
  m_table->setAlternatingRowColors(true);
  layout->addWidget(m_table);
  refresh();
}

void InspectorPanel::showComponent(const std::string& componentId) {
  m_componentId = componentId;
  if (m_refreshQueued) return;
  m_refreshQueued = true;
  QTimer::singleShot(0, this, [this] {
    m_refreshQueued = false;
    refresh();
  });
}

void InspectorPanel::refresh() {
  const ComponentSpec* c = m_document.scenario().findComponent(m_componentId);
  const QSignalBlocker quiet(m_table);
  m_table->setRowCount(0);
  if (!c) {
    m_heading->setText(tr("<i>Select a component to see its parameters.</i>"));
    return;
  }
  m_heading->setText(QStringLiteral("<b>%1</b> &nbsp;%2")
                         .arg(QString::fromStdString(c->id).toHtmlEscaped(),
                              kindstyle::title(c->kind).toHtmlEscaped()));
  const auto& specs = c->params.specs();
  m_table->setRowCount(static_cast<int>(specs.size()));
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const ParamSpec& spec = specs[i];
    const int row = static_cast<int>(i);
    auto* name = new QTableWidgetItem(QString::fromStdString(spec.name));
    auto* value = new QTableWidgetItem(QString::fromStdString(formatParamValue(spec, c->params.value(i))));
    auto* unit = new QTableWidgetItem(QString::fromStdString(spec.unit));
    name->setFlags(name->flags() & ~Qt::ItemIsEditable);
    unit->setFlags(unit->flags() & ~Qt::ItemIsEditable);
    value->setData(Qt::UserRole, QString::fromStdString(spec.name));
    const QString help = QString::fromStdString(spec.description);
    for (QTableWidgetItem* item : {name, value, unit}) item->setToolTip(help);
    if (!c->params.isDefault(i)) {
      QFont bold = value->font();
      bold.setBold(true);
      value->setFont(bold);
      name->setFont(bold);
    }
    m_table->setItem(row, 0, name);
    m_table->setItem(row, 1, value);
    m_table->setItem(row, 2, unit);
  }
}

void InspectorPanel::onItemChanged(QTableWidgetItem* item) {
  if (item->column() != 1 || m_componentId.empty()) return;
  const std::string param = item->data(Qt::UserRole).toString().toStdString();
  const QString problem = m_document.setParameter(m_componentId, param, item->text());
  const QSignalBlocker quiet(m_table);
  if (problem.isEmpty()) {
    item->setBackground(QBrush());
    return;
  }
  // Refused: the text stays so it can be corrected, marked and explained.
  item->setBackground(QColor(0xff, 0xcd, 0xd2));
  item->setToolTip(problem);
  emit invalidValue(problem);
}

}  // namespace pillars
