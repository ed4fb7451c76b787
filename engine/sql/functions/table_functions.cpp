#include "engine/sql/functions/table_functions.hpp"

namespace basalt::engine::sql {

void TableFunctionRegistry::Register(std::string name, TableFunctionResolver resolver) {
  entries_.emplace_back(std::move(name), std::move(resolver));
}

bool TableFunctionRegistry::Has(std::string_view name) const {
  for (const auto& [n, r] : entries_) {
    if (n == name) return true;
  }
  return false;
}

std::optional<TableFunctionInfo> TableFunctionRegistry::Resolve(std::string_view name,
                                                                const std::vector<Type>& arg_types) const {
  for (const auto& [n, resolver] : entries_) {
    if (n != name) continue;
    if (auto info = resolver(arg_types)) return info;
  }
  return std::nullopt;
}

const TableFunctionRegistry& TableFunctions() {
  // Built on first use (thread-safe static init); read-only afterwards.
  static const TableFunctionRegistry registry = [] {
    TableFunctionRegistry r;
    RegisterSeriesFunctions(r);
    RegisterContainerTableFunctions(r);
    RegisterRegexTableFunctions(r);
    RegisterCatalogTableFunctions(r);
    return r;
  }();
  return registry;
}

}  // namespace basalt::engine::sql
