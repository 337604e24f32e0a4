#include "widgets/window/user_guide_window.hpp"

#include <QAbstractTextDocumentLayout>
#include <QDesktopServices>
#include <QFile>
#include <QHBoxLayout>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
#include <QTreeWidget>
#include <QUrl>

namespace pillars {

namespace {

constexpr int kBlockRole = Qt::UserRole + 1;

/// The anchor GitHub gives a heading ("Autosave and crash recovery" -> "autosave-and-crash-
/// recovery"), so links written for the Markdown on GitHub work in the app too.
QString slugOf(const QString& heading) {
  QString slug = heading.toLower();
  slug.remove(QRegularExpression(QStringLiteral("[^\\w\\- ]")));
  slug.replace(QLatin1Char(' '), QLatin1Char('-'));
  return slug;
}

/// Markdown gives headings no room above them and tables a doubled grid; this gives the page
/// the air and the light rules of a manual.
void polish(QTextDocument& doc) {
  QTextCursor cursor(&doc);
  cursor.beginEditBlock();
  for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
    const int level = block.blockFormat().headingLevel();
    if (level < 2) continue;
    QTextBlockFormat format;
    format.setTopMargin(level == 2 ? 22 : 14);
    format.setBottomMargin(level == 2 ? 8 : 4);
    cursor.setPosition(block.position());
    cursor.mergeBlockFormat(format);
  }
  // Tables as in a printed manual: full width, a shaded header, light rules between rows.
  const QColor rule(0xd5, 0xd9, 0xe0);
  for (QTextFrame* frame : doc.rootFrame()->childFrames()) {
    auto* table = qobject_cast<QTextTable*>(frame);
    if (!table) continue;
    QTextTableFormat format = table->format();
    format.setBorderCollapse(true);
    format.setBorder(0);
    format.setCellPadding(5);
    format.setCellSpacing(0);
    format.setTopMargin(6);
    format.setBottomMargin(10);
    format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    table->setFormat(format);
    for (int row = 0; row < table->rows(); ++row) {
      for (int column = 0; column < table->columns(); ++column) {
        QTextTableCell cell = table->cellAt(row, column);
        QTextTableCellFormat cellFormat = cell.format().toTableCellFormat();
        cellFormat.setBorder(0);
        cellFormat.setBottomBorder(row == 0 ? 1.5 : 1.0);
        cellFormat.setBottomBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        cellFormat.setBottomBorderBrush(row == 0 ? rule.darker(130) : rule);
        if (row == 0) cellFormat.setBackground(QColor(0xf3, 0xf4, 0xf6));
        cell.setFormat(cellFormat);
      }
    }
  }
  cursor.endEditBlock();
}

}  // namespace

const QString UserGuideWindow::kResourcePath = QStringLiteral(":/guide/user-guide.md");

UserGuideWindow::UserGuideWindow(QWidget* parent)
    : QWidget(parent, Qt::Window), m_contents(new QTreeWidget(this)), m_browser(new QTextBrowser(this)) {
  setObjectName(QStringLiteral("UserGuideWindow"));
  setWindowTitle(tr("Pillars User Guide"));

  // Links inside the guide jump to their chapter; links out of it go to the desktop's browser.
  m_browser->setOpenLinks(false);
  connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
    if (url.scheme().isEmpty() && url.path().isEmpty() && url.hasFragment()) {
      showAnchor(url.fragment());
    } else {
      QDesktopServices::openUrl(url);
    }
  });
  m_browser->document()->setDocumentMargin(18);
  QFile file(kResourcePath);
  if (file.open(QIODevice::ReadOnly)) {
    m_browser->setMarkdown(QString::fromUtf8(file.readAll()));
    polish(*m_browser->document());
  } else {
    m_browser->setPlainText(tr("The user guide is missing from this build (%1).").arg(kResourcePath));
  }

  m_contents->setHeaderHidden(true);
  m_contents->setUniformRowHeights(true);
  buildContents();
  m_contents->expandAll();
  connect(m_contents, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
    if (item) scrollToBlock(item->data(0, kBlockRole).toInt());
  });

  auto* splitter = new QSplitter(this);
  splitter->addWidget(m_contents);
  splitter->addWidget(m_browser);
  splitter->setStretchFactor(1, 1);
  splitter->setSizes({250, 730});
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(splitter);
  // The page takes the keys (scrolling, Ctrl+C); the contents would otherwise take focus first
  // and jump past the introduction to the first chapter.
  m_browser->setFocus();
  resize(1000, 740);
}

void UserGuideWindow::buildContents() {
  // The headings come from the rendered document rather than from the Markdown text, so the
  // contents always point at blocks that exist, whatever the Markdown dialect does.
  m_contents->clear();
  QTreeWidgetItem* chapter = nullptr;
  for (QTextBlock block = m_browser->document()->begin(); block.isValid(); block = block.next()) {
    const int level = block.blockFormat().headingLevel();
    if (level < 2 || level > 3) continue;  // the title is the window's; deeper levels are detail
    QTreeWidgetItem* item = (level == 2 || !chapter) ? new QTreeWidgetItem(m_contents, {block.text()})
                                                     : new QTreeWidgetItem(chapter, {block.text()});
    if (level == 2) chapter = item;
    item->setData(0, kBlockRole, block.blockNumber());
  }
}

void UserGuideWindow::scrollToBlock(int blockNumber) {
  const QTextBlock block = m_browser->document()->findBlockByNumber(blockNumber);
  // The heading at the top of the page, not merely somewhere visible.
  const QRectF where = m_browser->document()->documentLayout()->blockBoundingRect(block);
  m_browser->verticalScrollBar()->setValue(static_cast<int>(where.top()));
}

bool UserGuideWindow::showAnchor(const QString& anchor) {
  for (QTextBlock block = m_browser->document()->begin(); block.isValid(); block = block.next()) {
    if (block.blockFormat().headingLevel() > 0 && slugOf(block.text()) == anchor) {
      scrollToBlock(block.blockNumber());
      return true;
    }
  }
  return false;
}

bool UserGuideWindow::showSection(const QString& heading) {
  const auto found = m_contents->findItems(heading, Qt::MatchExactly | Qt::MatchRecursive);
  if (found.isEmpty()) return false;
  m_contents->setCurrentItem(found.front());
  return true;
}

}  // namespace pillars
