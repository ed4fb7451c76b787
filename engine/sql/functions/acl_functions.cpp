// acldefault(objtype "char", owner oid) -> aclitem[]: the privileges an object
// of that kind has while its ACL column is NULL (PostgreSQL 15 utils/adt/acl.c
// acldefault). pg_dump asks for it for every schema, table, function, type
// and database; Basalt has no GRANT yet, so every ACL it shows is this default.
#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/functions/function_registry.hpp"
#include "engine/sql/types/acl_item.hpp"
#include "engine/sql/types/array_value.hpp"
#include "engine/sql/types/reg_types.hpp"
#include "engine/sql/types/regclass.hpp"

namespace basalt::engine::sql {
namespace {

// The role's name as aclitemout prints it (the OID when no role has it).
std::string OwnerName(uint32_t owner) {
  if (RelationResolver* r = CurrentRelationResolver()) {
    if (auto name = r->ObjectName(TypeId::kRegrole, owner)) {
      // ObjectName quotes like quote_ident; aclitem quotes like putid.
      if (name->size() >= 2 && name->front() == '"') {
        std::string raw;
        for (size_t i = 1; i + 1 < name->size(); ++i) {
          if ((*name)[i] == '"') ++i;
          raw += (*name)[i];
        }
        return AclQuoteName(raw);
      }
      return AclQuoteName(*name);
    }
  }
  return std::to_string(owner);
}

Value AclDefault(std::span<const Value> a, const std::vector<Type>&, Type, EvalContext&) {
  std::string kind = a[0].as_string();
  auto owner = static_cast<uint32_t>(a[1].as_int());
  // {world privileges, owner privileges} per object kind (ACL_ALL_RIGHTS_*).
  const char* world = "";
  const char* mine = "";
  switch (kind.empty() ? '\0' : kind[0]) {
    case 'c': break;  // columns: no privileges beyond the table's
    case 'r': mine = "arwdDxt"; break;
    case 's': mine = "rwU"; break;
    case 'd': world = "Tc", mine = "CTc"; break;
    case 'f': world = "X", mine = "X"; break;
    case 'l': world = "U", mine = "U"; break;
    case 'L': mine = "rw"; break;
    case 'n': mine = "UC"; break;
    case 'p': mine = "sA"; break;
    case 't': mine = "C"; break;
    case 'F': mine = "U"; break;
    case 'S': mine = "U"; break;
    case 'T': world = "U", mine = "U"; break;
    default:
      throw DbError(SqlState::kInternalError,
                    fmt::format("unrecognized objtype abbreviation: {}", kind.empty() ? "" : kind.substr(0, 1)));
  }
  std::string name = OwnerName(owner);
  std::vector<Value> items;
  if (*world) items.push_back(Value::String(fmt::format("={}/{}", world, name)));
  if (*mine) items.push_back(Value::String(fmt::format("{}={}/{}", name, mine, name)));
  return MakeArray(items);
}

}  // namespace

void RegisterAclFunctions(std::vector<FunctionEntry>& v) {
  v.push_back({"acldefault", FunctionInfo{{Type{TypeId::kChar, -1}, Type{TypeId::kOid, -1}},
                                          Type{TypeId::kAclItemArray, -1}, &AclDefault}});
}

}  // namespace basalt::engine::sql
