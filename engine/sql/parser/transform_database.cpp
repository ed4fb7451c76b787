// CREATE DATABASE / DROP DATABASE.
#include "engine/sql/parser/transformer.hpp"

namespace basalt::engine::sql {

ast::CreateDatabaseStmt Transformer::TransformCreateDatabase(const pg_query::CreatedbStmt& node) {
  ast::CreateDatabaseStmt out;
  out.name = node.dbname();
  // Options keep PostgreSQL's names ("owner", "template", "encoding",
  // "connection_limit", ...); DEFAULT arrives as no argument and becomes "".
  for (const auto& opt : node.options()) {
    const auto& def = opt.def_elem();
    out.options.emplace_back(def.defname(), DefElemText(def));
  }
  return out;
}

ast::DropDatabaseStmt Transformer::TransformDropDatabase(const pg_query::DropdbStmt& node) {
  // DROP DATABASE ... WITH (FORCE) would terminate other sessions: not yet.
  if (node.options_size() > 0) Unsupported("DROP DATABASE options");
  ast::DropDatabaseStmt out;
  out.name = node.dbname();
  out.if_exists = node.missing_ok();
  return out;
}

}  // namespace basalt::engine::sql
