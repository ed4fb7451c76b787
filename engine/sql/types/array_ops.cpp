// Array concatenation and containment (PostgreSQL 15 array_userfuncs.c:
// array_append, array_prepend, array_cat; arrayfuncs.c: array_contain_compare).
#include "engine/sql/types/array_ops.hpp"

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/compare.hpp"

namespace basalt::engine::sql {

void RequireOneDim(const ArrayData& data, const char* what) {
  if (data.ndim() > 1) {
    throw DbError(SqlState::kFeatureNotSupported, fmt::format("{} on multidimensional arrays is not supported", what));
  }
}

Value ArrayCat(const Value& a, const Value& b) {
  if (a.is_null()) return b;
  if (b.is_null()) return a;
  ArrayData x = DecodeArray(a), y = DecodeArray(b);
  if (y.items.empty()) return a;
  if (x.items.empty()) return b;
  RequireOneDim(x, "array concatenation");
  RequireOneDim(y, "array concatenation");
  x.items.insert(x.items.end(), y.items.begin(), y.items.end());
  x.dims[0] = static_cast<int32_t>(x.items.size());
  return MakeArray(x);
}

Value ArrayAppend(const Value& a, const Value& elem) {
  if (a.is_null()) return MakeArray({elem});
  ArrayData x = DecodeArray(a);
  if (x.items.empty()) return MakeArray({elem});
  RequireOneDim(x, "array_append");
  if (static_cast<int64_t>(x.lbounds[0]) + x.dims[0] > INT32_MAX) {
    throw DbError(SqlState::kNumericValueOutOfRange, "integer out of range");
  }
  x.items.push_back(elem);
  x.dims[0] += 1;
  return MakeArray(x);
}

Value ArrayPrepend(const Value& elem, const Value& a) {
  if (a.is_null()) return MakeArray({elem});
  ArrayData x = DecodeArray(a);
  if (x.items.empty()) return MakeArray({elem});
  RequireOneDim(x, "array_prepend");
  x.items.insert(x.items.begin(), elem);
  x.dims[0] += 1;  // PostgreSQL keeps the lower bound of the input
  return MakeArray(x);
}

bool ArrayContains(const Value& a, const Value& b, TypeId element) {
  ArrayData x = DecodeArray(a);
  ArrayReader rb(b.as_string());
  Value item;
  while (rb.Next(item)) {
    if (item.is_null()) return false;
    bool found = false;
    for (const Value& candidate : x.items) {
      if (!candidate.is_null() && Compare(candidate, item, element) == 0) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

bool ArrayOverlaps(const Value& a, const Value& b, TypeId element) {
  ArrayData x = DecodeArray(a);
  ArrayReader rb(b.as_string());
  Value item;
  while (rb.Next(item)) {
    if (item.is_null()) continue;
    for (const Value& candidate : x.items) {
      if (!candidate.is_null() && Compare(candidate, item, element) == 0) return true;
    }
  }
  return false;
}

}  // namespace basalt::engine::sql
