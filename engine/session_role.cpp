// engine/session_role.cpp
//
// CREATE ROLE / USER, ALTER ROLE / USER, DROP ROLE / USER with PostgreSQL 15's
// rules (user.c): who may create or change which attributes, reserved "pg_"
// names, passwords stored as verifiers only (never the plaintext: an already
// hashed SCRAM or md5 secret is stored as given, anything else is hashed per
// password_encryption by the server's PasswordVerifierMaker), and no dropping
// of the current user or of a role that still owns tables.
#include <fmt/format.h>

#include "engine/engine_impl.hpp"
#include "engine/session.hpp"
#include "engine/sql/types/datetime_text.hpp"

namespace basalt::engine {

namespace {

bool IsTrue(const sql::ast::RoleOption& o) { return o.value && *o.value == "true"; }

bool IsHashedSecret(std::string_view s) {
  if (s.rfind("SCRAM-SHA-256$", 0) == 0) return true;
  if (s.size() != 35 || s.substr(0, 3) != "md5") return false;
  for (char c : s.substr(3)) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

DbError Conflicting(const sql::ast::RoleOption& o) {
  DbError e(SqlState::kSyntaxError, "conflicting or redundant options");
  if (o.location >= 0) e.WithPosition(o.location + 1);
  return e;
}

}  // namespace

// Applies `options` to `role`; `creating` selects CREATE's checks.
static void ApplyRoleOptions(const std::vector<sql::ast::RoleOption>& options, catalog::RoleDef& role,
                             const catalog::RoleDef& actor, const conf::Settings& settings,
                             const sql::datetime::DateTimeSettings& dt,
                             const Engine::PasswordVerifierMaker& maker, bool creating, ResultSink& sink) {
  std::vector<std::string> seen;
  for (const auto& o : options) {
    for (const auto& s : seen) {
      if (s == o.name) throw Conflicting(o);
    }
    seen.push_back(o.name);
  }
  for (const auto& o : options) {
    const std::string& n = o.name;
    if (n == "superuser") {
      if (!actor.superuser) {
        throw DbError(SqlState::kInsufficientPrivilege,
                      creating ? "must be superuser to create superusers" : "must be superuser to alter superuser roles or change superuser attribute");
      }
      role.superuser = IsTrue(o);
    } else if (n == "createdb") {
      role.create_db = IsTrue(o);
    } else if (n == "createrole") {
      role.create_role = IsTrue(o);
    } else if (n == "inherit") {
      role.inherit = IsTrue(o);
    } else if (n == "canlogin") {
      role.can_login = IsTrue(o);
    } else if (n == "isreplication") {
      if (!actor.superuser) {
        throw DbError(SqlState::kInsufficientPrivilege,
                      creating ? "must be superuser to create replication users" : "must be superuser to alter replication roles or change replication attribute");
      }
      role.replication = IsTrue(o);
    } else if (n == "bypassrls") {
      if (!actor.superuser) {
        throw DbError(SqlState::kInsufficientPrivilege,
                      creating ? "must be superuser to create bypassrls users" : "must be superuser to change bypassrls attribute");
      }
      role.bypass_rls = IsTrue(o);
    } else if (n == "connectionlimit") {
      int64_t limit = 0;
      try {
        limit = std::stoll(o.value.value_or("0"));
      } catch (const std::exception&) {
        limit = -2;
      }
      if (limit < -1 || limit > 2147483647) {
        throw DbError(SqlState::kInvalidParameterValue, fmt::format("invalid connection limit: {}", limit));
      }
      role.connection_limit = static_cast<int32_t>(limit);
    } else if (n == "validUntil") {
      role.valid_until = sql::datetime::ParseTimestampTz(o.value.value_or(""), -1, dt);
    } else if (n == "password") {
      if (!o.value) {
        role.password_verifier.reset();
      } else if (o.value->empty()) {
        sink.Notice(DbError(SqlState::kSuccessfulCompletion, "empty string is not a valid password, clearing password")
                        .WithSeverity(Severity::kNotice));
        role.password_verifier.reset();
      } else if (IsHashedSecret(*o.value)) {
        role.password_verifier = *o.value;
      } else {
        if (!maker) throw DbError(SqlState::kFeatureNotSupported, "storing passwords is not available in this server");
        role.password_verifier = maker(*o.value, role.name, settings.GetString("password_encryption"));
      }
    } else if (n == "sysid") {
      sink.Notice(DbError(SqlState::kSuccessfulCompletion, "SYSID can no longer be specified")
                      .WithSeverity(Severity::kNotice));
    } else {
      throw DbError(SqlState::kFeatureNotSupported, fmt::format("role option \"{}\" is not supported", n));
    }
  }
}

void Session::RunCreateRole(const sql::ast::CreateRoleStmt& stmt, ResultSink& sink) {
  auto& cat = engine_.catalog();
  catalog::RoleDef actor = cat.FindRole(*txn_, user_.name).value_or(user_);
  if (!actor.superuser && !actor.create_role) {
    throw DbError(SqlState::kInsufficientPrivilege, "permission denied to create role");
  }
  if (stmt.name.rfind("pg_", 0) == 0) {
    throw DbError(SqlState::kReservedName, fmt::format("role name \"{}\" is reserved", stmt.name))
        .WithDetail("Role names starting with \"pg_\" are reserved.");
  }
  if (stmt.name == "public" || stmt.name == "none") {
    throw DbError(SqlState::kReservedName, fmt::format("role name \"{}\" is reserved", stmt.name));
  }
  if (cat.FindRole(*txn_, stmt.name)) {
    throw DbError(SqlState::kDuplicateObject, fmt::format("role \"{}\" already exists", stmt.name));
  }
  catalog::RoleDef role;
  role.name = stmt.name;
  role.can_login = stmt.is_user;
  ApplyRoleOptions(stmt.options, role, actor, settings_, datetime_, engine_.password_verifier_maker(),
                   /*creating=*/true, sink);
  role.oid = cat.AllocateOid();
  cat.PutRole(*txn_, role);
  sink.Complete("CREATE ROLE");
}

void Session::RunAlterRole(const sql::ast::AlterRoleStmt& stmt, ResultSink& sink) {
  auto& cat = engine_.catalog();
  catalog::RoleDef actor = cat.FindRole(*txn_, user_.name).value_or(user_);
  std::string name = stmt.current_user ? user_.name : stmt.name;
  std::optional<catalog::RoleDef> role = cat.FindRole(*txn_, name);
  if (!role) throw DbError(SqlState::kUndefinedObject, fmt::format("role \"{}\" does not exist", name));
  const bool only_password = stmt.options.size() == 1 && stmt.options[0].name == "password";
  if (!actor.superuser) {
    if (role->superuser) {
      throw DbError(SqlState::kInsufficientPrivilege, "must be superuser to alter superuser roles or change superuser attribute");
    }
    // A role may change its own password; other changes need CREATEROLE.
    if (!actor.create_role && !(only_password && role->oid == actor.oid)) {
      throw DbError(SqlState::kInsufficientPrivilege, "permission denied");
    }
  }
  ApplyRoleOptions(stmt.options, *role, actor, settings_, datetime_, engine_.password_verifier_maker(),
                   /*creating=*/false, sink);
  cat.PutRole(*txn_, *role);
  sink.Complete("ALTER ROLE");
}

void Session::RunDropRole(const sql::ast::DropStmt& stmt, ResultSink& sink) {
  auto& cat = engine_.catalog();
  catalog::RoleDef actor = cat.FindRole(*txn_, user_.name).value_or(user_);
  if (!actor.superuser && !actor.create_role) {
    throw DbError(SqlState::kInsufficientPrivilege, "permission denied to drop role");
  }
  for (const auto& obj : stmt.objects) {
    std::optional<catalog::RoleDef> role = cat.FindRole(*txn_, obj.name);
    if (!role) {
      if (!stmt.if_exists) throw DbError(SqlState::kUndefinedObject, fmt::format("role \"{}\" does not exist", obj.name));
      sink.Notice(DbError(SqlState::kSuccessfulCompletion, fmt::format("role \"{}\" does not exist, skipping", obj.name))
                      .WithSeverity(Severity::kNotice));
      continue;
    }
    if (role->oid == user_.oid) throw DbError(SqlState::kObjectInUse, "current user cannot be dropped");
    if (role->oid == catalog::kBootstrapSuperuserOid) {
      throw DbError(SqlState::kObjectInUse, fmt::format("cannot drop role {} because it is required by the database system", role->name));
    }
    if (role->superuser && !actor.superuser) {
      throw DbError(SqlState::kInsufficientPrivilege, "must be superuser to drop superusers");
    }
    // Objects it owns (tables of this database, and databases) keep it alive.
    std::vector<std::string> owned;
    for (const auto& db : cat.ListDatabases(*txn_)) {
      if (db.owner == role->oid) owned.push_back(fmt::format("owner of database {}", db.name));
    }
    for (const auto& t : cat.ListTables(*txn_, database_.oid)) {
      if (t.owner == role->oid) owned.push_back(fmt::format("owner of table {}", t.name));
    }
    if (!owned.empty()) {
      std::string detail;
      for (const auto& line : owned) detail += (detail.empty() ? "" : "\n") + line;
      throw DbError(SqlState::kDependentObjectsStillExist,
                    fmt::format("role \"{}\" cannot be dropped because some objects depend on it", role->name))
          .WithDetail(detail);
    }
    cat.DeleteRole(*txn_, role->name);
  }
  sink.Complete("DROP ROLE");
}

}  // namespace basalt::engine
