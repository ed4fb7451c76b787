#include "engine/sql/parser/transformer.hpp"

namespace basalt::engine::sql {

ast::InsertStmt Transformer::TransformInsert(const pg_query::InsertStmt& node) {
  ast::InsertStmt out;
  if (node.has_with_clause()) {
    if (node.with_clause().recursive()) Unsupported("WITH RECURSIVE on INSERT", node.with_clause().location());
    out.with = TransformWith(node.with_clause());
  }
  out.table = TransformRangeVar(node.relation());
  if (node.relation().has_alias()) out.alias = node.relation().alias().aliasname();
  if (node.override() == pg_query::OVERRIDING_USER_VALUE ||
      node.override() == pg_query::OVERRIDING_SYSTEM_VALUE) {
    Unsupported("OVERRIDING ... VALUE", node.relation().location());
  }

  for (const auto& col : node.cols()) {
    const auto& target = col.res_target();
    if (target.indirection_size() > 0) {
      Unsupported("assignment to an array element or field", target.location());
    }
    out.columns.push_back(target.name());
    out.column_locations.push_back(target.location());
  }

  // VALUES rows arrive as a SelectStmt whose values lists hold the rows;
  // DEFAULT VALUES has no select at all.
  if (node.has_select_stmt()) {
    out.source = std::make_unique<ast::SelectStmt>(TransformSelect(node.select_stmt().select_stmt()));
  }

  if (node.has_on_conflict_clause()) {
    const auto& oc = node.on_conflict_clause();
    out.has_on_conflict = true;
    out.on_conflict_do_update = oc.action() == pg_query::ONCONFLICT_UPDATE;
    if (oc.has_infer()) {
      const auto& infer = oc.infer();
      if (infer.has_where_clause()) Unsupported("ON CONFLICT ... WHERE (partial index inference)", infer.location());
      out.conflict_constraint = infer.conname();
      for (const auto& elem_node : infer.index_elems()) {
        const auto& elem = elem_node.index_elem();
        if (elem.name().empty()) Unsupported("an expression in the ON CONFLICT target", infer.location());
        out.conflict_columns.push_back(elem.name());
      }
    }
    out.conflict_set = TransformSetList(oc.target_list());
    out.conflict_where = TransformOptionalExpr(oc.where_clause());
  }

  out.returning = TransformTargetList(node.returning_list());
  return out;
}

}  // namespace basalt::engine::sql
