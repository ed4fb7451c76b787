// bytea and uuid functions: length/octet_length, encode/decode, md5,
// sha256, get_byte, gen_random_uuid (PostgreSQL 15 varlena.c, encode.c,
// cryptohashfuncs.c, uuid.c).
#include <openssl/evp.h>

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/functions/function_registry.hpp"
#include "engine/sql/types/bytea_text.hpp"
#include "engine/sql/types/uuid_text.hpp"

namespace basalt::engine::sql {
namespace {

using Args = std::span<const Value>;
using Types = const std::vector<Type>&;

const Type kBytea{TypeId::kBytea, -1};
const Type kText{TypeId::kText, -1};
const Type kInt4{TypeId::kInt4, -1};
const Type kUuid{TypeId::kUuid, -1};

Value ByteaLength(Args a, Types, Type, EvalContext&) { return Value::Int(static_cast<int64_t>(a[0].as_string().size())); }
Value Encode(Args a, Types, Type, EvalContext&) { return Value::String(EncodeBytes(a[0].as_string(), a[1].as_string())); }
Value Decode(Args a, Types, Type, EvalContext&) { return Value::String(DecodeBytes(a[0].as_string(), a[1].as_string())); }

std::string Digest(const std::string& s, const EVP_MD* md) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(s.data(), s.size(), digest, &len, md, nullptr) != 1) {
    throw DbError(SqlState::kInternalError, "could not compute digest");
  }
  return std::string(reinterpret_cast<const char*>(digest), len);
}

Value Md5(Args a, Types, Type, EvalContext&) {
  std::string hex;
  AppendByteaHex(Digest(a[0].as_string(), EVP_md5()), hex);
  return Value::String(hex.substr(2));
}
Value Sha256(Args a, Types, Type, EvalContext&) { return Value::String(Digest(a[0].as_string(), EVP_sha256())); }

Value GetByte(Args a, Types, Type, EvalContext&) {
  const std::string& s = a[0].as_string();
  int64_t n = a[1].as_int();
  if (n < 0 || n >= static_cast<int64_t>(s.size())) {
    throw DbError(SqlState::kArraySubscriptError,
                  fmt::format("index {} out of valid range, 0..{}", n, static_cast<int64_t>(s.size()) - 1));
  }
  return Value::Int(static_cast<unsigned char>(s[static_cast<size_t>(n)]));
}

Value GenRandomUuid(Args, Types, Type, EvalContext&) { return Value::String(RandomUuid()); }

}  // namespace

void RegisterByteaFunctions(std::vector<FunctionEntry>& out) {
  auto add = [&](std::string_view name, std::vector<Type> args, Type result, ScalarFn fn, bool is_volatile = false) {
    FunctionEntry e;
    e.name = name;
    e.info.arg_types = std::move(args);
    e.info.result = result;
    e.info.fn = fn;
    e.info.is_volatile = is_volatile;
    out.push_back(std::move(e));
  };
  add("length", {kBytea}, kInt4, &ByteaLength);
  add("octet_length", {kBytea}, kInt4, &ByteaLength);
  add("encode", {kBytea, kText}, kText, &Encode);
  add("decode", {kText, kText}, kBytea, &Decode);
  add("md5", {kBytea}, kText, &Md5);
  add("sha256", {kBytea}, kBytea, &Sha256);
  add("get_byte", {kBytea, kInt4}, kInt4, &GetByte);
  add("gen_random_uuid", {}, kUuid, &GenRandomUuid, true);
}

}  // namespace basalt::engine::sql
