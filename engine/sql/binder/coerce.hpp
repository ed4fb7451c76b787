// engine/sql/binder/coerce.hpp
//
// Type coercion as PostgreSQL's parser does it: untyped literals take the type
// their context wants (and are converted at bind time, so '12x'::int fails with
// the literal's position), other expressions get a cast node when pg_cast
// allows the cast in the given context.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "engine/error/db_error.hpp"
#include "engine/sql/binder/bound_expr.hpp"
#include "engine/sql/types/casts.hpp"

namespace basalt::engine::sql {

// Binder errors carry positions as 1-based *byte* offsets; the session converts
// them to PostgreSQL's character positions once, against the full query text.
inline DbError& AtLocation(DbError& err, int location) {
  if (location >= 0 && !err.position()) err.WithPosition(location + 1);
  return err;
}
inline DbError AtLocation(DbError&& err, int location) {
  if (location >= 0 && !err.position()) err.WithPosition(location + 1);
  return std::move(err);
}

// Coerces `e` to `target` if the cast is allowed in `ctx`; returns null if not.
// An untyped literal is converted immediately; conversion errors propagate.
BoundExprPtr TryCoerce(BoundExprPtr e, Type target, CastContext ctx);

// The type that values of `types` resolve to together (CASE, COALESCE, IN,
// VALUES columns), following PostgreSQL's select_common_type; throws 42804
// "<context> types X and Y cannot be matched" when there is none.
Type CommonType(const std::vector<Type>& types, std::string_view context, int location);

// Coerces to boolean for WHERE, HAVING, AND/OR/NOT; throws 42804
// "argument of <what> must be type boolean, not type X".
BoundExprPtr CoerceToBool(BoundExprPtr e, std::string_view what);

}  // namespace basalt::engine::sql
