// engine/sql/exec/ddl_user_objects.hpp
//
// Shared helpers of the user-object DDL files (ddl_type.cpp, ddl_function.cpp,
// ddl_comment.cpp). Their entry points are the ExecuteDdl overloads declared
// in ddl_dispatch.hpp.
#pragma once

#include <string>

#include "engine/catalog/user_objects.hpp"
#include "engine/sql/binder/binder.hpp"

namespace basalt::engine::sql {

// The schema OID a [schema.]name refers to: the search_path's creation schema
// when unqualified; 3F000 for an unknown schema.
catalog::Oid LookupObjectSchema(Binder& binder, const ast::ObjectName& name);
// "name" or "schema.name", as PostgreSQL's messages show the name.
std::string ShownName(const ast::ObjectName& name);
// The enum type `name`; 42704 `type "x" does not exist` if absent.
catalog::EnumTypeDef ResolveEnumType(Binder& binder, const ast::ObjectName& name);

}  // namespace basalt::engine::sql
