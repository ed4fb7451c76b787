// The array encoding (array_value.hpp). Little-endian fixed-width fields keep
// decoding a straight memcpy; the format never leaves the process except in
// stored rows, which this file alone reads and writes.
#include "engine/sql/types/array_value.hpp"

#include <cstring>

#include "engine/error/db_error.hpp"

namespace basalt::engine::sql {
namespace {

enum Tag : uint8_t { kNullTag = 0, kFalseTag = 1, kTrueTag = 2, kIntTag = 3, kFloatTag = 4, kStringTag = 5 };

template <typename T>
void PutLE(std::string& out, T v) {
  char buf[sizeof(T)];
  std::memcpy(buf, &v, sizeof(T));  // the machine is little-endian (x86-64, arm64)
  out.append(buf, sizeof(T));
}

[[noreturn]] void Corrupt() { throw DbError(SqlState::kInternalError, "corrupt array value"); }

}  // namespace

void AppendArrayHeader(std::string& out, const std::vector<int32_t>& dims, const std::vector<int32_t>& lbounds) {
  out.push_back(static_cast<char>(dims.size()));
  for (size_t i = 0; i < dims.size(); ++i) {
    PutLE<int32_t>(out, dims[i]);
    PutLE<int32_t>(out, lbounds[i]);
  }
}

void AppendArrayItem(std::string& out, const Value& item) {
  switch (item.kind()) {
    case Value::Kind::kNull: out.push_back(static_cast<char>(kNullTag)); return;
    case Value::Kind::kBool: out.push_back(static_cast<char>(item.as_bool() ? kTrueTag : kFalseTag)); return;
    case Value::Kind::kInt:
      out.push_back(static_cast<char>(kIntTag));
      PutLE<int64_t>(out, item.as_int());
      return;
    case Value::Kind::kFloat:
      out.push_back(static_cast<char>(kFloatTag));
      PutLE<double>(out, item.as_float());
      return;
    case Value::Kind::kString:
      out.push_back(static_cast<char>(kStringTag));
      PutLE<uint32_t>(out, static_cast<uint32_t>(item.as_string().size()));
      out += item.as_string();
      return;
  }
}

Value MakeArray(const std::vector<Value>& items, int32_t lower_bound) {
  std::string out;
  out.reserve(9 + items.size() * 9);
  if (items.empty()) {
    out.push_back('\0');
  } else {
    AppendArrayHeader(out, {static_cast<int32_t>(items.size())}, {lower_bound});
    for (const Value& v : items) AppendArrayItem(out, v);
  }
  return Value::String(std::move(out));
}

Value MakeArray(const ArrayData& data) {
  std::string out;
  if (data.items.empty()) {
    out.push_back('\0');
  } else {
    AppendArrayHeader(out, data.dims, data.lbounds);
    for (const Value& v : data.items) AppendArrayItem(out, v);
  }
  return Value::String(std::move(out));
}

ArrayReader::ArrayReader(std::string_view bytes) : bytes_(bytes) {
  if (bytes_.empty()) Corrupt();
  ndim_ = static_cast<uint8_t>(bytes_[0]);
  if (ndim_ > kMaxArrayDims || bytes_.size() < 1 + 8 * static_cast<size_t>(ndim_)) Corrupt();
  pos_ = 1;
  size_ = ndim_ == 0 ? 0 : 1;
  for (int i = 0; i < ndim_; ++i) {
    std::memcpy(&dims_[i], bytes_.data() + pos_, 4);
    std::memcpy(&lbounds_[i], bytes_.data() + pos_ + 4, 4);
    pos_ += 8;
    size_ *= dims_[i];
  }
}

bool ArrayReader::Next(Value& out) {
  if (pos_ >= bytes_.size()) return false;
  auto tag = static_cast<uint8_t>(bytes_[pos_++]);
  auto need = [&](size_t n) {
    if (bytes_.size() - pos_ < n) Corrupt();
  };
  switch (tag) {
    case kNullTag: out = Value::Null(); return true;
    case kFalseTag: out = Value::Bool(false); return true;
    case kTrueTag: out = Value::Bool(true); return true;
    case kIntTag: {
      need(8);
      int64_t i;
      std::memcpy(&i, bytes_.data() + pos_, 8);
      pos_ += 8;
      out = Value::Int(i);
      return true;
    }
    case kFloatTag: {
      need(8);
      double d;
      std::memcpy(&d, bytes_.data() + pos_, 8);
      pos_ += 8;
      out = Value::Float(d);
      return true;
    }
    case kStringTag: {
      need(4);
      uint32_t n;
      std::memcpy(&n, bytes_.data() + pos_, 4);
      pos_ += 4;
      need(n);
      std::string_view s = bytes_.substr(pos_, n);
      pos_ += n;
      if (out.kind() == Value::Kind::kString) {
        out.mutable_string().assign(s);
      } else {
        out = Value::String(s);
      }
      return true;
    }
    default: Corrupt();
  }
}

ArrayData DecodeArray(std::string_view bytes) {
  ArrayReader r(bytes);
  ArrayData out;
  for (int i = 0; i < r.ndim(); ++i) {
    out.dims.push_back(r.length(i));
    out.lbounds.push_back(r.lower_bound(i));
  }
  out.items.reserve(static_cast<size_t>(r.size()));
  Value v;
  while (r.Next(v)) out.items.push_back(v);
  return out;
}

ArrayData DecodeArray(const Value& v) { return DecodeArray(std::string_view(v.as_string())); }

}  // namespace basalt::engine::sql
