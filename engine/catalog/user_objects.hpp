// engine/catalog/user_objects.hpp
//
// Storage of enum types, SQL functions and comments in the `catalog` column
// family, through the transaction (so CREATE TYPE / CREATE FUNCTION / COMMENT
// are transactional). Keys (kinds 101..104 keep clear of catalog.cpp's):
//   <101><database><schema><name>                  -> EnumTypeDef
//   <102><database><schema><name><oid>             -> FunctionDef (overloads by oid)
//   <103><database><classoid><objoid><objsubid>    -> comment text
//       (database 0 for shared objects: databases, pg_shdescription)
// Every enum type read or written here is also published to the types layer's
// registry (sql/types/enum_type.hpp) so input functions can find its labels.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "engine/catalog/user_object_defs.hpp"
#include "engine/txn/transaction.hpp"

namespace basalt::engine::catalog {

// ---- enum types (pg_type typtype 'e', pg_enum) ----
std::optional<EnumTypeDef> FindEnumType(txn::Transaction& txn, Oid database, Oid schema, std::string_view name);
std::optional<EnumTypeDef> FindEnumTypeByOid(txn::Transaction& txn, Oid database, Oid oid);
// Every enum type of the database, ordered by (schema, name).
std::vector<EnumTypeDef> ListEnumTypes(txn::Transaction& txn, Oid database);
// Creates or replaces the definition (OIDs already assigned by the caller).
void PutEnumType(txn::Transaction& txn, const EnumTypeDef& def);
void DeleteEnumType(txn::Transaction& txn, const EnumTypeDef& def);
// Publishes every enum type of every listed database to the types registry
// (server start: rows written before a restart must parse and print).
void PublishEnumTypes(txn::Transaction& txn, const std::vector<Oid>& databases);

// ---- SQL functions (pg_proc) ----
// Every overload named `name` in the schema.
std::vector<FunctionDef> FindFunctions(txn::Transaction& txn, Oid database, Oid schema, std::string_view name);
// Every function of the database, ordered by (schema, name, oid).
std::vector<FunctionDef> ListFunctions(txn::Transaction& txn, Oid database);
void PutFunction(txn::Transaction& txn, const FunctionDef& def);
void DeleteFunction(txn::Transaction& txn, const FunctionDef& def);

// ---- comments (pg_description / pg_shdescription) ----
// Sets the comment, or removes it when `text` is nullopt or empty (as PostgreSQL does).
void SetComment(txn::Transaction& txn, Oid database, Oid classoid, Oid objoid, int32_t objsubid,
                const std::optional<std::string>& text);
std::optional<std::string> GetComment(txn::Transaction& txn, Oid database, Oid classoid, Oid objoid,
                                      int32_t objsubid);
// pg_description rows of the database (pass 0 for pg_shdescription's database comments).
std::vector<CommentDef> ListComments(txn::Transaction& txn, Oid database);
// Removes every comment on the object (all objsubids): DROP of a table, type, function.
void DeleteComments(txn::Transaction& txn, Oid database, Oid classoid, Oid objoid);

// Encodings (exposed for unit tests).
std::string EncodeEnumType(const EnumTypeDef& def);
EnumTypeDef DecodeEnumType(std::string_view bytes);
std::string EncodeFunction(const FunctionDef& def);
FunctionDef DecodeFunction(std::string_view bytes);

}  // namespace basalt::engine::catalog
