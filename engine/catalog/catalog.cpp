#include "engine/catalog/catalog.hpp"
#include "engine/catalog/table_stats.hpp"

#include <fmt/format.h>

#include "engine/catalog/catalog_codec.hpp"
#include "engine/catalog/index_keys.hpp"
#include "engine/error/db_error.hpp"
#include "engine/storage/key_encoder.hpp"

namespace basalt::engine::catalog {
namespace {

using storage::Cf;

enum class CatalogKind : uint32_t { kDatabases = 1, kRoles = 2, kTables = 3 };

constexpr int64_t kCounterChunk = 1000;

std::string KindPrefix(CatalogKind kind) {
  storage::KeyEncoder enc;
  enc.AppendUint32(static_cast<uint32_t>(kind));
  return enc.Release();
}

std::string NamedKey(CatalogKind kind, std::string_view name) {
  storage::KeyEncoder enc;
  enc.AppendUint32(static_cast<uint32_t>(kind));
  enc.AppendString(name);
  return enc.Release();
}

std::string TablesPrefix(Oid database) {
  storage::KeyEncoder enc;
  enc.AppendUint32(static_cast<uint32_t>(CatalogKind::kTables));
  enc.AppendUint32(database);
  return enc.Release();
}

std::string TableKey(Oid database, Oid schema, std::string_view name) {
  storage::KeyEncoder enc;
  enc.AppendUint32(static_cast<uint32_t>(CatalogKind::kTables));
  enc.AppendUint32(database);
  enc.AppendUint32(schema);
  enc.AppendString(name);
  return enc.Release();
}

// The first key after every key starting with `prefix`.
std::string PrefixEnd(std::string prefix) {
  while (!prefix.empty()) {
    unsigned char last = static_cast<unsigned char>(prefix.back());
    if (last != 0xFF) {
      prefix.back() = static_cast<char>(last + 1);
      return prefix;
    }
    prefix.pop_back();
  }
  return prefix;  // empty = unbounded
}

std::string TableRowsPrefix(Oid table) {
  storage::KeyEncoder enc;
  enc.AppendUint32(table);
  return enc.Release();
}

}  // namespace

Catalog::Catalog(txn::TxnManager& txns)
    : txns_(txns), sequences_(std::make_unique<SequenceStore>(txns.store())) {}

void Catalog::Bootstrap(txn::Transaction& txn, const RoleDef& superuser) {
  PutRole(txn, superuser);
  CreateDatabase(txn, "postgres", superuser.oid);
  if (superuser.name != "postgres") CreateDatabase(txn, superuser.name, superuser.oid);
}

std::optional<DatabaseDef> Catalog::FindDatabase(txn::Transaction& txn, std::string_view name) {
  auto bytes = txn.Get(Cf::kCatalog, NamedKey(CatalogKind::kDatabases, name));
  if (!bytes) return std::nullopt;
  return DecodeDatabase(*bytes);
}

std::vector<DatabaseDef> Catalog::ListDatabases(txn::Transaction& txn) {
  std::vector<DatabaseDef> out;
  std::string prefix = KindPrefix(CatalogKind::kDatabases);
  for (auto cur = txn.Scan(Cf::kCatalog, prefix, PrefixEnd(prefix)); cur->Valid(); cur->Next()) {
    out.push_back(DecodeDatabase(cur->value()));
  }
  return out;
}

DatabaseDef Catalog::CreateDatabase(txn::Transaction& txn, std::string_view name, Oid owner) {
  if (FindDatabase(txn, name)) {
    throw DbError(SqlState::kDuplicateDatabase, fmt::format("database \"{}\" already exists", name));
  }
  DatabaseDef db;
  db.oid = AllocateOid();
  db.name = std::string(name);
  db.owner = owner;
  txn.Put(Cf::kCatalog, NamedKey(CatalogKind::kDatabases, name), EncodeDatabase(db));
  return db;
}

void Catalog::DropDatabase(txn::Transaction& txn, const DatabaseDef& db) {
  for (const TableDef& t : ListTables(txn, db.oid)) DropTable(txn, t);
  txn.Delete(Cf::kCatalog, NamedKey(CatalogKind::kDatabases, db.name));
}

std::optional<RoleDef> Catalog::FindRole(txn::Transaction& txn, std::string_view name) {
  auto bytes = txn.Get(Cf::kCatalog, NamedKey(CatalogKind::kRoles, name));
  if (!bytes) return std::nullopt;
  return DecodeRole(*bytes);
}

std::vector<RoleDef> Catalog::ListRoles(txn::Transaction& txn) {
  std::vector<RoleDef> out;
  std::string prefix = KindPrefix(CatalogKind::kRoles);
  for (auto cur = txn.Scan(Cf::kCatalog, prefix, PrefixEnd(prefix)); cur->Valid(); cur->Next()) {
    out.push_back(DecodeRole(cur->value()));
  }
  return out;
}

void Catalog::PutRole(txn::Transaction& txn, const RoleDef& role) {
  txn.Put(Cf::kCatalog, NamedKey(CatalogKind::kRoles, role.name), EncodeRole(role));
}

void Catalog::DeleteRole(txn::Transaction& txn, std::string_view name) {
  txn.Delete(Cf::kCatalog, NamedKey(CatalogKind::kRoles, name));
}

std::optional<TableDef> Catalog::FindTable(txn::Transaction& txn, Oid database, Oid schema, std::string_view name) {
  auto bytes = txn.Get(Cf::kCatalog, TableKey(database, schema, name));
  if (!bytes) return std::nullopt;
  return DecodeTable(*bytes);
}

std::vector<TableDef> Catalog::ListTables(txn::Transaction& txn, Oid database) {
  std::vector<TableDef> out;
  std::string prefix = TablesPrefix(database);
  for (auto cur = txn.Scan(Cf::kCatalog, prefix, PrefixEnd(prefix)); cur->Valid(); cur->Next()) {
    out.push_back(DecodeTable(cur->value()));
  }
  return out;
}

void Catalog::CreateTable(txn::Transaction& txn, TableDef& table) {
  table.oid = AllocateOid();
  txn.Put(Cf::kCatalog, TableKey(table.database, table.schema, table.name), EncodeTable(table));
}

void Catalog::UpdateTable(txn::Transaction& txn, const TableDef& table) {
  txn.Put(Cf::kCatalog, TableKey(table.database, table.schema, table.name), EncodeTable(table));
}

void Catalog::RenameTable(txn::Transaction& txn, const TableDef& table, std::string_view old_name) {
  txn.Delete(Cf::kCatalog, TableKey(table.database, table.schema, old_name));
  txn.Put(Cf::kCatalog, TableKey(table.database, table.schema, table.name), EncodeTable(table));
}

void Catalog::DropTable(txn::Transaction& txn, const TableDef& table) {
  // Tombstone every visible row; the MVCC garbage collector reclaims the
  // versions once no snapshot can see them.
  std::string prefix = TableRowsPrefix(table.oid);
  std::vector<std::string> keys;
  for (auto cur = txn.Scan(Cf::kRows, prefix, PrefixEnd(prefix)); cur->Valid(); cur->Next()) {
    keys.emplace_back(cur->key());
  }
  for (const std::string& k : keys) txn.Delete(Cf::kRows, k);
  DeleteIndexEntries(txn, table);
  DeleteTableStats(txn, table.oid);  // ANALYZE/VACUUM statistics (table_stats.hpp)
  txn.Delete(Cf::kCatalog, TableKey(table.database, table.schema, table.name));
}

Oid Catalog::AllocateOid() {
  return static_cast<Oid>(AllocateFromCounter("next_oid", next_oid_, oid_reserved_end_, 1, kFirstUserOid));
}

Oid Catalog::AllocateOids(int count) {
  return static_cast<Oid>(AllocateFromCounter("next_oid", next_oid_, oid_reserved_end_, count, kFirstUserOid));
}

int64_t Catalog::AllocateRowIds(int64_t count) {
  return AllocateFromCounter("next_rowid", next_rowid_, rowid_reserved_end_, count, 1);
}

int64_t Catalog::AllocateFromCounter(std::string_view meta_key, std::atomic<int64_t>& next, int64_t& reserved_end,
                                     int64_t count, int64_t initial) {
  std::lock_guard lock(counter_mu_);
  storage::Store& store = txns_.store();
  if (reserved_end == 0) {
    // First use since start: everything below the persisted mark may have been
    // handed out before a crash, so continue above it.
    auto persisted = store.GetMeta(meta_key);
    int64_t start = persisted ? std::stoll(*persisted) : initial;
    next.store(start);
    reserved_end = start;
  }
  int64_t first = next.load();
  if (first + count > reserved_end) {
    reserved_end = first + count + kCounterChunk;
    store.PutMeta(meta_key, std::to_string(reserved_end), /*sync=*/true);
  }
  next.store(first + count);
  return first;
}

}  // namespace basalt::engine::catalog
