// CREATE ROLE / USER / GROUP and ALTER ROLE / USER: the options keep
// PostgreSQL's DefElem names and their values as text (Boolean flags become
// "true"/"false"); the session checks and applies them (session_role.cpp).
#include "engine/sql/parser/transformer.hpp"

namespace basalt::engine::sql {

namespace {

std::vector<ast::RoleOption> RoleOptions(const Transformer& t,
                                         const google::protobuf::RepeatedPtrField<pg_query::Node>& nodes) {
  std::vector<ast::RoleOption> out;
  for (const auto& n : nodes) {
    const auto& def = n.def_elem();
    if (def.defname() == "addroleto" || def.defname() == "rolemembers" || def.defname() == "adminmembers") {
      t.Unsupported("role membership clauses (IN ROLE, ROLE, ADMIN)", def.location());
    }
    ast::RoleOption opt;
    opt.name = def.defname();
    opt.location = def.location();
    if (def.has_arg()) opt.value = t.DefElemText(def);
    out.push_back(std::move(opt));
  }
  return out;
}

}  // namespace

ast::CreateRoleStmt Transformer::TransformCreateRole(const pg_query::CreateRoleStmt& node) {
  ast::CreateRoleStmt out;
  out.is_user = node.stmt_type() == pg_query::ROLESTMT_USER;
  out.name = node.role();
  out.options = RoleOptions(*this, node.options());
  return out;
}

ast::AlterRoleStmt Transformer::TransformAlterRole(const pg_query::AlterRoleStmt& node) {
  ast::AlterRoleStmt out;
  const auto& spec = node.role();
  out.location = spec.location();
  switch (spec.roletype()) {
    case pg_query::ROLESPEC_CSTRING:
      out.name = spec.rolename();
      break;
    case pg_query::ROLESPEC_CURRENT_USER:
    case pg_query::ROLESPEC_SESSION_USER:
    case pg_query::ROLESPEC_CURRENT_ROLE:
      out.current_user = true;
      break;
    default:
      Unsupported("ALTER ROLE ALL", spec.location());
  }
  out.options = RoleOptions(*this, node.options());
  return out;
}

}  // namespace basalt::engine::sql
