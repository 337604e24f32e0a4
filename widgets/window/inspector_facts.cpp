#include "widgets/window/inspector_facts.hpp"

#include <QFormLayout>
#include <QLabel>

namespace pillars {

InspectorFacts::InspectorFacts(QWidget* parent) : QWidget(parent), m_form(new QFormLayout(this)) {
  m_form->setContentsMargins(0, 0, 0, 0);
  m_form->setVerticalSpacing(2);
  m_form->setLabelAlignment(Qt::AlignLeft);
  m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
}

void InspectorFacts::setFacts(const std::vector<std::pair<QString, QString>>& facts) {
  while (m_form->rowCount() > 0) m_form->removeRow(0);
  for (const auto& [label, value] : facts) {
    auto* name = new QLabel(label, this);
    QPalette grey = name->palette();
    grey.setColor(QPalette::WindowText, grey.color(QPalette::PlaceholderText));
    name->setPalette(grey);
    auto* text = new QLabel(value, this);
    text->setObjectName(QStringLiteral("fact:") + label);
    text->setTextFormat(Qt::PlainText);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setWordWrap(true);
    m_form->addRow(name, text);
  }
  setVisible(!facts.empty());
}

}  // namespace pillars
