#pragma once

#include "widgets/window/param_editors/param_editor.hpp"

class QComboBox;

namespace pillars {

class ParamLineEdit;

/// A distribution: the engine's text form ("lognormal(4ms, 0.6)") over a family combo.
/// The two stay in step: typing a valid text selects its family, and picking a family rewrites
/// the text as that family with about the same mean (exp(20ms) becomes normal(20ms, 5ms)),
/// which is applied at once. Refused text is marked and never applied.
class DistributionParamEditor final : public ParamEditor {
  Q_OBJECT

 public:
  DistributionParamEditor(const ParamSpec& spec, QWidget* parent);

 protected:
  void display(const ParamValue* value) override;
  bool shows(const ParamValue& value) const override;
  void markProblem(bool refused) override;

 private:
  void onFamilyPicked(int index);
  /// Selects the family of what the text says, when it says something valid.
  void followText(const QString& text);
  void showFamily(int index);

  ParamLineEdit* m_text;
  QComboBox* m_family;
  QString m_signature;  // "lognormal(median, sigma)": what the numbers mean
};

}  // namespace pillars
