// CREATE TABLE (CreateStmt with ColumnDefs and Constraints) and CREATE TABLE AS.
#include <fmt/format.h>

#include "engine/sql/parser/transformer.hpp"

namespace basalt::engine::sql {

namespace {

bool IsConstraintAttribute(pg_query::ConstrType t) {
  return t == pg_query::CONSTR_ATTR_DEFERRABLE || t == pg_query::CONSTR_ATTR_NOT_DEFERRABLE ||
         t == pg_query::CONSTR_ATTR_DEFERRED || t == pg_query::CONSTR_ATTR_IMMEDIATE;
}

char ActionLetter(const std::string& action) { return action.empty() ? 'a' : action[0]; }

}  // namespace

ast::Constraint Transformer::TransformConstraint(const pg_query::Constraint& node) {
  ast::Constraint c;
  c.name = node.conname();
  c.location = node.location();
  c.deferrable = node.deferrable();
  c.initially_deferred = node.initdeferred();
  if (node.including_size() > 0) Unsupported("INCLUDE in a constraint", node.location());
  if (!node.indexspace().empty()) Unsupported("USING INDEX TABLESPACE", node.location());
  if (!node.indexname().empty()) Unsupported("USING INDEX", node.location());
  switch (node.contype()) {
    case pg_query::CONSTR_NULL: c.kind = ast::ConstraintKind::kNull; break;
    case pg_query::CONSTR_NOTNULL: c.kind = ast::ConstraintKind::kNotNull; break;
    case pg_query::CONSTR_DEFAULT:
      c.kind = ast::ConstraintKind::kDefault;
      c.expr = TransformExpr(node.raw_expr());
      break;
    case pg_query::CONSTR_IDENTITY:
      c.sequence_options = TransformSequenceOptions(node.options());
      c.kind = ast::ConstraintKind::kIdentity;
      c.identity_kind = node.generated_when().empty() ? 'a' : node.generated_when()[0];
      break;
    case pg_query::CONSTR_GENERATED:
      c.kind = ast::ConstraintKind::kGenerated;
      c.expr = TransformExpr(node.raw_expr());
      break;
    case pg_query::CONSTR_CHECK:
      c.kind = ast::ConstraintKind::kCheck;
      c.expr = TransformExpr(node.raw_expr());
      break;
    case pg_query::CONSTR_PRIMARY:
      c.kind = ast::ConstraintKind::kPrimaryKey;
      c.columns = StringList(node.keys());
      break;
    case pg_query::CONSTR_UNIQUE:
      if (node.nulls_not_distinct()) Unsupported("UNIQUE NULLS NOT DISTINCT", node.location());
      c.kind = ast::ConstraintKind::kUnique;
      c.columns = StringList(node.keys());
      break;
    case pg_query::CONSTR_FOREIGN:
      // MATCH SIMPLE is the default ('s'); FULL and PARTIAL change semantics.
      if (!node.fk_matchtype().empty() && node.fk_matchtype() != "s") {
        Unsupported("MATCH FULL / MATCH PARTIAL", node.location());
      }
      if (node.fk_del_set_cols_size() > 0) Unsupported("ON DELETE SET NULL (columns)", node.location());
      c.kind = ast::ConstraintKind::kForeignKey;
      c.columns = StringList(node.fk_attrs());
      c.ref_table = TransformRangeVar(node.pktable());
      c.ref_columns = StringList(node.pk_attrs());
      c.on_update = ActionLetter(node.fk_upd_action());
      c.on_delete = ActionLetter(node.fk_del_action());
      break;
    case pg_query::CONSTR_EXCLUSION: Unsupported("EXCLUDE constraints", node.location());
    default: Unsupported("Constraint", node.location());
  }
  return c;
}

ast::ColumnDef Transformer::TransformColumnDef(const pg_query::ColumnDef& node) {
  ast::ColumnDef col;
  col.name = node.colname();
  col.location = node.location();
  col.type = TransformTypeName(node.type_name());
  if (node.has_coll_clause()) col.collation = StringList(node.coll_clause().collname());
  for (const auto& n : node.constraints()) {
    const auto& con = n.constraint();
    if (!IsConstraintAttribute(con.contype())) {
      col.constraints.push_back(TransformConstraint(con));
      continue;
    }
    // DEFERRABLE / INITIALLY DEFERRED after a column constraint arrive as
    // separate nodes that modify the one before (PostgreSQL's
    // transformConstraintAttrs).
    if (col.constraints.empty()) SyntaxError("misplaced DEFERRABLE clause", con.location());
    ast::Constraint& prev = col.constraints.back();
    switch (con.contype()) {
      case pg_query::CONSTR_ATTR_DEFERRABLE: prev.deferrable = true; break;
      case pg_query::CONSTR_ATTR_NOT_DEFERRABLE: prev.deferrable = false; break;
      case pg_query::CONSTR_ATTR_DEFERRED:
        prev.initially_deferred = true;
        prev.deferrable = true;
        break;
      default: prev.initially_deferred = false; break;
    }
  }
  return col;
}

ast::CreateTableStmt Transformer::TransformCreateTable(const pg_query::CreateStmt& node) {
  ast::CreateTableStmt out;
  const int loc = node.relation().location();
  out.table = TransformRangeVar(node.relation());
  out.if_not_exists = node.if_not_exists();
  out.temporary = node.relation().relpersistence() == "t";
  out.unlogged = node.relation().relpersistence() == "u";
  if (node.inh_relations_size() > 0) Unsupported("INHERITS", loc);
  if (node.has_partspec()) Unsupported("PARTITION BY", loc);
  if (node.has_partbound()) Unsupported("PARTITION OF", loc);
  if (node.has_of_typename()) Unsupported("CREATE TABLE OF type", loc);
  if (!node.tablespacename().empty()) Unsupported("TABLESPACE", loc);
  if (!node.access_method().empty()) Unsupported("table access methods", loc);
  if (node.oncommit() == pg_query::ONCOMMIT_DELETE_ROWS || node.oncommit() == pg_query::ONCOMMIT_DROP) {
    Unsupported("ON COMMIT DELETE ROWS / DROP", loc);
  }
  // Storage parameters (WITH (fillfactor = 100), which pgbench -i sends) only
  // tune PostgreSQL's heap; they are kept as pg_class.reloptions shows them.
  for (const auto& o : node.options()) {
    const auto& d = o.def_elem();
    std::string name = d.defnamespace().empty() ? d.defname() : d.defnamespace() + "." + d.defname();
    out.options.push_back(d.has_arg() ? name + "=" + DefElemText(d) : name + "=true");
  }
  for (const auto& elt : node.table_elts()) {
    switch (elt.node_case()) {
      case pg_query::Node::kColumnDef: out.columns.push_back(TransformColumnDef(elt.column_def())); break;
      case pg_query::Node::kConstraint: out.constraints.push_back(TransformConstraint(elt.constraint())); break;
      case pg_query::Node::kTableLikeClause: Unsupported("LIKE in CREATE TABLE", loc);
      default: Unsupported(NodeName(elt), NodeLocation(elt));
    }
  }
  for (const auto& c : node.constraints()) out.constraints.push_back(TransformConstraint(c.constraint()));
  return out;
}

ast::CreateTableStmt Transformer::TransformCreateTableAs(const pg_query::CreateTableAsStmt& node) {
  const auto& into = node.into();
  const int loc = into.rel().location();
  if (node.objtype() == pg_query::OBJECT_MATVIEW) Unsupported("materialized views", loc);
  if (!node.query().has_select_stmt()) Unsupported(NodeName(node.query()), loc);
  if (!into.table_space_name().empty()) Unsupported("TABLESPACE", loc);
  if (!into.access_method().empty()) Unsupported("table access methods", loc);
  if (into.on_commit() == pg_query::ONCOMMIT_DELETE_ROWS || into.on_commit() == pg_query::ONCOMMIT_DROP) {
    Unsupported("ON COMMIT DELETE ROWS / DROP", loc);
  }
  ast::CreateTableStmt out;
  out.table = TransformRangeVar(into.rel());
  out.if_not_exists = node.if_not_exists();
  out.temporary = into.rel().relpersistence() == "t";
  out.unlogged = into.rel().relpersistence() == "u";
  out.as_columns = StringList(into.col_names());
  out.skip_data = into.skip_data();
  out.as_query = std::make_unique<ast::SelectStmt>(TransformSelect(node.query().select_stmt()));
  return out;
}

}  // namespace basalt::engine::sql
