// pg_type (PostgreSQL's built-in types, then each user table's row type and
// its array type) and pg_proc (PostgreSQL's rows for the functions Basalt
// actually implements, checked against the function registry at scan time so
// a function appears as soon as someone registers it).
#include <map>

#include "engine/sql/functions/scalar_functions.hpp"
#include "engine/sql/types/array_value.hpp"
#include "engine/sql/system/derived_oids.hpp"
#include "engine/sql/system/row_builder.hpp"
#include "engine/sql/system/row_generators.hpp"
#include "engine/sql/system/static_rows.hpp"

namespace basalt::engine::sql::system {
namespace {

struct TypeFacts {
  catalog::Oid oid = 0;
  std::string name;
  int length = -1;
  bool byval = false;
  char align = 'i';
  char storage = 'p';
  catalog::Oid array = 0;
};

struct TypeTable {
  std::map<std::string, TypeFacts, std::less<>> by_name;
  std::map<catalog::Oid, const TypeFacts*> by_oid;
};

const TypeTable& Types() {
  static const TypeTable table = [] {
    TypeTable t;
    const SystemRelation& rel = PgCatalog("pg_type");
    RowBuilder b(rel);
    int oid = b.ColumnIndex("oid"), name = b.ColumnIndex("typname"), len = b.ColumnIndex("typlen");
    int byval = b.ColumnIndex("typbyval"), align = b.ColumnIndex("typalign");
    int storage = b.ColumnIndex("typstorage"), array = b.ColumnIndex("typarray");
    for (std::string_view line : StaticRows("pg_type")) {
      auto f = SplitStaticRow(line);
      TypeFacts facts;
      facts.oid = static_cast<catalog::Oid>(std::stoul(*f[oid]));
      facts.name = *f[name];
      facts.length = std::stoi(*f[len]);
      facts.byval = *f[byval] == "true";
      facts.align = (*f[align])[0];
      facts.storage = (*f[storage])[0];
      facts.array = static_cast<catalog::Oid>(std::stoul(*f[array]));
      t.by_name[facts.name] = facts;
    }
    for (const auto& [n, facts] : t.by_name) t.by_oid[facts.oid] = &facts;
    return t;
  }();
  return table;
}

const TypeFacts* Find(std::string_view name) {
  const auto& t = Types().by_name;
  auto it = t.find(name);
  return it == t.end() ? nullptr : &it->second;
}

std::optional<TypeId> TypeIdOfOid(catalog::Oid oid) {
  for (int i = 0; i < kTypeIdCount; ++i) {
    auto id = static_cast<TypeId>(i);
    if (id != TypeId::kEnum && id != TypeId::kUnknown && TypeOid(id) == oid) return id;
  }
  return std::nullopt;
}

}  // namespace

catalog::Oid PgTypeOid(std::string_view typname) {
  const TypeFacts* f = Find(typname);
  return f ? f->oid : 0;
}
int PgTypeLength(std::string_view typname) {
  const TypeFacts* f = Find(typname);
  return f ? f->length : -1;
}
bool PgTypeByVal(std::string_view typname) {
  const TypeFacts* f = Find(typname);
  return f && f->byval;
}
char PgTypeAlign(std::string_view typname) {
  const TypeFacts* f = Find(typname);
  return f ? f->align : 'i';
}
char PgTypeStorage(std::string_view typname) {
  const TypeFacts* f = Find(typname);
  return f ? f->storage : 'p';
}
std::string_view PgTypeName(catalog::Oid oid) {
  const auto& t = Types().by_oid;
  auto it = t.find(oid);
  return it == t.end() ? std::string_view() : std::string_view(it->second->name);
}
catalog::Oid PgTypeArray(catalog::Oid oid) {
  const auto& t = Types().by_oid;
  auto it = t.find(oid);
  return it == t.end() ? 0 : it->second->array;
}

catalog::Oid DefaultBtreeOpclass(TypeId id) {
  switch (id) {
    case TypeId::kBool: return 10003;
    case TypeId::kInt2: return 1979;
    case TypeId::kInt4: return 1978;
    case TypeId::kInt8: return 3124;
    case TypeId::kFloat4: return 10012;
    case TypeId::kFloat8: return 3123;
    case TypeId::kNumeric: return 3125;
    case TypeId::kText:
    case TypeId::kVarchar: return 3126;
    case TypeId::kBpchar: return 10004;
    case TypeId::kName: return 10028;
    case TypeId::kOid: return 1981;
    case TypeId::kDate: return 3122;
    case TypeId::kTime: return 10038;
    case TypeId::kTimeTz: return 10041;
    case TypeId::kTimestamp: return 3128;
    case TypeId::kTimestampTz: return 3127;
    case TypeId::kInterval: return 10022;
    default: return 0;
  }
}

void GenPgType(SystemScan& scan, std::vector<Row>& out) {
  const SystemRelation& rel = PgCatalog("pg_type");
  EmitStaticRows(rel, "pg_type", out);
  RowBuilder b(rel);
  for (const catalog::TableDef& t : UserTables(scan)) {
    for (bool array : {false, true}) {
      b.Int("oid", array ? RowArrayTypeOid(t.oid) : RowTypeOid(t.oid));
      b.Str("typname", array ? "_" + t.name : t.name).Int("typnamespace", t.schema).Int("typowner", t.owner);
      b.Int("typlen", -1).Bool("typbyval", false).Char("typtype", array ? 'b' : 'c');
      b.Char("typcategory", array ? 'A' : 'C').Bool("typisdefined", true).Char("typdelim", ',');
      b.Int("typrelid", array ? 0 : t.oid).Int("typelem", array ? RowTypeOid(t.oid) : 0);
      b.Int("typarray", array ? 0 : RowArrayTypeOid(t.oid));
      b.Int("typinput", array ? 750 : 2290).Int("typoutput", array ? 751 : 2291);
      b.Int("typreceive", array ? 2400 : 2402).Int("typsend", array ? 2401 : 2403);
      if (array) b.Int("typsubscript", 6179).Int("typanalyze", 3816);
      b.Char("typalign", 'd').Char("typstorage", 'x').Int("typtypmod", -1);
      b.Emit(out);
    }
  }
  AppendEnumTypeRows(scan, out);
}

void GenPgProc(SystemScan& scan, std::vector<Row>& out) {
  const SystemRelation& rel = PgCatalog("pg_proc");
  RowBuilder b(rel);
  size_t name = static_cast<size_t>(b.ColumnIndex("proname"));
  size_t args = static_cast<size_t>(b.ColumnIndex("proargtypes"));
  std::vector<Row> all;
  EmitStaticRows(rel, "pg_proc", all);
  for (Row& row : all) {
    // Only functions the registry resolves with exactly these argument types.
    std::vector<Type> types;
    bool known = true;
    if (!row[args].is_null()) {
      for (const Value& item : DecodeArray(row[args]).items) {
        auto id = TypeIdOfOid(static_cast<catalog::Oid>(item.as_int()));
        if (!id) {
          known = false;
          break;
        }
        types.push_back(Type{*id, -1});
      }
    }
    if (!known) continue;
    auto info = ResolveFunction(row[name].as_string(), types);
    if (!info) continue;
    bool exact = true;
    for (size_t i = 0; i < types.size(); ++i) exact = exact && info->arg_types[i].id == types[i].id;
    if (exact) out.push_back(std::move(row));
  }
  AppendUserFunctionRows(scan, out);
}

}  // namespace basalt::engine::sql::system
