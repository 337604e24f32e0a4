#pragma once

#include <QString>
#include <string>
#include <utility>

namespace pillars {

/// A kind's own live figure (Component::extraMetrics) as people read it, label and value:
/// "role" 2 of a raft_node is ("Role", "Leader"), "election_ms.p50" 12.5 is ("Election p50",
/// "12.5 ms"), "unavailable_s" 1.2 is ("Unavailable", "1.20 s"), "hit_ratio" 0.9 is
/// ("Hit ratio", "90.0%"). Names nobody taught it are shown tidied ("keys_cached" is "Keys
/// cached"), whole numbers with separators.
std::pair<QString, QString> liveFigureText(const std::string& kind, const std::string& name, double value);

}  // namespace pillars
