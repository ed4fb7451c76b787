// engine/sql/types/json_ops.hpp
//
// json/jsonb navigation and manipulation shared by the operators
// (json_operators.cpp) and the json functions (functions/json_functions.cpp).
// Sources: PostgreSQL 15 jsonfuncs.c (get_path_all, jsonb_delete*,
// jsonb_concat/IteratorConcat, setPath) and jsonb_util.c (JsonbDeepContains).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/sql/types/json_value.hpp"
#include "engine/sql/types/value.hpp"

namespace basalt::engine::sql {

// Element of an array with PostgreSQL's negative-from-the-end indexing; nullptr
// when out of range or not an array.
const JsonNode* JsonArrayElement(const JsonNode& n, int64_t index);
// Object field; for json (not normalised) the last duplicate wins. nullptr if absent.
const JsonNode* JsonObjectField(const JsonNode& n, std::string_view key);
// Follows a text[] path (nulls in the path give nullptr).
const JsonNode* JsonPath(const JsonNode& n, const std::vector<std::optional<std::string>>& path);

// The text ->> returns for a node: strings unescaped, null as nullopt, other
// scalars and containers as jsonb text (json: the source span of `source`).
std::optional<std::string> JsonbAsText(const JsonNode& n);
std::optional<std::string> JsonAsText(const JsonNode& n, std::string_view source);

// a @> b for jsonb.
bool JsonbContains(const JsonNode& a, const JsonNode& b);
// jsonb ? key.
bool JsonbExists(const JsonNode& n, std::string_view key);
// jsonb || jsonb.
JsonNode JsonbConcat(const JsonNode& a, const JsonNode& b);
// jsonb - text, jsonb - int, jsonb #- text[] (22023 / 22P02 as PostgreSQL).
JsonNode JsonbDeleteKey(const JsonNode& n, std::string_view key);
JsonNode JsonbDeleteIndex(const JsonNode& n, int64_t index);
JsonNode JsonbDeletePath(const JsonNode& n, const std::vector<std::optional<std::string>>& path);
// jsonb_set(target, path, new_value, create_missing).
JsonNode JsonbSet(const JsonNode& n, const std::vector<std::optional<std::string>>& path, const JsonNode& value,
                  bool create_missing);
// jsonb_strip_nulls.
JsonNode JsonbStripNulls(const JsonNode& n);

// The Value of a jsonb tree (canonical text; the tree must be normalised).
Value JsonbValue(const JsonNode& n);
// A text[] Value as a path (elements null -> nullopt).
std::vector<std::optional<std::string>> TextArrayPath(const Value& v);

}  // namespace basalt::engine::sql
