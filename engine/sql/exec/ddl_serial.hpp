// engine/sql/exec/ddl_serial.hpp
//
// SERIAL / BIGSERIAL / SMALLSERIAL and GENERATED ... AS IDENTITY columns in
// CREATE TABLE (PostgreSQL's transformColumnDefinition): each gets a sequence
// named <table>_<column>_seq (made unique), OWNED BY the column, and the column
// becomes NOT NULL with DEFAULT nextval('<seq>'::regclass). The sequences are
// created while the table definition is built and linked to the table once it
// has its OID (LinkOwnedSequences).
#pragma once

#include <string>
#include <vector>

#include "engine/sql/exec/ddl_executor.hpp"

namespace basalt::engine::sql {

struct OwnedSequence {
  catalog::TableDef sequence;
  std::string column;
};

// Is `type` serial, bigserial, smallserial, serial2/4/8?
bool IsSerialTypeName(const ast::TypeName& type);

// The column a serial declaration makes; creates its sequence.
catalog::ColumnDef MakeSerialColumn(const ast::ColumnDef& cd, const catalog::TableDef& table, Binder& binder,
                                    ExecContext& ctx, std::vector<OwnedSequence>& owned);

// Turns table.columns[column] into an identity column; creates its sequence.
void MakeIdentityColumn(const ast::Constraint& c, const ast::ColumnDef& cd, catalog::TableDef& table, int column,
                        Binder& binder, ExecContext& ctx, std::vector<OwnedSequence>& owned);

// Records OWNED BY table.column on each sequence (after the table got its OID).
void LinkOwnedSequences(ExecContext& ctx, const catalog::TableDef& table, std::vector<OwnedSequence>& owned);

// The DEFAULT text of a column fed by sequence `name` in `schema`:
// nextval('name'::regclass), or nextval('schema.name'::regclass) outside public.
std::string NextvalDefault(const std::string& name, const std::string& schema = "");

}  // namespace basalt::engine::sql

namespace basalt::engine::sql {

// WITH (...) storage parameters of CREATE TABLE as pg_class.reloptions keeps
// them ("fillfactor=100"); 22023 for unknown names and out-of-range values,
// as PostgreSQL's parseRelOptions (ddl_reloptions.cpp).
std::vector<std::string> CheckRelOptions(const std::vector<std::string>& options);

}  // namespace basalt::engine::sql
