#pragma once

#include <QString>
#include <QWidget>
#include <utility>
#include <vector>

class QFormLayout;
class QLabel;

namespace pillars {

/// Read-only facts under the inspector's heading, one "label: value" line each: a link's ends,
/// a component's kind and group. Hidden when there are none. Setting the same labels again
/// only changes the texts, so figures refreshed while a run plays do not make the form jump.
class InspectorFacts final : public QWidget {
  Q_OBJECT

 public:
  explicit InspectorFacts(QWidget* parent);
  void setFacts(const std::vector<std::pair<QString, QString>>& facts);

 private:
  QFormLayout* m_form;
  std::vector<QString> m_labels;
  std::vector<QLabel*> m_values;
};

}  // namespace pillars
