#include "engine/sim/detmath.hpp"

#include <bit>
#include <cstdint>
#include <limits>

namespace pillars::detmath {

namespace {

// A double-double value hi + lo with |lo| <= ulp(hi) / 2, used where one double is not precise
// enough for an intermediate result (log for pow, sin/cos argument reduction).
struct DoubleDouble {
  double hi;
  double lo;
};

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

inline std::uint64_t bitsOf(double x) { return std::bit_cast<std::uint64_t>(x); }
inline double fromBits(std::uint64_t bits) { return std::bit_cast<double>(bits); }
inline double absolute(double x) { return fromBits(bitsOf(x) & 0x7FFFFFFFFFFFFFFFULL); }

// 2^k for k in [-1022, 1023], built directly from the exponent bits (exact).
inline double powerOfTwo(int k) { return fromBits(static_cast<std::uint64_t>(k + 1023) << 52); }

// Unbiased binary exponent of a normal double.
inline int exponentOf(double x) { return static_cast<int>((bitsOf(x) >> 52) & 0x7FF) - 1023; }

// Round to the nearest integer (ties to even) for |x| < 2^51: adding 1.5 * 2^52 pushes the
// fraction bits out of the significand, and subtracting it again is exact.
constexpr double kShifter = 0x1.8p52;
inline double roundToIntegral(double x) { return (x + kShifter) - kShifter; }

// Knuth's TwoSum: s + e == a + b exactly.
inline DoubleDouble twoSum(double a, double b) {
  const double s = a + b;
  const double bVirtual = s - a;
  const double aVirtual = s - bVirtual;
  return {s, (a - aVirtual) + (b - bVirtual)};
}

// Dekker's Fast2Sum, valid when |a| >= |b| (or a == 0).
inline DoubleDouble fastTwoSum(double a, double b) {
  const double s = a + b;
  return {s, b - (s - a)};
}

// Veltkamp split into a 26-bit high part and a 27-bit low part, so products of halves are exact.
inline DoubleDouble split(double a) {
  const double c = 134217729.0 * a;  // 2^27 + 1
  const double high = c - (c - a);
  return {high, a - high};
}

// Dekker's TwoProduct without FMA: p + e == a * b exactly (barring overflow/underflow).
inline DoubleDouble twoProduct(double a, double b) {
  const double p = a * b;
  const DoubleDouble as = split(a);
  const DoubleDouble bs = split(b);
  const double e = ((as.hi * bs.hi - p) + as.hi * bs.lo + as.lo * bs.hi) + as.lo * bs.lo;
  return {p, e};
}

// ln 2 split so that k * kLn2Hi is exact for |k| < 2^11 (kLn2Hi has 42 significant bits).
constexpr double kLn2Hi = 0x1.62e42fefa3800p-1;
constexpr double kLn2Lo = 0x1.ef35793c76730p-45;
constexpr double kInvLn2 = 0x1.71547652b82fep+0;

// ---------------------------------------------------------------------------------------------
// Logarithm (table-driven, after Tang 1990).
//
// x = 2^k * m with m in [1, 2); F = 1 + j/128 is m rounded to 7 fraction bits, so
// log x = k ln2 + log F + log1p(u) with u = (m - F) / F and |u| <= 2^-8. log F comes from a table
// in two parts: the high parts lie on the 2^-42 grid like kLn2Hi, so k*ln2 + log F is exact in
// the high word, and the whole result is carried as a double-double.

struct LogEntry {
  double invF;   // 1/F rounded; any nearby value works, the remainder is computed exactly
  double logHi;  // log(F) rounded to a multiple of 2^-42
  double logLo;  // log(F) - logHi rounded to double
};

// Generated offline with 80-digit arithmetic: F = 1 + j/128 for j = 0..128.
constexpr LogEntry kLogTable[129] = {
    {0x1.0000000000000p+0, 0x0.0p+0, 0x0.0p+0},                            // j=0
    {0x1.fc07f01fc07f0p-1, 0x1.fe02a6b100000p-8, 0x1.9e23f0dda40e4p-46},   // j=1
    {0x1.f81f81f81f820p-1, 0x1.fc0a8b0fc0000p-7, 0x1.f1e7cf6d3a69cp-50},   // j=2
    {0x1.f44659e4a4271p-1, 0x1.7b91b07d60000p-6, -0x1.3b955b602ace4p-44},  // j=3
    {0x1.f07c1f07c1f08p-1, 0x1.f829b0e780000p-6, 0x1.980267c7e09e4p-45},   // j=4
    {0x1.ecc07b301ecc0p-1, 0x1.39e87b9fe8000p-5, 0x1.eafd480ad9015p-44},   // j=5
    {0x1.e9131abf0b767p-1, 0x1.77458f6330000p-5, -0x1.181dce586af09p-44},  // j=6
    {0x1.e573ac901e574p-1, 0x1.b42dd71198000p-5, -0x1.c827ae5d6704cp-46},  // j=7
    {0x1.e1e1e1e1e1e1ep-1, 0x1.f0a30c0118000p-5, -0x1.d599e83368e91p-45},  // j=8
    {0x1.de5d6e3f8868ap-1, 0x1.16536eea38000p-4, -0x1.47c5e768fa309p-46},  // j=9
    {0x1.dae6076b981dbp-1, 0x1.341d7961bc000p-4, 0x1.1d09299837610p-44},   // j=10
    {0x1.d77b654b82c34p-1, 0x1.51b073f060000p-4, 0x1.83f69278e686ap-44},   // j=11
    {0x1.d41d41d41d41dp-1, 0x1.6f0d28ae58000p-4, -0x1.4b4641b664613p-44},  // j=12
    {0x1.d0cb58f6ec074p-1, 0x1.8c345d6318000p-4, 0x1.b20f5acb42a66p-44},   // j=13
    {0x1.cd85689039b0bp-1, 0x1.a926d3a4ac000p-4, 0x1.563650bd22a9cp-44},   // j=14
    {0x1.ca4b3055ee191p-1, 0x1.c5e548f5bc000p-4, 0x1.d0c57585fbe06p-46},   // j=15
    {0x1.c71c71c71c71cp-1, 0x1.e27076e2b0000p-4, -0x1.a342c2af0003cp-45},  // j=16
    {0x1.c3f8f01c3f8f0p-1, 0x1.fec9131dc0000p-4, -0x1.54555d1ae6607p-44},  // j=17
    {0x1.c0e070381c0e0p-1, 0x1.0d77e7cd08000p-3, 0x1.cb2cd2ee2f482p-44},   // j=18
    {0x1.bdd2b899406f7p-1, 0x1.1b72ad52f6000p-3, 0x1.e80a41811a396p-45},   // j=19
    {0x1.bacf914c1bad0p-1, 0x1.29552f8200000p-3, -0x1.5b967f4471dfcp-44},  // j=20
    {0x1.b7d6c3dda338bp-1, 0x1.371fc201e8000p-3, 0x1.ee8779b2d8abcp-44},   // j=21
    {0x1.b4e81b4e81b4fp-1, 0x1.44d2b6ccb8000p-3, -0x1.70cc16135783cp-46},  // j=22
    {0x1.b2036406c80d9p-1, 0x1.526e5e3a1c000p-3, -0x1.790ba37fc5238p-44},  // j=23
    {0x1.af286bca1af28p-1, 0x1.5ff3070a7a000p-3, -0x1.8586f183bebf2p-44},  // j=24
    {0x1.ac5701ac5701bp-1, 0x1.6d60fe719e000p-3, -0x1.bc6e557134767p-44},  // j=25
    {0x1.a98ef606a63bep-1, 0x1.7ab890210e000p-3, -0x1.bdb9072534a58p-45},  // j=26
    {0x1.a6d01a6d01a6dp-1, 0x1.87fa06520c000p-3, 0x1.22120401202fcp-44},   // j=27
    {0x1.a41a41a41a41ap-1, 0x1.9525a9cf46000p-3, -0x1.297137d9f158fp-44},  // j=28
    {0x1.a16d3f97a4b02p-1, 0x1.a23bc1fe2c000p-3, -0x1.539cd91dc9f0bp-44},  // j=29
    {0x1.9ec8e951033d9p-1, 0x1.af3c94e80c000p-3, -0x1.a4e633fcd9066p-52},  // j=30
    {0x1.9c2d14ee4a102p-1, 0x1.bc286742d8000p-3, 0x1.9ac53f39d121cp-44},   // j=31
    {0x1.999999999999ap-1, 0x1.c8ff7c79aa000p-3, -0x1.7794f689f8434p-45},  // j=32
    {0x1.970e4f80cb872p-1, 0x1.d5c216b4fc000p-3, -0x1.1ba91bbca681bp-45},  // j=33
    {0x1.948b0fcd6e9e0p-1, 0x1.e27076e2b0000p-3, -0x1.a342c2af0003cp-44},  // j=34
    {0x1.920fb49d0e229p-1, 0x1.ef0adcbdc6000p-3, -0x1.b26b79c86af24p-45},  // j=35
    {0x1.8f9c18f9c18fap-1, 0x1.fb9186d5e4000p-3, -0x1.d572aab993c87p-47},  // j=36
    {0x1.8d3018d3018d3p-1, 0x1.0402594b4d000p-2, 0x1.036b89ef42d7fp-48},   // j=37
    {0x1.8acb90f6bf3aap-1, 0x1.0a324e2739000p-2, 0x1.c6bee7ef4030ep-47},   // j=38
    {0x1.886e5f0abb04ap-1, 0x1.1058bf9ae5000p-2, -0x1.4ab9d817d52cdp-44},  // j=39
    {0x1.8618618618618p-1, 0x1.1675cababa000p-2, 0x1.8380e731f55c4p-44},   // j=40
    {0x1.83c977ab2beddp-1, 0x1.1c898c169a000p-2, -0x1.81410e5c62affp-44},  // j=41
    {0x1.8181818181818p-1, 0x1.22941fbcf8000p-2, -0x1.a6976f5eb0963p-44},  // j=42
    {0x1.7f405fd017f40p-1, 0x1.2895a13de8000p-2, 0x1.a8d7ad24c13f0p-44},   // j=43
    {0x1.7d05f417d05f4p-1, 0x1.2e8e2bae12000p-2, -0x1.67b1e99b72bd8p-45},  // j=44
    {0x1.7ad2208e0ecc3p-1, 0x1.347dd9a988000p-2, -0x1.5594dd4c58092p-45},  // j=45
    {0x1.78a4c8178a4c8p-1, 0x1.3a64c55694000p-2, 0x1.7a71cbcd735d0p-44},   // j=46
    {0x1.767dce434a9b1p-1, 0x1.404308686a000p-2, 0x1.f8ef43049f7d3p-44},   // j=47
    {0x1.745d1745d1746p-1, 0x1.4618bc21c6000p-2, -0x1.3d82f484c84ccp-46},  // j=48
    {0x1.724287f46debcp-1, 0x1.4be5f95778000p-2, -0x1.d7c92cd9ad824p-44},  // j=49
    {0x1.702e05c0b8170p-1, 0x1.51aad872e0000p-2, -0x1.f4bd8db0a7cc1p-44},  // j=50
    {0x1.6e1f76b4337c7p-1, 0x1.5767717456000p-2, -0x1.64ead9524d7cap-44},  // j=51
    {0x1.6c16c16c16c17p-1, 0x1.5d1bdbf581000p-2, -0x1.8d6bdc9c7c238p-44},  // j=52
    {0x1.6a13cd1537290p-1, 0x1.62c82f2b9c000p-2, 0x1.e54bdbd7c8a98p-44},   // j=53
    {0x1.6816816816817p-1, 0x1.686c81e9b1000p-2, 0x1.2bb110af84054p-44},   // j=54
    {0x1.661ec6a5122f9p-1, 0x1.6e08eaa2ba000p-2, 0x1.e38c139318d71p-46},   // j=55
    {0x1.642c8590b2164p-1, 0x1.739d7f6bbd000p-2, 0x1.a7389314feb50p-52},   // j=56
    {0x1.623fa77016240p-1, 0x1.792a55fdd4000p-2, 0x1.e89f057691feap-44},   // j=57
    {0x1.6058160581606p-1, 0x1.7eaf83b82b000p-2, -0x1.e4da62d0c25adp-49},  // j=58
    {0x1.5e75bb8d015e7p-1, 0x1.842d1da1e9000p-2, -0x1.3a2db13ae687cp-44},  // j=59
    {0x1.5c9882b931057p-1, 0x1.89a3386c14000p-2, 0x1.2d5ad38c40882p-45},   // j=60
    {0x1.5ac056b015ac0p-1, 0x1.8f11e87366000p-2, 0x1.63bf0bb4eab4cp-45},   // j=61
    {0x1.58ed2308158edp-1, 0x1.947941c211000p-2, 0x1.beae9337451f4p-44},   // j=62
    {0x1.571ed3c506b3ap-1, 0x1.99d958117e000p-2, 0x1.1597525dd88f0p-47},   // j=63
    {0x1.5555555555555p-1, 0x1.9f323ecbfa000p-2, -0x1.ed03525ca2643p-44},  // j=64
    {0x1.5390948f40febp-1, 0x1.a484090e5c000p-2, -0x1.3d7500d6523c5p-44},  // j=65
    {0x1.51d07eae2f815p-1, 0x1.a9cec9a9a1000p-2, -0x1.ed9cadec02b43p-44},  // j=66
    {0x1.5015015015015p-1, 0x1.af12932478000p-2, -0x1.e53bb31eed7a9p-44},  // j=67
    {0x1.4e5e0a72f0539p-1, 0x1.b44f77bcc9000p-2, -0x1.3ae68224aa2cep-47},  // j=68
    {0x1.4cab88725af6ep-1, 0x1.b985896931000p-2, 0x1.f6b31f629f11ep-47},   // j=69
    {0x1.4afd6a052bf5bp-1, 0x1.beb4d9da72000p-2, -0x1.21021e78b2151p-44},  // j=70
    {0x1.49539e3b2d067p-1, 0x1.c3dd7a7cdb000p-2, -0x1.5946261f5a42bp-45},  // j=71
    {0x1.47ae147ae147bp-1, 0x1.c8ff7c79aa000p-2, -0x1.7794f689f8434p-44},  // j=72
    {0x1.460cbc7f5cf9ap-1, 0x1.ce1af0b85f000p-2, 0x1.f5bdbe95e5568p-45},   // j=73
    {0x1.446f86562d9fbp-1, 0x1.d32fe7e00f000p-2, -0x1.0aa7884dcd050p-44},  // j=74
    {0x1.42d6625d51f87p-1, 0x1.d83e7258a3000p-2, -0x1.835f5d48ba26dp-47},  // j=75
    {0x1.4141414141414p-1, 0x1.dd46a04c1c000p-2, 0x1.282fb989a9274p-44},   // j=76
    {0x1.3fb013fb013fbp-1, 0x1.e24881a7c7000p-2, -0x1.ecf1a1385d356p-45},  // j=77
    {0x1.3e22cbce4a902p-1, 0x1.e744261d68000p-2, 0x1.e1f8df68dbcf3p-44},   // j=78
    {0x1.3c995a47babe7p-1, 0x1.ec399d2469000p-2, -0x1.9ff45188d6065p-45},  // j=79
    {0x1.3b13b13b13b14p-1, 0x1.f128f5faf0000p-2, 0x1.bb2cd720ec44cp-44},   // j=80
    {0x1.3991c2c187f63p-1, 0x1.f6123fa703000p-2, -0x1.d4e7aea4f0d25p-44},  // j=81
    {0x1.3813813813814p-1, 0x1.faf588f78f000p-2, 0x1.8f6cd7d9f2754p-45},   // j=82
    {0x1.3698df3de0748p-1, 0x1.ffd2e0857f000p-2, 0x1.261565f40d932p-44},   // j=83
    {0x1.3521cfb2b78c1p-1, 0x1.02552a5a5d000p-1, 0x1.fd8d38d2bafddp-46},   // j=84
    {0x1.33ae45b57bcb2p-1, 0x1.04bdf9da92800p-1, -0x1.2d9a033eff74ep-45},  // j=85
    {0x1.323e34a2b10bfp-1, 0x1.0723e5c1ce000p-1, -0x1.7f6350d38edddp-46},  // j=86
    {0x1.30d190130d190p-1, 0x1.0986f4f573800p-1, -0x1.6fa37012b5806p-44},  // j=87
    {0x1.2f684bda12f68p-1, 0x1.0be72e4252800p-1, 0x1.415b4c4bdd99fp-44},   // j=88
    {0x1.2e025c04b8097p-1, 0x1.0e44985d1d000p-1, -0x1.ba048a8d10b4bp-44},  // j=89
    {0x1.2c9fb4d812ca0p-1, 0x1.109f39e2d5000p-1, -0x1.b4810e09b27a4p-44},  // j=90
    {0x1.2b404ad012b40p-1, 0x1.12f719593f000p-1, -0x1.0eb3fb7398e0cp-47},  // j=91
    {0x1.29e4129e4129ep-1, 0x1.154c3d2f4d800p-1, -0x1.0b2b38662e34dp-44},  // j=92
    {0x1.288b01288b013p-1, 0x1.179eabbd89800p-1, 0x1.a0bfc60e6fa08p-45},   // j=93
    {0x1.27350b8812735p-1, 0x1.19ee6b467c800p-1, 0x1.6ecc5cbdd7782p-45},   // j=94
    {0x1.25e22708092f1p-1, 0x1.1c3b81f714000p-1, -0x1.eda1b58389902p-44},  // j=95
    {0x1.2492492492492p-1, 0x1.1e85f5e704000p-1, 0x1.a07bd8b34be7cp-46},   // j=96
    {0x1.23456789abcdfp-1, 0x1.20cdcd192a800p-1, 0x1.b6c9a81e87baep-44},   // j=97
    {0x1.21fb78121fb78p-1, 0x1.23130d7bec000p-1, -0x1.7afa4392f1ba7p-46},  // j=98
    {0x1.20b470c67c0d9p-1, 0x1.2555bce98f800p-1, -0x1.a61fde292977ep-48},  // j=99
    {0x1.1f7047dc11f70p-1, 0x1.2795e1289b000p-1, 0x1.1aeb783f3db97p-45},   // j=100
    {0x1.1e2ef3b3fb874p-1, 0x1.29d37fec2b000p-1, 0x1.1590b9ad974bap-46},   // j=101
    {0x1.1cf06ada2811dp-1, 0x1.2c0e9ed449000p-1, -0x1.74468563ce45dp-45},  // j=102
    {0x1.1bb4a4046ed29p-1, 0x1.2e47436e40000p-1, 0x1.34202a10c3491p-44},   // j=103
    {0x1.1a7b9611a7b96p-1, 0x1.307d7334f1000p-1, 0x1.7c3f6b2143eadp-46},   // j=104
    {0x1.19453808ca29cp-1, 0x1.32b1339122000p-1, -0x1.4766fd54a4c27p-44},  // j=105
    {0x1.1811811811812p-1, 0x1.34e289d9ce000p-1, 0x1.d316eb92d885dp-45},   // j=106
    {0x1.16e0689427379p-1, 0x1.37117b5474800p-1, -0x1.28e88bf6deec9p-47},  // j=107
    {0x1.15b1e5f75270dp-1, 0x1.393e0d3562800p-1, 0x1.0cd4e221301b7p-44},   // j=108
    {0x1.1485f0e0acd3bp-1, 0x1.3b6844a000000p-1, -0x1.eea838909f3d3p-44},  // j=109
    {0x1.135c81135c811p-1, 0x1.3d9026a715800p-1, -0x1.055bfbd9c2f53p-45},  // j=110
    {0x1.12358e75d3033p-1, 0x1.3fb5b84d17000p-1, -0x1.7b4962c55f46bp-46},  // j=111
    {0x1.1111111111111p-1, 0x1.41d8fe8467000p-1, 0x1.5732325e617a3p-44},   // j=112
    {0x1.0fef010fef011p-1, 0x1.43f9fe2f9d000p-1, -0x1.98858d84649f1p-45},  // j=113
    {0x1.0ecf56be69c90p-1, 0x1.4618bc21c6000p-1, -0x1.3d82f484c84ccp-45},  // j=114
    {0x1.0db20a88f4696p-1, 0x1.48353d1ea8800p-1, 0x1.bee7abd176604p-46},   // j=115
    {0x1.0c9714fbcda3bp-1, 0x1.4a4f85db04000p-1, -0x1.44fdd840b8591p-45},  // j=116
    {0x1.0b7e6ec259dc8p-1, 0x1.4c679afccf000p-1, -0x1.c64e971322ce8p-45},  // j=117
    {0x1.0a6810a6810a7p-1, 0x1.4e7d811b75800p-1, 0x1.d84e584c2b22cp-44},   // j=118
    {0x1.0953f39010954p-1, 0x1.50913cc016800p-1, 0x1.ad2f2ce96c2d6p-47},   // j=119
    {0x1.0842108421084p-1, 0x1.52a2d265bc800p-1, -0x1.2a88c41ba8752p-44},  // j=120
    {0x1.073260a47f7c6p-1, 0x1.54b2467999800p-1, -0x1.b42b755eba5e1p-44},  // j=121
    {0x1.0624dd2f1a9fcp-1, 0x1.56bf9d5b3f000p-1, 0x1.cca08e310b9b2p-44},   // j=122
    {0x1.05197f7d73404p-1, 0x1.58cadb5cd7800p-1, 0x1.893092f25d931p-45},   // j=123
    {0x1.0410410410410p-1, 0x1.5ad404c35a000p-1, -0x1.a609acaab41fcp-46},  // j=124
    {0x1.03091b51f5e1ap-1, 0x1.5cdb1dc6c1800p-1, -0x1.36e612387451fp-46},  // j=125
    {0x1.0204081020408p-1, 0x1.5ee02a9241800p-1, -0x1.8a8f29f6a02dcp-45},  // j=126
    {0x1.0101010101010p-1, 0x1.60e32f4478800p-1, 0x1.b194f912b416ap-46},   // j=127
    {0x1.0000000000000p-1, 0x1.62e42fefa3800p-1, 0x1.ef35793c76730p-45},   // j=128
};

// Taylor coefficients of log1p(u) beyond u - u^2/2; with |u| <= 2^-8 the first omitted term
// (u^9/9) is below 2^-67 relative to u, enough for pow's double-double needs.
constexpr double kLogC3 = 1.0 / 3.0;
constexpr double kLogC4 = -0.25;
constexpr double kLogC5 = 0.2;
constexpr double kLogC6 = -1.0 / 6.0;
constexpr double kLogC7 = 1.0 / 7.0;
constexpr double kLogC8 = -0.125;

// Clears the low 27 significand bits, leaving a 26-bit value whose products with short
// numbers are exact.
constexpr std::uint64_t kHigh26Mask = 0xFFFFFFFFF8000000ULL;

// log(x) as a double-double for finite x > 0 (including subnormals).
DoubleDouble logCore(double x) {
  std::uint64_t bits = bitsOf(x);
  int k = 0;
  if (bits < 0x0010000000000000ULL) {  // subnormal: scale into the normal range (exact)
    x *= 0x1p54;
    bits = bitsOf(x);
    k = -54;
  }
  k += static_cast<int>(bits >> 52) - 1023;
  const std::uint64_t fraction = bits & 0x000FFFFFFFFFFFFFULL;
  const double m = fromBits(fraction | 0x3FF0000000000000ULL);
  const auto j = static_cast<unsigned>(((fraction >> 44) + 1) >> 1);  // 0..128
  const LogEntry& entry = kLogTable[j];
  const double bigF = fromBits(0x3FF0000000000000ULL + (std::uint64_t{j} << 45));  // 1 + j/128
  const double f = m - bigF;  // exact: |f| <= 2^-8 on the 2^-52 grid

  // u = f / F as uHi + uLo. uHi need not be correctly rounded; the remainder f - uHi*F is
  // computed exactly by splitting uHi into two halves whose products with F (8 bits) are exact.
  const double uHi = f * entry.invF;
  const double uA = fromBits(bitsOf(uHi) & kHigh26Mask);
  const double uB = uHi - uA;
  const double remainder = (f - uA * bigF) - uB * bigF;
  const double uLo = remainder * entry.invF;

  // uHi^2 / 2 exactly as qHi + qLo (Dekker's product with the same split).
  const double square = uHi * uHi;
  const double squareErr = ((uA * uA - square) + 2.0 * uA * uB) + uB * uB;
  const double qHi = 0.5 * square;
  const double qLo = 0.5 * squareErr;

  // Estrin's scheme: independent pairs shorten the dependency chain compared to Horner.
  const double u2 = uHi * uHi;
  const double u4 = u2 * u2;
  const double pair34 = kLogC3 + uHi * kLogC4;
  const double pair56 = kLogC5 + uHi * kLogC6;
  const double pair78 = kLogC7 + uHi * kLogC8;
  const double tail = (u2 * uHi) * ((pair34 + u2 * pair56) + u4 * pair78);

  const double kd = static_cast<double>(k);
  const double tHi = kd * kLn2Hi + entry.logHi;  // exact (both on the 2^-42 grid, < 2^10)
  const double tLo = kd * kLn2Lo + entry.logLo;

  const DoubleDouble v = fastTwoSum(uHi, -qHi);  // |qHi| <= |uHi| * 2^-9
  const DoubleDouble s = twoSum(tHi, v.hi);
  // log1p(uHi + uLo) = u - u^2/2 + ... with u^2/2 = qHi + qLo + uHi*uLo to working precision.
  const double lo = ((s.lo + v.lo) + (tLo + uLo)) - (qLo + uHi * uLo) + tail;
  return fastTwoSum(s.hi, lo);
}

// ---------------------------------------------------------------------------------------------
// Exponential (Cody-Waite reduction by ln 2, rational kernel).
//
// x = k ln2 + r with |r| <= ln2/2. e^r = 1 + 2r / (R(r) - r) where R(r) = r coth(r/2) is even;
// R(r) = 2 + r^2 P(r^2) with P fitted (Chebyshev, 5 terms, abs. error 5e-17) on [0, 0.1204].
// Writing c = r - r^2 P(r^2) gives e^r = 1 + r + r c / (2 - c), whose rounding errors stay
// well below one ulp.

constexpr double kExpP1 = 0x1.5555555555553p-3;
constexpr double kExpP2 = -0x1.6c16c16c0aa83p-9;
constexpr double kExpP3 = 0x1.1566ab5b82902p-14;
constexpr double kExpP4 = -0x1.bbd52fec5a3ebp-20;
constexpr double kExpP5 = 0x1.63f123c24a857p-25;

// Beyond these bounds the result is certainly +inf or 0; in between, scaling rounds correctly.
constexpr double kExpOverflowBound = 709.8;
constexpr double kExpUnderflowBound = -746.0;

inline double expKernelC(double r, double z) {
  const double z2 = z * z;
  const double poly = (kExpP1 + z * kExpP2) + z2 * ((kExpP3 + z * kExpP4) + z2 * kExpP5);
  return r - z * poly;
}

// Multiplies y (in [0.7, 1.42]) by 2^k for k in [-1076, 1024] with a single rounding.
inline double scaleByPowerOfTwo(double y, int k) {
  if (k > 1023) return y * 0x1p1023 * powerOfTwo(k - 1023);
  if (k >= -1022) return y * powerOfTwo(k);
  // The first product is exact (normal range); only the final step into subnormals rounds.
  return (y * powerOfTwo(k + 1000)) * 0x1p-1000;
}

// e^(xHi + xLo) where |xLo| is tiny compared to ulp(xHi) scale (pow's product error term).
double expCore(double xHi, double xLo) {
  if (!(xHi <= kExpOverflowBound)) return xHi != xHi ? kNaN : kInf;
  if (xHi < kExpUnderflowBound) return 0.0;
  const double kd = roundToIntegral(xHi * kInvLn2);
  const int k = static_cast<int>(kd);
  const double hi = xHi - kd * kLn2Hi;  // exact: k*ln2Hi is exact and close to xHi (Sterbenz)
  const double lo = kd * kLn2Lo - xLo;
  const double r = hi - lo;
  const double z = r * r;
  const double c = expKernelC(r, z);
  const double y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
  return scaleByPowerOfTwo(y, k);
}

// ---------------------------------------------------------------------------------------------
// Sine and cosine (Cody-Waite reduction by pi/2, polynomial kernels on [-pi/4, pi/4]).

// pi/2 in four parts; the first three have 33 significant bits so k * part is exact for
// |k| <= 2^20. The worst case for doubles below 1.6e6 (|x - k pi/2| ~ k * 2^-72) still keeps
// ~80 correct bits after cancellation.
constexpr double kPiOver2Part1 = 0x1.921fb54400000p+0;
constexpr double kPiOver2Part2 = 0x1.0b4611a600000p-34;
constexpr double kPiOver2Part3 = 0x1.3198a2e000000p-69;
constexpr double kPiOver2Part4 = 0x1.b839a252049c1p-104;
// pi/2 - part1 rounded to 53 bits, for the fast two-part reduction of moderate arguments.
constexpr double kPiOver2Tail = 0x1.0b4611a626331p-34;
constexpr double kTwoOverPi = 0x1.45f306dc9c883p-1;
constexpr double kPiOver4 = 0x1.921fb54442d18p-1;
constexpr double kMediumLimit = 1.6e6;  // |x| / (pi/2) < 2^20

// sin(r) = r + r^3 S(r^2), S fitted (Chebyshev, 7 terms, abs. error 1e-20) on [0, (pi/4)^2].
constexpr double kSinS1 = -0x1.5555555555555p-3;
constexpr double kSinS2 = 0x1.1111111111110p-7;
constexpr double kSinS3 = -0x1.a01a01a019936p-13;
constexpr double kSinS4 = 0x1.71de3a54605eep-19;
constexpr double kSinS5 = -0x1.ae64541266378p-26;
constexpr double kSinS6 = 0x1.61217ec01749dp-33;
constexpr double kSinS7 = -0x1.ab17a79237a19p-41;

// cos(r) = 1 - r^2/2 + r^4 C(r^2), C fitted (Chebyshev, 6 terms, abs. error 1.3e-18).
constexpr double kCosC1 = 0x1.5555555555555p-5;
constexpr double kCosC2 = -0x1.6c16c16c16966p-10;
constexpr double kCosC3 = 0x1.a01a019f4e867p-16;
constexpr double kCosC4 = -0x1.27e4fa17a41b4p-22;
constexpr double kCosC5 = 0x1.1eeb68b109173p-29;
constexpr double kCosC6 = -0x1.907d7aebd5e3dp-37;

// sin(x + y) for |x| <= ~pi/4 and |y| <= ulp(x): sin x + y cos x, with x added last.
inline double sinKernel(double x, double y) {
  const double z = x * x;
  const double v = z * x;
  const double z2 = z * z;
  const double z4 = z2 * z2;
  // Estrin's scheme for S2 + S3 z + ... + S7 z^5.
  const double r =
      ((kSinS2 + z * kSinS3) + z2 * (kSinS4 + z * kSinS5)) + z4 * (kSinS6 + z * kSinS7);
  return x + (v * (kSinS1 + z * r) + y * (1.0 - 0.5 * z));
}

// cos(x + y) = cos x - y sin x. 1 - z/2 is formed as w plus its exact rounding error, which keeps
// the result accurate near |x| = pi/4 where z/2 is not small.
inline double cosKernel(double x, double y) {
  const double z = x * x;
  const double z2 = z * z;
  const double z4 = z2 * z2;
  // Estrin's scheme for z (C1 + C2 z + ... + C6 z^5).
  const double r =
      z * (((kCosC1 + z * kCosC2) + z2 * (kCosC3 + z * kCosC4)) + z4 * (kCosC5 + z * kCosC6));
  const double hz = 0.5 * z;
  const double w = 1.0 - hz;
  return w + (((1.0 - w) - hz) + (z * r - x * y));
}

struct Reduced {
  unsigned quadrant;  // k mod 4
  double hi;          // x - k pi/2 as hi + lo
  double lo;
};

// x - k pi/2 for finite x with |x| > pi/4.
Reduced reduce(double x) {
  // Fast path (two-part Cody-Waite): with |k| < 2^10 the error of k * kPiOver2Tail and of the
  // truncated pi/2 is below k * 2^-86, negligible unless the result cancels to below 2^-15,
  // which the check sends to the precise path.
  if (absolute(x) < 1600.0) {
    const double kd = roundToIntegral(x * kTwoOverPi);
    const double t = x - kd * kPiOver2Part1;  // exact
    const double w = kd * kPiOver2Tail;
    const double rHi = t - w;
    if (absolute(rHi) > 0x1p-15) {
      const double rLo = (t - rHi) - w;  // Fast2Sum: |t| > |w| here
      const auto k = static_cast<std::uint64_t>(static_cast<std::int64_t>(kd));
      return {static_cast<unsigned>(k & 3U), rHi, rLo};
    }
  }
  unsigned quadrant = 0;
  // Huge arguments: peel off multiples k = m * 2^e with a 20-bit m, keeping k * part exact and
  // x - k * part1 exact. Later parts round, so precision degrades with size, but the loop ends
  // with |x| < kMediumLimit and the result stays deterministic.
  while (!(absolute(x) < kMediumLimit)) {
    const double q = x * kTwoOverPi;
    const int e = exponentOf(q) - 19;
    const double m = roundToIntegral(q * powerOfTwo(-e));
    const double kd = m * powerOfTwo(e);
    x = (((x - kd * kPiOver2Part1) - kd * kPiOver2Part2) - kd * kPiOver2Part3) - kd * kPiOver2Part4;
    if (e < 2) {
      const auto mi = static_cast<std::uint64_t>(static_cast<std::int64_t>(m));
      quadrant += static_cast<unsigned>((mi << e) & 3U);
    }
  }
  const double kd = roundToIntegral(x * kTwoOverPi);
  const double t = x - kd * kPiOver2Part1;  // exact: product exact, operands within 2x
  const DoubleDouble s1 = twoSum(t, -(kd * kPiOver2Part2));
  const DoubleDouble s2 = twoSum(s1.hi, -(kd * kPiOver2Part3));
  const DoubleDouble s3 = twoSum(s2.hi, -(kd * kPiOver2Part4));
  const double lo = (s1.lo + s2.lo) + s3.lo;
  const DoubleDouble r = fastTwoSum(s3.hi, lo);
  const auto k = static_cast<std::uint64_t>(static_cast<std::int64_t>(kd));
  quadrant = (quadrant + static_cast<unsigned>(k & 3U)) & 3U;
  return {quadrant, r.hi, r.lo};
}

inline double clampUnit(double v) {
  if (v > 1.0) return 1.0;
  if (v < -1.0) return -1.0;
  return v;
}

// 0: not an integer, 1: odd integer, 2: even integer.
int integerKind(double y) {
  const double ay = absolute(y);
  if (ay >= 0x1p53) return 2;  // every double this large is an even integer
  const auto i = static_cast<std::int64_t>(ay);
  if (static_cast<double>(i) != ay) return 0;
  return (i & 1) != 0 ? 1 : 2;
}

}  // namespace

double log(double x) {
  if (!(x > 0.0)) return x == 0.0 ? -kInf : kNaN;
  if (x == kInf) return kInf;
  return logCore(x).hi;
}

double log1p(double x) {
  if (!(x > -1.0)) return x == -1.0 ? -kInf : kNaN;
  if (x == kInf) return kInf;
  if (absolute(x) < 0x1p-54) return x;  // log1p(x) = x - x^2/2 rounds to x
  // 1 + x = a.hi + a.lo exactly; log(a.hi + a.lo) = log(a.hi) + a.lo / a.hi to working precision.
  const DoubleDouble a = twoSum(1.0, x);
  const DoubleDouble l = logCore(a.hi);
  return l.hi + (l.lo + a.lo / a.hi);
}

double exp(double x) { return expCore(x, 0.0); }

double expm1(double x) {
  if (!(x <= kExpOverflowBound)) return x != x ? kNaN : kInf;
  if (x < -40.0) return -1.0;  // e^x < 2^-57: -1 + e^x rounds to -1
  if (absolute(x) < 0x1p-54) return x;
  const double kd = roundToIntegral(x * kInvLn2);
  if (kd == 0.0) {
    // e^r - 1 = r + r c / (2 - c): no cancellation for small r.
    const double c = expKernelC(x, x * x);
    return x + (x * c) / (2.0 - c);
  }
  const int k = static_cast<int>(kd);
  if (k > 56) return exp(x);  // the -1 is below half an ulp
  const double hi = x - kd * kLn2Hi;
  const double lo = kd * kLn2Lo;
  const DoubleDouble r = fastTwoSum(hi, -lo);
  const double c = expKernelC(r.hi, r.hi * r.hi);
  // e^r - 1 as a double-double: near k = +-1 the final subtraction cancels up to two bits.
  const DoubleDouble em1 = twoSum(r.hi, (r.hi * c) / (2.0 - c));
  const double em1Lo = em1.lo + r.lo;
  const double scale = powerOfTwo(k);
  // e^x - 1 = 2^k (1 + em1) - 1, grouped so that the large parts cancel exactly.
  if (k <= -2) return (1.0 + em1.hi) * scale - 1.0;
  if (k <= 52) {
    const DoubleDouble sum = twoSum(scale - 1.0, scale * em1.hi);  // 2^k - 1 is exact here
    return sum.hi + (sum.lo + scale * em1Lo);
  }
  return scale * ((em1.hi - powerOfTwo(-k)) + 1.0);
}

double sin(double x) {
  const double ax = absolute(x);
  if (ax <= kPiOver4) {
    if (ax < 0x1p-27) return x;  // sin x = x - x^3/6 rounds to x
    return sinKernel(x, 0.0);
  }
  if (!(ax < kInf)) return kNaN;
  const Reduced r = reduce(x);
  double v = 0.0;
  switch (r.quadrant) {
    case 0: v = sinKernel(r.hi, r.lo); break;
    case 1: v = cosKernel(r.hi, r.lo); break;
    case 2: v = -sinKernel(r.hi, r.lo); break;
    default: v = -cosKernel(r.hi, r.lo); break;
  }
  return clampUnit(v);
}

double cos(double x) {
  const double ax = absolute(x);
  if (ax <= kPiOver4) {
    if (ax < 0x1p-27) return 1.0;  // cos x = 1 - x^2/2 rounds to 1
    return cosKernel(x, 0.0);
  }
  if (!(ax < kInf)) return kNaN;
  const Reduced r = reduce(x);
  double v = 0.0;
  switch (r.quadrant) {
    case 0: v = cosKernel(r.hi, r.lo); break;
    case 1: v = -sinKernel(r.hi, r.lo); break;
    case 2: v = -cosKernel(r.hi, r.lo); break;
    default: v = sinKernel(r.hi, r.lo); break;
  }
  return clampUnit(v);
}

double pow(double x, double y) {
  if (y == 0.0 || x == 1.0) return 1.0;
  if (x != x || y != y) return kNaN;
  const double ax = absolute(x);
  const double ay = absolute(y);
  const bool negativeBase = bitsOf(x) >> 63 != 0;

  if (ay == kInf) {
    if (ax == 1.0) return 1.0;  // x == -1
    return (ax < 1.0) == (y > 0.0) ? 0.0 : kInf;
  }
  const int yKind = integerKind(y);
  const bool oddY = yKind == 1;
  if (ax == 0.0 || ax == kInf) {
    // x = +-0 or +-inf: the magnitude is 0 or inf; the sign survives only for odd integral y.
    const bool infinite = (ax == 0.0) == (y < 0.0);
    const double magnitude = infinite ? kInf : 0.0;
    return negativeBase && oddY ? -magnitude : magnitude;
  }
  if (negativeBase && yKind == 0) return kNaN;

  // |x|^y = e^(y log|x|) with log carried as a double-double, so the product keeps ~64 bits.
  const DoubleDouble l = logCore(ax);
  const double tHi = y * l.hi;
  double result = 0.0;
  if (!(tHi <= kExpOverflowBound)) {
    result = kInf;
  } else if (tHi < kExpUnderflowBound) {
    result = 0.0;
  } else {
    // Here |y| <= 746 / |log x| < 2^63, so the split inside twoProduct cannot overflow.
    const DoubleDouble t = twoProduct(y, l.hi);
    const DoubleDouble tn = fastTwoSum(t.hi, t.lo + y * l.lo);
    result = expCore(tn.hi, tn.lo);
  }
  return negativeBase && oddY ? -result : result;
}

}  // namespace pillars::detmath
