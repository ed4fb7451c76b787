// engine/sql/types/binary_io.hpp
//
// The binary wire form of the built-in types (PostgreSQL's typsend/typreceive:
// boolsend, int2send..int8send, float4send/float8send, textsend, varcharsend,
// bpcharsend, namesend, oidsend, numeric_send), used for Bind parameters and
// DataRow columns the client asked to receive in format 1. Integers and floats
// are big-endian; strings are their bytes; numeric is PostgreSQL's base-10000
// digit array (ndigits, weight, sign, dscale, digits).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/sql/types/type.hpp"
#include "engine/sql/types/value.hpp"

namespace basalt::engine::sql {

// True if the type has a binary form here.
bool HasBinaryFormat(TypeId id);

// Appends the typsend bytes of non-null `v` of type `t`. 0A000 for types without one.
void AppendBinary(const Value& v, Type t, std::string& out);

// typreceive: the value of type `t` encoded in `bytes`. Throws 22P03
// ("incorrect binary data format") when the length or content is wrong.
Value ParseBinary(std::string_view bytes, Type t);

// The type whose pg_type OID is `oid`, if Basalt has it.
std::optional<TypeId> TypeFromOid(uint32_t oid);

}  // namespace basalt::engine::sql
