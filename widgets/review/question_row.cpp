#include "widgets/review/question_row.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>

#include "engine/review/answers_in_use.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/review/review_session.hpp"

namespace pillars {

namespace {

QString objectNameFor(const char* role, const review::Question& q) {
  return QString::fromLatin1(role) + QLatin1Char(':') + QString::fromStdString(q.id);
}

/// The badge: the risk's name on its colour, as the Well-Architected Tool marks questions.
void showRisk(QLabel& badge, bool answered, bool notApplicable, review::Risk risk) {
  QString text = QObject::tr("Unanswered");
  QString colour = QStringLiteral("#9e9e9e");
  if (answered && notApplicable) {
    text = QObject::tr("Not applicable");
    colour = QStringLiteral("#78909c");
  } else if (answered) {
    switch (risk) {
      case review::Risk::High: text = QObject::tr("High risk"); colour = QStringLiteral("#d32f2f"); break;
      case review::Risk::Medium: text = QObject::tr("Medium risk"); colour = QStringLiteral("#ef6c00"); break;
      case review::Risk::None: text = QObject::tr("No risk"); colour = QStringLiteral("#2e7d32"); break;
    }
  }
  badge.setText(text);
  badge.setStyleSheet(QStringLiteral("QLabel { color: white; background: %1; border-radius: 3px; padding: 1px 6px; "
                                     "font-weight: bold; }")
                          .arg(colour));
}

}  // namespace

QuestionRow::QuestionRow(ReviewSession& session, const review::Question& question, QWidget* parent)
    : QWidget(parent),
      m_session(session),
      m_question(question),
      m_risk(new QLabel(this)),
      m_choice(new QComboBox(this)),
      m_notApplicable(new QCheckBox(tr("Not applicable"), this)),
      m_reason(new QLineEdit(this)),
      m_note(new QLineEdit(this)),
      m_evidence(new QLabel(this)),
      m_changed(new QLabel(this)),
      m_suggest(new QPushButton(this)) {
  m_risk->setObjectName(objectNameFor("risk", question));
  m_choice->setObjectName(objectNameFor("choice", question));
  m_notApplicable->setObjectName(objectNameFor("na", question));
  m_reason->setObjectName(objectNameFor("reason", question));
  m_note->setObjectName(objectNameFor("note", question));
  m_evidence->setObjectName(objectNameFor("evidence", question));
  m_suggest->setObjectName(objectNameFor("suggest", question));
  m_changed->setObjectName(objectNameFor("changed", question));
  m_changed->setWordWrap(true);
  m_changed->setStyleSheet(QStringLiteral("QLabel { background: #fff3e0; color: #6d4c00; border: 1px solid #ffb74d; "
                                          "border-radius: 3px; padding: 3px 6px; }"));
  m_changed->hide();

  auto* text = new QLabel(QStringLiteral("<b>%1</b>").arg(QString::fromStdString(question.text).toHtmlEscaped()), this);
  text->setWordWrap(true);
  m_choice->addItem(tr("— choose —"), QString());
  for (const auto& c : question.choices) {
    m_choice->addItem(QString::fromStdString(c.label), QString::fromStdString(c.id));
  }
  // One width for every question's combo, so the evidence column lines up down the panel.
  m_choice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_choice->setMinimumContentsLength(24);
  m_reason->setPlaceholderText(tr("Why it does not apply"));
  m_note->setPlaceholderText(tr("Note"));
  m_evidence->setWordWrap(true);
  m_evidence->setTextFormat(Qt::RichText);
  m_evidence->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  m_evidence->setStyleSheet(QStringLiteral("QLabel { background: palette(alternate-base); padding: 4px; }"));

  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(0, 4, 0, 8);
  auto* heading = new QHBoxLayout;
  heading->addWidget(text, 1);
  heading->addWidget(m_risk, 0, Qt::AlignTop);
  grid->addLayout(heading, 0, 0, 1, 2);
  auto* controls = new QVBoxLayout;
  auto* answer = new QHBoxLayout;
  answer->addWidget(m_choice, 1);
  answer->addWidget(m_notApplicable);
  controls->addLayout(answer);
  controls->addWidget(m_changed);
  controls->addWidget(m_reason);
  controls->addWidget(m_note);
  controls->addStretch(1);
  grid->addLayout(controls, 1, 0);
  // The evidence beside the answer, so the reviewer reads what the design shows while answering.
  auto* evidence = new QVBoxLayout;
  evidence->addWidget(m_evidence);
  evidence->addWidget(m_suggest, 0, Qt::AlignLeft);
  evidence->addStretch(1);
  grid->addLayout(evidence, 1, 1);
  grid->setColumnStretch(0, 2);
  grid->setColumnStretch(1, 3);

  connect(m_choice, &QComboBox::activated, this, [this] { commit(); });
  connect(m_notApplicable, &QCheckBox::toggled, this, [this] { commit(); });
  connect(m_reason, &QLineEdit::editingFinished, this, [this] { commit(); });
  connect(m_note, &QLineEdit::editingFinished, this, [this] { commit(); });
  connect(m_suggest, &QPushButton::clicked, this, [this] { useSuggestion(); });
  refresh();
}

void QuestionRow::refresh() {
  // As the review uses it: an accepted suggestion shows the answer suggested now.
  const auto& answers = m_session.answers();
  const auto it = answers.find(m_question.id);
  const review::Answer answer = it == answers.end() ? review::Answer{} : it->second;
  {
    const QSignalBlocker b1(m_choice), b2(m_notApplicable), b3(m_reason), b4(m_note);
    const int index = m_choice->findData(QString::fromStdString(answer.choice));
    m_choice->setCurrentIndex(std::max(0, index));
    m_choice->setEnabled(!answer.notApplicable);
    m_notApplicable->setChecked(answer.notApplicable);
    if (m_reason->text().toStdString() != answer.reason) m_reason->setText(QString::fromStdString(answer.reason));
    m_reason->setVisible(answer.notApplicable);
    if (m_note->text().toStdString() != answer.note) m_note->setText(QString::fromStdString(answer.note));
  }
  const auto& risks = m_session.report().questions;
  const auto risk = std::find_if(risks.begin(), risks.end(),
                                 [&](const review::QuestionRisk& r) { return r.question == &m_question; });
  if (risk != risks.end()) showRisk(*m_risk, risk->answered, risk->notApplicable, risk->risk);

  QStringList lines;
  for (const review::EvidenceItem* e : m_session.evidenceFor(m_question)) {
    lines.append(QStringLiteral("%1 %2").arg(e->fromRun ? tr("▶ Run:") : tr("● Design:"),
                                             QString::fromStdString(e->sentence).toHtmlEscaped()));
  }
  m_evidence->setText(lines.isEmpty() ? tr("<i>No evidence: the design cannot tell. Answer from what you know.</i>")
                                      : lines.join(QStringLiteral("<br>")));
  const review::SuggestedAnswer* s = m_session.suggestionFor(m_question.id);
  const review::AnswerChoice* choice = s ? m_question.findChoice(s->choice) : nullptr;
  const bool changed = m_session.evidenceChangedSince(m_question.id);
  m_changed->setVisible(changed);
  if (changed) {
    m_changed->setText(choice ? tr("The design changed since this suggestion was accepted; the answer follows the "
                                   "evidence, which now suggests \u201c%1\u201d. Look at it again.")
                                    .arg(QString::fromStdString(choice->label))
                              : tr("The design changed since this suggestion was accepted, and the evidence no longer "
                                   "suggests an answer. Answer it yourself."));
  }
  m_suggest->setVisible(choice != nullptr);
  if (choice) {
    const bool inUse = answer.choice == s->choice && !answer.notApplicable;
    m_suggest->setText(changed  ? tr("Accept again: %1").arg(QString::fromStdString(choice->label))
                       : inUse ? tr("✓ The suggested answer")
                               : tr("Use suggestion: %1").arg(QString::fromStdString(choice->label)));
    m_suggest->setEnabled(changed || !inUse);
  }
}

void QuestionRow::commit() {
  review::Answer answer;
  answer.choice = m_choice->currentData().toString().toStdString();
  answer.notApplicable = m_notApplicable->isChecked();
  answer.reason = m_reason->text().trimmed().toStdString();
  answer.note = m_note->text().trimmed().toStdString();
  if (answer.notApplicable) answer.choice.clear();  // a question that does not apply has no choice
  // A note or reason edited on an accepted suggestion keeps it following the evidence; a choice
  // of the reviewer's own makes it theirs.
  const auto& stored = m_session.document().review().answers;
  const auto it = stored.find(m_question.id);
  const auto shown = m_session.answers().find(m_question.id);
  if (it != stored.end() && it->second.fromSuggestion && shown != m_session.answers().end() &&
      shown->second.choice == answer.choice && !answer.notApplicable) {
    answer.choice = it->second.choice;
    answer.fromSuggestion = true;
    answer.basis = it->second.basis;
  }
  m_session.document().setReviewAnswer(m_question.id, answer);
}

void QuestionRow::useSuggestion() {
  const review::SuggestedAnswer* s = m_session.suggestionFor(m_question.id);
  if (!s) return;
  const auto& answers = m_session.document().review().answers;
  const auto it = answers.find(m_question.id);
  m_session.document().setReviewAnswer(
      m_question.id, review::acceptedSuggestion(it == answers.end() ? review::Answer{} : it->second, *s));
}

}  // namespace pillars
