#include "widgets/window/param_editors/param_editor.hpp"

#include <QEvent>
#include <QLineEdit>
#include <QPalette>

#include "widgets/window/param_editors/bool_param_editor.hpp"
#include "widgets/window/param_editors/choice_param_editor.hpp"
#include "widgets/window/param_editors/distribution_param_editor.hpp"
#include "widgets/window/param_editors/param_display.hpp"
#include "widgets/window/param_editors/text_param_editor.hpp"

namespace pillars {

namespace {

/// Swallows wheel events aimed at a widget without focus; the scroll area gets them instead.
class WheelGuard final : public QObject {
 public:
  using QObject::QObject;
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (event->type() == QEvent::Wheel) {
      auto* widget = static_cast<QWidget*>(watched);
      if (!widget->hasFocus()) {
        event->ignore();
        return true;
      }
    }
    return QObject::eventFilter(watched, event);
  }
};

}  // namespace

ParamEditor::ParamEditor(ParamSpec spec, QWidget* parent) : QWidget(parent), m_spec(std::move(spec)) {
  setObjectName(QStringLiteral("param:") + QString::fromStdString(m_spec.name));
}

ParamEditor::~ParamEditor() {
  // The fields are children, destroyed after this (in ~QWidget, which first clears the focus).
  for (QObject* child : findChildren<QObject*>()) QObject::disconnect(child, nullptr, this, nullptr);
}

void ParamEditor::showValue(const ParamValue* value) {
  const bool unchanged = m_everShown && (value ? m_shown && *m_shown == *value : !m_shown);
  m_everShown = true;
  m_shown = value ? std::optional<ParamValue>(*value) : std::nullopt;
  if (unchanged) return;  // keep what the user is typing, refused or not
  if (!value || !shows(*value)) display(value);
  showProblem({});
}

void ParamEditor::showProblem(const QString& reason) {
  const bool changed = reason != m_problem;
  m_problem = reason;
  markProblem(!reason.isEmpty());
  if (changed) emit problemChanged();
}

void ParamEditor::setHelp(const QString& help) {
  m_help = help;
  markProblem(!m_problem.isEmpty());
}

void ParamEditor::setChanged(bool changed) {
  if (!m_valueWidget) return;
  QFont font = m_valueWidget->font();
  font.setBold(changed);
  m_valueWidget->setFont(font);
}

void ParamEditor::revert() {
  display(shownValue());
  showProblem({});
}

QString ParamEditor::textOf(const ParamValue& value) const { return paramdisplay::text(m_spec, value); }

bool ParamEditor::textMeans(const QString& text, const ParamValue& value) const {
  const QString engine = paramdisplay::engineText(m_spec, text, nullptr);
  if (engine.isEmpty() && !text.trimmed().isEmpty()) return false;
  const auto parsed = parseParamText(m_spec, engine.toStdString(), nullptr);
  return parsed && *parsed == value;
}

QString ParamEditor::problemWith(const QString& text, QString* engineText) const {
  QString why;
  const QString engine = paramdisplay::engineText(m_spec, text, &why);
  if (!why.isEmpty()) return why;
  if (engineText) *engineText = engine;
  if (m_check) return m_check(engine);
  std::string error;
  return parseParamText(m_spec, engine.toStdString(), &error) ? QString() : QString::fromStdString(error);
}

void ParamEditor::onTextEdited(const QString& text) {
  if (text.trimmed().isEmpty() && !shownValue()) {
    showProblem({});
    return;
  }
  // Checked while typing, so a mistake is marked at once; applied only when finished.
  showProblem(problemWith(text, nullptr));
}

void ParamEditor::finishText(QLineEdit* edit) {
  const QString text = edit->text();
  if (const ParamValue* value = shownValue(); value && textMeans(text, *value)) {
    // Nothing new: shown the way the engine writes it.
    showProblem({});
    const QString canonical = textOf(*value);
    if (text != canonical) edit->setText(canonical);
    return;
  }
  if (text.trimmed().isEmpty() && !shownValue()) return;  // a "(mixed)" field left empty
  QString engine;
  const QString why = problemWith(text, &engine);
  if (!why.isEmpty()) {
    showProblem(why);
    return;
  }
  emit edited(engine);  // one committed value: the owner applies it as one undo step
}

void ParamEditor::reportIfRefused() {
  if (!m_problem.isEmpty()) emit finishedWithProblem(m_problem);
}

QString ParamEditor::toolTipText() const {
  if (m_problem.isEmpty()) return m_help;
  return QStringLiteral("<p style='color:#b71c1c'>%1</p>%2").arg(m_problem.toHtmlEscaped(), m_help);
}

void ParamEditor::tint(QWidget* input, bool refused) {
  // A palette, not a style sheet: the widget keeps the platform style's look and metrics.
  QPalette palette = input->parentWidget() ? input->parentWidget()->palette() : QPalette();
  if (refused) {
    palette.setColor(QPalette::Base, QColor(0xff, 0xeb, 0xee));
    palette.setColor(QPalette::Button, QColor(0xff, 0xeb, 0xee));
    palette.setColor(QPalette::Text, QColor(0xb7, 0x1c, 0x1c));
  }
  input->setPalette(palette);
}

void ParamEditor::guardWheel(QWidget* input) {
  input->setFocusPolicy(Qt::StrongFocus);
  input->installEventFilter(new WheelGuard(input));
}

ParamEditor* makeParamEditor(const ParamSpec& spec, QWidget* parent) {
  switch (spec.type) {
    case ParamType::Choice: return new ChoiceParamEditor(spec, parent);
    case ParamType::Boolean: return new BoolParamEditor(spec, parent);
    case ParamType::Distribution: return new DistributionParamEditor(spec, parent);
    case ParamType::Integer:
    case ParamType::Real:
    case ParamType::Duration: break;
  }
  return new TextParamEditor(spec, parent);
}

}  // namespace pillars
