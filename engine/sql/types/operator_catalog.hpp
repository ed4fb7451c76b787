// engine/sql/types/operator_catalog.hpp
//
// The candidate operators operator resolution chooses from: pg_operator's rows
// among Basalt's types, text || anynonarray, and "foreign" stand-ins for rows
// on types Basalt does not have. A foreign argument type only matters for its
// category and preferred flag, and only an unknown literal can be coerced to
// it; resolving to a foreign candidate is reported as "does not exist".
#pragma once

#include <string_view>
#include <vector>

#include "engine/sql/types/operators.hpp"

namespace basalt::engine::sql {

struct CandidateArg {
  enum class Kind : uint8_t { kType, kAnyNonArray, kForeign };
  Kind kind = Kind::kType;
  TypeId id = TypeId::kVoid;  // kType only
  char category = 'X';
  bool preferred = false;
  // The element side of anycompatiblearray || anycompatible rows, which Basalt
  // lists per array type: it never counts as an exact match, as PostgreSQL's
  // polymorphic argument does not.
  bool polymorphic = false;
};

struct OperatorDef {
  std::string_view name;
  bool prefix = false;
  CandidateArg left;  // unused for prefix operators
  CandidateArg right;
  TypeId result = TypeId::kVoid;
  BinaryOperatorFn fn = nullptr;
  UnaryOperatorFn unary_fn = nullptr;
  std::string_view proc_name;
  bool foreign = false;
};

const std::vector<OperatorDef>& OperatorCatalog();

// pg_operator's rows on date, time, timetz, timestamp, timestamptz and
// interval (datetime_operators.cpp).
void AppendDateTimeOperators(std::vector<OperatorDef>& defs);
// Arrays, bytea, uuid, "char", int2vector, oidvector (container_operators.cpp).
void AppendContainerOperators(std::vector<OperatorDef>& defs);
// json and jsonb (json_operators.cpp).
void AppendJsonOperators(std::vector<OperatorDef>& defs);

}  // namespace basalt::engine::sql
