// engine/sql/system/object_definitions.hpp
//
// SQL text of catalog objects as PostgreSQL's ruleutils prints it
// (pg_get_indexdef, pg_get_constraintdef, pg_get_expr of a column default),
// and the constraint list of a table in pg_constraint's terms. Shared by the
// row generators (pg_indexes, information_schema) and the catalog functions.
#pragma once

#include <string>
#include <vector>

#include "engine/catalog/catalog_defs.hpp"
#include "engine/sql/system/row_builder.hpp"

namespace basalt::engine::sql::system {

// One constraint of a table: 'p' primary key, 'u' unique, 'c' check, 'f' foreign key.
struct ConstraintFacts {
  catalog::Oid oid = 0;
  std::string name;
  char type = 'p';
  std::vector<int> columns;  // table column indexes (empty for checks)
  int index = -1;            // TableDef::indexes position of a unique constraint's index
  int check = -1;            // TableDef::checks position
  int foreign_key = -1;      // TableDef::foreign_keys position
  const char* InformationSchemaType() const;
};

// Primary key, unique, check and foreign-key constraints, in that order.
std::vector<ConstraintFacts> Constraints(const catalog::TableDef& t);

// pg_get_indexdef of the primary key's index (index = -1) or of t.indexes[index].
// `pretty` leaves the table unqualified and the predicate without outer parentheses.
std::string IndexDefinition(const catalog::TableDef& t, int index, bool pretty);
// pg_get_indexdef(oid, column, pretty) with column > 0: that key column's text.
std::string IndexColumnDefinition(const catalog::TableDef& t, int index, int column);

// pg_get_constraintdef of one constraint; `referenced` is a foreign key's
// referenced table (its column names), null for other kinds.
std::string ConstraintDefinition(const catalog::TableDef& t, const ConstraintFacts& con, bool pretty,
                                 const catalog::TableDef* referenced);

// pg_get_expr of column `column`'s DEFAULT, as PostgreSQL prints the stored expression.
std::string DefaultExpression(const catalog::TableDef& t, int column);

// information_schema.columns' data_type, lengths, precisions for `type`.
void FillInformationSchemaType(RowBuilder& b, Type type);

// Oid of the object named by an index position (-1 = primary key).
catalog::Oid IndexOid(const catalog::TableDef& t, int index);

}  // namespace basalt::engine::sql::system
