#pragma once

// Deterministic elementary functions.
//
// libm implementations differ between platforms and versions in the last bit, which would make
// simulation results depend on the machine. These functions use only IEEE-754 basic operations
// (+ - * / with round-to-nearest) and exact bit manipulation, so every conforming platform produces
// identical results. Accuracy is within about one ulp of the true value over the normal ranges.
// Build with -ffp-contract=off so the compiler does not fuse multiply-adds (that changes results).

namespace pillars::detmath {

/// Natural logarithm. log(0) = -inf, log(x < 0) = NaN, log(+inf) = +inf.
double log(double x);

/// log(1 + x), accurate for tiny x. log1p(-1) = -inf, log1p(x < -1) = NaN.
double log1p(double x);

/// e^x. Overflows to +inf above ~709.78 and underflows to 0 below ~-745.13.
double exp(double x);

/// e^x - 1, accurate for tiny x.
double expm1(double x);

/// Sine. Accurate for |x| up to ~1.6e6; beyond that the argument reduction loses precision,
/// but the result stays deterministic and within [-1, 1]. sin(+-inf) = NaN.
double sin(double x);

/// Cosine, with the same accuracy notes as sin().
double cos(double x);

/// x^y with the C99 Annex F special cases (pow(x, 0) = 1, pow(1, y) = 1, pow(0, y < 0) = +inf,
/// negative x only for integral y). The logarithm is carried in double-double precision so the
/// result stays within ~1 ulp even when y * log(x) is large.
double pow(double x, double y);

}  // namespace pillars::detmath
