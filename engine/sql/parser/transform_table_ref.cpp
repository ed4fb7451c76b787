// FROM-clause items (RangeVar, JoinExpr, RangeSubselect, RangeFunction),
// aliases and WITH lists.
#include "engine/sql/parser/transformer.hpp"

namespace basalt::engine::sql {

ast::RangeVar Transformer::TransformRangeVar(const pg_query::RangeVar& node) {
  ast::RangeVar out;
  out.catalog = node.catalogname();
  out.schema = node.schemaname();
  out.name = node.relname();
  out.location = node.location();
  return out;
}

std::optional<ast::Alias> Transformer::TransformAlias(const pg_query::Alias& node) {
  ast::Alias out;
  out.name = node.aliasname();
  out.columns = StringList(node.colnames());
  return out;
}

std::vector<ast::TableRefPtr> Transformer::TransformFromList(
    const google::protobuf::RepeatedPtrField<pg_query::Node>& nodes) {
  std::vector<ast::TableRefPtr> out;
  out.reserve(nodes.size());
  for (const auto& n : nodes) out.push_back(TransformTableRef(n));
  return out;
}

ast::TableRefPtr Transformer::TransformTableRef(const pg_query::Node& node) {
  switch (node.node_case()) {
    case pg_query::Node::kRangeVar: {
      const auto& rv = node.range_var();
      auto ref = std::make_unique<ast::TableRef>(ast::TableRef::Kind::kTable);
      ref->location = rv.location();
      ref->table = TransformRangeVar(rv);
      if (rv.has_alias()) ref->alias = TransformAlias(rv.alias());
      return ref;
    }
    case pg_query::Node::kJoinExpr: return TransformJoin(node.join_expr());
    case pg_query::Node::kRangeSubselect: return TransformRangeSubselect(node.range_subselect());
    case pg_query::Node::kRangeFunction: return TransformRangeFunction(node.range_function());
    default: Unsupported(NodeName(node), NodeLocation(node));
  }
}

ast::TableRefPtr Transformer::TransformJoin(const pg_query::JoinExpr& node) {
  auto ref = std::make_unique<ast::TableRef>(ast::TableRef::Kind::kJoin);
  ref->left = TransformTableRef(node.larg());
  ref->right = TransformTableRef(node.rarg());
  ref->location = ref->left->location;
  if (node.has_join_using_alias()) Unsupported("JOIN USING alias", ref->location);
  ref->natural = node.is_natural();
  ref->using_columns = StringList(node.using_clause());
  ref->on = TransformOptionalExpr(node.quals());
  switch (node.jointype()) {
    case pg_query::JOIN_INNER:
      // CROSS JOIN and `a, b` share JOIN_INNER; only CROSS JOIN has no condition at all.
      ref->join_kind = (!ref->on && ref->using_columns.empty() && !ref->natural)
                           ? ast::JoinKind::kCross
                           : ast::JoinKind::kInner;
      break;
    case pg_query::JOIN_LEFT: ref->join_kind = ast::JoinKind::kLeft; break;
    case pg_query::JOIN_RIGHT: ref->join_kind = ast::JoinKind::kRight; break;
    case pg_query::JOIN_FULL: ref->join_kind = ast::JoinKind::kFull; break;
    default: Unsupported("JoinExpr", ref->location);
  }
  if (node.has_alias()) ref->alias = TransformAlias(node.alias());
  return ref;
}

ast::TableRefPtr Transformer::TransformRangeSubselect(const pg_query::RangeSubselect& node) {
  if (!node.subquery().has_select_stmt()) {
    Unsupported(NodeName(node.subquery()), NodeLocation(node.subquery()));
  }
  auto query = std::make_unique<ast::SelectStmt>(TransformSelect(node.subquery().select_stmt()));
  auto kind = query->values.empty() ? ast::TableRef::Kind::kSubquery : ast::TableRef::Kind::kValues;
  auto ref = std::make_unique<ast::TableRef>(kind);
  ref->location = query->location;
  ref->subquery = std::move(query);
  ref->lateral = node.lateral();
  if (node.has_alias()) ref->alias = TransformAlias(node.alias());
  return ref;
}

ast::TableRefPtr Transformer::TransformRangeFunction(const pg_query::RangeFunction& node) {
  // Each element of `functions` is a two-item list: the call and its column
  // definition list (empty unless `AS (a int, ...)`).
  const pg_query::Node* call = nullptr;
  if (node.functions_size() == 1 && node.functions(0).has_list() &&
      node.functions(0).list().items_size() >= 1) {
    call = &node.functions(0).list().items(0);
  }
  int location = call != nullptr ? NodeLocation(*call) : -1;
  if (call == nullptr || node.is_rowsfrom()) Unsupported("ROWS FROM", location);
  if (node.coldeflist_size() > 0 ||
      (node.functions(0).list().items_size() > 1 &&
       node.functions(0).list().items(1).list().items_size() > 0)) {
    Unsupported("a column definition list", location);
  }
  auto ref = std::make_unique<ast::TableRef>(ast::TableRef::Kind::kFunction);
  ref->location = location;
  ref->function = TransformExpr(*call);
  ref->lateral = node.lateral();
  ref->ordinality = node.ordinality();
  if (node.has_alias()) ref->alias = TransformAlias(node.alias());
  return ref;
}

std::vector<ast::CommonTableExpr> Transformer::TransformWith(const pg_query::WithClause& node) {
  std::vector<ast::CommonTableExpr> out;
  for (const auto& n : node.ctes()) {
    const auto& cte = n.common_table_expr();
    if (cte.has_search_clause()) Unsupported("SEARCH clause", cte.search_clause().location());
    if (cte.has_cycle_clause()) Unsupported("CYCLE clause", cte.cycle_clause().location());
    if (!cte.ctequery().has_select_stmt()) {
      Unsupported("data-modifying statement in WITH", cte.location());
    }
    // [NOT] MATERIALIZED is a planner hint; results are the same either way.
    ast::CommonTableExpr out_cte;
    out_cte.name = cte.ctename();
    out_cte.columns = StringList(cte.aliascolnames());
    out_cte.query = std::make_unique<ast::SelectStmt>(TransformSelect(cte.ctequery().select_stmt()));
    out_cte.location = cte.location();
    out.push_back(std::move(out_cte));
  }
  return out;
}

}  // namespace basalt::engine::sql
