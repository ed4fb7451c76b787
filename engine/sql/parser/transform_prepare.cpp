// PREPARE / EXECUTE / DEALLOCATE / DISCARD: the SQL face of the session's
// prepared statements (engine/session_extended.cpp runs them).
#include "engine/sql/parser/transformer.hpp"

namespace basalt::engine::sql {

ast::PrepareStmt Transformer::TransformPrepare(const pg_query::PrepareStmt& node) {
  ast::PrepareStmt out;
  out.name = node.name();
  for (const auto& t : node.argtypes()) out.arg_types.push_back(TransformTypeName(t.type_name()));
  out.query = std::make_shared<ast::Statement>(TransformStatement(node.query()));
  return out;
}

ast::ExecuteStmt Transformer::TransformExecute(const pg_query::ExecuteStmt& node) {
  ast::ExecuteStmt out;
  out.name = node.name();
  out.params = TransformExprList(node.params());
  return out;
}

ast::DiscardStmt Transformer::TransformDiscard(const pg_query::DiscardStmt& node) {
  ast::DiscardStmt out;
  switch (node.target()) {
    case pg_query::DISCARD_ALL: out.target = "all"; break;
    case pg_query::DISCARD_PLANS: out.target = "plans"; break;
    case pg_query::DISCARD_SEQUENCES: out.target = "sequences"; break;
    case pg_query::DISCARD_TEMP: out.target = "temp"; break;
    default: Unsupported("DISCARD");
  }
  return out;
}

}  // namespace basalt::engine::sql
