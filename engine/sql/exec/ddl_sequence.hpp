// engine/sql/exec/ddl_sequence.hpp
//
// CREATE / ALTER / DROP SEQUENCE, and the sequence parameters of identity
// and serial columns. A sequence is a relation (TableDef, relkind 'S') in the
// table name space; its definition is transactional, its running state
// (catalog::SequenceStore) is not, as in PostgreSQL.
#pragma once

#include "engine/sql/exec/ddl_executor.hpp"

namespace basalt::engine::sql {

// PostgreSQL's init_params: applies `options` to `seq` (a fresh default
// definition for CREATE, the current one for ALTER), validating them with
// PostgreSQL's messages. `owned_by` receives the OWNED BY names ({} if absent).
// `last_value` is the current value (ALTER; checked against new bounds) and
// becomes the start or RESTART value; *restarted tells whether it was reset.
void ApplySequenceOptions(const std::vector<ast::SequenceOption>& options, bool is_create, bool for_identity,
                          catalog::SequenceDef& seq, int64_t& last_value, bool* restarted,
                          std::vector<std::string>* owned_by);

// Creates the sequence relation `name` in `schema` (the caller checked the name is free).
catalog::TableDef CreateSequenceRelation(ExecContext& ctx, catalog::Oid database, catalog::Oid schema,
                                         const std::string& name, catalog::Oid owner, const catalog::SequenceDef& seq);

void ExecuteCreateSequence(const ast::CreateSequenceStmt& stmt, Binder& binder, ExecContext& ctx,
                           catalog::Oid database, catalog::Oid owner, const NoticeFn& notice);
void ExecuteAlterSequence(const ast::AlterSequenceStmt& stmt, Binder& binder, ExecContext& ctx,
                          const NoticeFn& notice);
void ExecuteDropSequence(const ast::DropStmt& stmt, Binder& binder, ExecContext& ctx, const NoticeFn& notice);

// Drops the sequences OWNED BY `table` (DROP TABLE, DROP COLUMN: `column` "" = all).
void DropOwnedSequences(ExecContext& ctx, const catalog::TableDef& table, const std::string& column);

}  // namespace basalt::engine::sql
