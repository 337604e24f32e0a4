#pragma once

#include <QString>

namespace pillars {

/// "1 component", "7 components": a count with the noun in the right number. The app ships no
/// translation files, so Qt's "%n component(s)" would print the "(s)" as it is.
QString countText(long long count, const QString& one, const QString& many);

}  // namespace pillars
