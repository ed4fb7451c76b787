// engine/sql/types/json_convert.hpp
//
// SQL values to JSON, as PostgreSQL 15's datum_to_json / datum_to_jsonb do
// (json.c, jsonb.c): numbers stay numbers (NaN and infinities become
// strings), booleans, strings escaped, json/jsonb embedded as they are,
// arrays as JSON arrays (nested per dimension), date/time types in ISO 8601
// with a 'T' (JsonEncodeDateTime), everything else as its output text string.
#pragma once

#include <string>

#include "engine/sql/types/json_value.hpp"
#include "engine/sql/types/text_io.hpp"

namespace basalt::engine::sql {

// to_json's text (arrays without spaces: [1,2]); null prints null.
void AppendToJson(const Value& v, Type t, std::string& out, const FormatOptions& opts);
// to_jsonb's tree (normalised).
JsonNode ToJsonbNode(const Value& v, Type t, const FormatOptions& opts);
// The text a value contributes as an object key (json_build_object, *_object_agg):
// its output text; 22023 for arrays and json.
std::string JsonKeyText(const Value& v, Type t, const FormatOptions& opts);

}  // namespace basalt::engine::sql
