// engine/sql/exec/table_rewrite.hpp
//
// ALTER TABLE's table rewrite (PostgreSQL's ATRewriteTable): every row of a
// table is re-encoded into a new definition inside the statement's
// transaction, so the rewrite commits or rolls back with it and other
// transactions keep reading the old rows until COMMIT.
//
// The new definition may change the row key: ADD PRIMARY KEY turns a table
// keyed by hidden row ids into one clustered on its primary key (exactly the
// layout CREATE TABLE ... PRIMARY KEY gives, so point reads by the key cost
// the same afterwards); DROP CONSTRAINT of the primary key goes back to fresh
// row ids; ALTER COLUMN TYPE of a key column re-encodes the key. When the key
// changes, each old key is tombstoned as its row is rewritten (unless an
// earlier row's new key took it) and the new keys are checked for duplicates
// (23505 "could not create unique index"). Secondary index entries
// are always rebuilt for the new definition. Rows are read in chunks through
// OwnWrites::kBeforeStatement, so the rewrite never reads its own output.
#pragma once

#include <functional>

#include "engine/catalog/catalog_defs.hpp"
#include "engine/sql/exec/exec_context.hpp"
#include "engine/sql/exec/executor.hpp"

namespace basalt::engine::sql {

// Fills `out` (sized for the new definition) from `in` (the old layout).
using RowConvert = std::function<void(const Row& in, Row& out)>;

// Rewrites the rows of `before` into `after` (same table OID). NOT NULL
// columns of `after` are checked (23502 "column ... contains null values").
// Starts a new statement in the transaction (Transaction::BeginStatement), so
// rows written earlier by the same ALTER TABLE are rewritten too.
void RewriteTable(const catalog::TableDef& before, const catalog::TableDef& after, const RowConvert& convert,
                  ExecContext& ctx);

// Throws 23502 if column `column` of `table` is NULL in any row
// (SET NOT NULL without a rewrite).
void CheckNoNulls(const catalog::TableDef& table, int column, ExecContext& ctx);

}  // namespace basalt::engine::sql
