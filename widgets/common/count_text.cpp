#include "widgets/common/count_text.hpp"

namespace pillars {

QString countText(long long count, const QString& one, const QString& many) {
  return QStringLiteral("%1 %2").arg(count).arg(count == 1 ? one : many);
}

}  // namespace pillars
