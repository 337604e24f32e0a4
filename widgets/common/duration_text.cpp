#include "widgets/common/duration_text.hpp"

#include <cstdlib>

#include "engine/util/units.hpp"

namespace pillars {

QString readableDuration(SimTime duration) {
  // Round to a unit that leaves about three significant digits below a second, and to the
  // millisecond above: a clock time of a click carries nanoseconds nobody asked for.
  const SimTime size = std::llabs(duration);
  SimTime unit = 1;
  if (size >= 100 * kMillisecond) {
    unit = kMillisecond;
  } else if (size >= 10 * kMillisecond) {
    unit = 100 * kMicrosecond;
  } else if (size >= kMillisecond) {
    unit = 10 * kMicrosecond;
  } else if (size >= 100 * kMicrosecond) {
    unit = kMicrosecond;
  }
  const SimTime half = unit / 2;
  const SimTime rounded = (duration >= 0 ? duration + half : duration - half) / unit * unit;
  return QString::fromStdString(formatDuration(rounded));
}

}  // namespace pillars
