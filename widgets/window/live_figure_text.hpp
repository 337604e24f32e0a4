#pragma once

#include <QString>
#include <string>
#include <utility>
#include <vector>

namespace pillars {

/// A kind's own live figure (Component::extraMetrics) as people read it, label and value:
/// "role" 2 of a raft_node is ("Role", "Leader"), "election_ms.p50" 12.5 is ("Election p50",
/// "12.5 ms"), "unavailable_s" 1.2 is ("Unavailable", "1.20 s"), "hit_ratio" 0.9 is
/// ("Hit ratio", "90.0%"). Names nobody taught it are shown tidied ("keys_cached" is "Keys
/// cached"), whole numbers with separators.
std::pair<QString, QString> liveFigureText(const std::string& kind, const std::string& name, double value);

/// Every figure of a kind as rows, in order. A family of time statistics that has measured
/// nothing yet ("election_ms.mean", ".p50", ".p99", ".max" all 0 before the first election) is
/// one row, "Election: none yet", rather than four readings of 0.00 ms that look measured.
std::vector<std::pair<QString, QString>> liveFiguresText(const std::string& kind,
                                                         const std::vector<std::pair<std::string, double>>& figures);

}  // namespace pillars
