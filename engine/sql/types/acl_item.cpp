// aclitem input (PostgreSQL 15 src/backend/utils/adt/acl.c: aclitemin,
// aclparse, getid, putid).
#include "engine/sql/types/acl_item.hpp"

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/reg_types.hpp"
#include "engine/sql/types/regclass.hpp"

namespace basalt::engine::sql {
namespace {

// ACL_ALL_RIGHTS_STR: bit i of the privilege mask is kRights[i].
constexpr std::string_view kRights = "arwdDxtXUCTcsA";
constexpr uint32_t kBootstrapSuperuser = 10;

bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAlnum(char c) { return IsAlpha(c) || (c >= '0' && c <= '9'); }

[[noreturn]] void Bad(std::string message) { throw DbError(SqlState::kInvalidTextRepresentation, std::move(message)); }

// getid: an identifier, possibly with "quoted" parts, skipping white space
// around it; `pos` ends after the trailing white space.
std::string GetId(std::string_view s, size_t& pos) {
  while (pos < s.size() && IsSpace(s[pos])) ++pos;
  std::string name;
  bool in_quotes = false;
  for (; pos < s.size() && (IsAlnum(s[pos]) || s[pos] == '_' || s[pos] == '"' || in_quotes); ++pos) {
    if (s[pos] == '"') {
      if (pos + 1 >= s.size() || s[pos + 1] != '"') {
        in_quotes = !in_quotes;
        continue;
      }
      ++pos;  // an escaped double quote
    }
    if (name.size() >= 63) {
      throw DbError(SqlState::kNameTooLong, "identifier too long")
          .WithDetail("Identifier must be less than 64 characters.");
    }
    name += s[pos];
  }
  while (pos < s.size() && IsSpace(s[pos])) ++pos;
  return name;
}

// The role must exist (get_role_oid(name, false)).
void CheckRole(const std::string& name) {
  RelationResolver* r = CurrentRelationResolver();
  if (r == nullptr) return;  // no catalog to check against (unit tests)
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  r->ObjectOid(TypeId::kRegrole, quoted);
}

std::string BootstrapSuperuserName() {
  if (RelationResolver* r = CurrentRelationResolver()) {
    if (auto name = r->ObjectName(TypeId::kRegrole, kBootstrapSuperuser)) {
      // ObjectName quotes like quote_ident; undo it for putid.
      if (name->size() >= 2 && name->front() == '"') {
        std::string raw;
        for (size_t i = 1; i + 1 < name->size(); ++i) {
          if ((*name)[i] == '"') ++i;
          raw += (*name)[i];
        }
        return raw;
      }
      return *name;
    }
  }
  return "basalt";
}

}  // namespace

std::string AclQuoteName(std::string_view name) {
  bool safe = true;
  for (char c : name) safe = safe && (IsAlnum(c) || c == '_');
  if (safe) return std::string(name);
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string ParseAclItem(std::string_view s) {
  size_t pos = 0;
  std::string grantee = GetId(s, pos);
  if (pos >= s.size() || s[pos] != '=') {
    if (grantee != "group" && grantee != "user") {
      throw DbError(SqlState::kInvalidTextRepresentation, fmt::format("unrecognized key word: \"{}\"", grantee))
          .WithHint("ACL key word must be \"group\" or \"user\".");
    }
    grantee = GetId(s, pos);
    if (grantee.empty()) {
      throw DbError(SqlState::kInvalidTextRepresentation, "missing name")
          .WithHint("A name must follow the \"group\" or \"user\" key word.");
    }
  }
  if (pos >= s.size() || s[pos] != '=') Bad("missing \"=\" sign");
  uint32_t privs = 0, grant_options = 0, last = 0;
  for (++pos; pos < s.size() && (IsAlpha(s[pos]) || s[pos] == '*'); ++pos) {
    if (s[pos] == '*') {
      grant_options |= last;
      continue;
    }
    size_t bit = kRights.find(s[pos]);
    if (bit == std::string_view::npos) {
      Bad(fmt::format("invalid mode character: must be one of \"{}\"", kRights));
    }
    last = uint32_t{1} << bit;
    privs |= last;
  }
  if (!grantee.empty()) CheckRole(grantee);
  std::string grantor;
  if (pos < s.size() && s[pos] == '/') {
    ++pos;
    grantor = GetId(s, pos);
    if (grantor.empty()) Bad("a name must follow the \"/\" sign");
    CheckRole(grantor);
  } else {
    grantor = BootstrapSuperuserName();
  }
  while (pos < s.size() && IsSpace(s[pos])) ++pos;
  if (pos < s.size()) Bad("extra garbage at the end of the ACL specification");

  std::string out = grantee.empty() ? std::string() : AclQuoteName(grantee);
  out += '=';
  for (size_t i = 0; i < kRights.size(); ++i) {
    if (privs & (uint32_t{1} << i)) out += kRights[i];
    if (grant_options & (uint32_t{1} << i)) out += '*';
  }
  out += '/';
  out += AclQuoteName(grantor);
  return out;
}

}  // namespace basalt::engine::sql
