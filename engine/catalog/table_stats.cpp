#include "engine/catalog/table_stats.hpp"

#include <bit>

#include "engine/catalog/byte_io.hpp"
#include "engine/storage/key_encoder.hpp"

namespace basalt::engine::catalog {
namespace {

// Catalog key kinds 1..3 are catalog.cpp's (databases, roles, tables); the
// statistics use a kind far from them so new kinds there never collide.
constexpr uint32_t kTableStatsKind = 0x5354;  // "ST"

std::string StatsKey(Oid table) {
  storage::KeyEncoder enc;
  enc.AppendUint32(kTableStatsKind);
  enc.AppendUint32(table);
  return enc.Release();
}

void Double(ByteWriter& w, double v) { w.Fixed64(std::bit_cast<uint64_t>(v)); }
double Double(ByteReader& r) { return std::bit_cast<double>(r.Fixed64()); }
void OptInt(ByteWriter& w, const std::optional<int64_t>& v) {
  w.U8(v ? 1 : 0);
  if (v) w.SignedVarint(*v);
}
std::optional<int64_t> OptInt(ByteReader& r) {
  if (r.U8() == 0) return std::nullopt;
  return r.SignedVarint();
}

}  // namespace

const ColumnStats* TableStats::Find(const std::string& name) const {
  for (const ColumnStats& c : columns) {
    if (c.column == name) return &c;
  }
  return nullptr;
}

std::optional<TableStats> LoadTableStats(txn::Transaction& txn, Oid table) {
  auto bytes = txn.Get(storage::Cf::kCatalog, StatsKey(table));
  if (!bytes) return std::nullopt;
  ByteReader r(*bytes);
  TableStats s;
  s.table = table;
  s.reltuples = Double(r);
  s.relpages = r.SignedVarint();
  s.last_vacuum = OptInt(r);
  s.last_analyze = OptInt(r);
  s.vacuum_count = r.SignedVarint();
  s.analyze_count = r.SignedVarint();
  uint64_t n = r.Varint();
  for (uint64_t i = 0; i < n; ++i) {
    ColumnStats c;
    c.column = std::string(r.Bytes());
    c.null_frac = static_cast<float>(Double(r));
    c.avg_width = static_cast<int32_t>(r.SignedVarint());
    c.n_distinct = static_cast<float>(Double(r));
    uint64_t m = r.Varint();
    for (uint64_t j = 0; j < m; ++j) {
      c.mcv.emplace_back(r.Bytes());
      c.mcv_freqs.push_back(static_cast<float>(Double(r)));
    }
    s.columns.push_back(std::move(c));
  }
  return s;
}

void StoreTableStats(txn::Transaction& txn, const TableStats& s) {
  std::string out;
  ByteWriter w(out);
  Double(w, s.reltuples);
  w.SignedVarint(s.relpages);
  OptInt(w, s.last_vacuum);
  OptInt(w, s.last_analyze);
  w.SignedVarint(s.vacuum_count);
  w.SignedVarint(s.analyze_count);
  w.Varint(s.columns.size());
  for (const ColumnStats& c : s.columns) {
    w.Bytes(c.column);
    Double(w, c.null_frac);
    w.SignedVarint(c.avg_width);
    Double(w, c.n_distinct);
    w.Varint(c.mcv.size());
    for (size_t j = 0; j < c.mcv.size(); ++j) {
      w.Bytes(c.mcv[j]);
      Double(w, c.mcv_freqs[j]);
    }
  }
  txn.Put(storage::Cf::kCatalog, StatsKey(s.table), std::move(out));
}

void DeleteTableStats(txn::Transaction& txn, Oid table) { txn.Delete(storage::Cf::kCatalog, StatsKey(table)); }

}  // namespace basalt::engine::catalog
