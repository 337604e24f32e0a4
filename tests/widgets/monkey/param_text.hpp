#pragma once
// Values the monkey types into parameters: mostly ones a user means (inside the schema's range,
// in every spelling the engine reads), and often ones it must refuse (out of range, wrong unit,
// not a number, NaN, overflowing, empty, garbage). Accepted values are kept modest (rates and
// worker counts near their defaults), so that a seek through a few simulated seconds stays
// cheap under the sanitizers: the monkey looks for broken states, not slow designs.

#include <QString>

#include "engine/model/param.hpp"
#include "monkey_random.hpp"

namespace pillars {

/// Text for `spec` in the engine's text form, good or bad at random.
QString randomParamText(const ParamSpec& spec, MonkeyRandom& random);
/// Text that is wrong for any parameter, or nearly so (what a slipped finger or a paste gives).
QString randomBadText(MonkeyRandom& random);
/// A name for a component or a zone that is doubtful or wrong: empty, spaced, an arrow, very
/// long, not ASCII.
QString randomBadName(MonkeyRandom& random);

}  // namespace pillars
