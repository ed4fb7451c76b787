// DROP TABLE/INDEX/VIEW/SEQUENCE/SCHEMA/... (DropStmt) and DROP ROLE.
#include "engine/sql/parser/transformer.hpp"

namespace basalt::engine::sql {

namespace {

ast::ObjectKind MapObjectKind(pg_query::ObjectType t) {
  switch (t) {
    case pg_query::OBJECT_TABLE: return ast::ObjectKind::kTable;
    case pg_query::OBJECT_INDEX: return ast::ObjectKind::kIndex;
    case pg_query::OBJECT_VIEW: return ast::ObjectKind::kView;
    case pg_query::OBJECT_SEQUENCE: return ast::ObjectKind::kSequence;
    case pg_query::OBJECT_SCHEMA: return ast::ObjectKind::kSchema;
    case pg_query::OBJECT_DATABASE: return ast::ObjectKind::kDatabase;
    case pg_query::OBJECT_ROLE: return ast::ObjectKind::kRole;
    default: return ast::ObjectKind::kOther;
  }
}

}  // namespace

ast::DropStmt Transformer::TransformDrop(const pg_query::DropStmt& node) {
  ast::DropStmt out;
  out.kind = MapObjectKind(node.remove_type());
  out.if_exists = node.missing_ok();
  out.cascade = node.behavior() == pg_query::DROP_CASCADE;
  // DROP INDEX CONCURRENTLY only changes how PostgreSQL locks; the result is the same.
  for (const auto& obj : node.objects()) {
    ast::RangeVar rv;
    if (obj.has_list()) {
      // Relations are dotted name lists: [catalog.][schema.]name.
      std::vector<std::string> names = StringList(obj.list().items());
      if (names.empty() || names.size() > 3) {
        SyntaxError("improper qualified name (too many dotted names)");
      }
      rv.name = names.back();
      if (names.size() >= 2) rv.schema = names[names.size() - 2];
      if (names.size() == 3) rv.catalog = names[0];
    } else if (obj.has_string()) {
      // Schemas (and other unqualified objects) are bare names.
      rv.name = obj.string().sval();
    } else if (out.kind == ast::ObjectKind::kOther) {
      // Functions, types, casts, ...: not names Basalt can express; the binder
      // rejects kOther anyway.
      continue;
    } else {
      Unsupported(NodeName(obj), NodeLocation(obj));
    }
    out.objects.push_back(std::move(rv));
  }
  return out;
}

ast::DropStmt Transformer::TransformDropRole(const pg_query::DropRoleStmt& node) {
  ast::DropStmt out;
  out.kind = ast::ObjectKind::kRole;
  out.if_exists = node.missing_ok();
  for (const auto& r : node.roles()) {
    const auto& spec = r.role_spec();
    if (spec.roletype() != pg_query::ROLESPEC_CSTRING) Unsupported("DROP ROLE of a special role", spec.location());
    ast::RangeVar rv;
    rv.name = spec.rolename();
    rv.location = spec.location();
    out.objects.push_back(std::move(rv));
  }
  return out;
}

}  // namespace basalt::engine::sql
