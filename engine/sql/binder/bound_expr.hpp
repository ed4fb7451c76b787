// engine/sql/binder/bound_expr.hpp
//
// A bound expression: names resolved to input column indexes, every node typed,
// every operator resolved to the function that computes it. Plans hold bound
// expressions; executors evaluate them (exec/expr_eval.hpp).
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "engine/sql/types/type.hpp"
#include "engine/sql/types/value.hpp"

namespace basalt::engine::sql {

struct EvalContext;

using BinaryFn = Value (*)(const Value&, const Value&);
using UnaryFn = Value (*)(const Value&);
using ScalarFn = Value (*)(std::span<const Value> args, const std::vector<Type>& arg_types, Type result,
                           EvalContext& ctx);

enum class BoundKind {
  kConst,
  kColumn,        // input row column `index`
  kParam,         // parameter $index+1
  kBinary,        // binary_fn(args[0], args[1]); null in -> null out
  kUnary,         // unary_fn(args[0]); null in -> null out
  kFunction,      // scalar_fn(args); strict: any null arg -> null
  kCast,          // args[0] from cast_from to type
  kAnd,
  kOr,
  kNot,
  kIsNull,        // negated = IS NOT NULL
  kBoolTest,      // IS [NOT] TRUE/FALSE/UNKNOWN
  kCase,          // args: when0, then0, ..., [else]; has_else
  kCoalesce,
  kNullIf,        // args[0] = args[1] via binary_fn (the equality)
  kGreatest,
  kLeast,
  kInList,        // args[0] IN (args[1..]) with binary_fn equality; negated = NOT IN
  kLike,          // args[0] LIKE args[1] [ESCAPE args[2]]; case_insensitive; negated
  kDistinctFrom,  // args[0] IS DISTINCT FROM args[1] (binary_fn equality); negated
  kAggRef,        // aggregate number `index` of the query; replaced before execution
  kOuterColumn,   // column `index` of the row `depth` query levels out (correlated subquery)
  kSubquery,      // sublink over `subplan`; args[0] is the test expression for ANY/ALL
  kSrfRef,        // set-returning call number `index` of a SELECT list; replaced before execution
  kWindowRef,     // window function call number `index` of a query; replaced before execution
  kArrayCompare,  // args[0] binary_fn ANY/ALL (args[1], an array): subquery_kind kAny/kAll (exec/array_eval.cpp)
};

enum class SubqueryKind { kExists, kScalar, kAny, kAll, kArray };  // kArray: ARRAY(subquery)

enum class BoolTest { kTrue, kFalse, kUnknown };

struct BoundExpr;
using BoundExprPtr = std::unique_ptr<BoundExpr>;
struct PlanNode;

struct BoundExpr {
  BoundKind kind;
  Type type;
  Value value;          // kConst
  int index = -1;       // kColumn, kParam
  BinaryFn binary_fn = nullptr;
  UnaryFn unary_fn = nullptr;
  ScalarFn scalar_fn = nullptr;
  bool strict = true;   // kFunction: null argument -> null result without calling
  Type cast_from;       // kCast
  uint8_t cast_context = 2;  // kCast: CastContext (0 implicit, 1 assignment, 2 explicit)
  bool negated = false;
  bool has_else = false;
  bool case_insensitive = false;
  BoolTest bool_test = BoolTest::kTrue;
  std::string name;     // function or operator name, for EXPLAIN and errors
  int location = -1;
  int depth = 0;                                // kOuterColumn
  SubqueryKind subquery_kind = SubqueryKind::kExists;
  std::shared_ptr<const PlanNode> subplan;      // kSubquery
  std::vector<BoundExprPtr> args;

  BoundExpr(BoundKind k, Type t) : kind(k), type(t) {}

  static BoundExprPtr Const(Value v, Type t) {
    auto e = std::make_unique<BoundExpr>(BoundKind::kConst, t);
    e->value = std::move(v);
    return e;
  }
  static BoundExprPtr Column(int index, Type t) {
    auto e = std::make_unique<BoundExpr>(BoundKind::kColumn, t);
    e->index = index;
    return e;
  }
  std::vector<Type> ArgTypes() const {
    std::vector<Type> out;
    out.reserve(args.size());
    for (const auto& a : args) out.push_back(a->type);
    return out;
  }
};

// Structural equality, used to match GROUP BY expressions in the select list.
bool SameExpr(const BoundExpr& a, const BoundExpr& b);

// A deep copy.
BoundExprPtr CloneExpr(const BoundExpr& e);

}  // namespace basalt::engine::sql
