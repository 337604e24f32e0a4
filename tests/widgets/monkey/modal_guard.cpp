#include "modal_guard.hpp"

#include <QApplication>
#include <QDialog>
#include <QMessageBox>

namespace pillars {

ModalGuard::ModalGuard() {
  // A modal dialog runs its own event loop, in which timers still fire: polling is the one way
  // to reach it from outside without knowing which action opens which dialog.
  m_timer.setInterval(20);
  QObject::connect(&m_timer, &QTimer::timeout, [this] { dismissModal(); });
  m_timer.start();
}

QStringList ModalGuard::takeSeen() {
  QStringList seen;
  seen.swap(m_seen);
  return seen;
}

void ModalGuard::dismissModal() {
  QWidget* modal = QApplication::activeModalWidget();
  if (!modal) return;
  QString text = modal->windowTitle();
  if (auto* box = qobject_cast<QMessageBox*>(modal)) text += QStringLiteral(": ") + box->text();
  m_seen << text;
  if (auto* dialog = qobject_cast<QDialog*>(modal)) {
    dialog->reject();
  } else {
    modal->close();
  }
}

}  // namespace pillars
