#pragma once
// Prints facts and recommendations as text or JSON; `review` and `recommend` share it.

#include <string>
#include <vector>

#include "engine/io/json_writer.hpp"
#include "engine/review/recommender.hpp"

namespace pillars::cli {

void printFacts(const review::Facts& facts);
void printRecommendations(const std::vector<review::RecommendedPattern>& recommendations);
/// The patterns a rule fired for that the design already has; nothing when there are none.
void printAlreadyInDesign(const std::vector<review::RecommendedPattern>& present);

void writeFactsJson(JsonWriter& w, const review::Facts& facts);
void writeRecommendationsJson(JsonWriter& w, const std::vector<review::RecommendedPattern>& recommendations);
void writeAlreadyInDesignJson(JsonWriter& w, const std::vector<review::RecommendedPattern>& present);

}  // namespace pillars::cli
