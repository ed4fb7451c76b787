// engine/sql/exec/index_maintainer.hpp
//
// Keeps a table's secondary indexes (catalog/index_keys.hpp) in step with its
// rows inside the writing transaction, and enforces CHECK constraints. One
// instance per statement: index expressions, partial-index predicates and
// CHECK expressions are bound once at construction.
//
// Uniqueness: a unique index entry without NULLs is one storage key per key
// value. A writer locks that key exclusively in the lock manager (held to the
// end of its transaction), then reads its newest committed version (or its own
// write): a live entry is a 23505 violation. A concurrent inserter of the same
// value therefore waits for the first to finish and then sees its entry, or
// its absence after a rollback, as PostgreSQL's btree does.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/catalog/catalog_defs.hpp"
#include "engine/sql/binder/bound_expr.hpp"
#include "engine/sql/exec/exec_context.hpp"
#include "engine/sql/exec/executor.hpp"

namespace basalt::engine::sql {

class IndexMaintainer {
 public:
  IndexMaintainer(const catalog::TableDef& table, ExecContext& ctx);

  // Throws 23514 if a CHECK constraint evaluates to false on `row`.
  void CheckConstraints(const Row& row);
  // Adds the row's entries (23505 on a unique violation).
  void Insert(const Row& row, std::string_view row_key);
  void Delete(const Row& row, std::string_view row_key);
  // Rewrites only the entries whose key or row key changed.
  void Update(const Row& old_row, std::string_view old_key, const Row& new_row, std::string_view new_key);

  // For CREATE INDEX: adds entries of `index_pos` (into table.indexes) only.
  void InsertInto(size_t index_pos, const Row& row, std::string_view row_key);

 private:
  struct BoundIndex {
    const catalog::IndexDef* def = nullptr;
    std::vector<BoundExprPtr> exprs;  // per key: null for a plain column
    std::vector<Type> types;
    BoundExprPtr predicate;           // partial index; null = every row
  };
  struct Entry {
    bool present = false;  // false: the partial predicate excludes the row
    bool unique_point = false;
    std::string key;
  };

  Entry MakeEntry(const BoundIndex& ix, const Row& row, std::string_view row_key);
  void Put(const BoundIndex& ix, const Entry& e, const Row& row, std::string_view row_key);
  void Remove(const Entry& e);
  [[noreturn]] void ThrowDuplicate(const BoundIndex& ix, const Row& row);

  const catalog::TableDef& table_;
  ExecContext& ctx_;
  std::vector<BoundIndex> indexes_;
  std::vector<BoundExprPtr> checks_;
  std::vector<Value> key_values_;
};

// "1, null, abc": values as PostgreSQL prints them in a DETAIL line.
std::string FormatDetailValues(const std::vector<Value>& values, const std::vector<Type>& types, EvalContext& ctx);

}  // namespace basalt::engine::sql
