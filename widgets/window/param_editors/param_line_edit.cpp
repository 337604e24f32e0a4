#include "widgets/window/param_editors/param_line_edit.hpp"

#include <QKeyEvent>

namespace pillars {

ParamLineEdit::ParamLineEdit(QWidget* parent) : QLineEdit(parent) {
  setObjectName(QStringLiteral("text"));
  setFrame(false);
}

void ParamLineEdit::keyPressEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Escape) {
    emit escapePressed();
    event->accept();
    return;
  }
  QLineEdit::keyPressEvent(event);
}

}  // namespace pillars
