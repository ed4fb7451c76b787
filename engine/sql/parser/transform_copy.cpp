// COPY, DECLARE CURSOR and FETCH/MOVE: the statements of the copy and cursor
// features (engine/session_copy.cpp, engine/session_cursor.cpp run them).
#include <climits>

#include "engine/sql/parser/transformer.hpp"

namespace basalt::engine::sql {

ast::CopyStmt Transformer::TransformCopy(const pg_query::CopyStmt& node) {
  ast::CopyStmt out;
  if (node.has_relation()) out.table = TransformRangeVar(node.relation());
  if (node.has_query()) out.query = std::make_shared<ast::Statement>(TransformStatement(node.query()));
  for (const auto& a : node.attlist()) out.columns.push_back(StringValue(a));
  out.is_from = node.is_from();
  out.is_program = node.is_program();
  out.filename = node.filename();
  out.has_where = node.has_where_clause();
  for (const auto& o : node.options()) {
    if (!o.has_def_elem()) continue;
    const pg_query::DefElem& def = o.def_elem();
    ast::CopyOption opt;
    opt.name = def.defname();
    opt.location = def.location();
    if (def.has_arg()) {
      const pg_query::Node& arg = def.arg();
      if (arg.has_list()) {
        for (const auto& item : arg.list().items()) opt.columns.push_back(StringValue(item));
      } else if (arg.has_a_star()) {
        opt.star = true;
      } else {
        opt.value = DefElemText(def);
      }
    }
    out.options.push_back(std::move(opt));
  }
  return out;
}

ast::DeclareCursorStmt Transformer::TransformDeclareCursor(const pg_query::DeclareCursorStmt& node) {
  ast::DeclareCursorStmt out;
  out.name = node.portalname();
  out.options = node.options();
  out.query = std::make_shared<ast::Statement>(TransformStatement(node.query()));
  return out;
}

ast::FetchStmt Transformer::TransformFetch(const pg_query::FetchStmt& node) {
  ast::FetchStmt out;
  out.name = node.portalname();
  out.is_move = node.ismove();
  switch (node.direction()) {
    case pg_query::FETCH_BACKWARD: out.direction = 1; break;
    case pg_query::FETCH_ABSOLUTE: out.direction = 2; break;
    case pg_query::FETCH_RELATIVE: out.direction = 3; break;
    default: out.direction = 0; break;
  }
  // FETCH ALL arrives as LONG_MAX; keep 0 as "all" for the forward/backward forms.
  out.count = node.how_many() >= LONG_MAX ? 0 : node.how_many();
  if ((out.direction == 0 || out.direction == 1) && node.how_many() == 0) out.count = -1;  // FETCH 0: current row
  return out;
}

}  // namespace basalt::engine::sql
