// engine/sql/system/catalog_lookup.hpp
//
// Lookups by OID for the catalog functions (pg_get_indexdef(oid), ...): they
// search the catalog as the calling statement's transaction sees it.
#pragma once

#include <optional>
#include <string>

#include "engine/catalog/catalog_defs.hpp"
#include "engine/sql/exec/exec_context.hpp"
#include "engine/sql/system/object_definitions.hpp"

namespace basalt::engine::sql::system {

struct IndexRef {
  catalog::TableDef table;
  int index = -1;  // -1: the primary key's index
};

struct ConstraintRef {
  catalog::TableDef table;
  ConstraintFacts facts;
};

std::optional<catalog::TableDef> FindTableByOid(EvalContext& ctx, catalog::Oid oid);
std::optional<IndexRef> FindIndex(EvalContext& ctx, catalog::Oid oid);
std::optional<ConstraintRef> FindConstraint(EvalContext& ctx, catalog::Oid oid);

// pg_get_userbyid: the role's name, or "unknown (OID=n)".
std::string RoleNameOrUnknown(EvalContext& ctx, catalog::Oid oid);

// pg_table_is_visible: pg_catalog relations, and relations an unqualified name finds on the search_path.
bool RelationIsVisible(EvalContext& ctx, catalog::Oid oid);

// format_type(oid, typmod) for built-in and table row types.
std::string FormatTypeOid(catalog::Oid oid, int32_t typmod);

enum class SignaturePart { kResult, kArguments };
// pg_get_function_result / _arguments of a pg_proc row Basalt serves.
std::optional<std::string> FunctionSignature(catalog::Oid oid, SignaturePart part);

// pg_get_serial_sequence(table, column): "schema.sequence" owned by the column.
std::optional<std::string> OwnedSequence(EvalContext& ctx, const std::string& table, const std::string& column);

}  // namespace basalt::engine::sql::system
