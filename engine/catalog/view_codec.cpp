#include "engine/catalog/view_codec.hpp"

namespace basalt::engine::catalog {

void EncodeViewSection(const TableDef& def, ByteWriter& w) {
  if (!def.view) return;
  std::string p;
  ByteWriter s(p);
  s.Bytes(def.view->query_sql);
  s.Varint(def.view->depends_on.size());
  for (Oid o : def.view->depends_on) s.Varint(o);
  w.U8(kViewSectionTag);
  w.Bytes(p);
}

void DecodeViewSection(ByteReader& payload, TableDef& def) {
  ViewDef v;
  v.query_sql = std::string(payload.Bytes());
  uint64_t n = payload.Varint();
  for (uint64_t i = 0; i < n; ++i) v.depends_on.push_back(static_cast<Oid>(payload.Varint()));
  def.view = std::move(v);
}

}  // namespace basalt::engine::catalog
