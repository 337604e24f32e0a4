#pragma once
// Dialogs the monkey's actions open (a question before a slow layout, a warning that a save
// failed, an input box) would wait for a user for ever. While a guard lives, every modal dialog
// that shows up is noted and dismissed (rejected: the cautious answer), so the test goes on and
// the action's log line says what was asked.

#include <QStringList>
#include <QTimer>

namespace pillars {

class ModalGuard {
 public:
  ModalGuard();
  ModalGuard(const ModalGuard&) = delete;
  ModalGuard& operator=(const ModalGuard&) = delete;

  /// Titles and texts of the dialogs dismissed since the last call, and forgets them.
  QStringList takeSeen();

 private:
  void dismissModal();

  QTimer m_timer;
  QStringList m_seen;
};

}  // namespace pillars
