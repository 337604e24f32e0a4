#include "widgets/review/checklist_panel.hpp"

#include <QGroupBox>
#include <QLabel>
#include <QProgressBar>
#include <QScrollArea>
#include <QVBoxLayout>

#include "widgets/review/question_row.hpp"
#include "widgets/review/review_session.hpp"
#include "widgets/review/risk_chart.hpp"

namespace pillars {

ChecklistPanel::ChecklistPanel(ReviewSession& session, QWidget* parent)
    : QWidget(parent),
      m_session(session),
      m_progress(new QProgressBar(this)),
      m_summary(new QLabel(this)),
      m_counts(new QLabel(this)),
      m_chart(new RiskChart(this)) {
  m_progress->setObjectName(QStringLiteral("ReviewProgress"));
  m_summary->setObjectName(QStringLiteral("ReviewSummary"));
  m_counts->setObjectName(QStringLiteral("ReviewCounts"));
  auto* layout = new QVBoxLayout(this);
  if (!session.checklist()) {
    auto* error = new QLabel(tr("The review data could not be loaded:\n%1").arg(session.loadError()), this);
    error->setWordWrap(true);
    layout->addWidget(error);
    layout->addStretch();
    return;
  }
  const review::Checklist& checklist = *session.checklist();
  auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(QString::fromStdString(checklist.title).toHtmlEscaped()), this);
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
    auto* boxLayout = new QVBoxLayout(box);
    for (const review::Question& q : section.questions) {
      auto* row = new QuestionRow(session, q, box);
      boxLayout->addWidget(row);
      m_rows.push_back(row);
    }
    list->addWidget(box);
  }
  list->addStretch();
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setWidget(questions);
  layout->addWidget(scroll, 1);

  connect(&session, &ReviewSession::updated, this, &ChecklistPanel::refresh);
  refresh();
}

QString ChecklistPanel::summaryText() const {
  const review::RiskReport& r = m_session.report();
  return tr("Answered %1 of %2 · %3 high, %4 medium").arg(r.answered).arg(r.total).arg(r.high).arg(r.medium);
}

void ChecklistPanel::refresh() {
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
