// Function-like expressions: FuncCall (aggregates and window calls included),
// WindowDef, SortBy, the SQL-syntax value functions (CURRENT_DATE, ...) and
// grouping sets.
#include "engine/sql/parser/transformer.hpp"

namespace basalt::engine::sql {

ast::ExprPtr Transformer::TransformFuncCall(const pg_query::FuncCall& node) {
  if (node.func_variadic()) Unsupported("VARIADIC", node.location());
  auto e = std::make_unique<ast::Expr>(ast::ExprKind::kFunc, node.location());
  // Names stay as parsed: SQL-syntax forms arrive qualified, e.g.
  // EXTRACT -> {"pg_catalog", "extract"}, TRIM -> {"pg_catalog", "btrim"}.
  e->names = StringList(node.funcname());
  e->args = TransformExprList(node.args());
  e->star = node.agg_star();
  e->distinct = node.agg_distinct();
  e->filter = TransformOptionalExpr(node.agg_filter());
  e->agg_order = TransformSortList(node.agg_order());
  e->within_group = node.agg_within_group();
  if (node.has_over()) e->over = TransformWindowDef(node.over());
  return e;
}

std::shared_ptr<ast::WindowSpec> Transformer::TransformWindowDef(const pg_query::WindowDef& node) {
  auto w = std::make_shared<ast::WindowSpec>();
  w->name = node.name();
  w->ref_name = node.refname();
  w->partition_by = TransformExprList(node.partition_clause());
  w->order_by = TransformSortList(node.order_clause());
  w->frame_options = node.frame_options();
  w->frame_start = TransformOptionalExpr(node.start_offset());
  w->frame_end = TransformOptionalExpr(node.end_offset());
  w->location = node.location();
  return w;
}

ast::SortBy Transformer::TransformSortBy(const pg_query::SortBy& node) {
  ast::SortBy out;
  out.expr = TransformExpr(node.node());
  out.location = node.location();
  switch (node.sortby_dir()) {
    case pg_query::SORTBY_ASC: out.dir = ast::SortDir::kAsc; break;
    case pg_query::SORTBY_DESC: out.dir = ast::SortDir::kDesc; break;
    case pg_query::SORTBY_USING: Unsupported("ORDER BY ... USING", node.location());
    default: out.dir = ast::SortDir::kDefault; break;
  }
  switch (node.sortby_nulls()) {
    case pg_query::SORTBY_NULLS_FIRST: out.nulls = ast::NullsOrder::kFirst; break;
    case pg_query::SORTBY_NULLS_LAST: out.nulls = ast::NullsOrder::kLast; break;
    default: out.nulls = ast::NullsOrder::kDefault; break;
  }
  return out;
}

std::vector<ast::SortBy> Transformer::TransformSortList(
    const google::protobuf::RepeatedPtrField<pg_query::Node>& nodes) {
  std::vector<ast::SortBy> out;
  out.reserve(nodes.size());
  for (const auto& n : nodes) {
    if (!n.has_sort_by()) Unsupported(NodeName(n), NodeLocation(n));
    out.push_back(TransformSortBy(n.sort_by()));
  }
  return out;
}

ast::ExprPtr Transformer::TransformSqlValueFunction(const pg_query::SQLValueFunction& node) {
  auto e = std::make_unique<ast::Expr>(ast::ExprKind::kSqlValue, node.location());
  bool has_precision = false;
  const char* name = nullptr;
  switch (node.op()) {
    case pg_query::SVFOP_CURRENT_DATE: name = "current_date"; break;
    case pg_query::SVFOP_CURRENT_TIME: name = "current_time"; break;
    case pg_query::SVFOP_CURRENT_TIME_N: name = "current_time"; has_precision = true; break;
    case pg_query::SVFOP_CURRENT_TIMESTAMP: name = "current_timestamp"; break;
    case pg_query::SVFOP_CURRENT_TIMESTAMP_N:
      name = "current_timestamp";
      has_precision = true;
      break;
    case pg_query::SVFOP_LOCALTIME: name = "localtime"; break;
    case pg_query::SVFOP_LOCALTIME_N: name = "localtime"; has_precision = true; break;
    case pg_query::SVFOP_LOCALTIMESTAMP: name = "localtimestamp"; break;
    case pg_query::SVFOP_LOCALTIMESTAMP_N: name = "localtimestamp"; has_precision = true; break;
    case pg_query::SVFOP_CURRENT_ROLE: name = "current_role"; break;
    case pg_query::SVFOP_CURRENT_USER: name = "current_user"; break;
    case pg_query::SVFOP_USER: name = "user"; break;
    case pg_query::SVFOP_SESSION_USER: name = "session_user"; break;
    case pg_query::SVFOP_CURRENT_CATALOG: name = "current_catalog"; break;
    case pg_query::SVFOP_CURRENT_SCHEMA: name = "current_schema"; break;
    default: Unsupported("SQLValueFunction", node.location());
  }
  e->names = {name};
  if (has_precision) {
    // CURRENT_TIMESTAMP(3): the precision becomes args[0].
    auto p = std::make_unique<ast::Expr>(ast::ExprKind::kConst, node.location());
    p->const_kind = ast::ConstKind::kInteger;
    p->int_value = node.typmod();
    p->text = std::to_string(p->int_value);
    e->args.push_back(std::move(p));
  }
  return e;
}

ast::ExprPtr Transformer::TransformGroupingSet(const pg_query::GroupingSet& node) {
  auto e = std::make_unique<ast::Expr>(ast::ExprKind::kFunc, node.location());
  switch (node.kind()) {
    case pg_query::GROUPING_SET_EMPTY: e->names = {"empty grouping set"}; break;
    case pg_query::GROUPING_SET_ROLLUP: e->names = {"rollup"}; break;
    case pg_query::GROUPING_SET_CUBE: e->names = {"cube"}; break;
    case pg_query::GROUPING_SET_SETS: e->names = {"grouping sets"}; break;
    case pg_query::GROUPING_SET_SIMPLE:
      // Only parse analysis creates SIMPLE sets; treat one as a parenthesised list.
      e->kind = ast::ExprKind::kRow;
      break;
    default: Unsupported("GroupingSet", node.location());
  }
  e->args = TransformExprList(node.content());
  return e;
}

}  // namespace basalt::engine::sql
