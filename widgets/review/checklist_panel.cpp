#include "widgets/review/checklist_panel.hpp"

#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QProgressBar>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include "widgets/review/question_row.hpp"
#include "widgets/review/review_session.hpp"
#include "widgets/review/risk_chart.hpp"

namespace pillars {

ChecklistPanel::ChecklistPanel(ReviewSession& session, QWidget* parent)
    : QWidget(parent),
      m_session(session),
      m_chooser(new QComboBox(this)),
      m_userError(new QLabel(this)),
      m_layout(new QVBoxLayout(this)) {
  m_chooser->setObjectName(QStringLiteral("ChecklistChooser"));
  m_chooser->setToolTip(tr("Which checklist to answer: the bundled one or one of yours (Review › Open Checklists Folder)"));
  m_userError->setObjectName(QStringLiteral("ChecklistUserError"));
  m_userError->setWordWrap(true);
  m_userError->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_userError->setStyleSheet(QStringLiteral("color: #a33;"));
  auto* choose = new QHBoxLayout;
  m_chooserLabel = new QLabel(tr("Checklist:"), this);
  m_chooserLabel->setBuddy(m_chooser);
  choose->addWidget(m_chooserLabel);
  choose->addWidget(m_chooser, 1);
  m_layout->addLayout(choose);
  m_layout->addWidget(m_userError);
  connect(m_chooser, &QComboBox::activated, this, [this](int index) {
    m_session.chooseChecklist(m_chooser->itemData(index).toString().toStdString());
  });
  connect(&session, &ReviewSession::checklistChanged, this, &ChecklistPanel::rebuild);
  connect(&session, &ReviewSession::updated, this, &ChecklistPanel::refresh);
  rebuild();
  refresh();
}

QString ChecklistPanel::userErrorText() const { return m_userError->isHidden() ? QString() : m_userError->text(); }

void ChecklistPanel::rebuild() {
  // The old rows refer to questions of the data they were built from, which a reload
  // replaces: they go at once, not later, so nothing can reach them afterwards.
  m_rows.clear();
  delete m_content;
  m_content = new QWidget(this);
  m_progress = nullptr;
  m_summary = nullptr;
  m_counts = nullptr;
  m_chart = nullptr;
  auto* layout = new QVBoxLayout(m_content);
  layout->setContentsMargins(0, 0, 0, 0);
  m_layout->addWidget(m_content, 1);

  const QString userError = m_session.userError();
  m_userError->setText(tr("Your checklists were left out; the bundled ones are used. Fix the file and use "
                          "Review › Reload Checklists:\n%1")
                           .arg(userError));
  m_userError->setVisible(!userError.isEmpty());

  {
    const QSignalBlocker quiet(m_chooser);
    m_chooser->clear();
    if (const review::ReviewLibrary* library = m_session.library()) {
      for (const review::Checklist& c : library->checklists) {
        m_chooser->addItem(QString::fromStdString(c.title), QString::fromStdString(c.id));
      }
    }
    if (m_session.checklist()) m_chooser->setCurrentIndex(m_chooser->findData(QString::fromStdString(m_session.checklistId())));
  }
  // One checklist needs no choice; the chooser appears once the user adds a lens.
  m_chooser->setVisible(m_chooser->count() > 1);
  m_chooserLabel->setVisible(m_chooser->count() > 1);

  // Kept even without data so chart() always has an object to return.
  m_chart = new RiskChart(m_content);
  if (!m_session.checklist()) {
    m_chart->hide();
    auto* error = new QLabel(tr("The review data could not be loaded:\n%1").arg(m_session.loadError()), m_content);
    error->setWordWrap(true);
    layout->addWidget(error);
    layout->addStretch();
    return;
  }
  m_progress = new QProgressBar(m_content);
  m_summary = new QLabel(m_content);
  m_counts = new QLabel(m_content);
  m_progress->setObjectName(QStringLiteral("ReviewProgress"));
  m_summary->setObjectName(QStringLiteral("ReviewSummary"));
  m_counts->setObjectName(QStringLiteral("ReviewCounts"));
  const review::Checklist& checklist = *m_session.checklist();
  auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(QString::fromStdString(checklist.title).toHtmlEscaped()), m_content);
  title->setObjectName(QStringLiteral("ChecklistTitle"));
  layout->addWidget(title);
  auto* top = new QHBoxLayout;
  auto* figures = new QVBoxLayout;
  figures->addWidget(m_summary);
  figures->addWidget(m_progress);
  m_counts->setTextFormat(Qt::RichText);
  figures->addWidget(m_counts);
  figures->addStretch();
  top->addLayout(figures, 2);
  top->addWidget(m_chart, 3);
  layout->addLayout(top);

  auto* questions = new QWidget;
  auto* list = new QVBoxLayout(questions);
  for (const review::Section& section : checklist.sections) {
    auto* box = new QGroupBox(QString::fromStdString(section.title), questions);
    // A short checklist must not spread its few rows over the whole dock: boxes keep their
    // natural height and the stretch below takes the rest.
    box->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto* boxLayout = new QVBoxLayout(box);
    for (const review::Question& q : section.questions) {
      auto* row = new QuestionRow(m_session, q, box);
      boxLayout->addWidget(row);
      m_rows.push_back(row);
    }
    list->addWidget(box);
  }
  list->addStretch();
  auto* scroll = new QScrollArea(m_content);
  scroll->setWidgetResizable(true);
  scroll->setWidget(questions);
  layout->addWidget(scroll, 1);
}

QString ChecklistPanel::summaryText() const {
  const review::RiskReport& r = m_session.report();
  return tr("Answered %1 of %2 · %3 high, %4 medium").arg(r.answered).arg(r.total).arg(r.high).arg(r.medium);
}

void ChecklistPanel::refresh() {
  if (!m_progress) return;  // no checklist: only the load error is shown
  const review::RiskReport& r = m_session.report();
  m_progress->setRange(0, r.total);
  m_progress->setValue(r.answered);
  m_progress->setFormat(tr("%v of %m answered"));
  m_summary->setText(summaryText());
  QString table = QStringLiteral("<table cellspacing=0 cellpadding=2><tr><th align=left>%1</th><th>%2</th><th>%3</th>"
                                 "<th>%4</th></tr>")
                      .arg(tr("Pillar"), tr("Answered"), tr("High"), tr("Medium"));
  for (const auto& p : r.pillars) {
    if (p.questions == 0) continue;
    table += QStringLiteral("<tr><td>%1</td><td align=center>%2/%3</td><td align=center>%4</td><td align=center>%5</td></tr>")
                 .arg(QString::fromStdString(p.pillar).replace(0, 1, QString::fromStdString(p.pillar).left(1).toUpper()))
                 .arg(p.answered)
                 .arg(p.questions)
                 .arg(p.high)
                 .arg(p.medium);
  }
  m_counts->setText(table + QStringLiteral("</table>"));
  m_chart->setReport(r);
  for (QuestionRow* row : m_rows) row->refresh();
}

}  // namespace pillars
