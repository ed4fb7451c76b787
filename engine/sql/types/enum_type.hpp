// engine/sql/types/enum_type.hpp
//
// User-defined enum types (CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')).
//
// A value of an enum type is Value::String of an 8-byte big-endian sort key
// followed by the label bytes. The sort key is the label's pg_enum.enumsortorder
// in 32.32 fixed point (labels of CREATE TYPE get 1, 2, 3, ...; ALTER TYPE ADD
// VALUE BEFORE/AFTER takes a midpoint, as PostgreSQL does), and it never
// changes once given to a label. So bytewise comparison of two values of one
// type orders them by declaration order (Compare, Hash and primary-key
// encodings need no catalog), and text/binary output is the label itself.
//
// Input needs the label list. The types layer cannot read the catalog, so the
// catalog publishes every enum type it creates, alters or reads into a process
// registry keyed by type OID (OIDs are never reused, so an entry never becomes
// wrong; a rolled-back ADD VALUE can leave an extra label in it until restart).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/sql/types/type.hpp"
#include "engine/sql/types/value.hpp"

namespace basalt::engine::sql {

// 1.0 in the 32.32 fixed-point sort key, and the key of sort order 0.0
// (keys are biased so that orders below zero, from ADD VALUE BEFORE the first
// label, still sort bytewise).
inline constexpr uint64_t kEnumSortOne = uint64_t{1} << 32;
inline constexpr uint64_t kEnumSortBias = uint64_t{1} << 63;

struct EnumLabelInfo {
  std::string label;
  uint64_t sort_key = 0;
  uint32_t oid = 0;  // pg_enum.oid
};

struct EnumTypeInfo {
  uint32_t oid = 0;        // pg_type.oid
  uint32_t array_oid = 0;  // pg_type.typarray (always oid + 1)
  std::string name;        // as format_type prints it (schema-qualified outside public)
  std::vector<EnumLabelInfo> labels;  // ordered by sort_key

  // The label, or null.
  const EnumLabelInfo* Find(std::string_view label) const;
};
using EnumTypeInfoPtr = std::shared_ptr<const EnumTypeInfo>;

// Publishes (or replaces) a type's labels for input functions.
void RegisterEnumType(EnumTypeInfoPtr info);
// The registered type, or null.
EnumTypeInfoPtr FindEnumType(uint32_t oid);

// The Value of a label with `sort_key`.
Value MakeEnumValue(uint64_t sort_key, std::string_view label);
// The label of an enum Value.
std::string_view EnumValueLabel(const Value& v);
// The sort key of an enum Value.
uint64_t EnumValueSortKey(const Value& v);
// enum_in: the label's value; 22P02 `invalid input value for enum mood: "x"`.
Value ParseEnum(std::string_view text, Type t);
// The type's name for messages and format_type ("mood"); "-" if unregistered.
std::string EnumTypeName(uint32_t oid);

}  // namespace basalt::engine::sql
