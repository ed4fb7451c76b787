// json/jsonb operations (json_ops.hpp).
#include "engine/sql/types/json_ops.hpp"

#include <charconv>

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/array_value.hpp"
#include "engine/sql/types/numeric.hpp"

namespace basalt::engine::sql {
namespace {

using K = JsonNode::Kind;

bool ScalarEqual(const JsonNode& a, const JsonNode& b) {
  if (a.kind != b.kind) return false;
  if (a.kind == K::kNumber) return Numeric::Compare(Numeric::Parse(a.text), Numeric::Parse(b.text)) == 0;
  if (a.kind == K::kString) return a.text == b.text;
  return true;
}

// PostgreSQL parses path elements for arrays with strtol and requires the whole string.
std::optional<int64_t> PathIndex(std::string_view s) {
  int64_t v = 0;
  auto res = std::from_chars(s.data(), s.data() + s.size(), v);
  if (res.ec != std::errc() || res.ptr != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

bool Contains(const JsonNode& a, const JsonNode& b) {
  if (a.kind != b.kind) return false;
  if (a.kind == K::kObject) {
    for (const auto& [key, bv] : b.members) {
      const JsonNode* av = FindMember(a, key);
      if (!av) return false;
      if (av->is_scalar() || bv.is_scalar()) {
        if (!av->is_scalar() || !bv.is_scalar() || !ScalarEqual(*av, bv)) return false;
      } else if (!Contains(*av, bv)) {
        return false;
      }
    }
    return true;
  }
  if (a.kind == K::kArray) {
    for (const JsonNode& bv : b.items) {
      bool found = false;
      for (const JsonNode& av : a.items) {
        if (bv.is_scalar() ? (av.is_scalar() && ScalarEqual(av, bv)) : Contains(av, bv)) {
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  }
  return ScalarEqual(a, b);
}

[[noreturn]] void CannotDeleteFromScalar() {
  throw DbError(SqlState::kInvalidParameterValue, "cannot delete from scalar");
}

}  // namespace

const JsonNode* JsonArrayElement(const JsonNode& n, int64_t index) {
  if (n.kind != K::kArray) return nullptr;
  auto size = static_cast<int64_t>(n.items.size());
  if (index < 0) index += size;
  if (index < 0 || index >= size) return nullptr;
  return &n.items[static_cast<size_t>(index)];
}

const JsonNode* JsonObjectField(const JsonNode& n, std::string_view key) {
  if (n.kind != K::kObject) return nullptr;
  const JsonNode* found = nullptr;
  for (const auto& m : n.members) {
    if (m.first == key) found = &m.second;
  }
  return found;
}

const JsonNode* JsonPath(const JsonNode& n, const std::vector<std::optional<std::string>>& path) {
  const JsonNode* cur = &n;
  for (const auto& step : path) {
    if (!step) return nullptr;
    if (cur->kind == K::kObject) {
      cur = JsonObjectField(*cur, *step);
    } else if (cur->kind == K::kArray) {
      auto idx = PathIndex(*step);
      if (!idx) return nullptr;
      cur = JsonArrayElement(*cur, *idx);
    } else {
      return nullptr;
    }
    if (!cur) return nullptr;
  }
  return cur;
}

std::optional<std::string> JsonbAsText(const JsonNode& n) {
  if (n.kind == K::kNull) return std::nullopt;
  if (n.kind == K::kString) return n.text;
  std::string out;
  AppendJsonb(n, out);
  return out;
}

std::optional<std::string> JsonAsText(const JsonNode& n, std::string_view source) {
  if (n.kind == K::kNull) return std::nullopt;
  if (n.kind == K::kString) return n.text;
  return std::string(source.substr(n.begin, n.end - n.begin));
}

bool JsonbContains(const JsonNode& a, const JsonNode& b) {
  // A top-level array contains a raw scalar it has as an element.
  if (a.kind == K::kArray && b.is_scalar()) {
    for (const JsonNode& av : a.items) {
      if (av.is_scalar() && ScalarEqual(av, b)) return true;
    }
    return false;
  }
  return Contains(a, b);
}

bool JsonbExists(const JsonNode& n, std::string_view key) {
  if (n.kind == K::kObject) return FindMember(n, key) != nullptr;
  if (n.kind == K::kArray) {
    for (const JsonNode& item : n.items) {
      if (item.kind == K::kString && item.text == key) return true;
    }
    return false;
  }
  return n.kind == K::kString && n.text == key;
}

JsonNode JsonbConcat(const JsonNode& a, const JsonNode& b) {
  if (a.kind == K::kObject && b.kind == K::kObject) {
    JsonNode out = a;
    for (const auto& m : b.members) out.members.push_back(m);
    NormalizeJsonb(out);  // sorts and keeps the last (right-hand) duplicate
    return out;
  }
  JsonNode out = JsonNode::Array();
  auto add = [&](const JsonNode& x) {
    if (x.kind == K::kArray) {
      out.items.insert(out.items.end(), x.items.begin(), x.items.end());
    } else {
      out.items.push_back(x);
    }
  };
  add(a);
  add(b);
  return out;
}

JsonNode JsonbDeleteKey(const JsonNode& n, std::string_view key) {
  if (n.is_scalar()) CannotDeleteFromScalar();
  JsonNode out = n;
  if (n.kind == K::kObject) {
    std::erase_if(out.members, [&](const auto& m) { return m.first == key; });
  } else {
    std::erase_if(out.items, [&](const JsonNode& x) { return x.kind == K::kString && x.text == key; });
  }
  return out;
}

JsonNode JsonbDeleteIndex(const JsonNode& n, int64_t index) {
  if (n.is_scalar()) CannotDeleteFromScalar();
  if (n.kind == K::kObject) {
    throw DbError(SqlState::kInvalidParameterValue, "cannot delete from object using integer index");
  }
  JsonNode out = n;
  auto size = static_cast<int64_t>(n.items.size());
  if (index < 0) index += size;
  if (index >= 0 && index < size) out.items.erase(out.items.begin() + index);
  return out;
}

namespace {

JsonNode DeletePathAt(const JsonNode& n, const std::vector<std::optional<std::string>>& path, size_t level) {
  JsonNode out = n;
  const std::string& step = *path[level];
  bool last = level + 1 == path.size();
  if (n.kind == K::kObject) {
    for (size_t i = 0; i < out.members.size(); ++i) {
      if (out.members[i].first != step) continue;
      if (last) {
        out.members.erase(out.members.begin() + static_cast<std::ptrdiff_t>(i));
      } else if (!out.members[i].second.is_scalar()) {
        out.members[i].second = DeletePathAt(out.members[i].second, path, level + 1);
      }
      break;
    }
  } else if (n.kind == K::kArray) {
    auto idx = PathIndex(step);
    if (!idx) {
      throw DbError(SqlState::kInvalidTextRepresentation,
                    fmt::format("path element at position {} is not an integer: \"{}\"", level + 1, step));
    }
    auto size = static_cast<int64_t>(out.items.size());
    int64_t i = *idx < 0 ? *idx + size : *idx;
    if (i >= 0 && i < size) {
      if (last) {
        out.items.erase(out.items.begin() + i);
      } else if (!out.items[static_cast<size_t>(i)].is_scalar()) {
        out.items[static_cast<size_t>(i)] = DeletePathAt(out.items[static_cast<size_t>(i)], path, level + 1);
      }
    }
  }
  return out;
}

JsonNode SetPathAt(const JsonNode& n, const std::vector<std::optional<std::string>>& path, size_t level,
                   const JsonNode& value, bool create) {
  JsonNode out = n;
  const std::string& step = *path[level];
  bool last = level + 1 == path.size();
  if (n.kind == K::kObject) {
    for (auto& m : out.members) {
      if (m.first != step) continue;
      m.second = last ? value : SetPathAt(m.second, path, level + 1, value, create);
      return out;
    }
    if (last && create) {
      out.members.emplace_back(step, value);
      NormalizeJsonb(out);
    }
    return out;
  }
  if (n.kind == K::kArray) {
    auto idx = PathIndex(step);
    if (!idx) {
      throw DbError(SqlState::kInvalidTextRepresentation,
                    fmt::format("path element at position {} is not an integer: \"{}\"", level + 1, step));
    }
    auto size = static_cast<int64_t>(out.items.size());
    int64_t i = *idx < 0 ? *idx + size : *idx;
    if (i >= 0 && i < size) {
      auto& slot = out.items[static_cast<size_t>(i)];
      slot = last ? value : SetPathAt(slot, path, level + 1, value, create);
    } else if (last && create) {
      // Past the end appends, before the start prepends (setPathArray).
      if (i < 0) {
        out.items.insert(out.items.begin(), value);
      } else {
        out.items.push_back(value);
      }
    }
    return out;
  }
  return out;
}

}  // namespace

JsonNode JsonbDeletePath(const JsonNode& n, const std::vector<std::optional<std::string>>& path) {
  if (n.is_scalar()) throw DbError(SqlState::kInvalidParameterValue, "cannot delete path in scalar");
  if (path.empty()) return n;
  for (const auto& step : path) {
    if (!step) return n;
  }
  return DeletePathAt(n, path, 0);
}

JsonNode JsonbSet(const JsonNode& n, const std::vector<std::optional<std::string>>& path, const JsonNode& value,
                  bool create_missing) {
  if (n.is_scalar()) throw DbError(SqlState::kInvalidParameterValue, "cannot set path in scalar");
  if (path.empty()) return n;
  for (size_t i = 0; i < path.size(); ++i) {
    if (!path[i]) {
      throw DbError(SqlState::kNullValueNotAllowed,
                    fmt::format("path element at position {} is null", i + 1));
    }
  }
  return SetPathAt(n, path, 0, value, create_missing);
}

JsonNode JsonbStripNulls(const JsonNode& n) {
  JsonNode out = n;
  if (n.kind == K::kObject) {
    out.members.clear();
    for (const auto& m : n.members) {
      if (m.second.kind == K::kNull) continue;
      out.members.emplace_back(m.first, JsonbStripNulls(m.second));
    }
  } else if (n.kind == K::kArray) {
    for (auto& item : out.items) item = JsonbStripNulls(item);
  }
  return out;
}

Value JsonbValue(const JsonNode& n) {
  std::string out;
  AppendJsonb(n, out);
  return Value::String(std::move(out));
}

std::vector<std::optional<std::string>> TextArrayPath(const Value& v) {
  std::vector<std::optional<std::string>> path;
  ArrayReader r(v.as_string());
  Value item;
  while (r.Next(item)) {
    if (item.is_null()) {
      path.emplace_back(std::nullopt);
    } else {
      path.emplace_back(item.as_string());
    }
  }
  return path;
}

}  // namespace basalt::engine::sql
