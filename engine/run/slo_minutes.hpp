#pragma once
// SLO-missed minutes: how an autoscaler's SLO misses are counted when two runs are compared
// (reactive against predictive scaling, docs/scenario-format.md). A minute is missed when the
// end-to-end availability within it (requests completed over requests completed, failed and
// timed out, the outcomes an SLO monitor counts) falls below the objective.

#include <cstddef>

#include "engine/metrics/time_series.hpp"
#include "engine/sim/time.hpp"

namespace pillars {

struct SloMinutes {
  std::size_t minutes = 0;  // whole minutes of the series after `from`
  std::size_t missed = 0;   // of them, those below the objective
};

/// Counts the whole minutes (from `from`, in steps of 60 s) of a run's time series and those
/// whose availability, read from the global throughput, failed and timed-out rates weighted by
/// each row's interval, is below `sloPercent`. A minute without outcomes is not missed; a
/// last minute the series does not reach to its end is left out. The sampling interval should
/// divide a minute (rows are given to the minute their interval ends in).
SloMinutes sloMissedMinutes(const TimeSeries& series, double sloPercent, SimTime from);

}  // namespace pillars
