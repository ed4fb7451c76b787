// CREATE [OR REPLACE] VIEW. The view's query is kept twice: as AST (bound at
// CREATE VIEW to check it and fix the column types) and as SQL text deparsed
// from the protobuf tree by libpg_query, which is what the catalog stores and
// re-parses at each use (and what pg_get_viewdef can show).
#include <pg_query.h>

#include "engine/sql/parser/transformer.hpp"

namespace basalt::engine::sql {
namespace {

std::string DeparseQuery(const pg_query::Node& query) {
  pg_query::ParseResult tree;
  tree.set_version(PG_VERSION_NUM);
  *tree.add_stmts()->mutable_stmt() = query;
  std::string bytes;
  if (!tree.SerializeToString(&bytes)) {
    throw DbError(SqlState::kInternalError, "internal error: could not serialize the view query");
  }
  PgQueryProtobuf pbuf{bytes.size(), bytes.data()};
  PgQueryDeparseResult r = pg_query_deparse_protobuf(pbuf);
  std::string out;
  bool failed = r.error != nullptr;
  std::string message = failed && r.error->message ? r.error->message : "";
  if (!failed && r.query != nullptr) out = r.query;
  pg_query_free_deparse_result(r);
  if (failed) throw DbError(SqlState::kFeatureNotSupported, "cannot store this view query: " + message);
  return out;
}

}  // namespace

ast::CreateViewStmt Transformer::TransformCreateView(const pg_query::ViewStmt& node) {
  ast::CreateViewStmt out;
  out.view = TransformRangeVar(node.view());
  out.replace = node.replace();
  out.temporary = node.view().relpersistence() == "t";
  out.columns = StringList(node.aliases());
  out.has_options = node.options_size() > 0 || node.with_check_option() > pg_query::NO_CHECK_OPTION;
  if (!node.query().has_select_stmt()) Unsupported(NodeName(node.query()), NodeLocation(node.query()));
  out.query = std::make_unique<ast::SelectStmt>(TransformSelect(node.query().select_stmt()));
  out.query_sql = DeparseQuery(node.query());
  return out;
}

}  // namespace basalt::engine::sql
