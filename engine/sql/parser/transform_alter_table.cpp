// ALTER TABLE / ALTER SEQUENCE ... (AlterTableStmt) and RENAME (RenameStmt).
#include <fmt/format.h>

#include "engine/sql/parser/transformer.hpp"

namespace basalt::engine::sql {
namespace {

ast::ObjectKind RelationKind(pg_query::ObjectType t) {
  switch (t) {
    case pg_query::OBJECT_TABLE: return ast::ObjectKind::kTable;
    case pg_query::OBJECT_SEQUENCE: return ast::ObjectKind::kSequence;
    case pg_query::OBJECT_VIEW: return ast::ObjectKind::kView;
    case pg_query::OBJECT_INDEX: return ast::ObjectKind::kIndex;
    case pg_query::OBJECT_SCHEMA: return ast::ObjectKind::kSchema;
    default: return ast::ObjectKind::kOther;
  }
}

}  // namespace

ast::AlterTableStmt Transformer::TransformAlterTable(const pg_query::AlterTableStmt& node) {
  ast::AlterTableStmt out;
  out.table = TransformRangeVar(node.relation());
  out.kind = RelationKind(node.objtype());
  out.if_exists = node.missing_ok();
  for (const auto& n : node.cmds()) {
    const pg_query::AlterTableCmd& c = n.alter_table_cmd();
    ast::AlterTableCmd cmd;
    cmd.name = c.name();
    cmd.missing_ok = c.missing_ok();
    cmd.cascade = c.behavior() == pg_query::DROP_CASCADE;
    switch (c.subtype()) {
      case pg_query::AT_AddColumn:
      case pg_query::AT_AddColumnRecurse:
        cmd.kind = ast::AlterTableKind::kAddColumn;
        cmd.column = std::make_unique<ast::ColumnDef>(TransformColumnDef(c.def().column_def()));
        break;
      case pg_query::AT_DropColumn:
      case pg_query::AT_DropColumnRecurse: cmd.kind = ast::AlterTableKind::kDropColumn; break;
      case pg_query::AT_ColumnDefault:
        if (c.has_def()) {
          cmd.kind = ast::AlterTableKind::kSetDefault;
          cmd.expr = TransformExpr(c.def());
        } else {
          cmd.kind = ast::AlterTableKind::kDropDefault;
        }
        break;
      case pg_query::AT_SetNotNull: cmd.kind = ast::AlterTableKind::kSetNotNull; break;
      case pg_query::AT_DropNotNull: cmd.kind = ast::AlterTableKind::kDropNotNull; break;
      case pg_query::AT_AlterColumnType: {
        cmd.kind = ast::AlterTableKind::kAlterColumnType;
        const auto& cd = c.def().column_def();
        cmd.column = std::make_unique<ast::ColumnDef>();
        cmd.column->name = c.name();
        cmd.column->type = TransformTypeName(cd.type_name());
        if (cd.has_raw_default()) cmd.expr = TransformExpr(cd.raw_default());
        if (cd.has_coll_clause()) Unsupported("COLLATE in ALTER COLUMN TYPE", cd.location());
        break;
      }
      case pg_query::AT_AddConstraint:
      case pg_query::AT_AddConstraintRecurse:
        cmd.kind = ast::AlterTableKind::kAddConstraint;
        cmd.constraint = std::make_unique<ast::Constraint>(TransformConstraint(c.def().constraint()));
        break;
      case pg_query::AT_DropConstraint:
      case pg_query::AT_DropConstraintRecurse: cmd.kind = ast::AlterTableKind::kDropConstraint; break;
      case pg_query::AT_SetRelOptions:
      case pg_query::AT_ResetRelOptions: {
        // The options travel as "name=value" lines in `name` (RESET: bare names)
        // and `node_name` tells SET from RESET.
        cmd.kind = ast::AlterTableKind::kSetOptions;
        cmd.node_name = pg_query::AlterTableType_Name(c.subtype());
        cmd.name.clear();
        for (const auto& o : c.def().list().items()) {
          const auto& d = o.def_elem();
          std::string opt = d.defnamespace().empty() ? d.defname() : d.defnamespace() + "." + d.defname();
          if (c.subtype() == pg_query::AT_SetRelOptions) opt += "=" + (d.has_arg() ? DefElemText(d) : "true");
          if (!cmd.name.empty()) cmd.name += '\n';
          cmd.name += opt;
        }
        break;
      }
      case pg_query::AT_ChangeOwner:
        // OWNER TO: the role name travels in `name` ("" for CURRENT_USER / SESSION_USER).
        cmd.kind = ast::AlterTableKind::kOther;
        cmd.node_name = pg_query::AlterTableType_Name(c.subtype());
        cmd.name = c.newowner().rolename();
        break;
      default:
        cmd.kind = ast::AlterTableKind::kOther;
        cmd.node_name = pg_query::AlterTableType_Name(c.subtype());
        break;
    }
    out.cmds.push_back(std::move(cmd));
  }
  return out;
}

ast::RenameStmt Transformer::TransformRename(const pg_query::RenameStmt& node) {
  ast::RenameStmt out;
  out.if_exists = node.missing_ok();
  out.new_name = node.newname();
  out.subname = node.subname();
  switch (node.rename_type()) {
    case pg_query::OBJECT_COLUMN:
      out.column = true;
      out.kind = RelationKind(node.relation_type());
      break;
    case pg_query::OBJECT_TABCONSTRAINT:
      out.constraint = true;
      out.kind = ast::ObjectKind::kTable;
      break;
    case pg_query::OBJECT_SCHEMA: out.kind = ast::ObjectKind::kSchema; break;
    default: out.kind = RelationKind(node.rename_type()); break;
  }
  if (node.has_relation()) out.relation = TransformRangeVar(node.relation());
  return out;
}

}  // namespace basalt::engine::sql
