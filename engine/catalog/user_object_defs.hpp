// engine/catalog/user_object_defs.hpp
//
// User-defined catalog objects besides relations: enum types (pg_type +
// pg_enum), SQL-language functions (pg_proc) and object comments
// (pg_description). Plain values, stored transactionally like TableDef
// (engine/catalog/user_objects.hpp).
//
// Invariants: an enum's array type OID is always oid + 1 (both allocated
// together); labels are kept ordered by sort_key, which is pg_enum's
// enumsortorder in 32.32 fixed point (engine/sql/types/enum_type.hpp) and never
// changes once given to a label.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/sql/types/type.hpp"

namespace basalt::engine::catalog {

using Oid = uint32_t;

// pg_class OIDs of the system catalogs that pg_description.classoid names.
inline constexpr Oid kPgTypeClassOid = 1247;
inline constexpr Oid kPgProcClassOid = 1255;
inline constexpr Oid kPgClassClassOid = 1259;   // tables, views, indexes, sequences
inline constexpr Oid kPgDatabaseClassOid = 1262;
inline constexpr Oid kPgNamespaceClassOid = 2615;
inline constexpr Oid kPgEnumClassOid = 3501;

struct EnumLabelDef {
  Oid oid = 0;            // pg_enum.oid
  uint64_t sort_key = 0;  // 2^63 + enumsortorder * 2^32 (sql/types/enum_type.hpp)
  std::string label;      // pg_enum.enumlabel

  // pg_enum.enumsortorder.
  float SortOrder() const {
    return static_cast<float>(static_cast<double>(static_cast<int64_t>(sort_key - (uint64_t{1} << 63))) / 4294967296.0);
  }
};

struct EnumTypeDef {
  Oid oid = 0;        // pg_type.oid, pg_enum.enumtypid
  Oid array_oid = 0;  // pg_type.typarray (oid + 1); the array type is named "_" + name
  Oid database = 0;
  Oid schema = 0;     // pg_type.typnamespace
  std::string name;   // pg_type.typname
  Oid owner = 0;
  std::vector<EnumLabelDef> labels;  // ordered by sort_key

  // The type as columns and expressions carry it.
  sql::Type type() const { return sql::Type{sql::TypeId::kEnum, -1, oid}; }
};

struct FunctionArgDef {
  std::string name;         // "" when unnamed (pg_proc.proargnames entry '')
  sql::Type type;
  std::string default_sql;  // DEFAULT expression as SQL text; "" = none
};

// A LANGUAGE sql function. Overloads share a name and differ in argument types.
struct FunctionDef {
  Oid oid = 0;
  Oid database = 0;
  Oid schema = 0;      // pg_proc.pronamespace
  std::string name;    // pg_proc.proname
  Oid owner = 0;
  std::vector<FunctionArgDef> args;
  sql::Type return_type;
  char volatility = 'v';    // pg_proc.provolatile: 'i', 's', 'v'
  bool strict = false;      // pg_proc.proisstrict
  std::string language = "sql";
  std::string body;         // pg_proc.prosrc: the SQL text between the quotes

  // Number of arguments with a DEFAULT (pg_proc.pronargdefaults): always a suffix.
  int NumDefaults() const;
};

// One pg_description row. objsubid is the column number for a column comment, else 0.
struct CommentDef {
  Oid objoid = 0;
  Oid classoid = 0;
  int32_t objsubid = 0;
  std::string description;
};

}  // namespace basalt::engine::catalog
