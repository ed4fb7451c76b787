// engine/sql/types/json_value.hpp
//
// json and jsonb. A json Value is the input text, verbatim once validated
// (json_in). A jsonb Value is the text PostgreSQL's jsonb_out prints for it:
// objects have their keys sorted by length, then bytewise, duplicates resolved
// last-wins; numbers are numeric_out of numeric_in of the input; separators
// are ", " and ": " ({"a": 1, "b": [1, 2]}). Keeping jsonb as that canonical
// text makes output free and equality bytewise; operators parse it into a
// JsonNode tree.
//
// Input errors are 22P02 `invalid input syntax for type json` with
// PostgreSQL's DETAIL (`Token "x" is invalid.`, `The input string ended
// unexpectedly.`, ...); \u0000 in jsonb is 22P05.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace basalt::engine::sql {

struct JsonNode {
  enum class Kind : uint8_t { kNull, kFalse, kTrue, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  std::string text;                                       // number text or unescaped string
  std::vector<JsonNode> items;                            // array elements
  std::vector<std::pair<std::string, JsonNode>> members;  // object members (key, value)
  size_t begin = 0, end = 0;                              // byte span in the parsed text (json's -> keeps it)

  static JsonNode Null() { return JsonNode{}; }
  static JsonNode Bool(bool b) { JsonNode n; n.kind = b ? Kind::kTrue : Kind::kFalse; return n; }
  static JsonNode String(std::string s) { JsonNode n; n.kind = Kind::kString; n.text = std::move(s); return n; }
  static JsonNode Number(std::string s) { JsonNode n; n.kind = Kind::kNumber; n.text = std::move(s); return n; }
  static JsonNode Array() { JsonNode n; n.kind = Kind::kArray; return n; }
  static JsonNode Object() { JsonNode n; n.kind = Kind::kObject; return n; }
  bool is_scalar() const { return kind != Kind::kArray && kind != Kind::kObject; }
};

// Parses JSON text. `for_jsonb` rejects \u0000 (22P05) as jsonb_in does; the
// tree keeps object members in input order with duplicates.
JsonNode ParseJson(std::string_view text, bool for_jsonb);

// jsonb normalisation in place: numbers through numeric, object keys sorted
// (length, then bytes) with duplicates removed, the last one winning.
void NormalizeJsonb(JsonNode& node);

// jsonb_out's text of a normalised tree.
void AppendJsonb(const JsonNode& node, std::string& out);
// jsonb_pretty's text (4-space indentation).
void AppendJsonbPretty(const JsonNode& node, std::string& out, int level = 0);

// json_in: validates and returns the text unchanged.
std::string ParseJsonText(std::string_view text);
// jsonb_in: the canonical text.
std::string ParseJsonbText(std::string_view text);
// Parse a stored (canonical) jsonb Value back into a tree.
JsonNode JsonbTree(std::string_view canonical);

// escape_json: a JSON string literal with quotes.
void AppendJsonString(std::string_view s, std::string& out);

// jsonb ordering (compareJsonbContainers): object > array > boolean > number >
// string > null; arrays element-wise after their lengths... as PostgreSQL.
int CompareJsonb(const JsonNode& a, const JsonNode& b);

// Object member lookup in a normalised object (binary search); nullptr if absent.
const JsonNode* FindMember(const JsonNode& object, std::string_view key);

}  // namespace basalt::engine::sql
