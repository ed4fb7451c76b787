// engine/sql/types/operators.hpp
//
// The built-in operators on Basalt's types and PostgreSQL 15's operator
// resolution (parser/parse_oper.c, parse_func.c func_select_candidate):
//  1. exact match, where an unknown literal on one side takes the other
//     side's type ('1' = int4 -> int4 = int4);
//  2. else the candidates whose inputs the arguments reach by implicit casts,
//     narrowed by most exact matches, then most preferred types (float8 in the
//     numeric category, text among strings), then by the category the unknown
//     arguments most plausibly are (string wins), then by assuming unknowns
//     take the one known type. More than one survivor is "not unique".
// The candidate list is pg_operator's rows for these types, plus stand-ins
// for PostgreSQL's operators on types Basalt lacks (date, interval, ranges,
// ...) so that the unknown-literal cases stay ambiguous exactly where
// PostgreSQL's are ('1' + '2' is not unique, '1' = '2' is text = text).
//
// Operator functions are strict: a null argument gives null. The binder casts
// each argument to the chosen input type first (Cast with arg_cast_context),
// so a function only ever sees values of its declared input types.
#pragma once

#include <optional>
#include <string_view>

#include "engine/sql/types/casts.hpp"
#include "engine/sql/types/type.hpp"
#include "engine/sql/types/value.hpp"

namespace basalt::engine::sql {

using BinaryOperatorFn = Value (*)(const Value&, const Value&);
using UnaryOperatorFn = Value (*)(const Value&);

struct OperatorInfo {
  TypeId result = TypeId::kVoid;
  TypeId left = TypeId::kVoid;   // kVoid for a prefix operator
  TypeId right = TypeId::kVoid;  // the operand of a prefix operator
  BinaryOperatorFn fn = nullptr;        // set for binary operators
  UnaryOperatorFn unary_fn = nullptr;   // set for prefix operators
  // Context in which to cast the arguments to left/right. kImplicit except for
  // text || anynonarray and anynonarray || text, which PostgreSQL defines as
  // $1 || $2::text: the non-text side is cast explicitly ('a' || true = 'atrue').
  CastContext arg_cast_context = CastContext::kImplicit;
  std::string_view proc_name;  // pg_operator.oprcode, e.g. "int48pl"
};

enum class OperatorLookup : uint8_t { kFound, kNotFound, kAmbiguous };

struct OperatorResolution {
  OperatorLookup status = OperatorLookup::kNotFound;
  std::optional<OperatorInfo> info;
};

// Binary operator `left op right`; nullopt when none exists or it is ambiguous.
std::optional<OperatorInfo> ResolveOperator(std::string_view op, TypeId left, TypeId right);
// Prefix operator `op arg` (- + @ |/ ~).
std::optional<OperatorInfo> ResolveUnaryOperator(std::string_view op, TypeId arg);

// Same, telling "does not exist" from "is not unique". For a prefix operator
// pass left = TypeId::kVoid.
OperatorResolution ResolveOperatorDetailed(std::string_view op, TypeId left, TypeId right);

// Same, raising PostgreSQL's errors (the binder adds the position):
// 42883 `operator does not exist: integer = boolean` (hint: No operator matches
// the given name and argument types. You might need to add explicit type casts.)
// 42725 `operator is not unique: unknown + unknown` (hint: Could not choose a
// best candidate operator. You might need to add explicit type casts.)
OperatorInfo ResolveOperatorOrThrow(std::string_view op, TypeId left, TypeId right);

}  // namespace basalt::engine::sql
