#pragma once

#include "widgets/window/param_editors/param_editor.hpp"

class QCheckBox;

namespace pillars {

/// A switch: a check box, partly checked while the selected targets disagree.
class BoolParamEditor final : public ParamEditor {
  Q_OBJECT

 public:
  BoolParamEditor(const ParamSpec& spec, QWidget* parent);

 protected:
  void display(const ParamValue* value) override;
  bool shows(const ParamValue& value) const override;
  void markProblem(bool refused) override;

 private:
  QCheckBox* m_check;
};

}  // namespace pillars
