#include "engine/review/words.hpp"

namespace pillars::review {

std::string listInWords(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += (i == 0 ? "" : (i + 1 == items.size() ? " and " : ", ")) + items[i];
  }
  return out;
}

}  // namespace pillars::review
