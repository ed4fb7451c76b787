// engine/sql/types/numeric_value.hpp
//
// How a numeric travels inside Value: Value::String(Numeric::Serialize()).
// The bytes are exact and keep the display scale, and rows store them as they
// store any string. They are not order-preserving: compare through
// Compare/Hash (compare.hpp) and build keys with Numeric::AppendKey.
#pragma once

#include "engine/sql/types/numeric.hpp"
#include "engine/sql/types/value.hpp"

namespace basalt::engine::sql {

// The Value form of `n`.
inline Value NumericToValue(const Numeric& n) { return Value::String(n.Serialize()); }

// The Numeric held by a non-null numeric Value; XX001 if the bytes are not a
// serialized Numeric.
inline Numeric NumericFromValue(const Value& v) { return Numeric::Deserialize(v.as_string()); }

}  // namespace basalt::engine::sql
