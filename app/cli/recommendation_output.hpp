#pragma once
// Prints facts and recommendations as text or JSON; `review` and `recommend` share it.

#include <string>
#include <vector>

#include "engine/io/json_writer.hpp"
#include "engine/review/recommender.hpp"

namespace pillars::cli {

void printFacts(const review::Facts& facts);
void printRecommendations(const std::vector<review::RecommendedPattern>& recommendations);

void writeFactsJson(JsonWriter& w, const review::Facts& facts);
void writeRecommendationsJson(JsonWriter& w, const std::vector<review::RecommendedPattern>& recommendations);

}  // namespace pillars::cli
