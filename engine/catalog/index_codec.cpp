#include "engine/catalog/index_codec.hpp"

namespace basalt::engine::catalog {
namespace {

constexpr uint8_t kExtrasVersion = 1;

void WriteInts(ByteWriter& w, const std::vector<int>& v) {
  w.Varint(v.size());
  for (int x : v) w.Varint(static_cast<uint64_t>(x));
}

std::vector<int> ReadInts(ByteReader& r, size_t ncols) {
  std::vector<int> out;
  uint64_t n = r.Varint();
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t x = r.Varint();
    if (x >= ncols) throw DbError(SqlState::kDataCorrupted, "catalog record names a missing column");
    out.push_back(static_cast<int>(x));
  }
  return out;
}

}  // namespace

void EncodeTableExtras(ByteWriter& w, const TableDef& def) {
  w.U8(kExtrasVersion);
  w.Varint(def.indexes.size());
  for (const IndexDef& ix : def.indexes) {
    w.Varint(ix.oid);
    w.Bytes(ix.name);
    w.U8(static_cast<uint8_t>((ix.unique ? 1 : 0) | (ix.constraint ? 2 : 0)));
    w.Varint(ix.keys.size());
    for (const IndexKey& k : ix.keys) {
      w.SignedVarint(k.column);
      w.Bytes(k.expr_sql);
      w.U8(static_cast<uint8_t>((k.descending ? 1 : 0) | (k.nulls_first ? 2 : 0)));
    }
    w.Bytes(ix.predicate_sql);
  }
  w.Varint(def.checks.size());
  for (const CheckDef& c : def.checks) {
    w.Bytes(c.name);
    w.Bytes(c.expr_sql);
  }
  w.Varint(def.foreign_keys.size());
  for (const ForeignKeyDef& fk : def.foreign_keys) {
    w.Bytes(fk.name);
    WriteInts(w, fk.columns);
    w.Varint(fk.ref_table);
    w.Varint(fk.ref_schema);
    w.Bytes(fk.ref_table_name);
    WriteInts(w, fk.ref_columns);
    w.U8(static_cast<uint8_t>(fk.on_delete));
    w.U8(static_cast<uint8_t>(fk.on_update));
  }
  w.Varint(def.referenced_by.size());
  for (const ForeignKeyRef& ref : def.referenced_by) {
    w.Varint(ref.table);
    w.Varint(ref.schema);
    w.Bytes(ref.table_name);
    w.Bytes(ref.constraint_name);
  }
}

void DecodeTableExtras(ByteReader& r, TableDef& def) {
  if (r.U8() != kExtrasVersion) {
    throw DbError(SqlState::kDataCorrupted, "catalog record has an unknown index format version");
  }
  uint64_t nidx = r.Varint();
  for (uint64_t i = 0; i < nidx; ++i) {
    IndexDef ix;
    ix.oid = static_cast<Oid>(r.Varint());
    ix.name = std::string(r.Bytes());
    uint8_t flags = r.U8();
    ix.unique = (flags & 1) != 0;
    ix.constraint = (flags & 2) != 0;
    uint64_t nkeys = r.Varint();
    for (uint64_t k = 0; k < nkeys; ++k) {
      IndexKey key;
      key.column = static_cast<int>(r.SignedVarint());
      if (key.column >= static_cast<int>(def.columns.size())) {
        throw DbError(SqlState::kDataCorrupted, "catalog record names a missing index column");
      }
      key.expr_sql = std::string(r.Bytes());
      uint8_t kf = r.U8();
      key.descending = (kf & 1) != 0;
      key.nulls_first = (kf & 2) != 0;
      ix.keys.push_back(std::move(key));
    }
    ix.predicate_sql = std::string(r.Bytes());
    def.indexes.push_back(std::move(ix));
  }
  uint64_t nchecks = r.Varint();
  for (uint64_t i = 0; i < nchecks; ++i) {
    CheckDef c;
    c.name = std::string(r.Bytes());
    c.expr_sql = std::string(r.Bytes());
    def.checks.push_back(std::move(c));
  }
  uint64_t nfk = r.Varint();
  for (uint64_t i = 0; i < nfk; ++i) {
    ForeignKeyDef fk;
    fk.name = std::string(r.Bytes());
    fk.columns = ReadInts(r, def.columns.size());
    fk.ref_table = static_cast<Oid>(r.Varint());
    fk.ref_schema = static_cast<Oid>(r.Varint());
    fk.ref_table_name = std::string(r.Bytes());
    fk.ref_columns = ReadInts(r, SIZE_MAX);
    fk.on_delete = static_cast<char>(r.U8());
    fk.on_update = static_cast<char>(r.U8());
    def.foreign_keys.push_back(std::move(fk));
  }
  uint64_t nref = r.Varint();
  for (uint64_t i = 0; i < nref; ++i) {
    ForeignKeyRef ref;
    ref.table = static_cast<Oid>(r.Varint());
    ref.schema = static_cast<Oid>(r.Varint());
    ref.table_name = std::string(r.Bytes());
    ref.constraint_name = std::string(r.Bytes());
    def.referenced_by.push_back(std::move(ref));
  }
}

}  // namespace basalt::engine::catalog
