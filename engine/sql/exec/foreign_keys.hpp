// engine/sql/exec/foreign_keys.hpp
//
// FOREIGN KEY enforcement (MATCH SIMPLE, checked immediately per row).
//
// Referencing side: a row whose key columns are all non-NULL must find the
// referenced row through the parent's primary key or a unique index; the
// parent row (or its unique-index entry) is locked FOR KEY SHARE, so a
// concurrent DELETE of it waits for this transaction, as in PostgreSQL.
//
// Referenced side: deleting a row, or changing its referenced columns, looks
// for referencing rows (through a child index or primary key whose leading
// columns are the foreign-key columns, else a scan of the child table) and
// applies the constraint's action: NO ACTION / RESTRICT fail with 23503,
// CASCADE deletes or updates them, SET NULL / SET DEFAULT rewrite their key
// columns. Changes to child rows go through the same index maintenance,
// CHECK and foreign-key rules, recursively.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/catalog/catalog_defs.hpp"
#include "engine/sql/exec/exec_context.hpp"
#include "engine/sql/exec/executor.hpp"
#include "engine/sql/parser/ast.hpp"

namespace basalt::engine::sql {

class ForeignKeyEnforcer {
 public:
  ForeignKeyEnforcer(const catalog::TableDef& table, ExecContext& ctx, int depth = 0);
  ~ForeignKeyEnforcer();

  bool empty() const { return table_.foreign_keys.empty() && table_.referenced_by.empty(); }
  // The statement's row events are queued and checked by Finish(), at the end
  // of the statement, as PostgreSQL's RI triggers fire (so a statement may
  // delete a parent and its children, or insert a child before its parent).
  void QueueInsert(const Row& row);
  void QueueUpdate(const Row& old_row, const Row& new_row);
  void QueueDelete(const Row& old_row);
  void Finish();

  // INSERT: every foreign key of the table must find its referenced row.
  void CheckInsert(const Row& row);
  // UPDATE: the row's foreign keys whose columns changed, then the rows
  // referencing the old key if a referenced column changed.
  void CheckUpdate(const Row& old_row, const Row& new_row);
  // DELETE: the rows referencing the deleted one.
  void CheckDelete(const Row& old_row);

 private:
  struct Child;
  struct Event {
    char kind;  // 'i', 'u', 'd'
    Row old_row;
    Row new_row;
  };
  std::vector<Event> pending_;
  void CheckReference(const catalog::ForeignKeyDef& fk, const Row& row);
  void OnParentChange(const Row& old_row, const Row* new_row);
  Child& LoadChild(const catalog::ForeignKeyRef& ref);

  const catalog::TableDef& table_;
  ExecContext& ctx_;
  int depth_;
  std::vector<std::unique_ptr<catalog::TableDef>> parents_;  // by foreign key, loaded on first use
  std::vector<std::unique_ptr<Child>> children_;            // by referenced_by entry
};

// CREATE TABLE / ALTER TABLE ADD: the ForeignKeyDef for constraint `c` on
// `table` (42830 without a matching unique key, 42804 for incompatible types).
// `parent` is null for a self-reference (the table itself).
catalog::ForeignKeyDef MakeForeignKey(const catalog::TableDef& table, const catalog::TableDef* parent,
                                      const ast::Constraint& c, const std::vector<std::string>& columns,
                                      const std::string& name);
// After the referencing table is stored: records each foreign key in its
// referenced table (ForeignKeyRef) so the parent side can find it.
void RegisterForeignKeys(const catalog::TableDef& table, ExecContext& ctx);
// Before `table` is dropped: removes its entries from the tables it
// references; fails with 2BP01 if another table references it, unless
// `cascade` (the referencing constraints are then dropped with a NOTICE).
// Tables in `dropped_too` are dropped by the same statement.
void DropForeignKeyLinks(const catalog::TableDef& table, ExecContext& ctx, bool cascade,
                         const std::function<void(const DbError&)>& notice,
                         const std::vector<catalog::TableDef>& dropped_too);

}  // namespace basalt::engine::sql
