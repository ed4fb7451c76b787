#include "engine/catalog/ddl_codec.hpp"

#include "engine/catalog/view_codec.hpp"

namespace basalt::engine::catalog {
namespace {

enum : uint8_t { kTagSequence = 10, kTagIdentity = 11, kTagRelOptions = 12, kTagRelTuples = 13 };

void Section(ByteWriter& w, uint8_t tag, const std::string& payload) {
  w.U8(tag);
  w.Bytes(payload);
}

}  // namespace

void EncodeDdlSections(const TableDef& def, ByteWriter& w) {
  if (def.relkind != 'r' || def.sequence) {
    std::string p;
    ByteWriter s(p);
    s.U8(static_cast<uint8_t>(def.relkind));
    s.U8(def.sequence ? 1 : 0);
    if (def.sequence) {
      const SequenceDef& q = *def.sequence;
      s.U8(static_cast<uint8_t>(q.type));
      s.SignedVarint(q.start);
      s.SignedVarint(q.increment);
      s.SignedVarint(q.max_value);
      s.SignedVarint(q.min_value);
      s.SignedVarint(q.cache);
      s.U8(q.cycle ? 1 : 0);
      s.Varint(q.owned_by_table);
      s.Bytes(q.owned_by_column);
    }
    Section(w, kTagSequence, p);
  }
  bool any_identity = false;
  for (const ColumnDef& c : def.columns) any_identity = any_identity || c.identity != 0;
  if (any_identity) {
    std::string p;
    ByteWriter s(p);
    s.Varint(def.columns.size());
    for (const ColumnDef& c : def.columns) s.U8(static_cast<uint8_t>(c.identity));
    Section(w, kTagIdentity, p);
  }
  if (!def.reloptions.empty()) {
    std::string p;
    ByteWriter s(p);
    s.Varint(def.reloptions.size());
    for (const std::string& o : def.reloptions) s.Bytes(o);
    Section(w, kTagRelOptions, p);
  }
  if (def.reltuples >= 0) {
    std::string p;
    ByteWriter s(p);
    s.SignedVarint(static_cast<int64_t>(def.reltuples));
    Section(w, kTagRelTuples, p);
  }
  EncodeViewSection(def, w);  // view_codec.cpp
}

void DecodeDdlSections(ByteReader& r, TableDef& def) {
  while (!r.AtEnd()) {
    uint8_t tag = r.U8();
    ByteReader s(r.Bytes());
    switch (tag) {
      case kTagSequence: {
        def.relkind = static_cast<char>(s.U8());
        if (s.U8() != 0) {
          SequenceDef q;
          q.type = static_cast<sql::TypeId>(s.U8());
          q.start = s.SignedVarint();
          q.increment = s.SignedVarint();
          q.max_value = s.SignedVarint();
          q.min_value = s.SignedVarint();
          q.cache = s.SignedVarint();
          q.cycle = s.U8() != 0;
          q.owned_by_table = static_cast<uint32_t>(s.Varint());
          q.owned_by_column = std::string(s.Bytes());
          def.sequence = std::move(q);
        }
        break;
      }
      case kTagIdentity: {
        uint64_t n = s.Varint();
        for (uint64_t i = 0; i < n; ++i) {
          char v = static_cast<char>(s.U8());
          if (i < def.columns.size()) def.columns[i].identity = v;
        }
        break;
      }
      case kTagRelOptions: {
        uint64_t n = s.Varint();
        for (uint64_t i = 0; i < n; ++i) def.reloptions.emplace_back(s.Bytes());
        break;
      }
      case kTagRelTuples: def.reltuples = static_cast<double>(s.SignedVarint()); break;
      case kViewSectionTag: DecodeViewSection(s, def); break;  // view_codec.cpp
      default: break;  // a newer feature's section: skipped
    }
  }
}

}  // namespace basalt::engine::catalog
