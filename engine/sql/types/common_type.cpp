// select_common_type and the implicit-cast check of coerce_to_common_type,
// following PostgreSQL 15's parse_coerce.c step by step.
#include "engine/sql/types/common_type.hpp"

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/casts.hpp"

namespace basalt::engine::sql {

TypeId SelectCommonType(const std::vector<TypeId>& types, std::string_view context) {
  TypeId ptype = TypeId::kUnknown;
  for (TypeId ntype : types) {
    if (ntype == TypeId::kUnknown || ntype == ptype) continue;
    if (ptype == TypeId::kUnknown) {
      ptype = ntype;
    } else if (TypeCategory(ntype) != TypeCategory(ptype)) {
      throw DbError(SqlState::kDatatypeMismatch,
                    fmt::format("{} types {} and {} cannot be matched", context, TypeDisplayName(ptype),
                                TypeDisplayName(ntype)));
    } else if (!IsPreferredType(ptype) && CanCast(ptype, ntype, CastContext::kImplicit) &&
               !CanCast(ntype, ptype, CastContext::kImplicit)) {
      ptype = ntype;
    }
  }
  if (ptype == TypeId::kUnknown) return TypeId::kText;
  for (TypeId t : types) {
    if (!CanCast(t, ptype, CastContext::kImplicit)) {
      throw DbError(SqlState::kCannotCoerce, fmt::format("{} could not convert type {} to {}", context,
                                                         TypeDisplayName(t), TypeDisplayName(ptype)));
    }
  }
  return ptype;
}

}  // namespace basalt::engine::sql
