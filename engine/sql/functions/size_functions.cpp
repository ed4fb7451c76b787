// pg_relation_size, pg_table_size, pg_indexes_size, pg_total_relation_size,
// pg_database_size: RocksDB's approximate size (SST files plus memtables) of
// the key ranges an object's rows and index entries occupy. A table's primary
// key is its clustered row order, so the primary-key index has no entries of
// its own and counts as part of the table.
#include "engine/catalog/index_keys.hpp"
#include "engine/catalog/row_codec.hpp"
#include "engine/sql/functions/function_registry.hpp"
#include "engine/sql/functions/function_util.hpp"
#include "engine/sql/system/catalog_lookup.hpp"
#include "engine/storage/key_encoder.hpp"
#include "engine/storage/store.hpp"

namespace basalt::engine::sql {
namespace {

const Type kOid{TypeId::kOid, -1};
const Type kName{TypeId::kName, -1};
const Type kInt8{TypeId::kInt8, -1};

storage::Store& StoreOf(EvalContext& ctx) { return ctx.exec->catalog->txns().store(); }

int64_t RowsSize(EvalContext& ctx, catalog::Oid table) {
  return static_cast<int64_t>(
      StoreOf(ctx).ApproximateSize(storage::Cf::kRows, catalog::RowKeyPrefix(table), catalog::RowKeyPrefixEnd(table)));
}

int64_t IndexSize(EvalContext& ctx, catalog::Oid index) {
  std::string prefix = catalog::IndexKeyPrefix(index);
  return static_cast<int64_t>(
      StoreOf(ctx).ApproximateSize(storage::Cf::kIndexes, prefix, storage::PrefixSuccessor(prefix)));
}

int64_t IndexesSize(EvalContext& ctx, const catalog::TableDef& t) {
  int64_t total = 0;
  for (const auto& idx : t.indexes) total += IndexSize(ctx, idx.oid);
  return total;
}

bool Usable(EvalContext& ctx) { return ctx.exec != nullptr && ctx.exec->catalog != nullptr; }

// pg_relation_size / pg_table_size: NULL for an OID that names no relation, as in PostgreSQL.
Value RelationSize(FnArgs a, FnTypes, Type, EvalContext& ctx) {
  if (!Usable(ctx)) return Value::Null();
  auto oid = static_cast<catalog::Oid>(a[0].as_int());
  if (auto t = system::FindTableByOid(ctx, oid)) return Value::Int(RowsSize(ctx, oid));
  if (auto idx = system::FindIndex(ctx, oid)) return Value::Int(idx->index < 0 ? 0 : IndexSize(ctx, oid));
  if (system::FindSystemRelation(oid)) return Value::Int(0);
  return Value::Null();
}

Value IndexesSizeFn(FnArgs a, FnTypes, Type, EvalContext& ctx) {
  if (!Usable(ctx)) return Value::Null();
  auto t = system::FindTableByOid(ctx, static_cast<catalog::Oid>(a[0].as_int()));
  return t ? Value::Int(IndexesSize(ctx, *t)) : Value::Null();
}

Value TotalRelationSize(FnArgs a, FnTypes types, Type result, EvalContext& ctx) {
  if (!Usable(ctx)) return Value::Null();
  auto t = system::FindTableByOid(ctx, static_cast<catalog::Oid>(a[0].as_int()));
  if (!t) return RelationSize(a, types, result, ctx);
  return Value::Int(RowsSize(ctx, t->oid) + IndexesSize(ctx, *t));
}

int64_t DatabaseSize(EvalContext& ctx, catalog::Oid database) {
  int64_t total = 0;
  for (const auto& t : ctx.exec->catalog->ListTables(*ctx.exec->txn, database)) {
    total += RowsSize(ctx, t.oid) + IndexesSize(ctx, t);
  }
  return total;
}

Value DatabaseSizeByName(FnArgs a, FnTypes, Type, EvalContext& ctx) {
  if (!Usable(ctx)) return Value::Null();
  auto db = ctx.exec->catalog->FindDatabase(*ctx.exec->txn, a[0].as_string());
  if (!db) {
    throw DbError(SqlState::kInvalidCatalogName, "database \"" + a[0].as_string() + "\" does not exist");
  }
  return Value::Int(DatabaseSize(ctx, db->oid));
}

Value DatabaseSizeByOid(FnArgs a, FnTypes, Type, EvalContext& ctx) {
  if (!Usable(ctx)) return Value::Null();
  auto oid = static_cast<catalog::Oid>(a[0].as_int());
  for (const auto& db : ctx.exec->catalog->ListDatabases(*ctx.exec->txn)) {
    if (db.oid == oid) return Value::Int(DatabaseSize(ctx, oid));
  }
  return Value::Null();
}

}  // namespace

void RegisterSizeFunctions(std::vector<FunctionEntry>& v) {
  auto add = [&](std::string_view name, std::vector<Type> args, ScalarFn fn) {
    v.push_back({name, FunctionInfo{std::move(args), kInt8, fn}});
  };
  add("pg_relation_size", {kOid}, &RelationSize);
  add("pg_table_size", {kOid}, &RelationSize);
  add("pg_indexes_size", {kOid}, &IndexesSizeFn);
  add("pg_total_relation_size", {kOid}, &TotalRelationSize);
  add("pg_database_size", {kName}, &DatabaseSizeByName);
  add("pg_database_size", {kOid}, &DatabaseSizeByOid);
}

}  // namespace basalt::engine::sql
