// CREATE/ALTER SEQUENCE (also the options of identity columns), TRUNCATE,
// VACUUM/ANALYZE and CREATE SCHEMA.
#include <fmt/format.h>

#include "engine/sql/parser/transformer.hpp"

namespace basalt::engine::sql {

std::vector<ast::SequenceOption> Transformer::TransformSequenceOptions(
    const google::protobuf::RepeatedPtrField<pg_query::Node>& nodes) {
  std::vector<ast::SequenceOption> out;
  for (const auto& n : nodes) {
    if (!n.has_def_elem()) Unsupported(NodeName(n), NodeLocation(n));
    const pg_query::DefElem& d = n.def_elem();
    ast::SequenceOption o;
    o.name = d.defname();
    o.location = d.location();
    o.has_value = d.has_arg();
    if (o.name == "as") {
      o.type = TransformTypeName(d.arg().type_name());
    } else if (o.name == "cycle") {
      o.flag = DefElemBool(d);
    } else if (o.name == "owned_by" || o.name == "sequence_name") {
      if (d.arg().has_list()) o.names = StringList(d.arg().list().items());
    } else if (o.has_value) {
      o.value = DefElemText(d);
    }
    out.push_back(std::move(o));
  }
  return out;
}

ast::CreateSequenceStmt Transformer::TransformCreateSequence(const pg_query::CreateSeqStmt& node) {
  ast::CreateSequenceStmt out;
  out.sequence = TransformRangeVar(node.sequence());
  if (node.sequence().relpersistence() == "t") Unsupported("temporary sequences", node.sequence().location());
  out.if_not_exists = node.if_not_exists();
  out.options = TransformSequenceOptions(node.options());
  return out;
}

ast::AlterSequenceStmt Transformer::TransformAlterSequence(const pg_query::AlterSeqStmt& node) {
  ast::AlterSequenceStmt out;
  out.sequence = TransformRangeVar(node.sequence());
  out.if_exists = node.missing_ok();
  out.options = TransformSequenceOptions(node.options());
  return out;
}

ast::TruncateStmt Transformer::TransformTruncate(const pg_query::TruncateStmt& node) {
  ast::TruncateStmt out;
  for (const auto& r : node.relations()) {
    if (!r.has_range_var()) Unsupported(NodeName(r), NodeLocation(r));
    if (!r.range_var().inh()) Unsupported("TRUNCATE ONLY", r.range_var().location());
    out.tables.push_back(TransformRangeVar(r.range_var()));
  }
  out.restart_identity = node.restart_seqs();
  out.cascade = node.behavior() == pg_query::DROP_CASCADE;
  return out;
}

ast::VacuumStmt Transformer::TransformVacuum(const pg_query::VacuumStmt& node) {
  ast::VacuumStmt out;
  out.is_vacuum = node.is_vacuumcmd();
  for (const auto& n : node.options()) {
    const pg_query::DefElem& d = n.def_elem();
    const std::string& name = d.defname();
    bool on = DefElemBool(d);
    if (name == "full") {
      out.full = on;
    } else if (name == "analyze") {
      out.analyze = on;
    } else if (name == "verbose") {
      out.verbose = on;
    } else if (name == "freeze" || name == "skip_locked" || name == "disable_page_skipping" ||
               name == "index_cleanup" || name == "truncate" || name == "process_toast" || name == "parallel") {
      // Heap-maintenance knobs of PostgreSQL that have no counterpart here.
    } else {
      SyntaxError(fmt::format("unrecognized {} option \"{}\"", out.is_vacuum ? "VACUUM" : "ANALYZE", name),
                  d.location());
    }
  }
  for (const auto& r : node.rels()) {
    const auto& vr = r.vacuum_relation();
    out.tables.push_back(TransformRangeVar(vr.relation()));
  }
  return out;
}

ast::CreateSchemaStmt Transformer::TransformCreateSchema(const pg_query::CreateSchemaStmt& node) {
  ast::CreateSchemaStmt out;
  out.name = node.schemaname();
  if (node.has_authrole()) {
    if (node.authrole().roletype() != pg_query::ROLESPEC_CSTRING) {
      Unsupported("AUTHORIZATION of a special role", node.authrole().location());
    }
    out.authorization = node.authrole().rolename();
  }
  out.if_not_exists = node.if_not_exists();
  out.has_elements = node.schema_elts_size() > 0;
  return out;
}

}  // namespace basalt::engine::sql
