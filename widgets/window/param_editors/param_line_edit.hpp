#pragma once

#include <QLineEdit>

namespace pillars {

/// The inspector's text field: frameless so it sits flush in its cell, and Escape gives up the
/// edit (the owner puts the model's value back) instead of closing the dock.
class ParamLineEdit final : public QLineEdit {
  Q_OBJECT

 public:
  explicit ParamLineEdit(QWidget* parent);

 signals:
  void escapePressed();

 protected:
  void keyPressEvent(QKeyEvent* event) override;
};

}  // namespace pillars
