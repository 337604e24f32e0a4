#include "widgets/window/inspector_param_table.hpp"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <algorithm>

#include "widgets/window/param_editors/param_display.hpp"
#include "widgets/window/param_editors/param_editor.hpp"

namespace pillars {

namespace {

enum Column { kName, kValue, kColumns };

/// Paints nothing: the value cells are covered by their editors, and the text the items hold
/// must not show through at the editors' edges.
class HiddenTextDelegate final : public QStyledItemDelegate {
 public:
  using QStyledItemDelegate::QStyledItemDelegate;
  void paint(QPainter*, const QStyleOptionViewItem&, const QModelIndex&) const override {}
};

QString html(const std::string& text) { return QString::fromStdString(text).toHtmlEscaped(); }

/// The shared default as the editor shows it ("0 %" for a loss).
QString defaultText(const SheetRow& row) {
  if (!row.sharedDefault) return {};
  const auto value = parseParamText(row.spec, *row.sharedDefault, nullptr);
  const QString unit = paramdisplay::unit(row.spec);
  const QString shown = value ? paramdisplay::text(row.spec, *value) : QString::fromStdString(*row.sharedDefault);
  return unit == QStringLiteral("%") ? shown + unit : shown;
}

/// The tooltip of a row: what it is, what it accepts, its default.
QString helpFor(const SheetRow& row) {
  const ParamSpec& spec = row.spec;
  QString help = QStringLiteral("<b>%1</b> <span style='color:gray'>%2</span>")
                     .arg(html(spec.name), html(std::string(paramTypeName(spec.type))));
  if (!spec.description.empty()) help += QStringLiteral("<br>%1").arg(html(spec.description));
  help += QStringLiteral("<br><span style='color:gray'>%1").arg(
      InspectorParamTable::tr("Expects %1.").arg(paramdisplay::expected(spec).toHtmlEscaped()));
  if (row.sharedDefault) {
    help += QStringLiteral(" ") + InspectorParamTable::tr("Default: %1.").arg(defaultText(row).toHtmlEscaped());
  }
  return help + QStringLiteral("</span>");
}

QTableWidgetItem* readOnlyItem(const QString& text) {
  auto* item = new QTableWidgetItem(text);
  item->setFlags(Qt::ItemIsEnabled);
  return item;
}

}  // namespace

InspectorParamTable::InspectorParamTable(Apply apply, Check check, QWidget* parent)
    : QTableWidget(parent), m_apply(std::move(apply)), m_check(std::move(check)) {
  setObjectName(QStringLiteral("inspectorParams"));
  setColumnCount(kColumns);
  setHorizontalHeaderLabels({tr("Parameter"), tr("Value")});
  verticalHeader()->hide();
  horizontalHeader()->setHighlightSections(false);
  horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  horizontalHeader()->setSectionResizeMode(kName, QHeaderView::Interactive);
  horizontalHeader()->setSectionResizeMode(kValue, QHeaderView::Stretch);
  setItemDelegateForColumn(kValue, new HiddenTextDelegate(this));
  // A grid of editors, not a list to select in: the editors take the clicks and the focus.
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  setSelectionMode(QAbstractItemView::NoSelection);
  setFocusPolicy(Qt::NoFocus);
  setFrameShape(QFrame::NoFrame);
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
  setWordWrap(false);
  setTextElideMode(Qt::ElideMiddle);
  setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
  // Clicking a name edits its value.
  connect(this, &QTableWidget::cellClicked, this, [this](int row, int) {
    if (row >= 0 && static_cast<std::size_t>(row) < m_rows.size()) {
      m_rows[static_cast<std::size_t>(row)].editor->setFocus();
    }
  });
}

void InspectorParamTable::clearRows() {
  m_rows.clear();
  m_shown.clear();
  setRowCount(0);
  updateGeometry();
  emit problemsChanged();
}

bool InspectorParamTable::showsSameParameters(const std::vector<SheetRow>& rows) const {
  if (rows.size() != m_shown.size()) return false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const ParamSpec& a = rows[i].spec;
    const ParamSpec& b = m_shown[i].spec;
    if (a.name != b.name || a.type != b.type || a.choices != b.choices || a.unit != b.unit ||
        a.min != b.min || a.max != b.max || a.dimension != b.dimension) {
      return false;
    }
  }
  return true;
}

void InspectorParamTable::showRows(const std::vector<SheetRow>& rows) {
  if (!showsSameParameters(rows)) buildRows(rows);
  m_shown = rows;
  for (std::size_t i = 0; i < rows.size(); ++i) updateRow(static_cast<int>(i), rows[i]);
  fitColumns();  // bold names are wider
  emit problemsChanged();
}

void InspectorParamTable::buildRows(const std::vector<SheetRow>& rows) {
  m_rows.clear();
  setRowCount(0);  // deletes the previous editors with their cells
  setRowCount(static_cast<int>(rows.size()));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const SheetRow& sheetRow = rows[i];
    const int row = static_cast<int>(i);
    QTableWidgetItem* nameItem = readOnlyItem(QString::fromStdString(sheetRow.spec.name));
    nameItem->setToolTip(helpFor(sheetRow));
    setItem(row, kName, nameItem);
    setItem(row, kValue, readOnlyItem(QString()));

    ParamEditor* editor = makeParamEditor(sheetRow.spec, nullptr);
    editor->setHelp(helpFor(sheetRow));
    const std::string name = sheetRow.spec.name;
    editor->setCheck([this, name](const QString& text) { return m_check ? m_check(name, text) : QString(); });
    connect(editor, &ParamEditor::edited, this, [this, editor](const QString& text) {
      editor->showProblem(m_apply(editor->spec().name, text));
    });
    connect(editor, &ParamEditor::problemChanged, this, &InspectorParamTable::problemsChanged);
    connect(editor, &ParamEditor::finishedWithProblem, this, &InspectorParamTable::invalidValue);
    QToolButton* reset = nullptr;
    QWidget* cell = makeValueCell(sheetRow, row, editor, &reset);
    setCellWidget(row, kValue, cell);
    setRowHeight(row, std::max(cell->sizeHint().height(), fontMetrics().height() + 10));
    m_rows.push_back({sheetRow.spec.name, editor, reset});
  }
  fitColumns();
  updateGeometry();
}

