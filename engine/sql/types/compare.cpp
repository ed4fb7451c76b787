// Comparison and hashing. The float rules follow float8_cmp_internal and
// hashfloat8 in PostgreSQL 15's float.c; bpchar follows bpcharcmp/hashbpchar;
// numeric is Numeric::Compare/Hash on the deserialized value (its bytes keep
// the display scale, so 1.0 and 1.00 differ bytewise but compare equal).
#include "engine/sql/types/compare.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <cstring>
#include <functional>
#include <string_view>

#include "engine/sql/types/array_value.hpp"
#include "engine/sql/types/datetime_ops.hpp"
#include "engine/sql/types/json_value.hpp"
#include "engine/sql/types/numeric_value.hpp"
#include "engine/sql/types/string_coerce.hpp"

namespace basalt::engine::sql {
namespace {

int CompareFloat(double a, double b) {
  bool an = std::isnan(a), bn = std::isnan(b);
  if (an || bn) return an == bn ? 0 : (an ? 1 : -1);
  return a < b ? -1 : (a > b ? 1 : 0);
}

int CompareBytes(std::string_view a, std::string_view b) {
  int c = std::memcmp(a.data(), b.data(), std::min(a.size(), b.size()));
  if (c != 0) return c < 0 ? -1 : 1;
  return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

uint64_t Mix(uint64_t x) {
  // splitmix64 finaliser: cheap, and spreads small integers over all bits.
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// array_cmp: items in order (a null sorts above any value, nulls equal each
// other), then item count, dimensionality, lengths and lower bounds.
// oidvector_cmp compares the counts first.
int CompareArrays(const Value& a, const Value& b, TypeId t) {
  if (a.as_string() == b.as_string()) return 0;
  TypeId element = ArrayElementType(t);
  ArrayReader ra(a.as_string()), rb(b.as_string());
  if (t == TypeId::kOidVector && ra.size() != rb.size()) return ra.size() < rb.size() ? -1 : 1;
  Value x, y;
  while (true) {
    bool hx = ra.Next(x), hy = rb.Next(y);
    if (!hx || !hy) break;
    if (x.is_null() && y.is_null()) continue;
    if (x.is_null()) return 1;
    if (y.is_null()) return -1;
    int c = Compare(x, y, element);
    if (c) return c;
  }
  if (ra.size() != rb.size()) return ra.size() < rb.size() ? -1 : 1;
  if (ra.ndim() != rb.ndim()) return ra.ndim() < rb.ndim() ? -1 : 1;
  for (int d = 0; d < ra.ndim(); ++d) {
    if (ra.length(d) != rb.length(d)) return ra.length(d) < rb.length(d) ? -1 : 1;
  }
  for (int d = 0; d < ra.ndim(); ++d) {
    if (ra.lower_bound(d) != rb.lower_bound(d)) return ra.lower_bound(d) < rb.lower_bound(d) ? -1 : 1;
  }
  return 0;
}

size_t HashJsonNode(const JsonNode& n) {
  uint64_t h = Mix(static_cast<uint64_t>(n.kind));
  switch (n.kind) {
    case JsonNode::Kind::kNumber: return Mix(h ^ Numeric::Parse(n.text).Hash());
    case JsonNode::Kind::kString: return Mix(h ^ std::hash<std::string_view>{}(n.text));
    case JsonNode::Kind::kArray:
      for (const auto& item : n.items) h = Mix(h ^ HashJsonNode(item));
      return h;
    case JsonNode::Kind::kObject:
      for (const auto& m : n.members) {
        h = Mix(h ^ std::hash<std::string_view>{}(m.first));
        h = Mix(h ^ HashJsonNode(m.second));
      }
      return h;
    default: return h;
  }
}

}  // namespace

int Compare(const Value& a, const Value& b, TypeId t) {
  if (IsArrayType(t) || t == TypeId::kInt2Vector || t == TypeId::kOidVector) return CompareArrays(a, b, t);
  if (t == TypeId::kJsonb) {
    if (a.as_string() == b.as_string()) return 0;
    int c = CompareJsonb(JsonbTree(a.as_string()), JsonbTree(b.as_string()));
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  if (t == TypeId::kNumeric) {
    int c = Numeric::Compare(NumericFromValue(a), NumericFromValue(b));
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  if (t == TypeId::kInterval) {
    return datetime::CompareInterval(datetime::IntervalFromValue(a), datetime::IntervalFromValue(b));
  }
  if (t == TypeId::kTimeTz) return datetime::CompareTimeTz(datetime::TimeTzFromValue(a), datetime::TimeTzFromValue(b));
  switch (PhysicalKindOf(t)) {
    case PhysicalKind::kBool: return static_cast<int>(a.as_bool()) - static_cast<int>(b.as_bool());
    case PhysicalKind::kInt: {
      int64_t x = a.as_int(), y = b.as_int();
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    case PhysicalKind::kFloat: return CompareFloat(a.as_float(), b.as_float());
    case PhysicalKind::kString:
      if (t == TypeId::kBpchar) return CompareBytes(TrimBpchar(a.as_string()), TrimBpchar(b.as_string()));
      return CompareBytes(a.as_string(), b.as_string());
  }
  return 0;
}

size_t Hash(const Value& v, TypeId t) {
  if (IsArrayType(t) || t == TypeId::kInt2Vector || t == TypeId::kOidVector) {
    TypeId element = ArrayElementType(t);
    ArrayReader r(v.as_string());
    uint64_t h = Mix(static_cast<uint64_t>(r.size()));
    Value item;
    while (r.Next(item)) h = Mix(h ^ (item.is_null() ? 0x5bd1e995u : Hash(item, element)));
    return h;
  }
  if (t == TypeId::kJsonb) return HashJsonNode(JsonbTree(v.as_string()));
  if (t == TypeId::kNumeric) return NumericFromValue(v).Hash();
  if (t == TypeId::kInterval) {
    // interval_hash: equal spans ('1 mon' = '30 days') hash alike.
    __int128 span = datetime::IntervalSpan(datetime::IntervalFromValue(v));
    return Mix(static_cast<uint64_t>(span) ^ Mix(static_cast<uint64_t>(span >> 64)));
  }
  if (t == TypeId::kTimeTz) {
    datetime::TimeTz tt = datetime::TimeTzFromValue(v);
    return Mix(static_cast<uint64_t>(tt.time) ^ Mix(static_cast<uint64_t>(static_cast<uint32_t>(tt.zone))));
  }
  switch (PhysicalKindOf(t)) {
    case PhysicalKind::kBool: return Mix(v.as_bool() ? 1 : 0);
    case PhysicalKind::kInt: return Mix(static_cast<uint64_t>(v.as_int()));
    case PhysicalKind::kFloat: {
      double d = v.as_float();
      if (d == 0.0) d = 0.0;                           // -0 hashes like 0
      if (std::isnan(d)) d = std::numeric_limits<double>::quiet_NaN();  // one NaN
      uint64_t bits;
      std::memcpy(&bits, &d, sizeof bits);
      return Mix(bits);
    }
    case PhysicalKind::kString: {
      std::string_view s = v.as_string();
      if (t == TypeId::kBpchar) s = TrimBpchar(s);
      return std::hash<std::string_view>{}(s);
    }
  }
  return 0;
}

}  // namespace basalt::engine::sql
