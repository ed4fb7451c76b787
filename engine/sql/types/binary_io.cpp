#include "engine/sql/types/binary_io.hpp"

#include <cstring>

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/enum_type.hpp"
#include "engine/sql/types/array_binary.hpp"
#include "engine/sql/types/array_type.hpp"
#include "engine/sql/types/casts.hpp"
#include "engine/sql/types/datetime.hpp"
#include "engine/sql/types/json_value.hpp"
#include "engine/sql/types/text_io.hpp"

namespace basalt::engine::sql {
namespace {

constexpr uint16_t kNumericPos = 0x0000;
constexpr uint16_t kNumericNeg = 0x4000;
constexpr uint16_t kNumericNaN = 0xC000;
constexpr uint16_t kNumericPInf = 0xD000;
constexpr uint16_t kNumericNInf = 0xF000;

void PutBE(std::string& out, uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

uint64_t GetBE(std::string_view in, size_t pos, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<uint8_t>(in[pos + i]);
  return v;
}

DbError BadFormat() {
  return DbError(SqlState::kInvalidBinaryRepresentation, "incorrect binary data format");
}

void CheckLength(std::string_view bytes, size_t n) {
  if (bytes.size() != n) throw BadFormat();
}

// numeric_send from the value's text form: [-]int[.frac], NaN, [-]Infinity.
void AppendNumeric(const std::string& text, std::string& out) {
  auto header = [&](int16_t ndigits, int16_t weight, uint16_t sign, int16_t dscale) {
    PutBE(out, static_cast<uint16_t>(ndigits), 2);
    PutBE(out, static_cast<uint16_t>(weight), 2);
    PutBE(out, sign, 2);
    PutBE(out, static_cast<uint16_t>(dscale), 2);
  };
  if (text == "NaN") return header(0, 0, kNumericNaN, 0);
  if (text == "Infinity") return header(0, 0, kNumericPInf, 0);
  if (text == "-Infinity") return header(0, 0, kNumericNInf, 0);
  std::string_view s = text;
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s.remove_prefix(1);
  size_t dot = s.find('.');
  std::string int_part(s.substr(0, dot));
  std::string frac_part(dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1));
  auto dscale = static_cast<int16_t>(frac_part.size());
  size_t first = int_part.find_first_not_of('0');
  int_part = first == std::string::npos ? "" : int_part.substr(first);
  // Align both parts to base-10000 groups around the decimal point.
  int_part.insert(0, (4 - int_part.size() % 4) % 4, '0');
  frac_part.append((4 - frac_part.size() % 4) % 4, '0');
  std::string all = int_part + frac_part;
  std::vector<uint16_t> digits;
  for (size_t i = 0; i < all.size(); i += 4) digits.push_back(static_cast<uint16_t>(std::stoi(all.substr(i, 4))));
  int weight = static_cast<int>(int_part.size() / 4) - 1;
  size_t lead = 0;
  while (lead < digits.size() && digits[lead] == 0) ++lead;
  digits.erase(digits.begin(), digits.begin() + static_cast<std::ptrdiff_t>(lead));
  weight -= static_cast<int>(lead);
  while (!digits.empty() && digits.back() == 0) digits.pop_back();
  if (digits.empty()) {
    weight = 0;
    negative = false;
  }
  header(static_cast<int16_t>(digits.size()), static_cast<int16_t>(weight), negative ? kNumericNeg : kNumericPos,
         dscale);
  for (uint16_t d : digits) PutBE(out, d, 2);
}

// numeric_recv, producing the text numeric_in accepts.
std::string NumericText(std::string_view bytes) {
  if (bytes.size() < 8) throw BadFormat();
  auto ndigits = static_cast<int16_t>(GetBE(bytes, 0, 2));
  auto weight = static_cast<int16_t>(GetBE(bytes, 2, 2));
  auto sign = static_cast<uint16_t>(GetBE(bytes, 4, 2));
  auto dscale = static_cast<int16_t>(GetBE(bytes, 6, 2));
  if (ndigits < 0 || dscale < 0 || bytes.size() != 8 + 2 * static_cast<size_t>(ndigits)) throw BadFormat();
  if (sign == kNumericNaN) return "NaN";
  if (sign == kNumericPInf) return "Infinity";
  if (sign == kNumericNInf) return "-Infinity";
  if (sign != kNumericPos && sign != kNumericNeg) throw BadFormat();
  std::vector<int> digits(static_cast<size_t>(ndigits));
  for (int i = 0; i < ndigits; ++i) {
    digits[i] = static_cast<int>(GetBE(bytes, 8 + 2 * static_cast<size_t>(i), 2));
    if (digits[i] > 9999) throw BadFormat();
  }
  auto digit_at = [&](int w) {  // the base-10000 digit with weight w
    int idx = weight - w;
    return idx >= 0 && idx < ndigits ? digits[idx] : 0;
  };
  std::string out;
  if (sign == kNumericNeg) out.push_back('-');
  if (weight < 0) {
    out.push_back('0');
  } else {
    out += std::to_string(digit_at(weight));
    for (int w = weight - 1; w >= 0; --w) out += fmt::format("{:04d}", digit_at(w));
  }
  if (dscale > 0) {
    std::string frac;
    for (int w = -1; static_cast<int>(frac.size()) < dscale; --w) frac += fmt::format("{:04d}", digit_at(w));
    out.push_back('.');
    out += frac.substr(0, static_cast<size_t>(dscale));
  }
  return out;
}

}  // namespace

bool HasBinaryFormat(TypeId id) {
  if (IsArrayType(id)) return HasBinaryFormat(ArrayElementType(id));
  switch (id) {
    case TypeId::kBool:
    case TypeId::kInt2:
    case TypeId::kInt4:
    case TypeId::kInt8:
    case TypeId::kFloat4:
    case TypeId::kFloat8:
    case TypeId::kNumeric:
    case TypeId::kText:
    case TypeId::kVarchar:
    case TypeId::kBpchar:
    case TypeId::kName:
    case TypeId::kOid:
    case TypeId::kRegclass:
    case TypeId::kRegtype:
    case TypeId::kRegproc:
    case TypeId::kRegprocedure:
    case TypeId::kRegoper:
    case TypeId::kRegoperator:
    case TypeId::kRegnamespace:
    case TypeId::kRegrole:
    case TypeId::kUnknown:
    case TypeId::kDate:
    case TypeId::kTime:
    case TypeId::kTimeTz:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
    case TypeId::kInterval:
    case TypeId::kEnum: return true;
    case TypeId::kBytea:
    case TypeId::kUuid:
    case TypeId::kJson:
    case TypeId::kJsonb:
    case TypeId::kChar:
    case TypeId::kInt2Vector:
    case TypeId::kOidVector: return true;
    case TypeId::kVoid: return false;
    default: return false;
  }
  return false;
}

void AppendBinary(const Value& v, Type t, std::string& out) {
  if (IsArrayType(t.id)) return AppendArrayBinary(v, t, out);
  switch (t.id) {
    case TypeId::kEnum: out += EnumValueLabel(v); return;  // enum_send: the label bytes
    case TypeId::kBool: out.push_back(v.as_bool() ? 1 : 0); return;
    case TypeId::kInt2: PutBE(out, static_cast<uint64_t>(v.as_int()), 2); return;
    case TypeId::kInt4:
    case TypeId::kOid:
    case TypeId::kRegclass:
    case TypeId::kRegtype:
    case TypeId::kRegproc:
    case TypeId::kRegprocedure:
    case TypeId::kRegoper:
    case TypeId::kRegoperator:
    case TypeId::kRegnamespace:
    case TypeId::kRegrole:
      PutBE(out, static_cast<uint64_t>(v.as_int()), 4);
      return;
    case TypeId::kInt8: PutBE(out, static_cast<uint64_t>(v.as_int()), 8); return;
    case TypeId::kFloat4: {
      float f = static_cast<float>(v.as_float());
      uint32_t bits = 0;
      std::memcpy(&bits, &f, sizeof bits);
      PutBE(out, bits, 4);
      return;
    }
    case TypeId::kFloat8: {
      double d = v.as_float();
      uint64_t bits = 0;
      std::memcpy(&bits, &d, sizeof bits);
      PutBE(out, bits, 8);
      return;
    }
    case TypeId::kNumeric: AppendNumeric(ToText(v, t), out); return;
    case TypeId::kText:
    case TypeId::kVarchar:
    case TypeId::kBpchar:
    case TypeId::kName:
    case TypeId::kUnknown: out += v.as_string(); return;
    // date_send, time_send, timestamp_send: the integer; timetz_send: time
    // then zone (seconds west); interval_send: time, day, month.
    case TypeId::kDate: PutBE(out, static_cast<uint64_t>(v.as_int()), 4); return;
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz: PutBE(out, static_cast<uint64_t>(v.as_int()), 8); return;
    case TypeId::kTimeTz: {
      datetime::TimeTz tt = datetime::TimeTzFromValue(v);
      PutBE(out, static_cast<uint64_t>(tt.time), 8);
      PutBE(out, static_cast<uint32_t>(tt.zone), 4);
      return;
    }
    case TypeId::kInterval: {
      datetime::Interval iv = datetime::IntervalFromValue(v);
      PutBE(out, static_cast<uint64_t>(iv.time), 8);
      PutBE(out, static_cast<uint32_t>(iv.day), 4);
      PutBE(out, static_cast<uint32_t>(iv.month), 4);
      return;
    }
    // bytea, uuid, json and "char" send their bytes; jsonb_send prefixes
    // format version 1 to the text.
    case TypeId::kBytea:
    case TypeId::kUuid:
    case TypeId::kJson:
    case TypeId::kChar: out += v.as_string(); return;
    case TypeId::kJsonb:
      out.push_back(1);
      out += v.as_string();
      return;
    case TypeId::kInt2Vector:
    case TypeId::kOidVector: AppendArrayBinary(v, t, out); return;
    default: break;
  }
  throw DbError(SqlState::kFeatureNotSupported,
                fmt::format("binary output is not supported for type {}", TypeDisplayName(t.id)));
}

Value ParseBinary(std::string_view bytes, Type t) {
  if (IsArrayType(t.id)) return ParseArrayBinary(bytes, t);
  switch (t.id) {
    case TypeId::kEnum: return ParseEnum(bytes, t);  // enum_recv
    case TypeId::kBool:
      CheckLength(bytes, 1);
      return Value::Bool(bytes[0] != 0);
    case TypeId::kInt2:
      CheckLength(bytes, 2);
      return Value::Int(static_cast<int16_t>(GetBE(bytes, 0, 2)));
    case TypeId::kInt4:
      CheckLength(bytes, 4);
      return Value::Int(static_cast<int32_t>(GetBE(bytes, 0, 4)));
    case TypeId::kOid:
    case TypeId::kRegclass:
    case TypeId::kRegtype:
    case TypeId::kRegproc:
    case TypeId::kRegprocedure:
    case TypeId::kRegoper:
    case TypeId::kRegoperator:
    case TypeId::kRegnamespace:
    case TypeId::kRegrole:
      CheckLength(bytes, 4);
      return Value::Int(static_cast<uint32_t>(GetBE(bytes, 0, 4)));
    case TypeId::kInt8:
      CheckLength(bytes, 8);
      return Value::Int(static_cast<int64_t>(GetBE(bytes, 0, 8)));
    case TypeId::kFloat4: {
      CheckLength(bytes, 4);
      auto bits = static_cast<uint32_t>(GetBE(bytes, 0, 4));
      float f = 0;
      std::memcpy(&f, &bits, sizeof f);
      return Value::Float(f);
    }
    case TypeId::kFloat8: {
      CheckLength(bytes, 8);
      uint64_t bits = GetBE(bytes, 0, 8);
      double d = 0;
      std::memcpy(&d, &bits, sizeof d);
      return Value::Float(d);
    }
    case TypeId::kNumeric: return ParseText(NumericText(bytes), t);
    case TypeId::kText:
    case TypeId::kVarchar:
    case TypeId::kBpchar:
    case TypeId::kName:
    case TypeId::kUnknown:
      // The input function applies length rules and rejects NUL bytes alike.
      if (bytes.find('\0') != std::string_view::npos) {
        throw DbError(SqlState::kCharacterNotInRepertoire, "invalid byte sequence for encoding \"UTF8\": 0x00");
      }
      return t.id == TypeId::kUnknown ? Value::String(bytes) : ParseText(bytes, t);
    case TypeId::kDate:
      CheckLength(bytes, 4);
      return Value::Int(static_cast<int32_t>(GetBE(bytes, 0, 4)));
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz: {
      CheckLength(bytes, 8);
      int64_t x = static_cast<int64_t>(GetBE(bytes, 0, 8));
      bool ok = t.id == TypeId::kTime ? (x >= 0 && x <= datetime::kUsecsPerDay)
                                      : (!datetime::IsFiniteTimestamp(x) || datetime::IsValidTimestamp(x));
      if (!ok) {
        throw DbError(SqlState::kDatetimeValueOutOfRange,
                      t.id == TypeId::kTime ? "time out of range" : "timestamp out of range");
      }
      return ApplyTypmod(Value::Int(x), t, false);
    }
    case TypeId::kTimeTz: {
      CheckLength(bytes, 12);
      datetime::TimeTz tt{static_cast<int64_t>(GetBE(bytes, 0, 8)), static_cast<int32_t>(GetBE(bytes, 8, 4))};
      return ApplyTypmod(datetime::TimeTzToValue(tt), t, false);
    }
    case TypeId::kInterval: {
      CheckLength(bytes, 16);
      datetime::Interval iv{static_cast<int64_t>(GetBE(bytes, 0, 8)), static_cast<int32_t>(GetBE(bytes, 8, 4)),
                            static_cast<int32_t>(GetBE(bytes, 12, 4))};
      return ApplyTypmod(datetime::IntervalToValue(iv), t, false);
    }
    case TypeId::kBytea: return Value::String(bytes);
    case TypeId::kUuid:
      CheckLength(bytes, 16);
      return Value::String(bytes);
    case TypeId::kChar:  // charrecv takes the first byte, if any
      return Value::String(bytes.empty() || bytes[0] == '\0' ? std::string() : std::string(1, bytes[0]));
    case TypeId::kJson:
    case TypeId::kJsonb: {
      if (t.id == TypeId::kJsonb) {
        if (bytes.empty() || bytes[0] != 1) {
          throw DbError(SqlState::kInvalidBinaryRepresentation,
                        fmt::format("unsupported jsonb version number {}", bytes.empty() ? 0 : static_cast<int>(bytes[0])));
        }
        bytes.remove_prefix(1);
      }
      if (bytes.find('\0') != std::string_view::npos) {
        throw DbError(SqlState::kCharacterNotInRepertoire, "invalid byte sequence for encoding \"UTF8\": 0x00");
      }
      return ParseText(bytes, t);
    }
    case TypeId::kInt2Vector:
    case TypeId::kOidVector: return ParseArrayBinary(bytes, t);
    default: break;
  }
  throw DbError(SqlState::kFeatureNotSupported,
                fmt::format("binary input is not supported for type {}", TypeDisplayName(t.id)));
}

std::optional<TypeId> TypeFromOid(uint32_t oid) {
  switch (oid) {
    case 16: return TypeId::kBool;
    case 21: return TypeId::kInt2;
    case 23: return TypeId::kInt4;
    case 20: return TypeId::kInt8;
    case 700: return TypeId::kFloat4;
    case 701: return TypeId::kFloat8;
    case 1700: return TypeId::kNumeric;
    case 25: return TypeId::kText;
    case 1043: return TypeId::kVarchar;
    case 1042: return TypeId::kBpchar;
    case 19: return TypeId::kName;
    case 26: return TypeId::kOid;
    case 2205: return TypeId::kRegclass;
    case 2206: return TypeId::kRegtype;
    case 24: return TypeId::kRegproc;
    case 2202: return TypeId::kRegprocedure;
    case 2203: return TypeId::kRegoper;
    case 2204: return TypeId::kRegoperator;
    case 4089: return TypeId::kRegnamespace;
    case 4096: return TypeId::kRegrole;
    case 1033: return TypeId::kAclItem;
    case 2278: return TypeId::kVoid;
    case 705: return TypeId::kUnknown;
    case 1082: return TypeId::kDate;
    case 1083: return TypeId::kTime;
    case 1266: return TypeId::kTimeTz;
    case 1114: return TypeId::kTimestamp;
    case 1184: return TypeId::kTimestampTz;
    case 1186: return TypeId::kInterval;
    case 17: return TypeId::kBytea;
    case 2950: return TypeId::kUuid;
    case 114: return TypeId::kJson;
    case 3802: return TypeId::kJsonb;
    case 18: return TypeId::kChar;
    case 22: return TypeId::kInt2Vector;
    case 30: return TypeId::kOidVector;
    default: return ArrayTypeFromOid(oid);
  }
}

}  // namespace basalt::engine::sql
