#include "engine/catalog/user_objects.hpp"

#include <memory>

#include "engine/catalog/byte_io.hpp"
#include "engine/error/db_error.hpp"
#include "engine/sql/types/enum_type.hpp"
#include "engine/storage/key_encoder.hpp"
#include "engine/txn/cursor.hpp"

namespace basalt::engine::catalog {
namespace {

using storage::Cf;

// Kinds of catalog keys owned by this file (catalog.cpp uses 1..3).
constexpr uint32_t kEnumTypes = 101;
constexpr uint32_t kFunctions = 102;
constexpr uint32_t kComments = 103;

constexpr uint8_t kFormatVersion = 1;

void CheckVersion(ByteReader& r) {
  if (r.U8() != kFormatVersion) {
    throw DbError(SqlState::kDataCorrupted, "catalog record has an unknown format version");
  }
}

std::string Prefix(uint32_t kind, Oid database) {
  storage::KeyEncoder enc;
  enc.AppendUint32(kind);
  enc.AppendUint32(database);
  return enc.Release();
}

std::string NameKey(uint32_t kind, Oid database, Oid schema, std::string_view name) {
  storage::KeyEncoder enc;
  enc.AppendUint32(kind);
  enc.AppendUint32(database);
  enc.AppendUint32(schema);
  enc.AppendString(name);
  return enc.Release();
}

std::string FunctionKey(const FunctionDef& f) {
  std::string key = NameKey(kFunctions, f.database, f.schema, f.name);
  storage::KeyEncoder enc;
  enc.AppendUint32(f.oid);
  return key + enc.Release();
}

std::string CommentObjectKey(Oid database, Oid classoid, Oid objoid) {
  storage::KeyEncoder enc;
  enc.AppendUint32(kComments);
  enc.AppendUint32(database);
  enc.AppendUint32(classoid);
  enc.AppendUint32(objoid);
  return enc.Release();
}

std::string CommentKey(Oid database, Oid classoid, Oid objoid, int32_t objsubid) {
  storage::KeyEncoder enc;
  enc.AppendInt64(objsubid);
  return CommentObjectKey(database, classoid, objoid) + enc.Release();
}

void WriteType(ByteWriter& w, const sql::Type& t) {
  w.U8(static_cast<uint8_t>(t.id));
  w.SignedVarint(t.typmod);
  w.Varint(t.oid);
}

sql::Type ReadType(ByteReader& r) {
  sql::Type t;
  t.id = static_cast<sql::TypeId>(r.U8());
  t.typmod = static_cast<int32_t>(r.SignedVarint());
  t.oid = static_cast<uint32_t>(r.Varint());
  return t;
}

void Publish(const EnumTypeDef& def) {
  auto info = std::make_shared<sql::EnumTypeInfo>();
  info->oid = def.oid;
  info->array_oid = def.array_oid;
  info->name = def.name;
  for (const EnumLabelDef& l : def.labels) info->labels.push_back({l.label, l.sort_key, l.oid});
  sql::RegisterEnumType(std::move(info));
}

// Reads every value under `prefix`.
template <typename Fn>
void ScanPrefix(txn::Transaction& txn, const std::string& prefix, Fn&& fn) {
  for (auto cur = txn.Scan(Cf::kCatalog, prefix, storage::PrefixSuccessor(prefix)); cur->Valid(); cur->Next()) {
    fn(cur->key(), cur->value());
  }
}

}  // namespace

int FunctionDef::NumDefaults() const {
  int n = 0;
  for (const FunctionArgDef& a : args) n += a.default_sql.empty() ? 0 : 1;
  return n;
}

std::string EncodeEnumType(const EnumTypeDef& def) {
  std::string out;
  ByteWriter w(out);
  w.U8(kFormatVersion);
  w.Varint(def.oid);
  w.Varint(def.array_oid);
  w.Varint(def.database);
  w.Varint(def.schema);
  w.Bytes(def.name);
  w.Varint(def.owner);
  w.Varint(def.labels.size());
  for (const EnumLabelDef& l : def.labels) {
    w.Varint(l.oid);
    w.Fixed64(l.sort_key);
    w.Bytes(l.label);
  }
  return out;
}

EnumTypeDef DecodeEnumType(std::string_view bytes) {
  ByteReader r(bytes);
  CheckVersion(r);
  EnumTypeDef def;
  def.oid = static_cast<Oid>(r.Varint());
  def.array_oid = static_cast<Oid>(r.Varint());
  def.database = static_cast<Oid>(r.Varint());
  def.schema = static_cast<Oid>(r.Varint());
  def.name = std::string(r.Bytes());
  def.owner = static_cast<Oid>(r.Varint());
  uint64_t n = r.Varint();
  for (uint64_t i = 0; i < n; ++i) {
    EnumLabelDef l;
    l.oid = static_cast<Oid>(r.Varint());
    l.sort_key = r.Fixed64();
    l.label = std::string(r.Bytes());
    def.labels.push_back(std::move(l));
  }
  return def;
}

std::string EncodeFunction(const FunctionDef& def) {
  std::string out;
  ByteWriter w(out);
  w.U8(kFormatVersion);
  w.Varint(def.oid);
  w.Varint(def.database);
  w.Varint(def.schema);
  w.Bytes(def.name);
  w.Varint(def.owner);
  w.Varint(def.args.size());
  for (const FunctionArgDef& a : def.args) {
    w.Bytes(a.name);
    WriteType(w, a.type);
    w.Bytes(a.default_sql);
  }
  WriteType(w, def.return_type);
  w.U8(static_cast<uint8_t>(def.volatility));
  w.U8(def.strict ? 1 : 0);
  w.Bytes(def.language);
  w.Bytes(def.body);
  return out;
}

FunctionDef DecodeFunction(std::string_view bytes) {
  ByteReader r(bytes);
  CheckVersion(r);
  FunctionDef def;
  def.oid = static_cast<Oid>(r.Varint());
  def.database = static_cast<Oid>(r.Varint());
  def.schema = static_cast<Oid>(r.Varint());
  def.name = std::string(r.Bytes());
  def.owner = static_cast<Oid>(r.Varint());
  uint64_t n = r.Varint();
  for (uint64_t i = 0; i < n; ++i) {
    FunctionArgDef a;
    a.name = std::string(r.Bytes());
    a.type = ReadType(r);
    a.default_sql = std::string(r.Bytes());
    def.args.push_back(std::move(a));
  }
  def.return_type = ReadType(r);
  def.volatility = static_cast<char>(r.U8());
  def.strict = r.U8() != 0;
  def.language = std::string(r.Bytes());
  def.body = std::string(r.Bytes());
  return def;
}

std::optional<EnumTypeDef> FindEnumType(txn::Transaction& txn, Oid database, Oid schema, std::string_view name) {
  auto bytes = txn.Get(Cf::kCatalog, NameKey(kEnumTypes, database, schema, name));
  if (!bytes) return std::nullopt;
  EnumTypeDef def = DecodeEnumType(*bytes);
  Publish(def);
  return def;
}

std::optional<EnumTypeDef> FindEnumTypeByOid(txn::Transaction& txn, Oid database, Oid oid) {
  for (EnumTypeDef& def : ListEnumTypes(txn, database)) {
    if (def.oid == oid) return std::move(def);
  }
  return std::nullopt;
}

std::vector<EnumTypeDef> ListEnumTypes(txn::Transaction& txn, Oid database) {
  std::vector<EnumTypeDef> out;
  ScanPrefix(txn, Prefix(kEnumTypes, database), [&](std::string_view, std::string_view value) {
    out.push_back(DecodeEnumType(value));
    Publish(out.back());
  });
  return out;
}

void PutEnumType(txn::Transaction& txn, const EnumTypeDef& def) {
  txn.Put(Cf::kCatalog, NameKey(kEnumTypes, def.database, def.schema, def.name), EncodeEnumType(def));
  Publish(def);
}

void DeleteEnumType(txn::Transaction& txn, const EnumTypeDef& def) {
  txn.Delete(Cf::kCatalog, NameKey(kEnumTypes, def.database, def.schema, def.name));
  DeleteComments(txn, def.database, kPgTypeClassOid, def.oid);
}

void PublishEnumTypes(txn::Transaction& txn, const std::vector<Oid>& databases) {
  for (Oid db : databases) ListEnumTypes(txn, db);
}

std::vector<FunctionDef> FindFunctions(txn::Transaction& txn, Oid database, Oid schema, std::string_view name) {
  std::vector<FunctionDef> out;
  ScanPrefix(txn, NameKey(kFunctions, database, schema, name),
             [&](std::string_view, std::string_view value) { out.push_back(DecodeFunction(value)); });
  return out;
}

std::vector<FunctionDef> ListFunctions(txn::Transaction& txn, Oid database) {
  std::vector<FunctionDef> out;
  ScanPrefix(txn, Prefix(kFunctions, database),
             [&](std::string_view, std::string_view value) { out.push_back(DecodeFunction(value)); });
  return out;
}

void PutFunction(txn::Transaction& txn, const FunctionDef& def) {
  txn.Put(Cf::kCatalog, FunctionKey(def), EncodeFunction(def));
}

void DeleteFunction(txn::Transaction& txn, const FunctionDef& def) {
  txn.Delete(Cf::kCatalog, FunctionKey(def));
  DeleteComments(txn, def.database, kPgProcClassOid, def.oid);
}

void SetComment(txn::Transaction& txn, Oid database, Oid classoid, Oid objoid, int32_t objsubid,
                const std::optional<std::string>& text) {
  std::string key = CommentKey(database, classoid, objoid, objsubid);
  if (!text || text->empty()) {
    if (txn.Get(Cf::kCatalog, key)) txn.Delete(Cf::kCatalog, key);
    return;
  }
  std::string out;
  ByteWriter w(out);
  w.U8(kFormatVersion);
  w.Varint(classoid);
  w.Varint(objoid);
  w.SignedVarint(objsubid);
  w.Bytes(*text);
  txn.Put(Cf::kCatalog, key, std::move(out));
}

namespace {
CommentDef DecodeComment(std::string_view bytes) {
  ByteReader r(bytes);
  CheckVersion(r);
  CommentDef c;
  c.classoid = static_cast<Oid>(r.Varint());
  c.objoid = static_cast<Oid>(r.Varint());
  c.objsubid = static_cast<int32_t>(r.SignedVarint());
  c.description = std::string(r.Bytes());
  return c;
}
}  // namespace

std::optional<std::string> GetComment(txn::Transaction& txn, Oid database, Oid classoid, Oid objoid,
                                      int32_t objsubid) {
  auto bytes = txn.Get(Cf::kCatalog, CommentKey(database, classoid, objoid, objsubid));
  if (!bytes) return std::nullopt;
  return DecodeComment(*bytes).description;
}

std::vector<CommentDef> ListComments(txn::Transaction& txn, Oid database) {
  std::vector<CommentDef> out;
  ScanPrefix(txn, Prefix(kComments, database),
             [&](std::string_view, std::string_view value) { out.push_back(DecodeComment(value)); });
  return out;
}

void DeleteComments(txn::Transaction& txn, Oid database, Oid classoid, Oid objoid) {
  std::vector<std::string> keys;
  ScanPrefix(txn, CommentObjectKey(database, classoid, objoid),
             [&](std::string_view key, std::string_view) { keys.emplace_back(key); });
  for (const std::string& k : keys) txn.Delete(Cf::kCatalog, k);
}

}  // namespace basalt::engine::catalog
