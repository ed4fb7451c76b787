// engine/sql/system/row_builder.hpp
//
// Builds one row of a system relation by column name, so generators need not
// track PostgreSQL's column order. Unset columns get PostgreSQL's usual
// "nothing here" value: false for bool, 0 for numbers and OIDs, NULL otherwise.
// Column positions are looked up once per relation (ColumnIndex), so filling
// a row costs no string compares in the generator's loop when it caches them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/error/db_error.hpp"
#include "engine/sql/system/system_relation.hpp"

namespace basalt::engine::sql::system {

class RowBuilder {
 public:
  explicit RowBuilder(const SystemRelation& rel) : rel_(rel) { Reset(); }

  // Clears the row to the defaults (all NULL in information_schema, where
  // inapplicable columns are NULL rather than zero).
  void Reset() {
    row_.clear();
    row_.reserve(rel_.columns.size());
    for (const auto& c : rel_.columns) {
      if (rel_.spec->namespace_oid == kInformationSchemaNamespaceOid) {
        row_.push_back(Value::Null());
        continue;
      }
      switch (PhysicalKindOf(c.type.id)) {
        case PhysicalKind::kBool: row_.push_back(Value::Bool(false)); break;
        case PhysicalKind::kInt: row_.push_back(Value::Int(0)); break;
        case PhysicalKind::kFloat: row_.push_back(Value::Float(0)); break;
        case PhysicalKind::kString: row_.push_back(Value::Null()); break;
      }
    }
  }

  int ColumnIndex(std::string_view name) const {
    for (size_t i = 0; i < rel_.columns.size(); ++i) {
      if (rel_.columns[i].name == name) return static_cast<int>(i);
    }
    throw DbError(SqlState::kInternalError, "system relation has no column " + std::string(name));
  }

  RowBuilder& Set(std::string_view column, Value v) {
    row_[ColumnIndex(column)] = std::move(v);
    return *this;
  }
  RowBuilder& Int(std::string_view column, int64_t v) { return Set(column, Value::Int(v)); }
  RowBuilder& Bool(std::string_view column, bool v) { return Set(column, Value::Bool(v)); }
  RowBuilder& Str(std::string_view column, std::string_view v) { return Set(column, Value::String(v)); }
  // A "char" column (served as text until Basalt has the type).
  // '\0' is PostgreSQL's empty "char" (attidentity = '').
  RowBuilder& Char(std::string_view column, char c) {
    return Set(column, Value::String(c == '\0' ? std::string() : std::string(1, c)));
  }
  RowBuilder& Null(std::string_view column) { return Set(column, Value::Null()); }

  // Appends the row to `out` and resets to the defaults.
  void Emit(std::vector<Row>& out) {
    out.push_back(std::move(row_));
    Reset();
  }

 private:
  const SystemRelation& rel_;
  Row row_;
};

// Array values: oid[]/int2[] ("{1,2}"), int2vector/oidvector ("1 2", lower bound 0), text[]/name[].
Value IntArray(const std::vector<int64_t>& items);
Value IntVector(const std::vector<int64_t>& items);
Value TextArray(const std::vector<std::string>& items);

// Appends the static rows of `relation` (static_rows.hpp), parsed with `rel`'s column types.
void EmitStaticRows(const SystemRelation& rel, std::string_view relation, std::vector<Row>& out);

// The relation by name in pg_catalog (for generators that fill other relations' shapes).
const SystemRelation& PgCatalog(std::string_view name);

}  // namespace basalt::engine::sql::system
