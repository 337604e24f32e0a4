#pragma once

#include "widgets/window/param_editors/param_editor.hpp"

class QComboBox;

namespace pillars {

/// A choice: a combo box listing exactly the schema's choices. Picking one applies it.
class ChoiceParamEditor final : public ParamEditor {
  Q_OBJECT

 public:
  ChoiceParamEditor(const ParamSpec& spec, QWidget* parent);

 protected:
  void display(const ParamValue* value) override;
  bool shows(const ParamValue& value) const override;
  void markProblem(bool refused) override;

 private:
  QComboBox* m_combo;
};

}  // namespace pillars
