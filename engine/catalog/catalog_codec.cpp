#include "engine/catalog/catalog_codec.hpp"

#include "engine/catalog/byte_io.hpp"
#include "engine/catalog/ddl_codec.hpp"
#include "engine/catalog/index_codec.hpp"

namespace basalt::engine::catalog {
namespace {

constexpr uint8_t kFormatVersion = 1;

void CheckVersion(ByteReader& r) {
  if (r.U8() != kFormatVersion) {
    throw DbError(SqlState::kDataCorrupted, "catalog record has an unknown format version");
  }
}

}  // namespace

int TableDef::FindColumn(std::string_view column_name) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == column_name) return static_cast<int>(i);
  }
  return -1;
}

std::string EncodeDatabase(const DatabaseDef& def) {
  std::string out;
  ByteWriter w(out);
  w.U8(kFormatVersion);
  w.Varint(def.oid);
  w.Bytes(def.name);
  w.Varint(def.owner);
  return out;
}

DatabaseDef DecodeDatabase(std::string_view bytes) {
  ByteReader r(bytes);
  CheckVersion(r);
  DatabaseDef def;
  def.oid = static_cast<Oid>(r.Varint());
  def.name = std::string(r.Bytes());
  def.owner = static_cast<Oid>(r.Varint());
  return def;
}

std::string EncodeRole(const RoleDef& def) {
  std::string out;
  ByteWriter w(out);
  w.U8(kFormatVersion);
  w.Varint(def.oid);
  w.Bytes(def.name);
  w.U8(def.superuser ? 1 : 0);
  w.U8(def.can_login ? 1 : 0);
  w.U8(def.password_verifier ? 1 : 0);
  if (def.password_verifier) w.Bytes(*def.password_verifier);
  w.U8(static_cast<uint8_t>((def.inherit ? 1 : 0) | (def.create_role ? 2 : 0) | (def.create_db ? 4 : 0) |
                            (def.replication ? 8 : 0) | (def.bypass_rls ? 16 : 0)));
  w.SignedVarint(def.connection_limit);
  w.U8(def.valid_until ? 1 : 0);
  if (def.valid_until) w.SignedVarint(*def.valid_until);
  return out;
}

RoleDef DecodeRole(std::string_view bytes) {
  ByteReader r(bytes);
  CheckVersion(r);
  RoleDef def;
  def.oid = static_cast<Oid>(r.Varint());
  def.name = std::string(r.Bytes());
  def.superuser = r.U8() != 0;
  def.can_login = r.U8() != 0;
  if (r.U8() != 0) def.password_verifier = std::string(r.Bytes());
  uint8_t flags = r.U8();
  def.inherit = (flags & 1) != 0;
  def.create_role = (flags & 2) != 0;
  def.create_db = (flags & 4) != 0;
  def.replication = (flags & 8) != 0;
  def.bypass_rls = (flags & 16) != 0;
  def.connection_limit = static_cast<int32_t>(r.SignedVarint());
  if (r.U8() != 0) def.valid_until = r.SignedVarint();
  return def;
}

std::string EncodeTable(const TableDef& def) {
  std::string out;
  ByteWriter w(out);
  w.U8(kFormatVersion);
  w.Varint(def.oid);
  w.Varint(def.database);
  w.Varint(def.schema);
  w.Bytes(def.name);
  w.Varint(def.owner);
  w.Varint(def.columns.size());
  for (const ColumnDef& c : def.columns) {
    w.Bytes(c.name);
    w.U8(static_cast<uint8_t>(c.type.id));
    // Enum columns have no typmod; the slot holds the enum type's OID.
    w.SignedVarint(c.type.id == sql::TypeId::kEnum ? static_cast<int64_t>(c.type.oid) : c.type.typmod);
    w.U8(c.not_null ? 1 : 0);
    w.Bytes(c.default_sql);
  }
  w.Varint(def.primary_key.size());
  for (int k : def.primary_key) w.Varint(static_cast<uint64_t>(k));
  w.Bytes(def.primary_key_name);
  EncodeTableExtras(w, def);
  // Then tagged DDL sections (sequence, identity, reloptions, reltuples).
  EncodeDdlSections(def, w);
  return out;
}

TableDef DecodeTable(std::string_view bytes) {
  ByteReader r(bytes);
  CheckVersion(r);
  TableDef def;
  def.oid = static_cast<Oid>(r.Varint());
  def.database = static_cast<Oid>(r.Varint());
  def.schema = static_cast<Oid>(r.Varint());
  def.name = std::string(r.Bytes());
  def.owner = static_cast<Oid>(r.Varint());
  uint64_t ncols = r.Varint();
  def.columns.reserve(ncols);
  for (uint64_t i = 0; i < ncols; ++i) {
    ColumnDef c;
    c.name = std::string(r.Bytes());
    c.type.id = static_cast<sql::TypeId>(r.U8());
    c.type.typmod = static_cast<int32_t>(r.SignedVarint());
    if (c.type.id == sql::TypeId::kEnum) c.type = sql::Type{sql::TypeId::kEnum, -1, static_cast<uint32_t>(c.type.typmod)};
    c.not_null = r.U8() != 0;
    c.default_sql = std::string(r.Bytes());
    def.columns.push_back(std::move(c));
  }
  uint64_t npk = r.Varint();
  for (uint64_t i = 0; i < npk; ++i) {
    uint64_t k = r.Varint();
    if (k >= def.columns.size()) throw DbError(SqlState::kDataCorrupted, "catalog record names a missing key column");
    def.primary_key.push_back(static_cast<int>(k));
  }
  def.primary_key_name = std::string(r.Bytes());
  if (!r.AtEnd()) DecodeTableExtras(r, def);
  DecodeDdlSections(r, def);
  return def;
}

}  // namespace basalt::engine::catalog
