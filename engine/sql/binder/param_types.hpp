// engine/sql/binder/param_types.hpp
//
// Parameters ($1, $2, ...) of a statement prepared through the extended query
// protocol or SQL PREPARE. Binding happens deep inside ExprBinder, TryCoerce
// and the select/DML binders, which are constructed in many places; rather than
// thread a pointer through all of them, the session opens a ParamScope on its
// thread for the duration of one bind, and the binder consults it.
//
// Inference follows PostgreSQL's variable-parameter hooks: a parameter whose
// type the client left 0 is "unknown" until the first context coerces it
// (column = $1, INSERT VALUES ($1), $1::int4); from then on it has that type.
// Without a scope, $n is an error (42P02), as for a simple Query.
//
// With `values` set (a Bind supplied them, already converted to `types`), $n
// binds to a constant of its type: the statement is re-bound per Bind, so the
// plan gets constant folding and primary-key range pushdown for free
// (PostgreSQL's custom plans).
#pragma once

#include <vector>

#include "engine/sql/types/type.hpp"
#include "engine/sql/types/value.hpp"

namespace basalt::engine::sql {

class ParamScope {
 public:
  // `types` grows to the highest $n bound; kUnknown entries are not yet inferred.
  explicit ParamScope(std::vector<Type>& types, const std::vector<Value>* values = nullptr);
  ~ParamScope();
  ParamScope(const ParamScope&) = delete;
  ParamScope& operator=(const ParamScope&) = delete;

  // The innermost scope open on this thread, or null.
  static ParamScope* Current();

  std::vector<Type>& types() { return types_; }
  const std::vector<Value>* values() const { return values_; }

 private:
  std::vector<Type>& types_;
  const std::vector<Value>* values_;
  ParamScope* previous_;
};

// PostgreSQL's limit on parameter numbers (it rejects $n beyond it too).
inline constexpr int kMaxParams = 65535;

}  // namespace basalt::engine::sql
