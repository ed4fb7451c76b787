// engine/sql/types/array_binary.hpp
//
// The binary wire form of arrays, int2vector and oidvector (PostgreSQL 15's
// array_send/array_recv): int32 ndim, int32 has-nulls flag, element type
// OID, ndim x (int32 length, int32 lower bound), then per item an int32 byte
// length (-1 = null) and the element's binary form.
#pragma once

#include <string>
#include <string_view>

#include "engine/sql/types/type.hpp"
#include "engine/sql/types/value.hpp"

namespace basalt::engine::sql {

void AppendArrayBinary(const Value& v, Type t, std::string& out);
// 22P03 for malformed data, 42804 for an element type other than t's.
Value ParseArrayBinary(std::string_view bytes, Type t);

}  // namespace basalt::engine::sql
