#include "engine/catalog/row_codec.hpp"

#include <cstring>

#include "engine/catalog/byte_io.hpp"
#include "engine/sql/types/numeric_value.hpp"
#include "engine/storage/key_encoder.hpp"

namespace basalt::engine::catalog {

using sql::PhysicalKind;
using sql::Value;

std::string RowKeyPrefix(Oid table) {
  storage::KeyEncoder enc;
  enc.AppendUint32(table);
  return enc.Release();
}

std::string RowKeyPrefixEnd(Oid table) {
  storage::KeyEncoder enc;
  enc.AppendUint32(table + 1);
  return enc.Release();
}

void AppendKeyValue(std::string& key, const Value& v, sql::TypeId type) {
  storage::KeyEncoder enc;
  if (v.is_null()) {
    enc.AppendNull();
  } else if (type == sql::TypeId::kNumeric) {
    // A numeric Value holds Numeric::Serialize() bytes, which do not sort
    // numerically; Numeric::AppendKey does (and ignores display scale, so
    // 1.0 and 1.00 are the same key, as they are equal under numeric's =).
    std::string num;
    num.push_back(static_cast<char>(storage::key_marker::kNotNull));
    sql::NumericFromValue(v).AppendKey(num);
    enc.AppendRaw(num);
  } else {
    switch (sql::PhysicalKindOf(type)) {
      case PhysicalKind::kBool: enc.AppendBool(v.as_bool()); break;
      case PhysicalKind::kInt: enc.AppendInt64(v.as_int()); break;
      case PhysicalKind::kFloat: enc.AppendDouble(v.as_float()); break;
      case PhysicalKind::kString: enc.AppendString(v.as_string()); break;
    }
  }
  key.append(enc.bytes());
}

std::string EncodePrimaryKey(const TableDef& table, const Row& row) {
  std::string key = RowKeyPrefix(table.oid);
  for (int col : table.primary_key) AppendKeyValue(key, row[col], table.columns[col].type.id);
  return key;
}

std::string EncodeRowIdKey(Oid table, int64_t row_id) {
  storage::KeyEncoder enc;
  enc.AppendUint32(table);
  enc.AppendInt64(row_id);
  return enc.Release();
}

std::string EncodeRowValue(const TableDef& table, const Row& row) {
  std::string out;
  out.reserve(16 + row.size() * 8);
  ByteWriter w(out);
  size_t n = table.columns.size();
  w.Varint(n);
  size_t bitmap_at = out.size();
  out.append((n + 7) / 8, '\0');
  for (size_t i = 0; i < n; ++i) {
    const Value& v = row[i];
    if (v.is_null()) {
      out[bitmap_at + i / 8] = static_cast<char>(out[bitmap_at + i / 8] | (1 << (i % 8)));
      continue;
    }
    switch (sql::PhysicalKindOf(table.columns[i].type.id)) {
      case PhysicalKind::kBool: w.U8(v.as_bool() ? 1 : 0); break;
      case PhysicalKind::kInt: w.SignedVarint(v.as_int()); break;
      case PhysicalKind::kFloat: {
        double d = v.as_float();
        uint64_t bits;
        std::memcpy(&bits, &d, 8);
        w.Fixed64(bits);
        break;
      }
      case PhysicalKind::kString: w.Bytes(v.as_string()); break;
    }
  }
  return out;
}

void DecodeRowValue(const TableDef& table, std::string_view bytes, Row& out) {
  ByteReader r(bytes);
  size_t stored = r.Varint();
  size_t n = table.columns.size();
  out.resize(n);
  std::string_view bitmap = r.Raw((stored + 7) / 8);
  for (size_t i = 0; i < n; ++i) {
    if (i >= stored || (static_cast<uint8_t>(bitmap[i / 8]) >> (i % 8)) & 1) {
      out[i] = Value::Null();
      continue;
    }
    switch (sql::PhysicalKindOf(table.columns[i].type.id)) {
      case PhysicalKind::kBool: out[i] = Value::Bool(r.U8() != 0); break;
      case PhysicalKind::kInt: out[i] = Value::Int(r.SignedVarint()); break;
      case PhysicalKind::kFloat: {
        uint64_t bits = r.Fixed64();
        double d;
        std::memcpy(&d, &bits, 8);
        out[i] = Value::Float(d);
        break;
      }
      case PhysicalKind::kString: {
        std::string_view s = r.Bytes();
        if (out[i].kind() == Value::Kind::kString) {
          out[i].mutable_string().assign(s);  // reuse the buffer across rows
        } else {
          out[i] = Value::String(s);
        }
        break;
      }
    }
  }
}

}  // namespace basalt::engine::catalog
