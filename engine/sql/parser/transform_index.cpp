// CREATE [UNIQUE] INDEX.
#include "engine/sql/parser/transformer.hpp"

namespace basalt::engine::sql {

ast::CreateIndexStmt Transformer::TransformIndex(const pg_query::IndexStmt& node) {
  const int loc = node.relation().location();
  if (!node.access_method().empty() && node.access_method() != "btree") {
    Unsupported("index access method \"" + node.access_method() + "\"", loc);
  }
  if (node.index_including_params_size() > 0) Unsupported("INCLUDE in CREATE INDEX", loc);
  if (node.options_size() > 0) Unsupported("index storage parameters", loc);
  if (!node.table_space().empty()) Unsupported("TABLESPACE", loc);
  if (node.nulls_not_distinct()) Unsupported("NULLS NOT DISTINCT", loc);

  ast::CreateIndexStmt out;
  out.name = node.idxname();
  out.table = TransformRangeVar(node.relation());
  out.unique = node.unique();
  out.if_not_exists = node.if_not_exists();
  // CONCURRENTLY only changes PostgreSQL's locking; the index is the same.
  for (const auto& p : node.index_params()) {
    const auto& elem = p.index_elem();
    if (elem.collation_size() > 0 || elem.opclass_size() > 0) {
      Unsupported("index column collation or operator class", loc);
    }
    ast::IndexElem e;
    e.column = elem.name();
    if (elem.name().empty()) e.expr = TransformExpr(elem.expr());
    switch (elem.ordering()) {
      case pg_query::SORTBY_ASC: e.dir = ast::SortDir::kAsc; break;
      case pg_query::SORTBY_DESC: e.dir = ast::SortDir::kDesc; break;
      default: e.dir = ast::SortDir::kDefault; break;
    }
    switch (elem.nulls_ordering()) {
      case pg_query::SORTBY_NULLS_FIRST: e.nulls = ast::NullsOrder::kFirst; break;
      case pg_query::SORTBY_NULLS_LAST: e.nulls = ast::NullsOrder::kLast; break;
      default: e.nulls = ast::NullsOrder::kDefault; break;
    }
    out.elems.push_back(std::move(e));
  }
  out.where = TransformOptionalExpr(node.where_clause());
  return out;
}

}  // namespace basalt::engine::sql
