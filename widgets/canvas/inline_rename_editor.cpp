#include "widgets/canvas/inline_rename_editor.hpp"

#include <QKeyEvent>

namespace pillars {

InlineRenameEditor::InlineRenameEditor(const QString& current, Commit commit, QWidget* parent)
    : QLineEdit(current, parent), m_original(current), m_commit(std::move(commit)) {
  setObjectName(QStringLiteral("InlineRenameEditor"));
  selectAll();
  connect(this, &QLineEdit::textEdited, this, [this] {
    // A fresh keystroke clears the previous refusal.
    setStyleSheet(QString());
    setToolTip(QString());
  });
}

bool InlineRenameEditor::tryCommit() {
  if (text() == m_original) return true;
  const QString problem = m_commit(text().trimmed());
  if (problem.isEmpty()) return true;
  setStyleSheet(QStringLiteral("QLineEdit { border: 2px solid #d32f2f; }"));
  setToolTip(problem);
  return false;
}

void InlineRenameEditor::close() {
  if (m_done) return;
  m_done = true;
  hide();
  emit finished();
  deleteLater();
}

void InlineRenameEditor::keyPressEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Escape) {
    close();
    return;
  }
  if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
    if (tryCommit()) close();
    return;
  }
  QLineEdit::keyPressEvent(event);
}

void InlineRenameEditor::focusOutEvent(QFocusEvent* event) {
  QLineEdit::focusOutEvent(event);
  // Clicking elsewhere keeps a good name and quietly drops a refused one.
  if (!m_done) {
    tryCommit();
    close();
  }
}

}  // namespace pillars
