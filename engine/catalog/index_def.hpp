// engine/catalog/index_def.hpp
//
// Secondary indexes and CHECK constraints of a table. Both are stored inside
// the table's catalog record (TableDef::indexes / TableDef::checks), so a
// table lookup brings them along at no extra read and DDL on them is as
// transactional as the table itself.
//
// Invariants: IndexKey::column indexes TableDef::columns (or is -1 for an
// expression key, then `expr_sql` holds the deparsed expression); names are
// unique among the relations of the schema (checked at creation).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace basalt::engine::catalog {

using Oid = uint32_t;

struct IndexKey {
  int column = -1;        // table column index, or -1 for an expression
  std::string expr_sql;   // expression key (deparsed SQL over the table's columns)
  bool descending = false;
  bool nulls_first = false;  // in the final key order
};

struct IndexDef {
  Oid oid = 0;
  std::string name;
  bool unique = false;
  bool constraint = false;  // backs a UNIQUE constraint (dropped with ALTER TABLE DROP CONSTRAINT)
  std::vector<IndexKey> keys;
  std::string predicate_sql;  // partial index WHERE clause; empty = every row

  bool is_partial() const { return !predicate_sql.empty(); }
  bool has_expressions() const {
    for (const IndexKey& k : keys) {
      if (k.column < 0) return true;
    }
    return false;
  }
};

struct CheckDef {
  std::string name;
  std::string expr_sql;  // deparsed boolean expression over the table's columns
};

// FOREIGN KEY (columns) REFERENCES ref_table (ref_columns), stored in the
// referencing table. The referenced table lists it in `referenced_by` so
// DELETE/UPDATE there can find the referencing rows.
struct ForeignKeyDef {
  std::string name;
  std::vector<int> columns;
  Oid ref_table = 0;
  Oid ref_schema = 0;
  std::string ref_table_name;
  std::vector<int> ref_columns;
  char on_delete = 'a';  // PostgreSQL's letters: a no action, r restrict, c cascade, n set null, d set default
  char on_update = 'a';
};

// A foreign key of another table that references this one.
struct ForeignKeyRef {
  Oid table = 0;
  Oid schema = 0;
  std::string table_name;
  std::string constraint_name;
};

}  // namespace basalt::engine::catalog
