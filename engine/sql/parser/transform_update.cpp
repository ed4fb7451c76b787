#include "engine/sql/parser/transformer.hpp"

namespace basalt::engine::sql {

ast::UpdateStmt Transformer::TransformUpdate(const pg_query::UpdateStmt& node) {
  ast::UpdateStmt out;
  if (node.has_with_clause()) {
    if (node.with_clause().recursive()) Unsupported("WITH RECURSIVE on UPDATE", node.with_clause().location());
    out.with = TransformWith(node.with_clause());
  }
  out.table = TransformRangeVar(node.relation());
  if (node.relation().has_alias()) out.alias = node.relation().alias().aliasname();
  out.set = TransformSetList(node.target_list());
  out.from = TransformFromList(node.from_clause());
  out.where = TransformOptionalExpr(node.where_clause());
  out.returning = TransformTargetList(node.returning_list());
  return out;
}

}  // namespace basalt::engine::sql
