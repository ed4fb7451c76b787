// engine/sql/parser/parser.hpp
//
// The only door from query text to Basalt's AST. It calls libpg_query once
// (pg_query_parse_protobuf), reads the tree as typed protobuf messages and hands
// it to the Transformer. Syntax errors become DbError 42601 with PostgreSQL's
// message ("syntax error at or near ...") and cursor position.
#pragma once

#include <string_view>
#include <vector>

#include "engine/sql/parser/ast.hpp"

namespace basalt::engine::sql {

class Parser {
 public:
  // Parses every statement in `sql`. An empty or comment-only string yields no
  // statements. Throws DbError on syntax errors and for constructs the
  // transformer does not know (0A000, naming the construct).
  static std::vector<ast::Statement> Parse(std::string_view sql);
};

}  // namespace basalt::engine::sql
