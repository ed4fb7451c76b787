#include "engine/sql/system/system_relation.hpp"

#include <map>

#include <fmt/format.h>

#include "engine/error/db_error.hpp"

#include "engine/sql/system/static_rows.hpp"

namespace basalt::engine::sql::system {
namespace {

std::vector<SystemColumn> ParseColumns(std::string_view spec) {
  std::vector<SystemColumn> out;
  size_t pos = 0;
  while (pos < spec.size()) {
    size_t end = spec.find(' ', pos);
    if (end == std::string_view::npos) end = spec.size();
    std::string_view item = spec.substr(pos, end - pos);
    size_t colon = item.find(':');
    SystemColumn c;
    c.name = std::string(item.substr(0, colon));
    c.pg_type = std::string(item.substr(colon + 1));
    c.type = ColumnType(c.pg_type);
    out.push_back(std::move(c));
    pos = end + 1;
  }
  return out;
}

struct Registry {
  std::vector<SystemRelation> relations;
  std::map<std::pair<catalog::Oid, std::string_view>, size_t> by_name;
  std::map<catalog::Oid, size_t> by_oid;
};

const Registry& GetRegistry() {
  static const Registry registry = [] {
    Registry r;
    for (const RelationSpec& spec : RelationSpecs()) {
      SystemRelation rel;
      rel.spec = &spec;
      rel.columns = ParseColumns(spec.columns);
      rel.generate = FindRowGenerator(spec.name);
      r.by_name[{spec.namespace_oid, spec.name}] = r.relations.size();
      r.by_oid[spec.oid] = r.relations.size();
      r.relations.push_back(std::move(rel));
    }
    return r;
  }();
  return registry;
}

}  // namespace

Type ColumnType(std::string_view t) {
  // TODO(catalog): serve pg_node_tree as its own type once Basalt has it.
  struct Entry {
    std::string_view pg;
    TypeId id;
  };
  static constexpr Entry kMap[] = {
      {"bool", TypeId::kBool},          {"int2", TypeId::kInt2},
      {"int4", TypeId::kInt4},          {"cardinal_number", TypeId::kInt4},
      {"int8", TypeId::kInt8},          {"float4", TypeId::kFloat4},
      {"float8", TypeId::kFloat8},      {"name", TypeId::kName},
      {"sql_identifier", TypeId::kName}, {"character_data", TypeId::kVarchar},
      {"yes_or_no", TypeId::kVarchar},  {"oid", TypeId::kOid},
      {"regproc", TypeId::kRegproc},    {"regtype", TypeId::kRegtype},
      {"regclass", TypeId::kRegclass},  {"regprocedure", TypeId::kRegprocedure},
      {"regoper", TypeId::kRegoper},    {"regnamespace", TypeId::kRegnamespace},
      {"regrole", TypeId::kRegrole},    {"xid", TypeId::kOid},
      {"cid", TypeId::kOid},            {"timestamptz", TypeId::kTimestampTz},
      {"time_stamp", TypeId::kTimestampTz}, {"char", TypeId::kChar},
      {"bytea", TypeId::kBytea},        {"int2vector", TypeId::kInt2Vector},
      {"oidvector", TypeId::kOidVector}, {"_oid", TypeId::kOidArray},
      {"_regtype", TypeId::kRegtypeArray}, {"_aclitem", TypeId::kAclItemArray},
      {"aclitem", TypeId::kAclItem},  {"_int2", TypeId::kInt2Array},
      {"_text", TypeId::kTextArray},    {"_char", TypeId::kCharArray},
      {"_name", TypeId::kNameArray},
  };
  for (const auto& e : kMap) {
    if (e.pg == t) return Type{e.id, -1};
  }
  return Type{TypeId::kText, -1};
}

std::span<const SystemRelation> AllSystemRelations() { return GetRegistry().relations; }

const SystemRelation* FindSystemRelation(std::string_view schema, std::string_view name) {
  catalog::Oid ns = catalog::kPgCatalogNamespaceOid;
  if (schema == "information_schema") {
    ns = kInformationSchemaNamespaceOid;
  } else if (!schema.empty() && schema != "pg_catalog") {
    return nullptr;
  }
  const Registry& r = GetRegistry();
  auto it = r.by_name.find({ns, name});
  return it == r.by_name.end() ? nullptr : &r.relations[it->second];
}

const SystemRelation* FindSystemRelation(catalog::Oid oid) {
  const Registry& r = GetRegistry();
  auto it = r.by_oid.find(oid);
  return it == r.by_oid.end() ? nullptr : &r.relations[it->second];
}

catalog::TableDef ToTableDef(const SystemRelation& rel, catalog::Oid database) {
  catalog::TableDef def;
  def.oid = rel.spec->oid;
  def.database = database;
  def.schema = rel.spec->namespace_oid;
  def.name = std::string(rel.spec->name);
  def.owner = catalog::kBootstrapSuperuserOid;
  def.columns.reserve(rel.columns.size());
  for (const auto& c : rel.columns) {
    catalog::ColumnDef col;
    col.name = c.name;
    col.type = c.type;
    def.columns.push_back(std::move(col));
  }
  return def;
}

void CheckWritable(const catalog::TableDef& table) {
  if (!IsSystemRelationOid(table.oid)) return;
  throw DbError(SqlState::kInsufficientPrivilege, fmt::format("permission denied for table {}", table.name));
}

std::vector<std::optional<std::string>> SplitStaticRow(std::string_view line) {
  // The generator's last row of a relation may carry psql's final newline.
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  std::vector<std::optional<std::string>> out;
  std::string field;
  bool escaped_null = false;
  size_t i = 0;
  auto finish = [&] {
    if (escaped_null) {
      out.emplace_back(std::nullopt);
    } else {
      out.emplace_back(std::move(field));
    }
    field.clear();
    escaped_null = false;
  };
  size_t field_start = 0;
  while (i < line.size()) {
    char c = line[i];
    if (c == '\\' && i + 1 < line.size()) {
      if (line[i + 1] == 'N' && i == field_start && (i + 2 == line.size() || line[i + 2] == '|')) {
        escaped_null = true;
        i += 2;
        continue;
      }
      field += line[i + 1];
      i += 2;
      continue;
    }
    if (c == '|') {
      finish();
      ++i;
      field_start = i;
      continue;
    }
    field += c;
    ++i;
  }
  finish();
  return out;
}

}  // namespace basalt::engine::sql::system
