// The relation name -> row generator table, and the helpers generators share.
#include "engine/sql/system/row_generators.hpp"

#include <fmt/format.h>

#include "engine/sql/system/row_builder.hpp"
#include "engine/sql/system/static_rows.hpp"
#include "engine/sql/types/array_value.hpp"
#include "engine/sql/types/text_io.hpp"

namespace basalt::engine::sql::system {
namespace {

// Relations whose rows are exactly the static PostgreSQL rows.
template <const char* kName>
void StaticOnly(SystemScan&, std::vector<Row>& out) {
  EmitStaticRows(PgCatalog(kName), kName, out);
}

constexpr char kPgAm[] = "pg_am";
constexpr char kPgLanguage[] = "pg_language";
constexpr char kPgCollation[] = "pg_collation";
constexpr char kPgTablespace[] = "pg_tablespace";

struct GeneratorEntry {
  std::string_view name;
  RowGenerator fn;
};

constexpr GeneratorEntry kGenerators[] = {
    {"pg_namespace", &GenPgNamespace},
    {"pg_class", &GenPgClass},
    {"pg_attribute", &GenPgAttribute},
    {"pg_index", &GenPgIndex},
    {"pg_constraint", &GenPgConstraint},
    {"pg_attrdef", &GenPgAttrdef},
    {"pg_type", &GenPgType},
    {"pg_proc", &GenPgProc},
    {"pg_am", &StaticOnly<kPgAm>},
    {"pg_language", &StaticOnly<kPgLanguage>},
    {"pg_collation", &StaticOnly<kPgCollation>},
    {"pg_tablespace", &StaticOnly<kPgTablespace>},
    {"pg_database", &GenPgDatabase},
    {"pg_authid", &GenPgAuthid},
    {"pg_roles", &GenPgRoles},
    {"pg_user", &GenPgUser},
    {"pg_settings", &GenPgSettings},
    {"pg_stat_activity", &GenPgStatActivity},
    {"pg_stat_statements", &GenPgStatStatements},
    {"pg_stat_archiver", &GenPgStatArchiver},
    {"pg_tables", &GenPgTables},
    {"pg_indexes", &GenPgIndexes},
    {"pg_stat_user_tables", &GenPgStatUserTables},
    {"pg_stat_all_tables", &GenPgStatUserTables},
    {"pg_stats", &GenPgStats},
    {"pg_sequence", &GenPgSequence},
    {"pg_sequences", &GenPgSequences},
    {"pg_depend", &GenPgDepend},
    {"sequences", &GenIsSequences},
    {"pg_enum", &GenPgEnum},
    {"pg_description", &GenPgDescription},
    {"pg_views", &GenPgViews},
    {"views", &GenIsViews},
    {"schemata", &GenIsSchemata},
    {"tables", &GenIsTables},
    {"columns", &GenIsColumns},
    {"table_constraints", &GenIsTableConstraints},
    {"key_column_usage", &GenIsKeyColumnUsage},
    {"constraint_column_usage", &GenIsConstraintColumnUsage},
};

}  // namespace

RowGenerator FindRowGenerator(std::string_view name) {
  for (const auto& g : kGenerators) {
    if (g.name == name) return g.fn;
  }
  return nullptr;
}

std::vector<catalog::TableDef> UserTables(SystemScan& scan) {
  return scan.exec.catalog->ListTables(*scan.exec.txn, scan.database);
}

Value IntArray(const std::vector<int64_t>& items) {
  std::vector<Value> v;
  v.reserve(items.size());
  for (int64_t i : items) v.push_back(Value::Int(i));
  return MakeArray(v);
}

Value IntVector(const std::vector<int64_t>& items) {
  std::vector<Value> v;
  v.reserve(items.size());
  for (int64_t i : items) v.push_back(Value::Int(i));
  return MakeArray(v, 0);
}

Value TextArray(const std::vector<std::string>& items) {
  std::vector<Value> v;
  v.reserve(items.size());
  for (const auto& s : items) v.push_back(Value::String(s));
  return MakeArray(v);
}

namespace {

// The one-dimensional array text of the static rows ('{a,"b c"}', '1 2' for vectors).
Value ParseStaticArray(std::string_view text, Type type) {
  bool vector = type.id == TypeId::kInt2Vector || type.id == TypeId::kOidVector;
  TypeId elem = ArrayElementType(type.id);
  std::vector<Value> items;
  std::string_view body = vector ? text : text.substr(1, text.size() - 2);
  size_t i = 0;
  char sep = vector ? ' ' : ',';
  while (i < body.size()) {
    std::string item;
    bool quoted = body[i] == '"';
    if (quoted) {
      ++i;
      while (i < body.size() && body[i] != '"') {
        if (body[i] == '\\' && i + 1 < body.size()) ++i;
        item += body[i++];
      }
      ++i;
    } else {
      while (i < body.size() && body[i] != sep) item += body[i++];
    }
    ++i;  // separator
    if (!quoted && item == "NULL") {
      items.push_back(Value::Null());
    } else if (PhysicalKindOf(elem) == PhysicalKind::kInt) {
      items.push_back(Value::Int(std::stoll(item)));
    } else {
      items.push_back(Value::String(item));
    }
  }
  return MakeArray(items, vector ? 0 : 1);
}

}  // namespace

void EmitStaticRows(const SystemRelation& rel, std::string_view relation, std::vector<Row>& out) {
  for (std::string_view line : StaticRows(relation)) {
    auto fields = SplitStaticRow(line);
    if (fields.size() != rel.columns.size()) {
      throw DbError(SqlState::kInternalError, fmt::format("static rows of {} do not match its columns", relation));
    }
    Row row;
    row.reserve(fields.size());
    for (size_t i = 0; i < fields.size(); ++i) {
      if (!fields[i]) {
        row.push_back(Value::Null());
      } else if (IsArrayType(rel.columns[i].type.id) || rel.columns[i].type.id == TypeId::kInt2Vector ||
                 rel.columns[i].type.id == TypeId::kOidVector) {
        row.push_back(ParseStaticArray(*fields[i], rel.columns[i].type));
      } else if (rel.columns[i].type.id == TypeId::kChar) {
        row.push_back(Value::String(*fields[i]));
      } else {
        row.push_back(ParseText(*fields[i], rel.columns[i].type));
      }
    }
    out.push_back(std::move(row));
  }
}

const SystemRelation& PgCatalog(std::string_view name) {
  const SystemRelation* rel = FindSystemRelation("pg_catalog", name);
  if (rel == nullptr) throw DbError(SqlState::kInternalError, fmt::format("no system relation {}", name));
  return *rel;
}

}  // namespace basalt::engine::sql::system
