#include "engine/sql/parser/transformer.hpp"

namespace basalt::engine::sql {

namespace {

ast::LockingClause MakeLocking(const pg_query::LockingClause& node, Transformer& t) {
  ast::LockingClause out;
  switch (node.strength()) {
    case pg_query::LCS_FORKEYSHARE: out.strength = ast::LockStrength::kForKeyShare; break;
    case pg_query::LCS_FORSHARE: out.strength = ast::LockStrength::kForShare; break;
    case pg_query::LCS_FORNOKEYUPDATE: out.strength = ast::LockStrength::kForNoKeyUpdate; break;
    case pg_query::LCS_FORUPDATE: out.strength = ast::LockStrength::kForUpdate; break;
    default: out.strength = ast::LockStrength::kNone; break;
  }
  switch (node.wait_policy()) {
    case pg_query::LockWaitSkip: out.wait = ast::LockWait::kSkipLocked; break;
    case pg_query::LockWaitError: out.wait = ast::LockWait::kNoWait; break;
    default: out.wait = ast::LockWait::kBlock; break;
  }
  for (const auto& rel : node.locked_rels()) out.tables.push_back(t.TransformRangeVar(rel.range_var()));
  return out;
}

}  // namespace

ast::SelectStmt Transformer::TransformSelect(const pg_query::SelectStmt& node) {
  ast::SelectStmt out;
  if (node.has_with_clause()) {
    out.with = TransformWith(node.with_clause());
    out.with_recursive = node.with_clause().recursive();
  }

  switch (node.op()) {
    case pg_query::SETOP_UNION: out.op = ast::SetOpKind::kUnion; break;
    case pg_query::SETOP_INTERSECT: out.op = ast::SetOpKind::kIntersect; break;
    case pg_query::SETOP_EXCEPT: out.op = ast::SetOpKind::kExcept; break;
    default: out.op = ast::SetOpKind::kNone; break;
  }

  if (out.op != ast::SetOpKind::kNone) {
    out.all = node.all();
    out.larg = std::make_unique<ast::SelectStmt>(TransformSelect(node.larg()));
    out.rarg = std::make_unique<ast::SelectStmt>(TransformSelect(node.rarg()));
  } else {
    for (const auto& row : node.values_lists()) out.values.push_back(TransformExprList(row.list().items()));

    // Plain DISTINCT is a distinct clause holding one empty node; DISTINCT ON
    // lists its expressions.
    const auto& dc = node.distinct_clause();
    if (dc.size() == 1 && dc[0].node_case() == pg_query::Node::NODE_NOT_SET) {
      out.distinct = true;
    } else {
      out.distinct_on = TransformExprList(dc);
    }

    out.targets = TransformTargetList(node.target_list());
    if (node.has_into_clause()) {
      const auto& into = node.into_clause();
      if (into.rel().relpersistence() == "t") {
        Unsupported("SELECT INTO a temporary table", into.rel().location());
      }
      if (into.col_names_size() > 0) Unsupported("SELECT INTO with column names", into.rel().location());
      out.into = TransformRangeVar(into.rel());
    }
    out.from = TransformFromList(node.from_clause());
    out.where = TransformOptionalExpr(node.where_clause());
    if (node.group_distinct()) Unsupported("GROUP BY DISTINCT");
    out.group_by = TransformExprList(node.group_clause());
    out.having = TransformOptionalExpr(node.having_clause());
    for (const auto& w : node.window_clause()) out.windows.push_back(TransformWindowDef(w.window_def()));
  }

  out.order_by = TransformSortList(node.sort_clause());
  if (node.limit_option() == pg_query::LIMIT_OPTION_WITH_TIES) {
    Unsupported("FETCH FIRST ... WITH TIES", NodeLocation(node.limit_count()));
  }
  // LIMIT ALL (and LIMIT NULL) arrive as a null constant: no limit.
  const bool limit_all = node.limit_count().has_a_const() && node.limit_count().a_const().isnull();
  if (!limit_all) out.limit = TransformOptionalExpr(node.limit_count());
  out.offset = TransformOptionalExpr(node.limit_offset());
  for (const auto& lc : node.locking_clause()) out.locking.push_back(MakeLocking(lc.locking_clause(), *this));
  return out;
}

}  // namespace basalt::engine::sql
