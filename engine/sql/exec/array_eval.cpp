#include "engine/sql/exec/array_eval.hpp"

#include "engine/sql/types/array_value.hpp"

namespace basalt::engine::sql {

Value EvalArrayCompare(const BoundExpr& e, const Value& test, const Value& array) {
  if (array.is_null()) return Value::Null();
  bool any = e.subquery_kind == SubqueryKind::kAny;
  ArrayReader r(array.as_string());
  if (r.size() == 0) return Value::Bool(!any);
  if (test.is_null()) return Value::Null();
  bool saw_null = false;
  Value item;
  while (r.Next(item)) {
    if (item.is_null()) {
      saw_null = true;
      continue;
    }
    Value res = e.binary_fn(test, item);
    if (res.is_null()) {
      saw_null = true;
      continue;
    }
    if (any && res.as_bool()) return Value::Bool(true);
    if (!any && !res.as_bool()) return Value::Bool(false);
  }
  if (saw_null) return Value::Null();
  return Value::Bool(!any);
}

Value CollectArray(Executor& exec) {
  std::vector<Value> items;
  RowBatch batch;
  while (exec.Next(batch)) {
    for (const Row& row : batch.rows) items.push_back(row[0]);
  }
  return MakeArray(items);
}

}  // namespace basalt::engine::sql
