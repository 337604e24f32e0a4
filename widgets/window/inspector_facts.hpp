#pragma once

#include <QString>
#include <QWidget>
#include <utility>
#include <vector>

class QFormLayout;

namespace pillars {

/// Read-only facts under the inspector's heading, one "label: value" line each: a link's ends,
/// a component's kind and group. Hidden when there are none.
class InspectorFacts final : public QWidget {
  Q_OBJECT

 public:
  explicit InspectorFacts(QWidget* parent);
  void setFacts(const std::vector<std::pair<QString, QString>>& facts);

 private:
  QFormLayout* m_form;
};

}  // namespace pillars
