#include "widgets/review/facts_panel.hpp"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

#include "engine/review/apply_consequences.hpp"
#include "engine/review/apply_pattern.hpp"
#include "widgets/document/topology_document.hpp"
#include "widgets/review/review_session.hpp"

namespace pillars {

FactsPanel::FactsPanel(ReviewSession& session, QWidget* parent)
    : QWidget(parent),
      m_session(session),
      m_sources(new QLabel(this)),
      m_problems(new QLabel(this)),
      m_applyStatus(new QLabel(this)),
      m_results(new QTextBrowser(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(new QLabel(tr("<b>Facts</b> (prefilled from the design; empty means unknown)"), this));
  auto* form = new QFormLayout;
  const review::Facts prefilled = session.prefilledFacts();
  const review::Facts facts = session.facts();
  for (const review::FactDefinition& def : review::factDefinitions()) {
    auto* field = new QLineEdit(this);
    field->setObjectName(QStringLiteral("fact:") + QString::fromStdString(def.name));
    QString hint = QString::fromStdString(def.description);
    if (!def.words.empty()) {
      QStringList words;
      for (const auto& w : def.words) words.append(QString::fromStdString(w));
      hint += QStringLiteral(" (") + words.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    field->setToolTip(hint);
    field->setPlaceholderText(def.type == review::FactType::Boolean ? tr("unknown (yes / no)") : tr("unknown"));
    if (const auto value = facts.get(def.name)) field->setText(QString::fromStdString(review::formatFactValue(*value)));
    connect(field, &QLineEdit::editingFinished, this, [this] {
      keepTypedFacts();
      recommendAgain();
    });
    form->addRow(QString::fromStdString(def.name), field);
    m_fields[def.name] = field;
  }
  layout->addLayout(form);
  QStringList sources;
  for (const auto& s : prefilled.sources) sources.append(QString::fromStdString(s).toHtmlEscaped());
  m_sources->setText(sources.isEmpty() ? tr("<i>The design tells no facts: fill them in.</i>")
                                       : tr("<i>From the design: %1</i>").arg(sources.join(QStringLiteral("; "))));
  m_sources->setWordWrap(true);
  layout->addWidget(m_sources);
  m_problems->setObjectName(QStringLiteral("FactProblems"));
  m_problems->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
  m_problems->setWordWrap(true);
  layout->addWidget(m_problems);
  layout->addWidget(new QLabel(tr("<b>Recommended patterns</b>"), this));
  m_results->setObjectName(QStringLiteral("Recommendations"));
  // "apply:N" links apply pattern N; the browser must not try to open them as documents.
  m_results->setOpenLinks(false);
  connect(m_results, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
    if (url.scheme() != QStringLiteral("apply")) return;
    bool ok = false;
    const int index = url.path().toInt(&ok);
    if (ok && index >= 0) applyRecommendation(static_cast<std::size_t>(index));
  });
  m_applyStatus->setObjectName(QStringLiteral("ApplyStatus"));
  m_applyStatus->setWordWrap(true);
  m_applyStatus->hide();
  layout->addWidget(m_applyStatus);
  layout->addWidget(m_results, 1);
  recommendAgain();
}

bool FactsPanel::setFactText(const std::string& name, const QString& text) {
  const auto it = m_fields.find(name);
  if (it == m_fields.end()) return false;
  it->second->setText(text);
  keepTypedFacts();
  recommendAgain();
  return true;
}

void FactsPanel::keepTypedFacts() {
  // Only what differs from the design's own facts: those follow the design as it changes.
  const review::Facts prefilled = m_session.prefilledFacts();
  std::map<std::string, std::string> typed;
  for (const auto& [name, field] : m_fields) {
    const auto value = prefilled.get(name);
    const QString designs = value ? QString::fromStdString(review::formatFactValue(*value)) : QString();
    const QString text = field->text().trimmed();
    if (text != designs) typed[name] = text.toStdString();
  }
  m_session.document().setReviewFacts(typed);
}

QString FactsPanel::applyRecommendation(std::size_t index) {
  if (index >= m_recommendations.size() || !m_recommendations[index].apply) return {};
  const review::RecommendedPattern& r = m_recommendations[index];
  const QString what = QString::fromStdString(review::describeHint(*r.apply));
  const QString label = tr("Apply %1 (%2)").arg(QString::fromStdString(r.pattern->name), what);
  const Scenario before = m_session.document().scenario();
  const QString error = m_session.document().applyPattern(*r.apply, label);
  QString message = error.isEmpty() ? tr("Applied %1: %2. Run again and compare (Review › Compare Runs…); "
                                         "Edit › Undo takes it back.")
                                          .arg(QString::fromStdString(r.pattern->name), what)
                                    : tr("Could not apply %1: %2").arg(QString::fromStdString(r.pattern->name), error);
  // What the edit brought with it: a balancer in front of new replicas is itself one of a kind.
  QStringList added;
  if (error.isEmpty()) {
    for (const std::string& spof : review::newSinglePointsOfFailure(before, m_session.document().scenario())) {
      added << QString::fromStdString(spof);
    }
  }
  if (!added.isEmpty()) message += QLatin1Char(' ') + tr("Note: %1.").arg(added.join(QStringLiteral("; ")));
  m_applyStatus->setText(message);
  m_applyStatus->setStyleSheet(!error.isEmpty()     ? QStringLiteral("QLabel { color: #c62828; }")
                               : !added.isEmpty() ? QStringLiteral("QLabel { color: #8d5a00; }")
                                                  : QStringLiteral("QLabel { color: #2e7d32; }"));
  m_applyStatus->show();
  // The design changed: hints point at components of the new design (db2 is not unreplicated).
  recommendAgain();
  emit applied(message);
  return message;
}

QString FactsPanel::problems() const { return m_problems->text(); }

void FactsPanel::recommendAgain() {
  review::Facts facts;
  QStringList problems;
  for (const auto& [name, field] : m_fields) {
    const QString text = field->text().trimmed();
    if (text.isEmpty()) continue;
    const std::string error = facts.setFromText(name, text.toStdString());
    if (!error.empty()) problems.append(QString::fromStdString(error));
  }
  m_problems->setText(problems.join(QLatin1Char('\n')));
  m_problems->setVisible(!problems.isEmpty());
  m_recommendations.clear();
  if (const review::ReviewLibrary* library = m_session.library()) {
    m_recommendations = review::recommend(*library, facts);
    review::resolveApplyHints(m_recommendations, m_session.document().scenario(), m_session.lastRun());
  }
  QString html;
  if (m_recommendations.empty()) html = tr("<p><i>No rule fires for these facts. Add what you know above.</i></p>");
  int rank = 0;
  for (std::size_t i = 0; i < m_recommendations.size(); ++i) {
    const review::RecommendedPattern& r = m_recommendations[i];
    const review::Pattern& p = *r.pattern;
    html += QStringLiteral("<p><b>%1. %2</b> <span style='color:#607d8b'>(%3").arg(++rank).arg(
        QString::fromStdString(p.name).toHtmlEscaped(), QString::fromStdString(p.pillar));
    if (!p.complexity.empty()) {
      html += tr(", complexity %1, cost %2").arg(QString::fromStdString(p.complexity), QString::fromStdString(p.cost));
    }
    html += QStringLiteral(")</span>");
    for (const auto& reason : r.reasons) {
      html += QStringLiteral("<br>&nbsp;&nbsp;✔ ") + tr("fired: %1").arg(QString::fromStdString(reason).toHtmlEscaped());
    }
    for (const auto& warning : r.warnings) {
      html += QStringLiteral("<br>&nbsp;&nbsp;<span style='color:#c62828'>⚠ ") +
              QString::fromStdString(warning).toHtmlEscaped() + QStringLiteral("</span>");  // "Don't use when ..."
    }
    if (r.warnings.empty() && !r.dontUseWhen.empty()) {
      html += QStringLiteral("<br>&nbsp;&nbsp;<span style='color:#8d6e63'>") +
              tr("don't use when %1").arg(QString::fromStdString(r.dontUseWhen).toHtmlEscaped()) + QStringLiteral("</span>");
    }
    if (r.apply) {
      html += QStringLiteral("<br>&nbsp;&nbsp;") + tr("where: %1 on <b>%2</b>")
                                                      .arg(QString::fromStdString(r.apply->action),
                                                           QString::fromStdString(r.apply->target).toHtmlEscaped());
      html += QStringLiteral(" &nbsp;<a href='apply:%1'>").arg(i) + tr("Apply: %1").arg(
                  QString::fromStdString(review::describeHint(*r.apply)).toHtmlEscaped()) + QStringLiteral("</a>");
    }
    html += QStringLiteral("</p>");
  }
  m_results->setHtml(html);
}

}  // namespace pillars
