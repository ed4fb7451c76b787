// engine/sql/types/reg_types.hpp
//
// The object identifier types besides regclass: regtype (2206), regproc (24),
// regprocedure (2202), regoper (2203), regoperator (2204), regnamespace (4089)
// and regrole (4096). Each value is an OID (Value::Int, 0..2^32-1) that reads
// and prints as the object's name. As for regclass (regclass.hpp), the names
// live in the catalog, which this layer cannot see: the session's
// RelationResolver answers ObjectOid/ObjectName (engine/sql/system's
// SystemRelationResolver implements them over the pg_type, pg_proc,
// pg_namespace and pg_authid rows).
//
// Invariants, as PostgreSQL's regprocin & co. (utils/adt/regproc.c):
//  - input: all digits is the OID itself, "-" is 0, anything else a name;
//  - output: 0 prints "-", an OID no object has prints as the number.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/sql/types/type.hpp"

namespace basalt::engine::sql {

// regclass or one of the types above (not aclitem).
bool IsRegType(TypeId id);

// regXXXin: the OID `text` names; PostgreSQL's errors when nothing matches.
uint32_t RegObjectIn(TypeId reg_type, std::string_view text);
// regXXXout.
std::string RegObjectOut(TypeId reg_type, uint32_t oid);

// format_type_be for a type OID Basalt knows without the catalog (built-in
// types, registered enums); nullopt otherwise.
std::optional<std::string> BuiltinTypeDisplayName(uint32_t oid);

// parseNameAndArgTypes (regprocedure, regoperator): "name(arg, arg)" split
// into the raw name and the raw argument type texts; 42601 on bad syntax.
struct NameAndArgs {
  std::string name;
  std::vector<std::string> args;
};
NameAndArgs SplitNameAndArgs(std::string_view text);

// The errors a failed name lookup raises (also used by the resolvers).
[[noreturn]] void ThrowRegNotFound(TypeId reg_type, std::string_view text);

}  // namespace basalt::engine::sql
