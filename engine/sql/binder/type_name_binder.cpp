// User-defined type names resolve through the catalog at the transaction's
// snapshot, after the built-in names (a user type cannot shadow int4 unless
// schema-qualified, as with PostgreSQL's default search_path, where
// pg_catalog comes first).
#include "engine/sql/binder/type_name_binder.hpp"

#include <fmt/format.h>

#include "engine/catalog/search_path.hpp"
#include "engine/catalog/user_objects.hpp"
#include "engine/sql/binder/binder.hpp"
#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/types/typmod.hpp"

namespace basalt::engine::sql {

Type OperandType(TypeId id, Type self, Type other) {
  if (id != TypeId::kEnum) return Type{id, -1};
  return self.id == TypeId::kEnum ? Type{TypeId::kEnum, -1, self.oid} : Type{TypeId::kEnum, -1, other.oid};
}

void CheckEnumOperands(std::string_view op, Type left, Type right, int location) {
  if (left.id == TypeId::kEnum && right.id == TypeId::kEnum && left.oid != right.oid) {
    throw AtLocation(DbError(SqlState::kUndefinedFunction,
                             fmt::format("operator does not exist: {} {} {}", FormatType(left), op, FormatType(right)))
                         .WithHint("No operator matches the given name and argument types. You might need to add "
                                   "explicit type casts."),
                     location);
  }
}

std::optional<Type> Binder::LookupTypeName(const ast::TypeName& tn) {
  if (auto t = LookupType(tn.names, tn.modifiers, tn.array_bounds)) return t;
  if (tn.names.empty() || tn.names.size() > 2) return std::nullopt;
  std::optional<catalog::EnumTypeDef> def;
  if (tn.names.size() == 2) {
    if (tn.names[0] == "pg_catalog") return std::nullopt;
    ast::RangeVar rv;
    rv.schema = tn.names[0];
    rv.name = tn.names[1];
    rv.location = tn.location;
    def = catalog::FindEnumType(txn_, database_, ResolveCreationSchema(rv), tn.names.back());
  } else {
    for (catalog::Oid schema : catalog::ActiveSearchPath(txn_, database_, /*implicit=*/false)) {
      if ((def = catalog::FindEnumType(txn_, database_, schema, tn.names.back()))) break;
    }
  }
  if (!def) return std::nullopt;
  if (!tn.modifiers.empty()) {
    throw AtLocation(DbError(SqlState::kSyntaxError,
                             fmt::format("type modifier is not allowed for type \"{}\"", def->name)),
                     tn.location);
  }
  if (tn.array_bounds > 0) {
    throw AtLocation(DbError(SqlState::kFeatureNotSupported, "arrays of enum types are not supported yet"),
                     tn.location);
  }
  return def->type();
}

}  // namespace basalt::engine::sql
