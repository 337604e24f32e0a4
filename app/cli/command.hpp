#pragma once

#include <string>
#include <vector>

namespace pillars::cli {

/// Exit codes shared by every command: scripts can tell bad input from bad usage.
enum ExitCode : int { kExitOk = 0, kExitFailed = 1, kExitUsage = 2 };

int runSimulate(const std::vector<std::string>& args);
int runValidate(const std::vector<std::string>& args);
int runBench(const std::vector<std::string>& args);
int runKinds(const std::vector<std::string>& args);
int runLayout(const std::vector<std::string>& args);
int runCheckHistory(const std::vector<std::string>& args);
int runReview(const std::vector<std::string>& args);
int runRecommend(const std::vector<std::string>& args);
int runReport(const std::vector<std::string>& args);
int runCap(const std::vector<std::string>& args);

}  // namespace pillars::cli
