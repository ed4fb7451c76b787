// engine/sql/types/numeric_var.cpp
//
// Digit-level arithmetic for numeric, following PostgreSQL 15's numeric.c
// (add_abs, sub_abs, mul_var, div_var, round_var, trunc_var, get_str_from_var).
// Comments cite the PostgreSQL function each piece mirrors.
#include "engine/sql/types/numeric_var.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "engine/error/db_error.hpp"

namespace basalt::engine::sql {
namespace {

constexpr int kRoundPowers[4] = {0, 1000, 100, 10};

// Floor division, since C++ '/' truncates toward zero.
int FloorDiv(int a, int b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

NumericVar MakeVar(NumericSign sign, int weight, int dscale, const std::vector<int64_t>& digits) {
  NumericVar v;
  v.sign = sign;
  v.weight = weight;
  v.dscale = dscale;
  v.digits.resize(static_cast<int>(digits.size()));
  for (size_t i = 0; i < digits.size(); ++i) v.digits[static_cast<int>(i)] = static_cast<NumericDigit>(digits[i]);
  StripVar(v);
  return v;
}

// add_abs: |a| + |b|, positive.
NumericVar AddAbs(const NumericVar& a, const NumericVar& b) {
  int res_weight = std::max(a.weight, b.weight) + 1;
  int res_dscale = std::max(a.dscale, b.dscale);
  int rscale1 = a.ndigits() - a.weight - 1;
  int rscale2 = b.ndigits() - b.weight - 1;
  int res_rscale = std::max(rscale1, rscale2);
  int res_ndigits = res_rscale + res_weight + 1;
  if (res_ndigits <= 0) res_ndigits = 1;
  NumericVar out;
  out.weight = res_weight;
  out.dscale = res_dscale;
  out.digits.resize(res_ndigits);
  NumericDigit* res = out.digits.data();
  int carry = 0;
  int i1 = res_rscale + a.weight + 1;
  int i2 = res_rscale + b.weight + 1;
  for (int i = res_ndigits - 1; i >= 0; --i) {
    --i1;
    --i2;
    if (i1 >= 0 && i1 < a.ndigits()) carry += a.digits[i1];
    if (i2 >= 0 && i2 < b.ndigits()) carry += b.digits[i2];
    if (carry >= kNBase) {
      res[i] = static_cast<NumericDigit>(carry - kNBase);
      carry = 1;
    } else {
      res[i] = static_cast<NumericDigit>(carry);
      carry = 0;
    }
  }
  StripVar(out);
  return out;
}

// sub_abs: |a| - |b| where |a| >= |b|, positive.
NumericVar SubAbs(const NumericVar& a, const NumericVar& b) {
  int res_weight = a.weight;
  int res_dscale = std::max(a.dscale, b.dscale);
  int rscale1 = a.ndigits() - a.weight - 1;
  int rscale2 = b.ndigits() - b.weight - 1;
  int res_rscale = std::max(rscale1, rscale2);
  int res_ndigits = res_rscale + res_weight + 1;
  if (res_ndigits <= 0) res_ndigits = 1;
  NumericVar out;
  out.weight = res_weight;
  out.dscale = res_dscale;
  out.digits.resize(res_ndigits);
  NumericDigit* res = out.digits.data();
  int borrow = 0;
  int i1 = res_rscale + a.weight + 1;
  int i2 = res_rscale + b.weight + 1;
  for (int i = res_ndigits - 1; i >= 0; --i) {
    --i1;
    --i2;
    if (i1 >= 0 && i1 < a.ndigits()) borrow += a.digits[i1];
    if (i2 >= 0 && i2 < b.ndigits()) borrow -= b.digits[i2];
    if (borrow < 0) {
      res[i] = static_cast<NumericDigit>(borrow + kNBase);
      borrow = -1;
    } else {
      res[i] = static_cast<NumericDigit>(borrow);
      borrow = 0;
    }
  }
  StripVar(out);
  return out;
}

NumericVar WithSign(NumericVar v, NumericSign sign) {
  v.sign = v.digits.empty() ? NumericSign::kPos : sign;
  return v;
}

// Knuth's algorithm D (TAOCP 4.3.1) in base 10000: floor(u / v) for digit
// arrays, most significant first. v[0] != 0. The quotient may have leading zeros.
std::vector<int64_t> DivDigits(const std::vector<int64_t>& u, const std::vector<int64_t>& v) {
  const int n = static_cast<int>(v.size());
  const int len = static_cast<int>(u.size());
  if (len < n) return {};
  const int m = len - n;
  std::vector<int64_t> q(m + 1);
  if (n == 1) {
    int64_t r = 0;
    for (int i = 0; i < len; ++i) {
      int64_t cur = r * kNBase + u[i];
      if (i >= len - m - 1) q[i - (len - m - 1)] = cur / v[0];
      r = cur % v[0];
    }
    return q;
  }
  const int64_t d = kNBase / (v[0] + 1);
  std::vector<int64_t> un(len + 1), vn(n);
  int64_t carry = 0;
  for (int i = n - 1; i >= 0; --i) {
    int64_t p = v[i] * d + carry;
    vn[i] = p % kNBase;
    carry = p / kNBase;
  }
  carry = 0;
  for (int i = len - 1; i >= 0; --i) {
    int64_t p = u[i] * d + carry;
    un[i + 1] = p % kNBase;
    carry = p / kNBase;
  }
  un[0] = carry;
  for (int j = 0; j <= m; ++j) {
    int64_t num = un[j] * kNBase + un[j + 1];
    int64_t qhat = num / vn[0];
    int64_t rhat = num % vn[0];
    while (qhat >= kNBase || qhat * vn[1] > rhat * kNBase + un[j + 2]) {
      --qhat;
      rhat += vn[0];
      if (rhat >= kNBase) break;
    }
    int64_t borrow = 0;
    carry = 0;
    for (int i = n - 1; i >= 0; --i) {
      int64_t p = qhat * vn[i] + carry;
      carry = p / kNBase;
      int64_t sub = un[j + i + 1] - (p % kNBase) - borrow;
      if (sub < 0) {
        sub += kNBase;
        borrow = 1;
      } else {
        borrow = 0;
      }
      un[j + i + 1] = sub;
    }
    int64_t top = un[j] - carry - borrow;
    if (top < 0) {
      --qhat;
      carry = 0;
      for (int i = n - 1; i >= 0; --i) {
        int64_t s = un[j + i + 1] + vn[i] + carry;
        un[j + i + 1] = s % kNBase;
        carry = s / kNBase;
      }
      top += carry;
    }
    un[j] = top;
    q[j] = qhat;
  }
  return q;
}

const NumericVar& ConstOne() {
  static const NumericVar one = IntVar(1);
  return one;
}

}  // namespace

NumericVar ZeroVar(int dscale) {
  NumericVar v;
  v.dscale = dscale;
  return v;
}

NumericVar IntVar(int64_t val) {
  NumericVar v;
  uint64_t u = val < 0 ? uint64_t{0} - static_cast<uint64_t>(val) : static_cast<uint64_t>(val);
  v.sign = val < 0 ? NumericSign::kNeg : NumericSign::kPos;
  NumericDigit buf[5];
  int n = 0;
  while (u != 0) {
    buf[n++] = static_cast<NumericDigit>(u % kNBase);
    u /= kNBase;
  }
  v.digits.resize(n);
  for (int i = 0; i < n; ++i) v.digits[i] = buf[n - 1 - i];
  v.weight = n - 1;
  StripVar(v);
  return v;
}

void StripVar(NumericVar& v) {
  const NumericDigit* d = v.digits.data();
  int n = v.ndigits();
  int lead = 0;
  while (lead < n && d[lead] == 0) ++lead;
  if (lead == n) {
    v.digits.clear();
    v.weight = 0;
    v.sign = NumericSign::kPos;
    return;
  }
  int end = n;
  while (d[end - 1] == 0) --end;
  v.digits.resize(end);
  if (lead > 0) {
    v.digits.erase_front(lead);
    v.weight -= lead;
  }
}

// round_var
void RoundVar(NumericVar& v, int rscale) {
  v.dscale = rscale;
  int di = (v.weight + 1) * kDecDigits + rscale;
  if (di < 0) {
    v.digits.clear();
    v.weight = 0;
    v.sign = NumericSign::kPos;
    return;
  }
  int nd = (di + kDecDigits - 1) / kDecDigits;
  di %= kDecDigits;
  if (nd < v.ndigits() || (nd == v.ndigits() && di > 0)) {
    NumericDigit* d = v.digits.data();
    int keep = nd;
    int carry = 0;
    if (di == 0) {
      carry = d[nd] >= kHalfNBase ? 1 : 0;
    } else {
      int pow10 = kRoundPowers[di];
      int extra = d[--nd] % pow10;
      d[nd] = static_cast<NumericDigit>(d[nd] - extra);
      if (extra >= pow10 / 2) {
        pow10 += d[nd];
        if (pow10 >= kNBase) {
          pow10 -= kNBase;
          carry = 1;
        }
        d[nd] = static_cast<NumericDigit>(pow10);
      }
    }
    v.digits.resize(keep);
    while (carry) {
      if (nd == 0) {
        v.digits.push_front(1);
        v.weight++;
        break;
      }
      carry += d[--nd];
      if (carry >= kNBase) {
        d[nd] = static_cast<NumericDigit>(carry - kNBase);
        carry = 1;
      } else {
        d[nd] = static_cast<NumericDigit>(carry);
        carry = 0;
      }
    }
  }
  StripVar(v);
}

// trunc_var
void TruncVar(NumericVar& v, int rscale) {
  v.dscale = rscale;
  int di = (v.weight + 1) * kDecDigits + rscale;
  if (di <= 0) {
    v.digits.clear();
    v.weight = 0;
    v.sign = NumericSign::kPos;
    return;
  }
  int nd = (di + kDecDigits - 1) / kDecDigits;
  if (nd <= v.ndigits()) {
    v.digits.resize(nd);
    di %= kDecDigits;
    if (di > 0) {
      int pow10 = kRoundPowers[di];
      NumericDigit& last = v.digits[nd - 1];
      last = static_cast<NumericDigit>(last - last % pow10);
    }
  }
  StripVar(v);
}

// cmp_abs_common: tolerates unstripped inputs.
int CmpAbs(const NumericVar& a, const NumericVar& b) {
  int w1 = a.weight, w2 = b.weight;
  int n1 = a.ndigits(), n2 = b.ndigits();
  int i1 = 0, i2 = 0;
  while (w1 > w2 && i1 < n1) {
    if (a.digits[i1++] != 0) return 1;
    --w1;
  }
  while (w2 > w1 && i2 < n2) {
    if (b.digits[i2++] != 0) return -1;
    --w2;
  }
  if (w1 == w2) {
    while (i1 < n1 && i2 < n2) {
      int stat = a.digits[i1++] - b.digits[i2++];
      if (stat) return stat > 0 ? 1 : -1;
    }
  }
  while (i1 < n1) {
    if (a.digits[i1++] != 0) return 1;
  }
  while (i2 < n2) {
    if (b.digits[i2++] != 0) return -1;
  }
  return 0;
}

int CmpVar(const NumericVar& a, const NumericVar& b) {
  if (a.ndigits() == 0) {
    if (b.ndigits() == 0) return 0;
    return b.sign == NumericSign::kNeg ? 1 : -1;
  }
  if (b.ndigits() == 0) return a.sign == NumericSign::kPos ? 1 : -1;
  if (a.sign == NumericSign::kPos) {
    if (b.sign == NumericSign::kNeg) return 1;
    return CmpAbs(a, b);
  }
  if (b.sign == NumericSign::kPos) return -1;
  return CmpAbs(b, a);
}

// add_var
NumericVar AddVar(const NumericVar& a, const NumericVar& b) {
  const bool a_neg = a.sign == NumericSign::kNeg;
  const bool b_neg = b.sign == NumericSign::kNeg;
  if (a_neg == b_neg) return WithSign(AddAbs(a, b), a.sign);
  int cmp = CmpAbs(a, b);
  if (cmp == 0) return ZeroVar(std::max(a.dscale, b.dscale));
  if (cmp > 0) return WithSign(SubAbs(a, b), a.sign);
  return WithSign(SubAbs(b, a), b.sign);
}

// sub_var
NumericVar SubVar(const NumericVar& a, const NumericVar& b) {
  NumericVar nb = b;
  if (!nb.digits.empty()) nb.sign = b.sign == NumericSign::kNeg ? NumericSign::kPos : NumericSign::kNeg;
  return AddVar(a, nb);
}

// mul_var (PostgreSQL 15): only products whose weight is at least
// -(ceil(rscale / 4) + kMulGuardDigits) are accumulated, then the sum is rounded.
NumericVar MulVar(const NumericVar& a, const NumericVar& b, int rscale) {
  const NumericVar* v1 = &a;
  const NumericVar* v2 = &b;
  if (v1->ndigits() > v2->ndigits()) std::swap(v1, v2);
  const int n1 = v1->ndigits(), n2 = v2->ndigits();
  if (n1 == 0 || n2 == 0) return ZeroVar(rscale);
  NumericSign res_sign = v1->sign == v2->sign ? NumericSign::kPos : NumericSign::kNeg;
  int res_weight = v1->weight + v2->weight + 2;
  int res_ndigits = n1 + n2 + 1;
  int maxdigits = res_weight + 1 + (rscale + kDecDigits - 1) / kDecDigits + kMulGuardDigits;
  res_ndigits = std::min(res_ndigits, maxdigits);
  if (res_ndigits < 3) return ZeroVar(rscale);
  // Small products (the common case) accumulate on the stack.
  int64_t small[32];
  std::vector<int64_t> large;
  int64_t* dig = small;
  if (res_ndigits > 32) {
    large.assign(res_ndigits, 0);
    dig = large.data();
  } else {
    std::fill(small, small + res_ndigits, 0);
  }
  const NumericDigit* d1 = v1->digits.data();
  const NumericDigit* d2 = v2->digits.data();
  for (int i1 = std::min(n1 - 1, res_ndigits - 3); i1 >= 0; --i1) {
    int64_t x = d1[i1];
    if (x == 0) continue;
    int i2limit = std::min(n2, res_ndigits - i1 - 2);
    int64_t* out = &dig[i1 + 2];
    for (int i2 = 0; i2 < i2limit; ++i2) out[i2] += x * d2[i2];
  }
  NumericVar r;
  r.sign = res_sign;
  r.weight = res_weight;
  r.dscale = rscale;
  r.digits.resize(res_ndigits);
  int64_t carry = 0;
  for (int i = res_ndigits - 1; i >= 0; --i) {
    int64_t nd = dig[i] + carry;
    carry = nd / kNBase;
    r.digits[i] = static_cast<NumericDigit>(nd % kNBase);
  }
  StripVar(r);
  RoundVar(r, rscale);
  return WithSign(std::move(r), res_sign);
}

NumericVar DivVar(const NumericVar& a, const NumericVar& b, int rscale, bool round) {
  if (b.ndigits() == 0 || b.digits[0] == 0) throw DbError(SqlState::kDivisionByZero, "division by zero");
  if (a.ndigits() == 0) return ZeroVar(rscale);
  NumericSign res_sign = a.sign == b.sign ? NumericSign::kPos : NumericSign::kNeg;
  // Quotient digits down to weight -frac, at least one decimal digit past rscale,
  // so that rounding the truncated quotient rounds the exact one.
  const int frac = FloorDiv(rscale + kDecDigits - 1, kDecDigits) + 1;
  const int n1 = a.ndigits(), n2 = b.ndigits();
  // a / b = A / B * NBASE^e with A, B the digit strings read as integers.
  const int e = (n2 - 1 - b.weight) - (n1 - 1 - a.weight);
  const int shift = frac + e;
  std::vector<int64_t> u, v(b.digits.data(), b.digits.data() + n2);
  if (shift >= 0) {
    u.assign(a.digits.data(), a.digits.data() + n1);
    u.resize(n1 + shift, 0);
  } else if (-shift < n1) {
    // floor(floor(A / NBASE^k) / B) == floor(A / (NBASE^k * B)).
    u.assign(a.digits.data(), a.digits.data() + n1 + shift);
  }
  std::vector<int64_t> q = DivDigits(u, v);
  NumericVar r = MakeVar(res_sign, static_cast<int>(q.size()) - 1 - frac, rscale, q);
  if (round) {
    RoundVar(r, rscale);
  } else {
    TruncVar(r, rscale);
  }
  return WithSign(std::move(r), res_sign);
}

// select_div_scale
int SelectDivScale(const NumericVar& a, const NumericVar& b) {
  int weight1 = 0, weight2 = 0;
  int first1 = 0, first2 = 0;
  for (int i = 0; i < a.ndigits(); ++i) {
    first1 = a.digits[i];
    if (first1 != 0) {
      weight1 = a.weight - i;
      break;
    }
  }
  for (int i = 0; i < b.ndigits(); ++i) {
    first2 = b.digits[i];
    if (first2 != 0) {
      weight2 = b.weight - i;
      break;
    }
  }
  int qweight = weight1 - weight2;
  if (first1 <= first2) qweight--;
  int rscale = kNumericMinSigDigits - qweight * kDecDigits;
  rscale = std::max(rscale, a.dscale);
  rscale = std::max(rscale, b.dscale);
  rscale = std::max(rscale, kNumericMinDisplayScale);
  rscale = std::min(rscale, kNumericMaxDisplayScale);
  return rscale;
}

// mod_var
NumericVar ModVar(const NumericVar& a, const NumericVar& b) {
  NumericVar tmp = DivVar(a, b, 0, false);
  tmp = MulVar(b, tmp, b.dscale);
  return SubVar(a, tmp);
}

// ceil_var
NumericVar CeilVar(const NumericVar& v) {
  NumericVar tmp = v;
  TruncVar(tmp, 0);
  if (v.sign == NumericSign::kPos && CmpVar(v, tmp) != 0) tmp = AddVar(tmp, ConstOne());
  return tmp;
}

// floor_var
NumericVar FloorVar(const NumericVar& v) {
  NumericVar tmp = v;
  TruncVar(tmp, 0);
  if (v.sign == NumericSign::kNeg && CmpVar(v, tmp) != 0) tmp = SubVar(tmp, ConstOne());
  return tmp;
}

// numericvar_to_int64
bool VarToInt64(const NumericVar& v, int64_t* out) {
  NumericVar x = v;
  RoundVar(x, 0);
  if (x.ndigits() == 0) {
    *out = 0;
    return true;
  }
  if (x.weight > 4) return false;
  __int128 val = 0;
  for (int i = 0; i <= x.weight; ++i) val = val * kNBase + (i < x.ndigits() ? x.digits[i] : 0);
  if (x.sign == NumericSign::kNeg) val = -val;
  if (val < INT64_MIN || val > INT64_MAX) return false;
  *out = static_cast<int64_t>(val);
  return true;
}

// get_str_from_var
std::string VarToString(const NumericVar& v, int dscale) {
  std::string out;
  out.reserve(static_cast<size_t>(std::max(v.weight + 1, 1) * kDecDigits + std::max(dscale, 0) + 2));
  if (v.sign == NumericSign::kNeg) out.push_back('-');
  int d;
  if (v.weight < 0) {
    d = v.weight + 1;
    out.push_back('0');
  } else {
    for (d = 0; d <= v.weight; ++d) {
      int dig = d < v.ndigits() ? v.digits[d] : 0;
      bool putit = d > 0;
      int d1 = dig / 1000;
      dig -= d1 * 1000;
      putit |= d1 > 0;
      if (putit) out.push_back(static_cast<char>('0' + d1));
      d1 = dig / 100;
      dig -= d1 * 100;
      putit |= d1 > 0;
      if (putit) out.push_back(static_cast<char>('0' + d1));
      d1 = dig / 10;
      dig -= d1 * 10;
      putit |= d1 > 0;
      if (putit) out.push_back(static_cast<char>('0' + d1));
      out.push_back(static_cast<char>('0' + dig));
    }
  }
  if (dscale > 0) {
    out.push_back('.');
    size_t end = out.size() + static_cast<size_t>(dscale);
    for (int i = 0; i < dscale; ++d, i += kDecDigits) {
      int dig = (d >= 0 && d < v.ndigits()) ? v.digits[d] : 0;
      out.push_back(static_cast<char>('0' + dig / 1000));
      out.push_back(static_cast<char>('0' + dig / 100 % 10));
      out.push_back(static_cast<char>('0' + dig / 10 % 10));
      out.push_back(static_cast<char>('0' + dig % 10));
    }
    out.resize(end);
  }
  return out;
}

double VarToDoubleNoOverflow(const NumericVar& v) {
  std::string s = VarToString(v, v.dscale);
  return std::strtod(s.c_str(), nullptr);
}

}  // namespace basalt::engine::sql
