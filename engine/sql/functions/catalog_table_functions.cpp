// Set-returning catalog functions psql and pg_dump call:
// pg_partition_ancestors(regclass) (a relation and its ancestors: Basalt has
// no partitioning, so just the relation itself) and
// pg_options_to_table(text[]) (reloptions "name=value" split into rows).
#include "engine/sql/functions/table_functions.hpp"
#include "engine/sql/types/array_value.hpp"

namespace basalt::engine::sql {
namespace {

class ValuesGenerator final : public RowGenerator {
 public:
  explicit ValuesGenerator(std::vector<std::vector<Value>> rows) : rows_(std::move(rows)) {}
  bool Next(std::vector<Value>& out) override {
    if (pos_ >= rows_.size()) return false;
    for (size_t i = 0; i < out.size() && i < rows_[pos_].size(); ++i) out[i] = std::move(rows_[pos_][i]);
    ++pos_;
    return true;
  }

 private:
  std::vector<std::vector<Value>> rows_;
  size_t pos_ = 0;
};

RowGeneratorPtr PartitionAncestors(std::vector<Value> args, const TableFunctionInfo&, EvalContext&) {
  std::vector<std::vector<Value>> rows;
  rows.push_back({args[0]});
  return std::make_unique<ValuesGenerator>(std::move(rows));
}

RowGeneratorPtr OptionsToTable(std::vector<Value> args, const TableFunctionInfo&, EvalContext&) {
  std::vector<std::vector<Value>> rows;
  for (const Value& item : DecodeArray(args[0]).items) {
    if (item.is_null()) continue;
    const std::string& s = item.as_string();
    size_t eq = s.find('=');
    if (eq == std::string::npos) {
      rows.push_back({Value::String(s), Value::Null()});
    } else {
      rows.push_back({Value::String(s.substr(0, eq)), Value::String(s.substr(eq + 1))});
    }
  }
  return std::make_unique<ValuesGenerator>(std::move(rows));
}

}  // namespace

void RegisterCatalogTableFunctions(TableFunctionRegistry& r) {
  r.Register("pg_partition_ancestors", [](const std::vector<Type>& args) -> std::optional<TableFunctionInfo> {
    if (args.size() != 1) return std::nullopt;
    TableFunctionInfo info;
    info.arg_types = {Type{TypeId::kOid, -1}};
    info.columns = {{"pg_partition_ancestors", Type{TypeId::kOid, -1}}};  // SETOF regclass
    info.factory = &PartitionAncestors;
    return info;
  });
  r.Register("pg_options_to_table", [](const std::vector<Type>& args) -> std::optional<TableFunctionInfo> {
    if (args.size() != 1) return std::nullopt;
    TableFunctionInfo info;
    info.arg_types = {Type{TypeId::kTextArray, -1}};
    info.columns = {{"option_name", Type{TypeId::kText, -1}}, {"option_value", Type{TypeId::kText, -1}}};
    info.scalar_result = false;
    info.factory = &OptionsToTable;
    return info;
  });
}

}  // namespace basalt::engine::sql
