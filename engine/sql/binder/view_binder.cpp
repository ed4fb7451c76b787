// A view in FROM: its stored query text is parsed and bound like a subquery
// in FROM (aliased by the view's name), with the view's column names. The
// view's query sees neither the referencing query's WITH list nor its scope.
#include <fmt/format.h>

#include "engine/sql/binder/binder.hpp"
#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/parser/parser.hpp"

namespace basalt::engine::sql {

PlanPtr Binder::BindViewReference(const ast::TableRef& ref, const catalog::TableDef& view, Scope& scope) {
  if (!view.view) throw DbError(SqlState::kInternalError, fmt::format("view \"{}\" has no query", view.name));
  std::vector<ast::Statement> stmts = Parser::Parse(view.view->query_sql);
  const auto* select = stmts.size() == 1 ? std::get_if<ast::SelectStmt>(&stmts[0].body) : nullptr;
  if (select == nullptr) throw DbError(SqlState::kInternalError, fmt::format("view \"{}\" is damaged", view.name));
  // A view depends on the view, not on what the view reads: keep only the
  // outer reference in referenced_relations_.
  std::vector<CteBinding> saved = std::move(ctes_);
  size_t refs = referenced_relations_.size();
  ctes_.clear();
  BoundQuery q;
  try {
    q = BindSelect(*select, nullptr);
  } catch (...) {
    ctes_ = std::move(saved);
    throw;
  }
  ctes_ = std::move(saved);
  referenced_relations_.resize(refs);
  std::string alias = ref.alias ? ref.alias->name : view.name;
  CheckDuplicateAlias(scope, alias, ref.table.location);
  if (ref.alias) scope.aliased_tables.emplace_back(view.name, alias);
  size_t start = scope.columns.size();
  scope.tables.push_back(alias);
  q.plan->output_types.clear();
  for (size_t i = 0; i < q.columns.size(); ++i) {
    std::string name = i < view.columns.size() ? view.columns[i].name : q.columns[i].name;
    scope.columns.push_back(ScopeColumn{alias, name, q.columns[i].type, q.columns[i].table_oid, q.columns[i].attnum});
    q.plan->output_types.push_back(q.columns[i].type);
  }
  if (ref.alias) RenameColumns(scope, start, ref.alias->columns, alias, ref.location);
  return std::move(q.plan);
}

}  // namespace basalt::engine::sql
