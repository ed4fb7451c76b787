// engine/sql/types/acl_item.hpp
//
// aclitem (OID 1033): one entry of an access privilege list,
// "grantee=privileges/grantor" (an empty grantee is PUBLIC), as
// pg_class.relacl and friends show it. Basalt keeps the value as its
// canonical text (privilege letters in PostgreSQL's order, '*' after a
// privilege held WITH GRANT OPTION, names quoted as putid() quotes them), so
// output is the stored string.
//
// Input follows PostgreSQL 15's aclparse (utils/adt/acl.c): optional
// "group"/"user" keyword, names not case-folded, roles must exist (checked
// through the session's resolver, regrole lookup), privileges from
// "arwdDxtXUCTcsA". A missing "/grantor" defaults to the bootstrap superuser
// (PostgreSQL also warns; Basalt does not).
#pragma once

#include <string>
#include <string_view>

namespace basalt::engine::sql {

// aclitemin: the canonical text; 22P02 on bad syntax, 42704 for an unknown role.
std::string ParseAclItem(std::string_view text);

// putid: `name` as an aclitem prints it (double-quoted unless alphanumeric/_).
std::string AclQuoteName(std::string_view name);

}  // namespace basalt::engine::sql
