#include "widgets/window/param_editors/bool_param_editor.hpp"

#include <QCheckBox>
#include <QHBoxLayout>

namespace pillars {

BoolParamEditor::BoolParamEditor(const ParamSpec& spec, QWidget* parent)
    : ParamEditor(spec, parent), m_check(new QCheckBox(this)) {
  auto* layout = new QHBoxLayout(this);
  setTrailing(layout);
  layout->setContentsMargins(4, 0, 0, 0);
  layout->addWidget(m_check);
  layout->addStretch(1);  // the box only as wide as itself: clicks beside it do nothing
  m_check->setObjectName(QStringLiteral("check"));
  setFocusProxy(m_check);
  connect(m_check, &QCheckBox::clicked, this, [this](bool checked) {
    m_check->setTristate(false);  // a click decides for every target
    m_check->setText(QString());
    emit edited(checked ? QStringLiteral("true") : QStringLiteral("false"));
  });
}

void BoolParamEditor::display(const ParamValue* value) {
  const QSignalBlocker quiet(m_check);
  const auto* on = value ? std::get_if<bool>(value) : nullptr;
  m_check->setTristate(!on);
  m_check->setCheckState(!on ? Qt::PartiallyChecked : *on ? Qt::Checked : Qt::Unchecked);
  m_check->setText(on ? QString() : tr("(mixed)"));
}

bool BoolParamEditor::shows(const ParamValue& value) const {
  const auto* on = std::get_if<bool>(&value);
  return on && m_check->checkState() == (*on ? Qt::Checked : Qt::Unchecked);
}

void BoolParamEditor::markProblem(bool refused) {
  tint(m_check, refused);
  m_check->setToolTip(toolTipText());
}

}  // namespace pillars
