// engine/sql/types/array_value.hpp
//
// The Value of an array (any TypeId with IsArrayType, plus int2vector and
// oidvector) is Value::String holding this compact, self-describing encoding:
//
//   u8 ndim (0 = empty array, 1..6)
//   ndim x { i32 LE length, i32 LE lower bound }
//   items in row-major order, each: u8 tag, then the payload:
//     0 null | 1 false | 2 true | 3 int: i64 LE | 4 float: f64 LE bits |
//     5 string: u32 LE length + bytes
//
// Items carry their Value::Kind, so decoding needs no type; SQL semantics
// (comparison, text form) need the element type: ArrayElementType(array_id).
// Elements are stored exactly as scalar Values of the element type (numeric
// as Numeric::Serialize bytes, date as days, ...). The encoding is canonical
// for equal element Values, so bytewise equality of two array Values implies
// SQL equality (not the converse: numeric 1.0 vs 1.00).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/sql/types/type.hpp"
#include "engine/sql/types/value.hpp"

namespace basalt::engine::sql {

inline constexpr int kMaxArrayDims = 6;  // PostgreSQL's MAXDIM

// A decoded array. `dims`/`lbounds` are empty for an empty array; items.size()
// is the product of dims.
struct ArrayData {
  std::vector<int32_t> dims;
  std::vector<int32_t> lbounds;
  std::vector<Value> items;

  int ndim() const { return static_cast<int>(dims.size()); }
};

// A one-dimensional array Value of `items` (empty vector: the empty array
// '{}'). `lower_bound` is 1 for SQL arrays, 0 for int2vector/oidvector.
Value MakeArray(const std::vector<Value>& items, int32_t lower_bound = 1);
// Any shape; dims/lbounds sizes must match and items.size() == product(dims).
Value MakeArray(const ArrayData& data);

// Decodes an array Value (throws XX000 on corrupt bytes).
ArrayData DecodeArray(const Value& v);
ArrayData DecodeArray(std::string_view bytes);

// Cheap, allocation-free iteration over the items of an encoded array:
//   ArrayReader r(v.as_string());
//   Value item;
//   while (r.Next(item)) { ... }
class ArrayReader {
 public:
  explicit ArrayReader(std::string_view bytes);
  int ndim() const { return ndim_; }
  int32_t length(int dim) const { return dims_[dim]; }
  int32_t lower_bound(int dim) const { return lbounds_[dim]; }
  // Total number of items (product of the dims; 0 for an empty array).
  int64_t size() const { return size_; }
  // Reads the next item into `out` (reusing its string buffer); false at the end.
  bool Next(Value& out);

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
  int ndim_ = 0;
  int32_t dims_[kMaxArrayDims] = {};
  int32_t lbounds_[kMaxArrayDims] = {};
  int64_t size_ = 0;
};

// Appends one encoded item (for building arrays item by item without a
// vector: write the header with AppendArrayHeader first).
void AppendArrayHeader(std::string& out, const std::vector<int32_t>& dims, const std::vector<int32_t>& lbounds);
void AppendArrayItem(std::string& out, const Value& item);

}  // namespace basalt::engine::sql
