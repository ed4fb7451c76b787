#include "engine/catalog/schema_store.hpp"

#include <fmt/format.h>

#include <atomic>
#include <mutex>
#include <unordered_map>

#include "engine/catalog/byte_io.hpp"
#include "engine/error/db_error.hpp"
#include "engine/storage/key_encoder.hpp"
#include "engine/txn/cursor.hpp"

namespace basalt::engine::catalog {
namespace {

using storage::Cf;

constexpr uint32_t kSchemas = 105;
constexpr uint8_t kFormatVersion = 1;

std::string Prefix(Oid database) {
  storage::KeyEncoder enc;
  enc.AppendUint32(kSchemas);
  enc.AppendUint32(database);
  return enc.Release();
}

std::string Key(Oid database, std::string_view name) {
  storage::KeyEncoder enc;
  enc.AppendUint32(kSchemas);
  enc.AppendUint32(database);
  enc.AppendString(name);
  return enc.Release();
}

std::mutex registry_mu;
std::unordered_map<Oid, std::string>& Registry() {
  static auto* names = new std::unordered_map<Oid, std::string>();  // never destroyed: used until exit
  return *names;
}

// False until this process has seen a user schema: every session reads its
// database's schemas at connect (engine_impl.cpp) and every new one passes
// through PutSchema, so while it is false no name needs a catalog read. This
// keeps the `"$user"` entry of the default search_path free on the hot path.
std::atomic<bool> any_user_schema{false};

void Remember(const SchemaDef& def) {
  std::lock_guard lock(registry_mu);
  Registry()[def.oid] = def.name;
  any_user_schema.store(true, std::memory_order_release);
}

SchemaDef Builtin(Oid oid, std::string_view name, Oid owner) {
  SchemaDef d;
  d.oid = oid;
  d.name = std::string(name);
  d.owner = owner;
  d.builtin = true;
  return d;
}

}  // namespace

std::optional<SchemaDef> BuiltinSchema(std::string_view name) {
  if (name == "public") return Builtin(kPublicNamespaceOid, name, kPgDatabaseOwnerRoleOid);
  if (name == "pg_catalog") return Builtin(kPgCatalogNamespaceOid, name, kBootstrapSuperuserOid);
  if (name == "information_schema") return Builtin(kInformationSchemaOid, name, kBootstrapSuperuserOid);
  if (name == "pg_toast") return Builtin(kPgToastNamespaceOid, name, kBootstrapSuperuserOid);
  return std::nullopt;
}

std::optional<SchemaDef> BuiltinSchemaByOid(Oid oid) {
  switch (oid) {
    case kPublicNamespaceOid: return BuiltinSchema("public");
    case kPgCatalogNamespaceOid: return BuiltinSchema("pg_catalog");
    case kInformationSchemaOid: return BuiltinSchema("information_schema");
    case kPgToastNamespaceOid: return BuiltinSchema("pg_toast");
    default: return std::nullopt;
  }
}

std::optional<SchemaDef> FindSchema(txn::Transaction& txn, Oid database, std::string_view name) {
  if (auto b = BuiltinSchema(name)) return b;
  if (!any_user_schema.load(std::memory_order_acquire)) return std::nullopt;
  auto bytes = txn.Get(Cf::kCatalog, Key(database, name));
  if (!bytes) return std::nullopt;
  return DecodeSchema(*bytes);
}

std::optional<SchemaDef> FindSchemaByOid(txn::Transaction& txn, Oid database, Oid oid) {
  if (auto b = BuiltinSchemaByOid(oid)) return b;
  if (oid < kFirstUserOid) return std::nullopt;
  for (SchemaDef& s : ListUserSchemas(txn, database)) {
    if (s.oid == oid) return std::move(s);
  }
  return std::nullopt;
}

Oid ResolveSchemaOid(txn::Transaction& txn, Oid database, std::string_view name) {
  auto s = FindSchema(txn, database, name);
  if (!s) throw DbError(SqlState::kInvalidSchemaName, fmt::format("schema \"{}\" does not exist", name));
  return s->oid;
}

std::string SchemaName(txn::Transaction& txn, Oid database, Oid oid) {
  auto s = FindSchemaByOid(txn, database, oid);
  return s ? s->name : std::string();
}

std::vector<SchemaDef> ListUserSchemas(txn::Transaction& txn, Oid database) {
  std::vector<SchemaDef> out;
  std::string prefix = Prefix(database);
  for (auto cur = txn.Scan(Cf::kCatalog, prefix, storage::PrefixSuccessor(prefix)); cur->Valid(); cur->Next()) {
    out.push_back(DecodeSchema(cur->value()));
  }
  return out;
}

std::string KnownSchemaName(Oid oid) {
  if (auto b = BuiltinSchemaByOid(oid)) return b->name;
  std::lock_guard lock(registry_mu);
  auto it = Registry().find(oid);
  return it != Registry().end() ? it->second : std::to_string(oid);
}

void PutSchema(txn::Transaction& txn, const SchemaDef& def) {
  Remember(def);
  txn.Put(Cf::kCatalog, Key(def.database, def.name), EncodeSchema(def));
}

void DeleteSchema(txn::Transaction& txn, const SchemaDef& def) {
  txn.Delete(Cf::kCatalog, Key(def.database, def.name));
}

std::string EncodeSchema(const SchemaDef& def) {
  std::string out;
  ByteWriter w(out);
  w.U8(kFormatVersion);
  w.Varint(def.oid);
  w.Varint(def.database);
  w.Bytes(def.name);
  w.Varint(def.owner);
  return out;
}

SchemaDef DecodeSchema(std::string_view bytes) {
  ByteReader r(bytes);
  if (r.U8() != kFormatVersion) {
    throw DbError(SqlState::kDataCorrupted, "catalog record has an unknown format version");
  }
  SchemaDef def;
  def.oid = static_cast<Oid>(r.Varint());
  def.database = static_cast<Oid>(r.Varint());
  def.name = std::string(r.Bytes());
  def.owner = static_cast<Oid>(r.Varint());
  Remember(def);
  return def;
}

}  // namespace basalt::engine::catalog
