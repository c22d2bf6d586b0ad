#include "common/format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>
#include <system_error>

namespace nq {
namespace {

// Inserts a "." between groups of three digits of an unsigned digit string.
std::string GroupThousands(std::string_view digits) {
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back('.');
    out.push_back(digits[i]);
  }
  return out;
}

// Adds one to a string of decimal digits in place ("199" -> "200", "99" -> "100").
void Increment(std::string* digits) {
  for (size_t i = digits->size(); i-- > 0;) {
    if ((*digits)[i] == '9') {
      (*digits)[i] = '0';
    } else {
      ++(*digits)[i];
      return;
    }
  }
  digits->insert(digits->begin(), '1');
}

}  // namespace

std::string FormatIntVi(int64_t n) {
  // Through the unsigned magnitude so that INT64_MIN works.
  const uint64_t mag = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  std::string out = n < 0 ? "-" : "";
  return out + GroupThousands(std::to_string(mag));
}

std::string FormatNumberVi(double x, int decimals) {
  if (!std::isfinite(x)) return "—";
  decimals = std::clamp(decimals, 0, 15);
  // The shortest decimal form that reads back as x, in fixed notation: "1234.5", "-0.125".
  char buf[400];
  const auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(x), std::chars_format::fixed);
  if (res.ec != std::errc()) return "—";  // cannot happen with 400 bytes; kept for safety
  std::string_view text(buf, static_cast<size_t>(res.ptr - buf));
  const size_t dot = text.find('.');
  std::string int_part(text.substr(0, dot));
  std::string frac_part(dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1));

  // Round half away from zero at `decimals` places on the decimal digits.
  if (frac_part.size() > static_cast<size_t>(decimals)) {
    const bool up = frac_part[static_cast<size_t>(decimals)] >= '5';
    frac_part.resize(static_cast<size_t>(decimals));
    if (up) {
      std::string all = int_part + frac_part;
      Increment(&all);
      int_part = all.substr(0, all.size() - frac_part.size());
      frac_part = all.substr(all.size() - frac_part.size());
    }
  }
  while (!frac_part.empty() && frac_part.back() == '0') frac_part.pop_back();

  const bool zero = std::all_of(int_part.begin(), int_part.end(), [](char c) { return c == '0'; })
                    && frac_part.empty();
  std::string out = (x < 0 && !zero) ? "-" : "";
  out += GroupThousands(int_part);
  if (!frac_part.empty()) out += "," + frac_part;
  return out;
}

std::string FormatPercentVi(double ratio, int decimals) {
  return FormatNumberVi(ratio * 100, decimals) + "%";
}

}  // namespace nq
