#include "widgets/window/param_editors/text_param_editor.hpp"

#include <QHBoxLayout>

#include "widgets/window/param_editors/param_line_edit.hpp"

namespace pillars {

TextParamEditor::TextParamEditor(const ParamSpec& spec, QWidget* parent)
    : ParamEditor(spec, parent), m_edit(new ParamLineEdit(this)) {
  auto* layout = new QHBoxLayout(this);
  setTrailing(layout);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_edit);
  setFocusProxy(m_edit);
  setValueWidget(m_edit);
  // The expected range shows where the value goes while the field is empty.
  m_edit->setPlaceholderText(QString::fromStdString(describeExpected(spec)));
  connect(m_edit, &QLineEdit::textEdited, this, &TextParamEditor::onTextEdited);
  connect(m_edit, &QLineEdit::editingFinished, this, [this] { finishText(m_edit); });
  connect(m_edit, &QLineEdit::returnPressed, this, [this] { reportIfRefused(); });
  connect(m_edit, &ParamLineEdit::escapePressed, this, &TextParamEditor::revert);
}

void TextParamEditor::display(const ParamValue* value) {
  m_edit->setText(value ? textOf(*value) : QString());
  m_edit->setPlaceholderText(value ? QString::fromStdString(describeExpected(spec())) : tr("(mixed)"));
}

bool TextParamEditor::shows(const ParamValue& value) const { return textMeans(m_edit->text(), value); }

void TextParamEditor::markProblem(bool refused) {
  tint(m_edit, refused);
  m_edit->setToolTip(toolTipText());
}

}  // namespace pillars
