// engine/sql/types/typmod.hpp
//
// Type modifiers encoded exactly as PostgreSQL 15 stores them in atttypmod:
//   varchar(n), char(n):  n + VARHDRSZ (4)
//   numeric(p,s):         ((p << 16) | (s & 0x7ff)) + VARHDRSZ, s in [-1000, 1000]
//   time(p), timetz(p), timestamp(p), timestamptz(p): p in [0, 6]
//   interval(p):          (0x7FFF << 16) | p
// -1 means "no modifier". LookupType turns the parser's type name and
// modifier list into a Type, raising PostgreSQL's errors for bad modifiers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/sql/types/type.hpp"

namespace basalt::engine::sql {

inline constexpr int32_t kVarHdrSz = 4;
inline constexpr int32_t kMaxVarcharLength = 10485760;  // PostgreSQL's MaxAttrSize
inline constexpr int32_t kNumericMaxPrecision = 1000;
inline constexpr int32_t kNumericMinScale = -1000;
inline constexpr int32_t kNumericMaxScale = 1000;
inline constexpr size_t kNameDataLen = 64;  // name holds at most 63 bytes
// time(p), timestamp(p): typmod = p. interval(p): (range << 16) | p with
// PostgreSQL's INTERVAL_FULL_RANGE and INTERVAL_FULL_PRECISION.
inline constexpr int32_t kMaxDateTimePrecision = 6;
inline constexpr int32_t kIntervalFullRange = 0x7FFF;
inline constexpr int32_t kIntervalFullPrecision = 0xFFFF;

// typmod for varchar(n)/char(n).
inline int32_t CharTypmod(int32_t length) { return length + kVarHdrSz; }
// typmod for numeric(p,s).
inline int32_t NumericTypmod(int32_t precision, int32_t scale) {
  return ((precision << 16) | (scale & 0x7ff)) + kVarHdrSz;
}
inline int32_t NumericTypmodPrecision(int32_t typmod) { return ((typmod - kVarHdrSz) >> 16) & 0xffff; }
// Sign-extends the 11-bit scale field (PostgreSQL 15 allows negative scales).
inline int32_t NumericTypmodScale(int32_t typmod) {
  return (((typmod - kVarHdrSz) & 0x7ff) ^ 1024) - 1024;
}
// The declared length of varchar(n)/char(n), or nullopt without a modifier.
inline std::optional<int32_t> CharTypmodLength(int32_t typmod) {
  if (typmod < kVarHdrSz) return std::nullopt;
  return typmod - kVarHdrSz;
}

// Resolves a type name as the parser hands it over: {"int4"}, {"pg_catalog", "varchar"}
// (the grammar's spelling of CHARACTER VARYING), {"numeric"} etc., plus its modifiers.
// Returns nullopt when no such type exists (the caller raises 42704
// `type "x" does not exist`). Throws 22023/42601 for modifiers PostgreSQL rejects.
// `bpchar` without a modifier is unconstrained, as in PostgreSQL; the grammar already
// turns a bare CHAR into bpchar with modifier 1.
std::optional<Type> LookupType(const std::vector<std::string>& names, const std::vector<int64_t>& modifiers);
// Same, for a name with `array_bounds` [] suffixes (int4[], varchar(10)[][]):
// the element's array type with the element's typmod; nullopt if the element
// type has no array type.
std::optional<Type> LookupType(const std::vector<std::string>& names, const std::vector<int64_t>& modifiers,
                               int array_bounds);

}  // namespace basalt::engine::sql
