#pragma once

#include <QLineEdit>
#include <functional>

namespace pillars {

/// A text field laid over a card's title to rename it in place. Enter commits through
/// `commit`, which answers with what is wrong (empty when accepted); a refused name stays in
/// the field, marked, with the reason as tooltip. Escape, or leaving the field with a refused
/// name, cancels. The editor deletes itself when done.
class InlineRenameEditor final : public QLineEdit {
  Q_OBJECT

 public:
  using Commit = std::function<QString(const QString& text)>;
  InlineRenameEditor(const QString& current, Commit commit, QWidget* parent);
  /// Goes away without renaming anything (its card is gone).
  void cancel() { close(); }

 signals:
  void finished();

 protected:
  void keyPressEvent(QKeyEvent* event) override;
  void focusOutEvent(QFocusEvent* event) override;

 private:
  bool tryCommit();
  void close();

  QString m_original;
  Commit m_commit;
  bool m_done = false;
};

}  // namespace pillars
