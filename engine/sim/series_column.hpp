#pragma once

#include <string>

namespace pillars {

/// A figure a kind or a group adds to the time series (one column per instance, named
/// `<id>.<name>`). A rate column is read as a running total and recorded per second of each
/// interval (stale reads per second); a level column is recorded as read (replication lag).
struct SeriesColumn {
  std::string name;
  bool rate = false;
};

}  // namespace pillars
