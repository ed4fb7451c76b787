// engine/sql/types/array_text.hpp
//
// Text form of arrays (PostgreSQL 15's array_in/array_out in arrayfuncs.c)
// and of int2vector/oidvector (int2vectorin/out, oidvectorin/out: elements
// separated by single spaces, lower bound 0).
//
// array_out quotes an element when it is empty, equals NULL in any case, or
// holds { } , " \ or whitespace; inside quotes " and \ get a backslash. A
// lower bound other than 1 prints a dimension decoration ([0:2]={1,2,3}).
// array_in accepts that decoration, nested braces for several dimensions,
// quoted and unquoted elements with backslash escapes and unquoted NULL;
// malformed input is 22P02 `malformed array literal: "..."` with PostgreSQL's
// DETAIL.
#pragma once

#include <string>
#include <string_view>

#include "engine/sql/types/text_io.hpp"

namespace basalt::engine::sql {

// `t` is an array type, int2vector or oidvector; elements are parsed with the
// element type and t.typmod.
Value ParseArrayText(std::string_view text, Type t, const FormatOptions& opts);
void AppendArrayText(const Value& v, Type t, std::string& out, const FormatOptions& opts);

}  // namespace basalt::engine::sql
