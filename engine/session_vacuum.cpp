// VACUUM and ANALYZE (engine/sql/exec/analyze_table.hpp does the statistics).
//
// VACUUM records the vacuum in the table's statistics (and analyzes with
// ANALYZE), then compacts the table's row range and each of its index ranges
// in RocksDB (storage::Store::CompactRange). Like PostgreSQL it refuses to run
// inside a transaction block (25001); ANALYZE alone runs in the current
// transaction, so its statistics roll back with it. VERBOSE is accepted and
// prints nothing (PostgreSQL's INFO lines describe heap pages).
#include <fmt/format.h>

#include "engine/catalog/index_keys.hpp"
#include "engine/catalog/row_codec.hpp"
#include "engine/engine_impl.hpp"
#include "engine/session.hpp"
#include "engine/sql/binder/binder.hpp"
#include "engine/sql/exec/analyze_table.hpp"

namespace basalt::engine {
namespace {

void CompactTable(storage::Store& store, const catalog::TableDef& t) {
  store.CompactRange(storage::Cf::kRows, catalog::RowKeyPrefix(t.oid), catalog::RowKeyPrefixEnd(t.oid));
  for (const catalog::IndexDef& ix : t.indexes) {
    std::string begin = catalog::IndexKeyPrefix(ix.oid);
    std::string end = catalog::IndexKeyPrefix(ix.oid + 1);
    store.CompactRange(storage::Cf::kIndexes, begin, end);
  }
}

}  // namespace

void Session::RunVacuum(const sql::ast::VacuumStmt& stmt, bool multi, ResultSink& sink) {
  const char* command = stmt.is_vacuum ? "VACUUM" : "ANALYZE";
  if (stmt.is_vacuum && (multi || state_ == BlockState::kBlock || state_ == BlockState::kFailed)) {
    throw DbError(SqlState::kActiveSqlTransaction, "VACUUM cannot run inside a transaction block");
  }
  EnsureTransaction();
  txn_->BeginStatement();
  sql::ExecContext ctx;
  InitExecContext(ctx);
  sql::Binder binder(engine_.catalog(), *txn_, database_.oid);

  std::vector<catalog::TableDef> tables;
  if (stmt.tables.empty()) {
    for (catalog::TableDef& t : engine_.catalog().ListTables(*txn_, database_.oid)) {
      if (t.relkind == 'r') tables.push_back(std::move(t));
    }
  } else {
    for (const sql::ast::RangeVar& rv : stmt.tables) {
      auto t = binder.LookupTable(rv);
      if (!t) throw DbError(SqlState::kUndefinedTable, fmt::format("relation \"{}\" does not exist", rv.name));
      if (t->oid < catalog::kFirstUserOid) continue;  // system relations are generated, nothing to do
      if (t->relkind != 'r') {
        sink.Notice(DbError(SqlState::kWarning,
                            fmt::format("skipping \"{}\" --- cannot {} non-tables or special system tables", t->name,
                                        stmt.is_vacuum ? "vacuum" : "analyze"))
                        .WithSeverity(Severity::kWarning));
        continue;
      }
      tables.push_back(std::move(*t));
    }
  }
  for (const catalog::TableDef& t : tables) {
    ctx.CheckCancel();
    if (stmt.is_vacuum) sql::RecordVacuum(t, ctx);
    if (stmt.analyze || !stmt.is_vacuum) sql::AnalyzeTable(t, ctx);
  }
  if (stmt.is_vacuum) {
    for (const catalog::TableDef& t : tables) CompactTable(engine_.txns().store(), t);
  }
  sink.Complete(command);
}

}  // namespace basalt::engine
