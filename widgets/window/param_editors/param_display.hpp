#pragma once

#include <QString>

#include "engine/model/param.hpp"

namespace pillars {

/// How the inspector shows a parameter's value, which may differ from the engine's text: a
/// probability (a link's loss) is shown and typed as a percentage, as the fault dialogs, the
/// fault timeline and the link labels show it, so the app speaks one unit everywhere. Every
/// other parameter is shown as the engine writes it.
namespace paramdisplay {

/// Whether `spec` is shown as a percentage (its unit is "probability").
bool isPercent(const ParamSpec& spec);
/// The unit worth showing beside the value: "%" for percentages; none for durations and
/// distributions, whose text carries its unit ("250ms"); else the schema's unit.
QString unit(const ParamSpec& spec);
/// The value as the editor shows it: "1.5" for a loss of 0.015, else the engine's text.
QString text(const ParamSpec& spec, const ParamValue& value);
/// What a user typed, as the engine's text ("1.5" or "1.5%" -> "0.015"); `why` says why not.
QString engineText(const ParamSpec& spec, const QString& typed, QString* why);
/// What a valid value looks like, for tooltips and placeholders: "a percentage from 0 to 100".
QString expected(const ParamSpec& spec);

}  // namespace paramdisplay
}  // namespace pillars
