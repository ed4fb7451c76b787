// CREATE / ALTER / DROP SEQUENCE (PostgreSQL's DefineSequence, AlterSequence,
// process_owned_by and the sequence arm of RemoveRelations).
#include <fmt/format.h>

#include "engine/catalog/relation_resolver.hpp"
#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/exec/ddl_sequence.hpp"

namespace basalt::engine::sql {
namespace {

std::string Shown(const ast::RangeVar& rv) { return rv.schema.empty() ? rv.name : rv.schema + "." + rv.name; }

// OWNED BY t.c / OWNED BY NONE into the definition.
void ApplyOwnedBy(const std::vector<std::string>& names, Binder& binder, catalog::Oid seq_schema,
                  catalog::SequenceDef& seq) {
  if (names.empty()) return;
  if (names.size() == 1) {
    if (names[0] != "none") {
      throw DbError(SqlState::kSyntaxError, "invalid OWNED BY option")
          .WithHint("Specify OWNED BY table.column or OWNED BY NONE.");
    }
    seq.owned_by_table = 0;
    seq.owned_by_column.clear();
    return;
  }
  ast::RangeVar rv;
  rv.name = names[names.size() - 2];
  if (names.size() >= 3) rv.schema = names[names.size() - 3];
  auto table = binder.LookupTable(rv);
  if (!table) throw DbError(SqlState::kUndefinedTable, fmt::format("relation \"{}\" does not exist", Shown(rv)));
  if (table->relkind != 'r') {
    throw DbError(SqlState::kWrongObjectType, fmt::format("sequence cannot be owned by relation \"{}\"", table->name))
        .WithDetail(fmt::format("This operation is not supported for sequences."));
  }
  if (table->schema != seq_schema) {
    throw DbError(SqlState::kObjectNotInPrerequisiteState, "sequence must be in same schema as table it is linked to");
  }
  if (table->FindColumn(names.back()) < 0) {
    throw DbError(SqlState::kUndefinedColumn,
                  fmt::format("column \"{}\" of relation \"{}\" does not exist", names.back(), table->name));
  }
  seq.owned_by_table = table->oid;
  seq.owned_by_column = names.back();
}

}  // namespace

catalog::TableDef CreateSequenceRelation(ExecContext& ctx, catalog::Oid database, catalog::Oid schema,
                                         const std::string& name, catalog::Oid owner, const catalog::SequenceDef& seq) {
  catalog::TableDef t;
  t.database = database;
  t.schema = schema;
  t.name = name;
  t.owner = owner;
  t.relkind = 'S';
  t.sequence = seq;
  const Type int8{TypeId::kInt8, -1};
  const Type boolean{TypeId::kBool, -1};
  t.columns.push_back(catalog::ColumnDef{"last_value", int8, true, "", 0});
  t.columns.push_back(catalog::ColumnDef{"log_cnt", int8, true, "", 0});
  t.columns.push_back(catalog::ColumnDef{"is_called", boolean, true, "", 0});
  ctx.catalog->CreateTable(*ctx.txn, t);
  return t;
}

void ExecuteCreateSequence(const ast::CreateSequenceStmt& stmt, Binder& binder, ExecContext& ctx,
                           catalog::Oid database, catalog::Oid owner, const NoticeFn& notice) {
  ctx.txn->CheckWritable("CREATE SEQUENCE");
  catalog::Oid schema = binder.ResolveCreationSchema(stmt.sequence);
  if (stmt.if_not_exists && ctx.catalog->FindTable(*ctx.txn, database, schema, stmt.sequence.name)) {
    notice(DbError(SqlState::kDuplicateTable, fmt::format("relation \"{}\" already exists, skipping", stmt.sequence.name))
               .WithSeverity(Severity::kNotice));
    return;
  }
  catalog::SequenceDef seq;
  int64_t last_value = 0;
  bool restarted = false;
  std::vector<std::string> owned_by;
  ApplySequenceOptions(stmt.options, /*is_create=*/true, /*for_identity=*/false, seq, last_value, &restarted,
                       &owned_by);
  if (ctx.catalog->FindTable(*ctx.txn, database, schema, stmt.sequence.name)) {
    throw DbError(SqlState::kDuplicateTable, fmt::format("relation \"{}\" already exists", stmt.sequence.name));
  }
  ApplyOwnedBy(owned_by, binder, schema, seq);
  CreateSequenceRelation(ctx, database, schema, stmt.sequence.name, owner, seq);
}

void ExecuteAlterSequence(const ast::AlterSequenceStmt& stmt, Binder& binder, ExecContext& ctx,
                          const NoticeFn& notice) {
  ctx.txn->CheckWritable("ALTER SEQUENCE");
  auto t = binder.LookupTable(stmt.sequence);
  if (!t) {
    if (stmt.if_exists) {
      notice(DbError(SqlState::kSuccessfulCompletion,
                     fmt::format("relation \"{}\" does not exist, skipping", Shown(stmt.sequence)))
                 .WithSeverity(Severity::kNotice));
      return;
    }
    throw DbError(SqlState::kUndefinedTable, fmt::format("relation \"{}\" does not exist", Shown(stmt.sequence)));
  }
  if (t->relkind != 'S' || !t->sequence) {
    throw DbError(SqlState::kWrongObjectType, fmt::format("\"{}\" is not a sequence", t->name));
  }
  catalog::SequenceStore& store = ctx.catalog->sequences();
  catalog::SequenceState state = store.Read(t->oid, *t->sequence);
  catalog::SequenceDef seq = *t->sequence;
  int64_t last_value = state.last_value;
  bool restarted = false;
  std::vector<std::string> owned_by;
  ApplySequenceOptions(stmt.options, /*is_create=*/false, /*for_identity=*/false, seq, last_value, &restarted,
                       &owned_by);
  ApplyOwnedBy(owned_by, binder, t->schema, seq);
  t->sequence = seq;
  ctx.catalog->UpdateTable(*ctx.txn, *t);
  // The running state is not transactional (PostgreSQL rewrites the sequence
  // tuple at once, too).
  if (restarted) {
    store.Set(t->oid, seq, last_value, false);
  } else {
    store.ResetLog(t->oid, seq);
  }
}

void ExecuteDropSequence(const ast::DropStmt& stmt, Binder& binder, ExecContext& ctx, const NoticeFn& notice) {
  ctx.txn->CheckWritable("DROP SEQUENCE");
  std::vector<catalog::TableDef> seqs;
  for (const ast::RangeVar& rv : stmt.objects) {
    auto t = binder.LookupTable(rv);
    if (!t) {
      if (stmt.if_exists) {
        notice(DbError(SqlState::kSuccessfulCompletion, fmt::format("sequence \"{}\" does not exist, skipping", Shown(rv)))
                   .WithSeverity(Severity::kNotice));
        continue;
      }
      throw DbError(SqlState::kUndefinedTable, fmt::format("sequence \"{}\" does not exist", Shown(rv)));
    }
    if (t->relkind != 'S') {
      throw DbError(SqlState::kWrongObjectType, fmt::format("\"{}\" is not a sequence", t->name))
          .WithHint("Use DROP TABLE to remove a table.");
    }
    if (!stmt.cascade && t->sequence && t->sequence->owned_by_table != 0) {
      // A serial or identity column's default still uses it (PostgreSQL's dependency check).
      if (auto owner = catalog::FindRelationByOid(*ctx.catalog, *ctx.txn, t->database, t->sequence->owned_by_table)) {
        int col = owner->FindColumn(t->sequence->owned_by_column);
        if (col >= 0 && owner->columns[col].identity != 0) {
          throw DbError(SqlState::kDependentObjectsStillExist,
                        fmt::format("cannot drop sequence {} because column {} of table {} requires it", t->name,
                                    owner->columns[col].name, owner->name))
              .WithHint(fmt::format("You can drop column {} of table {} instead.", owner->columns[col].name,
                                    owner->name));
        }
        if (col >= 0 && owner->columns[col].default_sql.find(t->name) != std::string::npos) {
          throw DbError(SqlState::kDependentObjectsStillExist,
                        fmt::format("cannot drop sequence {} because other objects depend on it", t->name))
              .WithDetail(fmt::format("default value for column {} of table {} depends on sequence {}",
                                      owner->columns[col].name, owner->name, t->name))
              .WithHint("Use DROP ... CASCADE to drop the dependent objects too.");
        }
      }
    }
    seqs.push_back(std::move(*t));
  }
  for (const auto& s : seqs) ctx.catalog->DropTable(*ctx.txn, s);
}

void DropOwnedSequences(ExecContext& ctx, const catalog::TableDef& table, const std::string& column) {
  for (const catalog::TableDef& t : ctx.catalog->ListTables(*ctx.txn, table.database)) {
    if (t.relkind != 'S' || !t.sequence || t.sequence->owned_by_table != table.oid) continue;
    if (!column.empty() && t.sequence->owned_by_column != column) continue;
    ctx.catalog->DropTable(*ctx.txn, t);
  }
}

}  // namespace basalt::engine::sql