QWidget* InspectorParamTable::makeValueCell(const SheetRow& sheetRow, int row, ParamEditor* editor,
                                            QToolButton** reset) {
  // The editor is the cell; the unit and the reset button join it in its trailing area.
  editor->setAutoFillBackground(true);
  editor->setBackgroundRole(QPalette::Base);
  QHBoxLayout* trailing = editor->trailing();
  trailing->setContentsMargins(trailing->contentsMargins().left(), 0, 2, 0);
  trailing->setSpacing(2);
  const QString unit = paramdisplay::unit(sheetRow.spec);
  if (!unit.isEmpty()) {
    auto* label = new QLabel(unit, editor);
    label->setObjectName(QStringLiteral("unit"));
    QPalette grey = label->palette();
    grey.setColor(QPalette::WindowText, grey.color(QPalette::PlaceholderText));
    label->setPalette(grey);
    trailing->addWidget(label);
  }
  auto* button = new QToolButton(editor);
  button->setObjectName(QStringLiteral("reset:") + QString::fromStdString(sheetRow.spec.name));
  button->setAutoRaise(true);
  button->setText(QStringLiteral("\u21ba"));
  button->setFocusPolicy(Qt::NoFocus);
  button->setFixedWidth(20);
  // Hidden buttons keep their room, so editors line up whether or not a row can reset.
  QSizePolicy keep = button->sizePolicy();
  keep.setRetainSizeWhenHidden(true);
  button->setSizePolicy(keep);
  connect(button, &QToolButton::clicked, this, [this, row] { resetRow(row); });
  trailing->addWidget(button);
  *reset = button;
  return editor;
}

void InspectorParamTable::resetRow(int row) {
  const auto r = static_cast<std::size_t>(row);
  if (r >= m_shown.size() || !m_shown[r].sharedDefault) return;
  m_rows[r].editor->showProblem(m_apply(m_shown[r].spec.name, QString::fromStdString(*m_shown[r].sharedDefault)));
}

void InspectorParamTable::updateRow(int row, const SheetRow& sheetRow) {
  const Row& r = m_rows[static_cast<std::size_t>(row)];
  r.editor->showValue(sheetRow.value ? &*sheetRow.value : nullptr);
  QTableWidgetItem* nameItem = item(row, kName);
  QTableWidgetItem* valueItem = item(row, kValue);
  valueItem->setText(sheetRow.value ? paramdisplay::text(sheetRow.spec, *sheetRow.value) : QString());
  // Values that differ from the default stand out, as in the file (writers omit defaults).
  QFont font = nameItem->font();
  font.setBold(!sheetRow.allDefault);
  nameItem->setFont(font);
  valueItem->setFont(font);
  r.editor->setChanged(!sheetRow.allDefault && sheetRow.value.has_value());  // "(mixed)" stays plain
  const bool resettable = !sheetRow.allDefault && sheetRow.sharedDefault.has_value();
  r.reset->setVisible(resettable);
  if (resettable) {
    r.reset->setToolTip(tr("Reset to the default, %1").arg(defaultText(sheetRow)));
  }
}

void InspectorParamTable::fitColumns() {
  // Names get what they need, up to half the width; longer ones are elided in the middle (the
  // tooltip has them whole). The value column takes the rest: every pixel counts there.
  int widest = fontMetrics().horizontalAdvance(horizontalHeaderItem(kName)->text()) + 16;
  for (int row = 0; row < rowCount(); ++row) {
    const QTableWidgetItem* name = item(row, kName);
    widest = std::max(widest, QFontMetrics(name->font()).horizontalAdvance(name->text()) + 10);
  }
  horizontalHeader()->resizeSection(kName, std::min(widest, std::max(viewport()->width() / 2, 60)));
}

QSize InspectorParamTable::sizeHint() const {
  int height = horizontalHeader()->sizeHint().height() + 2 * frameWidth();
  for (int row = 0; row < rowCount(); ++row) height += rowHeight(row);
  return {QTableWidget::sizeHint().width(), height};
}

QSize InspectorParamTable::minimumSizeHint() const {
  // Every row: the inspector is in a scroll area, and one scroll bar for the page reads
  // better than a second one inside the table.
  return {QTableWidget::minimumSizeHint().width(), sizeHint().height()};
}

void InspectorParamTable::resizeEvent(QResizeEvent* event) {
  QTableWidget::resizeEvent(event);
  fitColumns();
}

ParamEditor* InspectorParamTable::editorFor(const QString& param) const {
  for (const Row& r : m_rows) {
    if (QString::fromStdString(r.name) == param) return r.editor;
  }
  return nullptr;
}

QString InspectorParamTable::firstProblem() const {
  for (const Row& r : m_rows) {
    if (!r.editor->problem().isEmpty()) {
      return QStringLiteral("%1: %2").arg(QString::fromStdString(r.name), r.editor->problem());
    }
  }
  return {};
}

}  // namespace pillars
