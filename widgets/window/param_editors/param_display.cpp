#include "widgets/window/param_editors/param_display.hpp"

#include <QCoreApplication>
#include <cmath>

#include "engine/util/units.hpp"

namespace pillars::paramdisplay {

namespace {
constexpr double kPercent = 100.0;

QString tr(const char* text) { return QCoreApplication::translate("pillars::paramdisplay", text); }
}  // namespace

bool isPercent(const ParamSpec& spec) { return spec.type == ParamType::Real && spec.unit == "probability"; }

QString unit(const ParamSpec& spec) {
  if (isPercent(spec)) return QStringLiteral("%");
  if (spec.type == ParamType::Duration || spec.type == ParamType::Distribution) return {};
  return QString::fromStdString(spec.unit);
}

QString text(const ParamSpec& spec, const ParamValue& value) {
  if (isPercent(spec)) {
    if (const auto* p = std::get_if<double>(&value)) {
      // Ten significant digits hide the binary noise of x 100 (0.015 shows as 1.5, not
      // 1.5000000000000002) and keep every digit anyone types.
      return QString::number(*p * kPercent, 'g', 10);
    }
  }
  return QString::fromStdString(formatParamValue(spec, value));
}

QString engineText(const ParamSpec& spec, const QString& typed, QString* why) {
  QString t = typed.trimmed();
  if (!isPercent(spec)) return t;
  if (t.endsWith(QLatin1Char('%'))) t.chop(1);
  const auto percent = parseNumber(t.trimmed().toStdString());
  if (!percent || *percent < spec.min * kPercent || *percent > spec.max * kPercent) {
    if (why) *why = tr("expected %1, got \u201c%2\u201d").arg(expected(spec), typed.trimmed());
    return {};
  }
  // The division is exact to the double nearest the decimal: "1.5" becomes exactly 0.015.
  return QString::fromStdString(formatNumber(*percent / kPercent));
}

QString expected(const ParamSpec& spec) {
  if (isPercent(spec)) {
    return tr("a percentage from %1 to %2")
        .arg(QString::number(spec.min * kPercent, 'g', 10), QString::number(spec.max * kPercent, 'g', 10));
  }
  return QString::fromStdString(describeExpected(spec));
}

}  // namespace pillars::paramdisplay
