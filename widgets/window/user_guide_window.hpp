#pragma once

#include <QWidget>

class QTextBrowser;
class QTreeWidget;

namespace pillars {

/// Help › User Guide: docs/user-guide.md, compiled into the app, in a window of its own that
/// stays open beside the editor (not modal), with the guide's headings as a table of contents.
class UserGuideWindow final : public QWidget {
  Q_OBJECT

 public:
  /// Where the guide lives in the app's resources.
  static const QString kResourcePath;

  explicit UserGuideWindow(QWidget* parent = nullptr);

  QTextBrowser* browser() const { return m_browser; }
  QTreeWidget* contents() const { return m_contents; }
  /// Scrolls to the first heading with this text; false when there is none.
  bool showSection(const QString& heading);
  /// Scrolls to the heading a Markdown link names ("#recent-files"); false when there is none.
  bool showAnchor(const QString& anchor);

 private:
  void buildContents();
  void scrollToBlock(int blockNumber);

  QTreeWidget* m_contents;
  QTextBrowser* m_browser;
};

}  // namespace pillars
