#pragma once

#include <string>
#include <vector>

namespace pillars::review {

/// Items as a sentence lists them: "a", "a and b", "a, b and c"; empty for none.
std::string listInWords(const std::vector<std::string>& items);

}  // namespace pillars::review
