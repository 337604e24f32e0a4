#include "widgets/window/param_editors/choice_param_editor.hpp"

#include <QComboBox>
#include <QHBoxLayout>

namespace pillars {

ChoiceParamEditor::ChoiceParamEditor(const ParamSpec& spec, QWidget* parent)
    : ParamEditor(spec, parent), m_combo(new QComboBox(this)) {
  auto* layout = new QHBoxLayout(this);
  setTrailing(layout);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_combo);
  m_combo->setObjectName(QStringLiteral("choice"));
  m_combo->setFrame(false);
  guardWheel(m_combo);
  m_combo->setPlaceholderText(tr("(mixed)"));
  setFocusProxy(m_combo);
  setValueWidget(m_combo);
  for (const std::string& choice : spec.choices) {
    const QString text = QString::fromStdString(choice);
    m_combo->addItem(text, text);
  }
  // currentIndexChanged, not activated: programmatic picks (tests, accessibility) apply too;
  // display() blocks signals so showing the model never echoes back as an edit.
  connect(m_combo, &QComboBox::currentIndexChanged, this, [this](int index) {
    if (index >= 0) emit edited(m_combo->itemData(index).toString());
  });
}

void ChoiceParamEditor::display(const ParamValue* value) {
  const QSignalBlocker quiet(m_combo);
  const auto* choice = value ? std::get_if<std::string>(value) : nullptr;
  m_combo->setCurrentIndex(choice ? m_combo->findData(QString::fromStdString(*choice)) : -1);
}

bool ChoiceParamEditor::shows(const ParamValue& value) const {
  const auto* choice = std::get_if<std::string>(&value);
  return choice && m_combo->currentData().toString() == QString::fromStdString(*choice);
}

void ChoiceParamEditor::markProblem(bool refused) {
  tint(m_combo, refused);
  m_combo->setToolTip(toolTipText());
}

}  // namespace pillars
