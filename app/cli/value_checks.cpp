#include "app/cli/value_checks.hpp"

#include <charconv>
#include <string>

#include "engine/util/units.hpp"

namespace pillars::cli {

CLI::Validator wholeNumber(unsigned long long min, unsigned long long max) {
  // std::from_chars, unlike strtoull, skips no white space and takes no sign: " -1" must not
  // become 2^64 - 1.
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        unsigned long long value = 0;
        const char* end = text.data() + text.size();
        const auto [ptr, ec] = std::from_chars(text.data(), end, value);
        if (text.empty() || ec != std::errc() || ptr != end || value < min || value > max) {
          return "expects a whole number from " + std::to_string(min) + " to " +
                 std::to_string(max) + ", got \"" + text + "\"";
        }
        return {};
      },
      // No description: the help shows each option's own value name instead.
      "", "whole number");
}

CLI::Validator positiveDuration() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        const auto duration = parseDuration(text);
        if (!duration) return "expects a duration such as 500ms, 90s or 10m, got \"" + text + "\"";
        if (*duration <= 0) return "must be longer than 0s, got \"" + text + "\"";
        text = std::to_string(*duration);
        return {};
      },
      "", "positive duration");
}

}  // namespace pillars::cli
