#include "widgets/window/start_page.hpp"

#include <QApplication>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>
#include <algorithm>

#include "widgets/canvas/kind_style.hpp"
#include "widgets/window/recent_files.hpp"
#include "widgets/window/resource_paths.hpp"
#include "widgets/window/template_card.hpp"

namespace pillars {

namespace {

QLabel* heading(const QString& text, qreal scale, QWidget* parent) {
  auto* label = new QLabel(text, parent);
  QFont font = label->font();
  font.setPointSizeF(font.pointSizeF() * scale);
  font.setBold(true);
  label->setFont(font);
  return label;
}

QLabel* greyText(const QString& text, QWidget* parent) {
  auto* label = new QLabel(text, parent);
  label->setWordWrap(true);
  label->setForegroundRole(QPalette::PlaceholderText);
  return label;
}

/// A pillar's band: its name on its colour, with what it is about.
QWidget* pillarBand(Pillar pillar, QWidget* parent) {
  auto* band = new QLabel(QStringLiteral("<b>%1</b> &nbsp;\u2014&nbsp; %2")
                              .arg(kindstyle::pillarTitle(pillar), kindstyle::pillarBlurb(pillar).toHtmlEscaped()),
                          parent);
  band->setObjectName(QStringLiteral("pillarBand:") + kindstyle::pillarTitle(pillar));
  band->setStyleSheet(QStringLiteral("QLabel { background: %1; color: #212121; border-left: 5px solid %2; "
                                     "border-radius: 3px; padding: 5px 8px; }")
                          .arg(kindstyle::pillarFill(pillar).name(), kindstyle::pillarBorder(pillar).name()));
  return band;
}

}  // namespace

StartPage::StartPage(const QString& examplesFolder, RecentFiles& recent, QWidget* parent)
    : QWidget(parent), m_recentFiles(recent), m_recent(new QListWidget(this)) {
  setObjectName(QStringLiteral("StartPage"));
  // The examples are small: reading and drawing them takes milliseconds, less than the
  // window takes to appear, so the page is filled at once.
  const qreal dpr = qApp->devicePixelRatio();
  for (const QString& path : resourcepaths::scenarioFiles(examplesFolder)) {
    if (auto entry = readTemplate(path, kThumbnailSize, dpr)) m_entries.push_back(std::move(*entry));
  }

  auto* content = new QWidget;
  content->setObjectName(QStringLiteral("StartPageContent"));
  auto* columns = new QHBoxLayout(content);
  columns->setContentsMargins(28, 20, 28, 20);
  columns->setSpacing(28);

  // Left: the examples, a row of cards per pillar.
  auto* examples = new QVBoxLayout;
  examples->setSpacing(8);
  examples->addWidget(heading(tr("Welcome to Pillars"), 1.6, content));
  examples->addWidget(greyText(tr("Design a distributed system, run it on a deterministic simulator, break it, "
                                  "and review it. Start from an example: each opens as a new, untitled design "
                                  "you can run at once (Ctrl+R)."),
                               content));
  examples->addSpacing(6);
  for (const Pillar pillar : kindstyle::kPillars) addPillarSection(examples, pillar);
  examples->addStretch(1);
  columns->addLayout(examples, 1);

  // Right: how to begin, and the recent files.
  auto* side = new QVBoxLayout;
  side->setSpacing(8);
  side->addWidget(heading(tr("Start"), 1.2, content));
  const auto button = [&](const QString& text, const QString& name, void (StartPage::*signal)()) {
    auto* b = new QPushButton(text, content);
    b->setObjectName(name);
    b->setMinimumHeight(34);
    connect(b, &QPushButton::clicked, this, signal);
    side->addWidget(b);
  };
  button(tr("New Empty Design  (Ctrl+N)"), QStringLiteral("startNew"), &StartPage::newRequested);
  button(tr("New from Template\u2026  (Ctrl+Shift+N)"), QStringLiteral("startTemplate"),
         &StartPage::templateGalleryRequested);
  button(tr("Open\u2026  (Ctrl+O)"), QStringLiteral("startOpen"), &StartPage::openDialogRequested);
  side->addSpacing(12);
  side->addWidget(heading(tr("Recent files"), 1.2, content));
  m_recent->setObjectName(QStringLiteral("startRecent"));
  m_recent->setFrameShape(QFrame::NoFrame);
  m_recent->setBackgroundRole(QPalette::Window);
  m_recent->viewport()->setBackgroundRole(QPalette::Window);
  m_recent->setMinimumHeight(160);
  connect(m_recent, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
    const QString path = item->data(Qt::UserRole).toString();
    if (!path.isEmpty() && isVisible()) emit recentChosen(path);
  });
  side->addWidget(m_recent, 1);
  side->addWidget(greyText(tr("Tip: press F1 for the user guide."), content));
  auto* sideWidget = new QWidget(content);
  sideWidget->setLayout(side);
  sideWidget->setFixedWidth(300);
  columns->addWidget(sideWidget, 0);

