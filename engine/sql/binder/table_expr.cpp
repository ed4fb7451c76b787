#include "engine/sql/binder/table_expr.hpp"

#include "engine/sql/binder/expr_binder.hpp"
#include "engine/sql/parser/parser.hpp"

namespace basalt::engine::sql {

BoundExprPtr BindTableExpr(const catalog::TableDef& table, const ast::Expr& e, std::string_view clause) {
  Scope scope;
  scope.tables.push_back(table.name);
  for (size_t i = 0; i < table.columns.size(); ++i) {
    scope.columns.push_back(ScopeColumn{table.name, table.columns[i].name, table.columns[i].type, table.oid,
                                        static_cast<int16_t>(i + 1)});
  }
  ExprBinder eb(scope, clause, nullptr);
  return eb.Bind(e);
}

BoundExprPtr BindTableExprSql(const catalog::TableDef& table, std::string_view sql, std::string_view clause) {
  auto stmts = Parser::Parse("SELECT " + std::string(sql));
  const auto& select = std::get<ast::SelectStmt>(stmts.at(0).body);
  BoundExprPtr e = BindTableExpr(table, *select.targets.at(0).expr, clause);
  e->location = -1;
  return e;
}

}  // namespace basalt::engine::sql
