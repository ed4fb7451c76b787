#include "engine/sql/types/regclass.hpp"

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/reg_types.hpp"

namespace basalt::engine::sql {
namespace {

thread_local RelationResolver* tl_resolver = nullptr;

[[noreturn]] void InvalidName() { throw DbError(SqlState::kInvalidName, "invalid name syntax"); }

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The words PostgreSQL's quote_identifier must quote that plain SQL could
// otherwise misread; the reserved keywords that name relations in practice.
bool IsReservedWord(std::string_view w) {
  static const char* const kWords[] = {
      "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
      "check", "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role",
      "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
      "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
      "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
      "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
      "session_user", "some", "symmetric", "table", "then", "to", "trailing", "true", "union", "unique", "user",
      "using", "variadic", "when", "where", "window", "with"};
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

}  // namespace

RelationResolver* CurrentRelationResolver() { return tl_resolver; }

ScopedRelationResolver::ScopedRelationResolver(RelationResolver* r) : previous_(tl_resolver) { tl_resolver = r; }
ScopedRelationResolver::~ScopedRelationResolver() { tl_resolver = previous_; }

std::vector<std::string> ParseQualifiedName(std::string_view text) {
  std::vector<std::string> out;
  size_t i = 0;
  const size_t n = text.size();
  auto skip_space = [&] {
    while (i < n && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
  };
  skip_space();
  if (i == n) InvalidName();
  while (true) {
    std::string part;
    if (text[i] == '"') {
      ++i;
      while (true) {
        if (i == n) InvalidName();
        if (text[i] == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            part += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        part += text[i++];
      }
      if (part.empty()) InvalidName();
    } else {
      while (i < n && text[i] != '.' && text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '"') {
        char c = text[i++];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        part += c;
      }
      if (part.empty()) InvalidName();
    }
    out.push_back(std::move(part));
    skip_space();
    if (i == n) break;
    if (text[i] != '.') InvalidName();
    ++i;
    skip_space();
    if (i == n) InvalidName();
  }
  return out;
}

uint32_t RegclassIn(std::string_view text) {
  if (AllDigits(text)) {
    unsigned long long v = std::stoull(std::string(text));
    if (v > 0xFFFFFFFFull) {
      throw DbError(SqlState::kNumericValueOutOfRange, fmt::format("value \"{}\" is out of range for type oid", text));
    }
    return static_cast<uint32_t>(v);
  }
  if (text == "-") return 0;
  std::vector<std::string> names = ParseQualifiedName(text);
  if (names.size() > 3) {
    throw DbError(SqlState::kSyntaxError, fmt::format("improper relation name (too many dotted names): {}", text));
  }
  RelationResolver* r = CurrentRelationResolver();
  std::optional<uint32_t> oid = r ? r->RelationOid(names) : std::nullopt;
  if (!oid) {
    std::string shown;
    for (size_t k = 0; k < names.size(); ++k) shown += (k ? "." : "") + names[k];
    throw DbError(SqlState::kUndefinedTable, fmt::format("relation \"{}\" does not exist", shown));
  }
  return *oid;
}

std::string RegclassOut(uint32_t oid) {
  if (oid == 0) return "-";
  RelationResolver* r = CurrentRelationResolver();
  if (r) {
    if (auto name = r->RelationName(oid)) return *name;
  }
  return std::to_string(oid);
}

std::optional<std::optional<CastContext>> RegTypeCastAvailability(TypeId from, TypeId to) {
  using R = std::optional<std::optional<CastContext>>;
  const bool reg_from = IsRegType(from), reg_to = IsRegType(to);
  if (!reg_from && !reg_to) return std::nullopt;
  if (reg_from && reg_to) {
    // Only the two pairs of the same catalog share a binary cast.
    auto pair = [&](TypeId a, TypeId b) { return (from == a && to == b) || (from == b && to == a); };
    if (pair(TypeId::kRegproc, TypeId::kRegprocedure) || pair(TypeId::kRegoper, TypeId::kRegoperator)) {
      return R(CastContext::kImplicit);
    }
    return R(std::nullopt);
  }
  if (reg_to) {
    if (from == TypeId::kOid || IsInteger(from)) return R(CastContext::kImplicit);
    return std::nullopt;
  }
  if (to == TypeId::kOid) return R(CastContext::kImplicit);
  if (to == TypeId::kInt4 || to == TypeId::kInt8) return R(CastContext::kAssignment);
  if (to == TypeId::kInt2) return R(std::nullopt);
  return std::nullopt;
}

std::optional<Value> RegTypeCast(const Value& v, Type from, Type to) {
  const bool reg_from = IsRegType(from.id), reg_to = IsRegType(to.id);
  if (reg_from && reg_to) return v;
  if (reg_to && (from.id == TypeId::kOid || IsInteger(from.id))) {
    int64_t x = v.as_int();
    if (from.id == TypeId::kInt8 && (x < 0 || x > UINT32_MAX)) {
      throw DbError(SqlState::kNumericValueOutOfRange, "OID out of range");
    }
    // int4 -> regclass is binary in PostgreSQL: -1 becomes 4294967295.
    return Value::Int(static_cast<uint32_t>(x));
  }
  if (reg_from) {
    if (to.id == TypeId::kOid || to.id == TypeId::kInt8) return v;
    if (to.id == TypeId::kInt4) return Value::Int(static_cast<int32_t>(static_cast<uint32_t>(v.as_int())));
  }
  return std::nullopt;
}

std::string RegQuoteIdentifier(std::string_view name) {
  bool safe = !name.empty() && ((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_');
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) safe = false;
  }
  if (safe && !IsReservedWord(name)) return std::string(name);
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace basalt::engine::sql
