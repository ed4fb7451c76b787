// array_send / array_recv (PostgreSQL 15 arrayfuncs.c), with their errors.
#include "engine/sql/types/array_binary.hpp"

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/array_value.hpp"
#include "engine/sql/types/binary_io.hpp"

namespace basalt::engine::sql {
namespace {

void PutBE32(std::string& out, uint32_t v) {
  for (int i = 3; i >= 0; --i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

DbError BadFormat(std::string message) {
  return DbError(SqlState::kInvalidBinaryRepresentation, std::move(message));
}

class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  int32_t Int() {
    if (b_.size() - pos_ < 4) throw BadFormat("insufficient data left in message");
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<uint8_t>(b_[pos_ + i]);
    pos_ += 4;
    return static_cast<int32_t>(v);
  }
  std::string_view Bytes(size_t n) {
    std::string_view s = b_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  size_t left() const { return b_.size() - pos_; }

 private:
  std::string_view b_;
  size_t pos_ = 0;
};

std::string TypeNameForOid(uint32_t oid) {
  auto id = TypeFromOid(oid);
  return id ? TypeDisplayName(*id) : std::to_string(oid);
}

}  // namespace

void AppendArrayBinary(const Value& v, Type t, std::string& out) {
  Type element{ArrayElementType(t.id), t.typmod};
  ArrayReader r(v.as_string());
  bool has_null = false;
  {
    ArrayReader scan(v.as_string());
    Value item;
    while (scan.Next(item)) has_null |= item.is_null();
  }
  PutBE32(out, static_cast<uint32_t>(r.ndim()));
  PutBE32(out, has_null ? 1 : 0);
  PutBE32(out, TypeOid(element.id));
  for (int d = 0; d < r.ndim(); ++d) {
    PutBE32(out, static_cast<uint32_t>(r.length(d)));
    PutBE32(out, static_cast<uint32_t>(r.lower_bound(d)));
  }
  Value item;
  while (r.Next(item)) {
    if (item.is_null()) {
      PutBE32(out, 0xFFFFFFFFu);
      continue;
    }
    size_t at = out.size();
    out.append(4, '\0');
    AppendBinary(item, element, out);
    auto len = static_cast<uint32_t>(out.size() - at - 4);
    for (int i = 0; i < 4; ++i) out[at + i] = static_cast<char>((len >> (8 * (3 - i))) & 0xFF);
  }
}

Value ParseArrayBinary(std::string_view bytes, Type t) {
  Type element{ArrayElementType(t.id), t.typmod};
  Reader r(bytes);
  int32_t ndim = r.Int();
  if (ndim < 0) throw BadFormat(fmt::format("invalid number of dimensions: {}", ndim));
  if (ndim > kMaxArrayDims) {
    throw DbError(SqlState::kProgramLimitExceeded,
                  fmt::format("number of array dimensions ({}) exceeds the maximum allowed ({})", ndim, kMaxArrayDims));
  }
  int32_t flags = r.Int();
  if (flags != 0 && flags != 1) throw BadFormat("invalid array flags");
  auto elem_oid = static_cast<uint32_t>(r.Int());
  if (elem_oid != TypeOid(element.id)) {
    throw DbError(SqlState::kDatatypeMismatch,
                  fmt::format("binary data has array element type {} ({}) instead of expected {} ({})", elem_oid,
                              TypeNameForOid(elem_oid), TypeOid(element.id), TypeDisplayName(element.id)));
  }
  ArrayData data;
  int64_t nitems = ndim == 0 ? 0 : 1;
  for (int d = 0; d < ndim; ++d) {
    int32_t len = r.Int();
    int32_t lb = r.Int();
    if (len < 0) throw BadFormat("insufficient data left in message");
    if (len != 0 && static_cast<int64_t>(lb) + len - 1 > INT32_MAX) {
      throw DbError(SqlState::kNumericValueOutOfRange, "integer out of range");
    }
    data.dims.push_back(len);
    data.lbounds.push_back(lb);
    nitems *= len;
    if (nitems > (1 << 27)) throw DbError(SqlState::kProgramLimitExceeded, "array size exceeds the maximum allowed");
  }
  if (nitems == 0) {
    data.dims.clear();
    data.lbounds.clear();
  }
  bool vector = t.id == TypeId::kInt2Vector || t.id == TypeId::kOidVector;
  data.items.reserve(static_cast<size_t>(nitems));
  for (int64_t i = 0; i < nitems; ++i) {
    int32_t len = r.Int();
    if (len < -1 || static_cast<size_t>(len < 0 ? 0 : len) > r.left()) {
      throw BadFormat("insufficient data left in message");
    }
    if (len == -1) {
      if (vector) throw BadFormat(fmt::format("invalid {} data", TypeInternalName(t.id)));
      data.items.push_back(Value::Null());
      continue;
    }
    data.items.push_back(ParseBinary(r.Bytes(static_cast<size_t>(len)), element));
  }
  if (r.left() != 0) throw BadFormat("incorrect binary data format");
  if (vector && (ndim > 1 || (ndim == 1 && data.lbounds[0] != 0))) {
    throw BadFormat(fmt::format("invalid {} data", TypeInternalName(t.id)));
  }
  return MakeArray(data);
}

}  // namespace basalt::engine::sql
