#pragma once

#include "widgets/window/param_editors/param_editor.hpp"

namespace pillars {

class ParamLineEdit;

/// Integers, numbers and durations: a text field read with the engine's parser, so "250ms",
/// "1e3" and "2m" mean what they mean in scenario files. Each keystroke that forms a valid
/// value is applied (and merges into one undo step); Enter or leaving the field rewrites it in
/// canonical form; Escape puts the model's value back.
class TextParamEditor final : public ParamEditor {
  Q_OBJECT

 public:
  TextParamEditor(const ParamSpec& spec, QWidget* parent);

 protected:
  void display(const ParamValue* value) override;
  bool shows(const ParamValue& value) const override;
  void markProblem(bool refused) override;

 private:
  ParamLineEdit* m_edit;
};

}  // namespace pillars
