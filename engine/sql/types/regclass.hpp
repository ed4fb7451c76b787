// engine/sql/types/regclass.hpp
//
// The regclass type (OID 2205): a relation OID that reads and prints as the
// relation's name. Converting needs the catalog at the statement's snapshot
// and the search_path, which the type layer cannot see, so the session
// installs a RelationResolver on the executing thread for each statement
// (ScopedRelationResolver), as it does for the date/time settings. The other
// reg* types (regtype, regproc, regnamespace) follow the same pattern.
//
// Invariants: without a resolver, input accepts only numeric OIDs and output
// prints the number (as PostgreSQL does for an OID with no relation).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/sql/types/casts.hpp"

namespace basalt::engine::sql {

class RelationResolver {
 public:
  virtual ~RelationResolver() = default;
  // The OID of the relation `names` ({"t"} or {"schema", "t"}) names, search_path aware;
  // nullopt if there is none.
  virtual std::optional<uint32_t> RelationOid(const std::vector<std::string>& names) = 0;
  // The relation's name as regclass prints it (schema-qualified only when not
  // visible through the search_path); nullopt if no relation has this OID.
  virtual std::optional<std::string> RelationName(uint32_t oid) = 0;
  // The other reg* types (reg_types.hpp). ObjectOid: the OID of the object
  // `text` names (neither numeric nor "-"), throwing PostgreSQL's error when
  // there is none; the default knows no objects. ObjectName: the name as the
  // type's output function prints it, nullopt if no object has this OID; the
  // default knows the built-in types only.
  virtual uint32_t ObjectOid(TypeId reg_type, std::string_view text);
  virtual std::optional<std::string> ObjectName(TypeId reg_type, uint32_t oid);
};

// The resolver installed on this thread, or nullptr.
RelationResolver* CurrentRelationResolver();

class ScopedRelationResolver {
 public:
  explicit ScopedRelationResolver(RelationResolver* r);
  ~ScopedRelationResolver();
  ScopedRelationResolver(const ScopedRelationResolver&) = delete;
  ScopedRelationResolver& operator=(const ScopedRelationResolver&) = delete;

 private:
  RelationResolver* previous_;
};

// PostgreSQL's stringToQualifiedNameList: splits "a.b" on dots, folds
// unquoted parts to lower case, keeps "quoted" parts exactly; 42602 on bad syntax.
std::vector<std::string> ParseQualifiedName(std::string_view text);

// regclassin: a numeric OID as is, else the relation's OID (42P01 if missing).
uint32_t RegclassIn(std::string_view text);
// regclassout: the relation's name, or the number if no relation has this OID.
std::string RegclassOut(uint32_t oid);

// pg_cast rows of the reg* types (oid <-> regX binary, int2/int4/int8 -> regX
// implicit, regX -> int4/int8 assignment, regproc <-> regprocedure and
// regoper <-> regoperator binary); nullopt when neither side is a reg* type. Text casts go through type I/O like PostgreSQL's.
std::optional<std::optional<CastContext>> RegTypeCastAvailability(TypeId from, TypeId to);
// Performs such a cast on a non-null value; nullopt if not a reg* cast.
std::optional<Value> RegTypeCast(const Value& v, Type from, Type to);

// Quotes an identifier as PostgreSQL's quote_identifier does (only when needed).
std::string RegQuoteIdentifier(std::string_view name);

}  // namespace basalt::engine::sql
