// Vietnamese number formatting: "." groups thousands, "," marks decimals (1.234,5).
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>

namespace nq {

// 1234567 -> "1.234.567"; -5000 -> "-5.000".
std::string FormatIntVi(int64_t n);
// Rounds to `decimals` places and drops trailing zeros: (1234.5, 2) -> "1.234,5";
// (0.125, 2) -> "0,13"; (3, 1) -> "3". Rounding is half away from zero on the shortest decimal
// form of x, as a person would round what they see: (1.005, 2) -> "1,01". decimals is clamped
// to 0..15; a result that rounds to zero has no sign; NaN and infinities give "—".
std::string FormatNumberVi(double x, int decimals);
// 0.856 -> "85,6%" (decimals apply to the percentage).
std::string FormatPercentVi(double ratio, int decimals);

}  // namespace nq
