#include "engine/sql/parser/transformer.hpp"

namespace basalt::engine::sql {

ast::DeleteStmt Transformer::TransformDelete(const pg_query::DeleteStmt& node) {
  ast::DeleteStmt out;
  if (node.has_with_clause()) {
    if (node.with_clause().recursive()) Unsupported("WITH RECURSIVE on DELETE", node.with_clause().location());
    out.with = TransformWith(node.with_clause());
  }
  out.table = TransformRangeVar(node.relation());
  if (node.relation().has_alias()) out.alias = node.relation().alias().aliasname();
  out.using_tables = TransformFromList(node.using_clause());
  out.where = TransformOptionalExpr(node.where_clause());
  out.returning = TransformTargetList(node.returning_list());
  return out;
}

}  // namespace basalt::engine::sql
