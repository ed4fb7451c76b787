// jsonb normalisation, output and ordering. Sources: PostgreSQL 15's
// jsonb_util.c (uniqueifyJsonbObject, lengthCompareJsonbStringValue,
// compareJsonbContainers), jsonb.c (JsonbToCStringWorker) and json.c
// (escape_json).
#include "engine/sql/types/json_value.hpp"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "engine/sql/types/numeric.hpp"

namespace basalt::engine::sql {
namespace {

// jsonb's key order: shorter first, then bytewise.
int CompareKeys(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  int c = std::memcmp(a.data(), b.data(), a.size());
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

int CompareBytes(std::string_view a, std::string_view b) {
  int c = std::memcmp(a.data(), b.data(), std::min(a.size(), b.size()));
  if (c != 0) return c < 0 ? -1 : 1;
  return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

void AppendScalar(const JsonNode& n, std::string& out) {
  switch (n.kind) {
    case JsonNode::Kind::kNull: out += "null"; return;
    case JsonNode::Kind::kFalse: out += "false"; return;
    case JsonNode::Kind::kTrue: out += "true"; return;
    case JsonNode::Kind::kNumber: out += n.text; return;
    case JsonNode::Kind::kString: AppendJsonString(n.text, out); return;
    default: return;
  }
}

void Indent(std::string& out, int level) {
  out.push_back('\n');
  out.append(static_cast<size_t>(level) * 4, ' ');
}

void Pretty(const JsonNode& n, std::string& out, int level, bool indent_open) {
  if (n.is_scalar()) return AppendScalar(n, out);
  bool is_array = n.kind == JsonNode::Kind::kArray;
  if (indent_open) Indent(out, level);
  out.push_back(is_array ? '[' : '{');
  if (is_array) {
    for (size_t i = 0; i < n.items.size(); ++i) {
      if (i) out.push_back(',');
      const JsonNode& item = n.items[i];
      if (item.is_scalar()) {
        Indent(out, level + 1);
        AppendScalar(item, out);
      } else {
        Pretty(item, out, level + 1, true);
      }
    }
  } else {
    for (size_t i = 0; i < n.members.size(); ++i) {
      if (i) out.push_back(',');
      Indent(out, level + 1);
      AppendJsonString(n.members[i].first, out);
      out += ": ";
      Pretty(n.members[i].second, out, level + 1, false);
    }
  }
  Indent(out, level);
  out.push_back(is_array ? ']' : '}');
}

// Rank of a value's type in jsonb ordering (enum jbvType order).
int Rank(const JsonNode& n) {
  switch (n.kind) {
    case JsonNode::Kind::kNull: return 0;
    case JsonNode::Kind::kString: return 1;
    case JsonNode::Kind::kNumber: return 2;
    case JsonNode::Kind::kFalse:
    case JsonNode::Kind::kTrue: return 3;
    case JsonNode::Kind::kArray: return 4;
    case JsonNode::Kind::kObject: return 5;
  }
  return 0;
}

int CompareNodes(const JsonNode& a, const JsonNode& b) {
  int ra = Rank(a), rb = Rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.kind) {
    case JsonNode::Kind::kNull: return 0;
    case JsonNode::Kind::kString: return CompareBytes(a.text, b.text);
    case JsonNode::Kind::kNumber: return Numeric::Compare(Numeric::Parse(a.text), Numeric::Parse(b.text));
    case JsonNode::Kind::kFalse:
    case JsonNode::Kind::kTrue: return static_cast<int>(a.kind == JsonNode::Kind::kTrue) -
                                       static_cast<int>(b.kind == JsonNode::Kind::kTrue);
    case JsonNode::Kind::kArray: {
      if (a.items.size() != b.items.size()) return a.items.size() > b.items.size() ? 1 : -1;
      for (size_t i = 0; i < a.items.size(); ++i) {
        int c = CompareNodes(a.items[i], b.items[i]);
        if (c) return c;
      }
      return 0;
    }
    case JsonNode::Kind::kObject: {
      if (a.members.size() != b.members.size()) return a.members.size() > b.members.size() ? 1 : -1;
      for (size_t i = 0; i < a.members.size(); ++i) {
        int c = CompareBytes(a.members[i].first, b.members[i].first);
        if (c) return c;
        c = CompareNodes(a.members[i].second, b.members[i].second);
        if (c) return c;
      }
      return 0;
    }
  }
  return 0;
}

}  // namespace

void NormalizeJsonb(JsonNode& node) {
  switch (node.kind) {
    case JsonNode::Kind::kNumber: node.text = Numeric::Parse(node.text).ToString(); return;
    case JsonNode::Kind::kArray:
      for (auto& item : node.items) NormalizeJsonb(item);
      return;
    case JsonNode::Kind::kObject: {
      for (auto& m : node.members) NormalizeJsonb(m.second);
      // Stable sort keeps input order among equal keys; keep the last of each run.
      std::stable_sort(node.members.begin(), node.members.end(),
                       [](const auto& x, const auto& y) { return CompareKeys(x.first, y.first) < 0; });
      std::vector<std::pair<std::string, JsonNode>> unique;
      unique.reserve(node.members.size());
      for (auto& m : node.members) {
        if (!unique.empty() && unique.back().first == m.first) {
          unique.back().second = std::move(m.second);
        } else {
          unique.push_back(std::move(m));
        }
      }
      node.members = std::move(unique);
      return;
    }
    default: return;
  }
}

void AppendJsonString(std::string_view s, std::string& out) {
  out.push_back('"');
  for (char c : s) {
    switch (c) {
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      default:
        if (static_cast<unsigned char>(c) < ' ') {
          out += fmt::format("\\u{:04x}", static_cast<int>(c));
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

void AppendJsonb(const JsonNode& n, std::string& out) {
  switch (n.kind) {
    case JsonNode::Kind::kArray:
      out.push_back('[');
      for (size_t i = 0; i < n.items.size(); ++i) {
        if (i) out += ", ";
        AppendJsonb(n.items[i], out);
      }
      out.push_back(']');
      return;
    case JsonNode::Kind::kObject:
      out.push_back('{');
      for (size_t i = 0; i < n.members.size(); ++i) {
        if (i) out += ", ";
        AppendJsonString(n.members[i].first, out);
        out += ": ";
        AppendJsonb(n.members[i].second, out);
      }
      out.push_back('}');
      return;
    default: AppendScalar(n, out);
  }
}

void AppendJsonbPretty(const JsonNode& node, std::string& out, int level) { Pretty(node, out, level, false); }

std::string ParseJsonText(std::string_view text) {
  ParseJson(text, false);
  return std::string(text);
}

std::string ParseJsonbText(std::string_view text) {
  JsonNode n = ParseJson(text, true);
  NormalizeJsonb(n);
  std::string out;
  AppendJsonb(n, out);
  return out;
}

JsonNode JsonbTree(std::string_view canonical) { return ParseJson(canonical, false); }

int CompareJsonb(const JsonNode& a, const JsonNode& b) {
  // A top-level scalar is a one-element "raw scalar" array in PostgreSQL, so
  // against a real array it compares as an array: by element count first,
  // raw scalar lower on a tie.
  if (a.is_scalar() != b.is_scalar()) {
    const JsonNode& container = a.is_scalar() ? b : a;
    int sign = a.is_scalar() ? 1 : -1;  // result from a's point of view when a is the scalar
    if (container.kind == JsonNode::Kind::kObject) return -sign;  // array < object
    int res = -1;                                                 // raw scalar first
    if (container.items.size() != 1) res = 1 > container.items.size() ? 1 : -1;
    return sign * res;
  }
  return CompareNodes(a, b);
}

const JsonNode* FindMember(const JsonNode& object, std::string_view key) {
  if (object.kind != JsonNode::Kind::kObject) return nullptr;
  auto it = std::lower_bound(object.members.begin(), object.members.end(), key,
                             [](const auto& m, std::string_view k) { return CompareKeys(m.first, k) < 0; });
  if (it != object.members.end() && it->first == key) return &it->second;
  return nullptr;
}

}  // namespace basalt::engine::sql