  auto* scroll = new QScrollArea(this);
  scroll->setWidget(content);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(scroll);
  connect(&m_recentFiles, &RecentFiles::changed, this, &StartPage::refreshRecent);
  refreshRecent();
}

void StartPage::addPillarSection(QVBoxLayout* into, Pillar pillar) {
  into->addSpacing(4);
  into->addWidget(pillarBand(pillar, this));
  std::vector<const TemplateEntry*> shown;
  for (const TemplateEntry& e : m_entries) {
    if (std::find(e.pillars.begin(), e.pillars.end(), pillar) != e.pillars.end()) shown.push_back(&e);
  }
  if (shown.empty()) {
    // Said rather than left out: a newcomer sees the whole map, and what is still to come.
    into->addWidget(greyText(tr("No examples yet: this pillar's components arrive in a later version."), this));
    return;
  }
  auto* list = new QListWidget(this);
  list->setObjectName(QStringLiteral("examples:") + kindstyle::pillarTitle(pillar));
  setUpTemplateCardList(*list, kThumbnailSize, 2);
  // One row per pillar that scrolls sideways: every pillar stays in view at once.
  list->setWrapping(false);
  list->setFlow(QListView::LeftToRight);
  list->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  for (const TemplateEntry* e : shown) addTemplateCard(*list, *e, firstSentence(e->description));
  // As tall as a card, with room for the sideways scroll bar when the row overflows.
  list->setFixedHeight(list->sizeHintForRow(0) + list->horizontalScrollBar()->sizeHint().height() + 4);
  connect(list, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
    // A double click clicks first: once the page has given way, the second signal is ignored.
    if (isVisible()) emit exampleChosen(item->data(kCardPathRole).toString());
  });
  connect(list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
    if (isVisible()) emit exampleChosen(item->data(kCardPathRole).toString());
  });
  m_lists[pillar] = list;
  into->addWidget(list);
}

std::vector<QString> StartPage::examplesOf(Pillar pillar) const {
  std::vector<QString> out;
  if (QListWidget* list = examplesList(pillar)) {
    for (int i = 0; i < list->count(); ++i) out.push_back(list->item(i)->data(kCardPathRole).toString());
  }
  return out;
}

QListWidget* StartPage::examplesList(Pillar pillar) const {
  const auto it = m_lists.find(pillar);
  return it == m_lists.end() ? nullptr : it->second;
}

void StartPage::refreshRecent() {
  m_recent->clear();
  const QStringList files = m_recentFiles.files();
  for (const QString& path : files) {
    auto* item = new QListWidgetItem(QFileInfo(path).fileName(), m_recent);
    item->setToolTip(path);
    item->setData(Qt::UserRole, path);
  }
  if (files.isEmpty()) {
    auto* none = new QListWidgetItem(tr("Files you open or save appear here."), m_recent);
    none->setFlags(Qt::NoItemFlags);
  }
}

}  // namespace pillars
