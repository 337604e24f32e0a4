#pragma once

#include <QWidget>
#include <functional>
#include <optional>

#include "engine/model/param.hpp"

class QHBoxLayout;
class QLineEdit;

namespace pillars {

/// The editor of one parameter in the inspector, chosen by its type (makeParamEditor). It
/// shows the model's value and reports what the user changed as text; whoever owns it applies
/// the text (the document checks it against the engine's schema) and answers with
/// showProblem(). A refused value stays in the editor, marked, and never reaches the model.
///
/// Typed text is checked as it is typed but committed only when it is finished: Enter, or the
/// focus leaving the field, applies a value that checks out (one undo step); Escape puts the
/// model's value back. A half-typed "1." or "4x" never reaches the model.
class ParamEditor : public QWidget {
  Q_OBJECT

 public:
  /// Whether text in the engine's form would be accepted: empty, or why not.
  using Check = std::function<QString(const QString& engineText)>;

  ParamEditor(ParamSpec spec, QWidget* parent);
  /// Stops listening to its own fields first: QWidget's destructor takes the focus from a
  /// field being typed in, and the field's "editing finished" must not reach an editor whose
  /// members are gone (nor commit half-typed text to whatever the inspector shows next).
  ~ParamEditor() override;
  const ParamSpec& spec() const { return m_spec; }
  /// How typed text is checked before it is committed (the owner asks the document).
  void setCheck(Check check) { m_check = std::move(check); }

  /// Shows the model's value; null when the selected targets disagree ("(mixed)"). When the
  /// model did not change since last shown, or what the user is typing already means the new
  /// value, the editor is left alone: live edits never move the cursor under the user.
  void showValue(const ParamValue* value);
  /// Marks what the user entered as refused, with the reason; an empty reason clears the mark.
  void showProblem(const QString& reason);
  const QString& problem() const { return m_problem; }
  /// The help shown as tooltip (rich text): description, what is expected, the default.
  void setHelp(const QString& help);
  /// Where the owner may add widgets after the value (a unit, a reset button): right of a
  /// one-line editor, on the second line of a two-line one.
  QHBoxLayout* trailing() const { return m_trailing; }
  /// Bold value: it differs from the default (units and buttons beside it stay regular).
  void setChanged(bool changed);

 signals:
  /// The user changed the value; `text` is in the engine's text form ("exp(20ms)", "8").
  void edited(const QString& text);
  /// The user pressed Enter while the text was still refused.
  void finishedWithProblem(const QString& reason);
  /// The refused mark appeared, changed or cleared.
  void problemChanged();

 protected:
  /// Writes a value (null: mixed) into the widgets, replacing whatever the user typed.
  virtual void display(const ParamValue* value) = 0;
  /// Whether the widgets already mean `value`.
  virtual bool shows(const ParamValue& value) const = 0;
  /// Shows or clears the refused mark on the widgets (tooltip and colours).
  virtual void markProblem(bool refused) = 0;

  void setTrailing(QHBoxLayout* layout) { m_trailing = layout; }
  /// The widget showing the value itself, which setChanged() makes bold.
  void setValueWidget(QWidget* widget) { m_valueWidget = widget; }
  /// The value last shown from the model (null: mixed or nothing yet).
  const ParamValue* shownValue() const { return m_shown ? &*m_shown : nullptr; }
  /// Puts the model's value back (Escape).
  void revert();
  /// Canonical text of a value, as the editor shows it (paramdisplay: a loss as a percentage).
  QString textOf(const ParamValue& value) const;
  /// Whether `text` reads as `value` (a field typed "0.25" already shows the model's 250ms).
  bool textMeans(const QString& text, const ParamValue& value) const;
  /// A keystroke in a text field: checked and marked, never applied. Clearing a "(mixed)"
  /// field is no value yet (nothing to refuse).
  void onTextEdited(const QString& text);
  /// Enter or focus left a text field: text that checks out and differs from the model's
  /// value is committed (edited()); the field then shows it the way the engine writes it
  /// ("0.25" becomes "250ms"). Refused text stays as typed, marked.
  void finishText(QLineEdit* edit);
  /// Enter on refused text: says why (the status bar repeats it). Only Enter, not focus
  /// leaving: focus also leaves when the window closes, and then nobody is left to tell.
  void reportIfRefused();
  /// The tooltip: the problem first when there is one, then the help.
  QString toolTipText() const;
  /// Tints an input widget red (refused) or back to normal.
  static void tint(QWidget* input, bool refused);
  /// The mouse wheel over an unfocused combo scrolls the panel instead of changing the value.
  static void guardWheel(QWidget* input);

 private:
  /// Why typed text would be refused (its form, then the owner's check), or empty; sets
  /// `engineText` to what would be applied.
  QString problemWith(const QString& text, QString* engineText) const;

  ParamSpec m_spec;
  Check m_check;
  std::optional<ParamValue> m_shown;
  bool m_everShown = false;
  QString m_problem;
  QString m_help;
  QHBoxLayout* m_trailing = nullptr;
  QWidget* m_valueWidget = nullptr;
};

/// The editor for a parameter's type: a combo for choices, a check box for booleans, a family
/// combo with a text field for distributions, a checked text field for numbers and durations.
ParamEditor* makeParamEditor(const ParamSpec& spec, QWidget* parent);

}  // namespace pillars
