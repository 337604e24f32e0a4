#pragma once

#include <QTableWidget>
#include <functional>
#include <string>
#include <vector>

#include "widgets/window/inspector_sheet.hpp"

class QLabel;
class QToolButton;

namespace pillars {

class ParamEditor;

/// The inspector's parameter grid, two columns to fit a narrow dock: the name, and a value
/// cell holding the editor chosen by type, the unit (paramdisplay: a loss in %), and a reset
/// button while the value differs from the default. Names of changed values are bold; hovering explains the
/// parameter. Each value cell's item also holds the value as text (the editor covers it), for
/// accessibility, copying and tests. Edits go through `apply`, whose answer marks the editor.
class InspectorParamTable final : public QTableWidget {
  Q_OBJECT

 public:
  /// Applies `text` to parameter `param` of whatever is shown; returns why it was refused.
  using Apply = std::function<QString(const std::string& param, const QString& text)>;
  /// Whether `text` would be accepted for `param` of whatever is shown; nothing changes.
  using Check = Apply;

  InspectorParamTable(Apply apply, Check check, QWidget* parent);

  /// Shows these rows. Rows with the same parameters as those shown are updated in place, so
  /// an editor keeps its focus and what the user is typing while the model follows.
  void showRows(const std::vector<SheetRow>& rows);
  void clearRows();
  ParamEditor* editorFor(const QString& param) const;
  /// "name: reason" for the first refused editor, or empty.
  QString firstProblem() const;
  /// As tall as its rows, so what follows (the reason a value was refused) sits right below
  /// them; the inspector around it scrolls as one page when they do not fit.
  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 signals:
  /// An editor's refused mark appeared or cleared (the panel shows firstProblem()).
  void problemsChanged();
  /// The user pressed Enter on a refused value (the status bar repeats it).
  void invalidValue(const QString& reason);

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  struct Row {
    std::string name;
    ParamEditor* editor;
    QToolButton* reset;
  };
  bool showsSameParameters(const std::vector<SheetRow>& rows) const;
  void buildRows(const std::vector<SheetRow>& rows);
  QWidget* makeValueCell(const SheetRow& sheetRow, int row, ParamEditor* editor, QToolButton** reset);
  void updateRow(int row, const SheetRow& sheetRow);
  void resetRow(int row);
  void fitColumns();

  Apply m_apply;
  Check m_check;
  std::vector<Row> m_rows;
  std::vector<SheetRow> m_shown;
};

}  // namespace pillars
