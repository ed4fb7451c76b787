// engine/sql/functions/table_functions.hpp
//
// Set-returning (table) functions: generate_series, unnest, jsonb_each, ...
// A table function is registered under its name with a *resolver*: given the
// argument types as bound (TypeId::kUnknown for untyped literals), it either
// declines (nullopt: this name has no matching overload) or returns a
// TableFunctionInfo saying what the arguments are coerced to, which columns the
// function produces and the factory that makes a RowGenerator for one call.
//
// The same registration serves both places PostgreSQL allows SRFs:
//  - in FROM (`FROM generate_series(1, 3) AS g(x) WITH ORDINALITY`, LATERAL
//    references to earlier FROM items): exec/function_scan_executor;
//  - in the SELECT list (PostgreSQL 10+ ProjectSet semantics: several SRFs run
//    in lock step, shorter ones padded with NULL): exec/project_set_executor.
//    Only single-column functions may appear in the SELECT list.
//
// Invariants: a strict function (the default) yields no rows when any argument
// is NULL, and its factory is never called with a NULL argument. Generators own
// everything they need (arguments are moved in); they may allocate per call but
// should not allocate per row.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/sql/binder/bound_expr.hpp"

namespace basalt::engine::sql {

// Produces the rows of one call. Next() fills `out` (already sized to the
// function's column count) and returns false when there are no more rows.
class RowGenerator {
 public:
  virtual ~RowGenerator() = default;
  virtual bool Next(std::vector<Value>& out) = 0;
};
using RowGeneratorPtr = std::unique_ptr<RowGenerator>;

struct TableFunctionColumn {
  std::string name;
  Type type;
};

struct TableFunctionInfo;

// Makes the generator for one call; `args` are non-null (for strict functions)
// and already coerced to `info.arg_types`.
using TableFunctionFactory = RowGeneratorPtr (*)(std::vector<Value> args, const TableFunctionInfo& info,
                                                 EvalContext& ctx);

struct TableFunctionInfo {
  std::vector<Type> arg_types;               // arguments are implicitly coerced to these
  std::vector<TableFunctionColumn> columns;  // result columns, at least one
  // True for functions returning a scalar type (generate_series, unnest of one
  // array): the single column is named after the function, or after the table
  // alias when one is given without a column list, as in PostgreSQL.
  bool scalar_result = true;
  bool strict = true;
  TableFunctionFactory factory = nullptr;
};

// Declines with nullopt when no overload of this name fits `arg_types`.
using TableFunctionResolver = std::function<std::optional<TableFunctionInfo>(const std::vector<Type>& arg_types)>;

class TableFunctionRegistry {
 public:
  // Several resolvers may share a name; the first that accepts wins.
  void Register(std::string name, TableFunctionResolver resolver);
  bool Has(std::string_view name) const;
  std::optional<TableFunctionInfo> Resolve(std::string_view name, const std::vector<Type>& arg_types) const;

 private:
  std::vector<std::pair<std::string, TableFunctionResolver>> entries_;
};

// The process-wide registry, built once from the Register*Functions below.
const TableFunctionRegistry& TableFunctions();

// One registration hook per feature area; add yours here and call it from
// TableFunctions() in table_functions.cpp.
void RegisterSeriesFunctions(TableFunctionRegistry& registry);  // generate_series
void RegisterContainerTableFunctions(TableFunctionRegistry& registry);  // unnest, jsonb_each, ... (container_table_functions.cpp)
void RegisterRegexTableFunctions(TableFunctionRegistry& registry);  // regexp_matches, regexp_split_to_table (regex_table_functions.cpp)
void RegisterCatalogTableFunctions(TableFunctionRegistry& registry);  // pg_partition_ancestors, pg_options_to_table (catalog_table_functions.cpp)

}  // namespace basalt::engine::sql
