#include "widgets/review/milestones_dialog.hpp"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include "engine/review/milestones.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/review/review_session.hpp"

namespace pillars {

namespace {

/// The milestones of the document, then the current answers as the last choice.
std::vector<review::Milestone> choices(ReviewSession& session) {
  std::vector<review::Milestone> out = session.document().review().milestones;
  out.push_back(review::Milestone{QObject::tr("Current answers").toStdString(), session.document().review().answers, ""});
  return out;
}

}  // namespace

MilestonesDialog::MilestonesDialog(ReviewSession& session, QWidget* parent)
    : QDialog(parent),
      m_session(session),
      m_earlier(new QComboBox(this)),
      m_later(new QComboBox(this)),
      m_table(new QTableWidget(this)),
      m_changes(new QLabel(this)) {
  setWindowTitle(tr("Compare Milestones"));
  auto* pick = new QHBoxLayout;
  pick->addWidget(new QLabel(tr("Earlier:"), this));
  pick->addWidget(m_earlier, 1);
  pick->addWidget(new QLabel(tr("Later:"), this));
  pick->addWidget(m_later, 1);
  for (const auto& m : choices(session)) {
    const QString label = m.date.empty() ? QString::fromStdString(m.name)
                                         : QStringLiteral("%1 (%2)").arg(QString::fromStdString(m.name),
                                                                          QString::fromStdString(m.date));
    m_earlier->addItem(label);
    m_later->addItem(label);
  }
  m_earlier->setCurrentIndex(std::max(0, m_earlier->count() - 2));
  m_later->setCurrentIndex(m_later->count() - 1);
  m_changes->setWordWrap(true);
  m_changes->setTextFormat(Qt::RichText);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(pick);
  layout->addWidget(m_table, 1);
  layout->addWidget(m_changes);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  connect(m_earlier, &QComboBox::currentIndexChanged, this, &MilestonesDialog::refresh);
  connect(m_later, &QComboBox::currentIndexChanged, this, &MilestonesDialog::refresh);
  resize(640, 420);
  refresh();
}

void MilestonesDialog::compare(int earlier, int later) {
  m_earlier->setCurrentIndex(earlier);
  m_later->setCurrentIndex(later);
  refresh();
}

void MilestonesDialog::refresh() {
  const review::Checklist* checklist = m_session.checklist();
  const auto all = choices(m_session);
  const int a = m_earlier->currentIndex(), b = m_later->currentIndex();
  if (!checklist || a < 0 || b < 0) return;
  const review::Milestone& earlier = all[static_cast<std::size_t>(a)];
  const review::Milestone& later = all[static_cast<std::size_t>(b)];
  const auto& evidence = m_session.evidence();
  const review::RiskReport before = review::evaluateRisks(*checklist, earlier.answers, evidence);
  const review::RiskReport after = review::evaluateRisks(*checklist, later.answers, evidence);
  m_table->clear();
  m_table->setColumnCount(5);
  m_table->setHorizontalHeaderLabels({tr("Pillar"), tr("High before"), tr("High after"), tr("Medium before"),
                                      tr("Medium after")});
  m_table->setRowCount(0);
  for (std::size_t i = 0; i < before.pillars.size() && i < after.pillars.size(); ++i) {
    if (before.pillars[i].questions == 0) continue;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    const int values[] = {before.pillars[i].high, after.pillars[i].high, before.pillars[i].medium, after.pillars[i].medium};
    m_table->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(before.pillars[i].pillar)));
    for (int c = 0; c < 4; ++c) {
      auto* item = new QTableWidgetItem(QString::number(values[c]));
      item->setTextAlignment(Qt::AlignCenter);
      m_table->setItem(row, c + 1, item);
    }
  }
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  m_table->verticalHeader()->hide();
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  const review::MilestoneComparison diff = review::compareMilestones(*checklist, earlier, later, evidence);
  QStringList moved;
  for (const auto& q : diff.questions) {
    const review::Question* question = m_session.library()->findQuestion(q.questionId);
    moved.append(tr("%1: %2 → %3")
                     .arg(QString::fromStdString(question ? question->text : q.questionId).toHtmlEscaped(),
                          QString::fromStdString(std::string(review::riskName(q.before))),
                          QString::fromStdString(std::string(review::riskName(q.after)))));
  }
  m_changes->setText(tr("<b>Total:</b> high %1%2, medium %3%4").arg(diff.high >= 0 ? QStringLiteral("+") : QString()).arg(diff.high)
                         .arg(diff.medium >= 0 ? QStringLiteral("+") : QString()).arg(diff.medium) +
                     (moved.isEmpty() ? tr("<br>No question's risk changed.")
                                      : QStringLiteral("<br>") + moved.join(QStringLiteral("<br>"))));
}

}  // namespace pillars
