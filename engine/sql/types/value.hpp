// engine/sql/types/value.hpp
//
// Value is one SQL datum inside the executor. It does not carry its SQL type:
// the plan knows each column's Type, and Value only records which physical
// representation it holds (bool, 64-bit integer, double, or string bytes), or
// null. Integers of every width live in `i`, float4/float8 in `f`, every
// string-like type in `s`.
//
// numeric is exact: its Value is a string holding Numeric::Serialize() bytes
// (numeric_value.hpp converts both ways). Those bytes keep the display scale,
// so Value::operator== is representation equality ('1.0' != '1.00'); SQL
// equality, ordering and hashing of numerics go through compare.hpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace basalt::engine::sql {

class Value {
 public:
  enum class Kind : uint8_t { kNull, kBool, kInt, kFloat, kString };

  Value() = default;
  static Value Null() { return Value(); }
  static Value Bool(bool b) { Value v; v.kind_ = Kind::kBool; v.i_ = b ? 1 : 0; return v; }
  static Value Int(int64_t i) { Value v; v.kind_ = Kind::kInt; v.i_ = i; return v; }
  static Value Float(double f) { Value v; v.kind_ = Kind::kFloat; v.f_ = f; return v; }
  // One overload per argument kind, each an exact match for its kind, so
  // literals (const char[N]), char pointers, std::string (lvalue or rvalue)
  // and std::string_view never need a user-defined conversion to choose.
  static Value String(std::string&& s) { Value v; v.kind_ = Kind::kString; v.s_ = std::move(s); return v; }
  static Value String(const std::string& s) { return String(std::string(s)); }
  static Value String(std::string_view s) { return String(std::string(s)); }
  static Value String(const char* s) { return String(std::string(s)); }

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::kNull; }
  bool as_bool() const { return i_ != 0; }
  int64_t as_int() const { return i_; }
  double as_float() const { return f_; }
  const std::string& as_string() const { return s_; }
  std::string& mutable_string() { return s_; }

  bool operator==(const Value& o) const {
    if (kind_ != o.kind_) return false;
    switch (kind_) {
      case Kind::kNull: return true;
      case Kind::kBool:
      case Kind::kInt: return i_ == o.i_;
      case Kind::kFloat: return f_ == o.f_ || (f_ != f_ && o.f_ != o.f_);
      case Kind::kString: return s_ == o.s_;
    }
    return false;
  }

 private:
  Kind kind_ = Kind::kNull;
  union {
    int64_t i_ = 0;
    double f_;
  };
  std::string s_;
};

}  // namespace basalt::engine::sql
