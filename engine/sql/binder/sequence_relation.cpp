// Reading a sequence as a relation: `SELECT last_value, log_cnt, is_called
// FROM s` (pg_dump does this). The single row is the sequence's running state
// when the statement is bound, as PostgreSQL reads the tuple at scan time.
#include "engine/sql/binder/binder.hpp"

namespace basalt::engine::sql {

PlanPtr BindSequenceRelation(catalog::Catalog& catalog, const catalog::TableDef& seq) {
  catalog::SequenceState st = catalog.sequences().Read(seq.oid, *seq.sequence);
  auto values = std::make_unique<ValuesPlan>();
  for (const auto& c : seq.columns) values->output_types.push_back(c.type);
  std::vector<BoundExprPtr> row;
  row.push_back(BoundExpr::Const(Value::Int(st.last_value), Type{TypeId::kInt8, -1}));
  row.push_back(BoundExpr::Const(Value::Int(st.log_cnt), Type{TypeId::kInt8, -1}));
  row.push_back(BoundExpr::Const(Value::Bool(st.is_called), Type{TypeId::kBool, -1}));
  values->rows.push_back(std::move(row));
  return values;
}

}  // namespace basalt::engine::sql
