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
  bool sameLabels = facts.size() == m_labels.size();
  for (std::size_t i = 0; sameLabels && i < facts.size(); ++i) sameLabels = facts[i].first == m_labels[i];
  if (sameLabels) {
    for (std::size_t i = 0; i < facts.size(); ++i) m_values[i]->setText(facts[i].second);
    setVisible(!facts.empty());
    return;
  }
  while (m_form->rowCount() > 0) m_form->removeRow(0);
  m_labels.clear();
  m_values.clear();
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
    m_labels.push_back(label);
    m_values.push_back(text);
  }
  setVisible(!facts.empty());
}

}  // namespace pillars
