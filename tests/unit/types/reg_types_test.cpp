// The reg* types and aclitem without a catalog: numeric input, "-", output of
// built-in type OIDs, parseNameAndArgTypes splitting, aclitem text form, casts
// and binary form.
#include <catch2/catch.hpp>

#include <functional>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/acl_item.hpp"
#include "engine/sql/types/binary_io.hpp"
#include "engine/sql/types/casts.hpp"
#include "engine/sql/types/reg_types.hpp"
#include "engine/sql/types/text_io.hpp"

using namespace basalt::engine;
using namespace basalt::engine::sql;

namespace {
std::string Code(const std::function<void()>& f) {
  try {
    f();
  } catch (const DbError& e) {
    return std::string(e.code().code()) + " " + e.message();
  }
  return "no error";
}
}  // namespace

TEST_CASE("reg* types have PostgreSQL's OIDs and names", "[types][reg]") {
  REQUIRE(TypeOid(TypeId::kRegtype) == 2206);
  REQUIRE(TypeOid(TypeId::kRegproc) == 24);
  REQUIRE(TypeOid(TypeId::kRegprocedure) == 2202);
  REQUIRE(TypeOid(TypeId::kRegoper) == 2203);
  REQUIRE(TypeOid(TypeId::kRegoperator) == 2204);
  REQUIRE(TypeOid(TypeId::kRegnamespace) == 4089);
  REQUIRE(TypeOid(TypeId::kRegrole) == 4096);
  REQUIRE(TypeOid(TypeId::kAclItem) == 1033);
  REQUIRE(TypeOid(TypeId::kRegclassArray) == 2210);
  REQUIRE(TypeOid(TypeId::kRegtypeArray) == 2211);
  REQUIRE(TypeOid(TypeId::kAclItemArray) == 1034);
  REQUIRE(TypeFromOid(2206) == TypeId::kRegtype);
  REQUIRE(TypeFromOid(1034) == TypeId::kAclItemArray);
  REQUIRE(ArrayTypeOf(TypeId::kRegtype) == TypeId::kRegtypeArray);
  REQUIRE(FormatType(Type{TypeId::kRegtypeArray, -1}) == "regtype[]");
  REQUIRE(TypeCategory(TypeId::kRegrole) == 'N');
  REQUIRE(TypeLength(TypeId::kAclItem) == 12);
}

TEST_CASE("reg* input without a catalog accepts OIDs and '-'", "[types][reg]") {
  REQUIRE(ParseText("23", Type{TypeId::kRegtype, -1}).as_int() == 23);
  REQUIRE(ParseText("-", Type{TypeId::kRegproc, -1}).as_int() == 0);
  REQUIRE(ParseText("4294967295", Type{TypeId::kRegrole, -1}).as_int() == 4294967295LL);
  REQUIRE(Code([] { ParseText("4294967296", Type{TypeId::kRegtype, -1}); }) ==
          "22003 value \"4294967296\" is out of range for type oid");
  REQUIRE(Code([] { ParseText("nosuch", Type{TypeId::kRegtype, -1}); }) == "42704 type \"nosuch\" does not exist");
  REQUIRE(Code([] { ParseText("a.b", Type{TypeId::kRegnamespace, -1}); }) == "42602 invalid name syntax");
  REQUIRE(Code([] { ParseText("x", Type{TypeId::kRegnamespace, -1}); }) == "3F000 schema \"x\" does not exist");
}

TEST_CASE("reg* output without a catalog", "[types][reg]") {
  REQUIRE(ToText(Value::Int(23), Type{TypeId::kRegtype, -1}) == "integer");
  REQUIRE(ToText(Value::Int(1042), Type{TypeId::kRegtype, -1}) == "character");
  REQUIRE(ToText(Value::Int(1015), Type{TypeId::kRegtype, -1}) == "character varying[]");
  REQUIRE(ToText(Value::Int(0), Type{TypeId::kRegtype, -1}) == "-");
  REQUIRE(ToText(Value::Int(1299), Type{TypeId::kRegproc, -1}) == "1299");
}

TEST_CASE("parseNameAndArgTypes splitting", "[types][reg]") {
  NameAndArgs a = SplitNameAndArgs("f( int , \"a,b\"(1,2), x[] ) ");
  REQUIRE(a.name == "f");
  REQUIRE(a.args == std::vector<std::string>{"int", "\"a,b\"(1,2)", "x[]"});
  REQUIRE(SplitNameAndArgs("now()").args.empty());
  REQUIRE(Code([] { SplitNameAndArgs("length"); }) == "22P02 expected a left parenthesis");
  REQUIRE(Code([] { SplitNameAndArgs("length(text"); }) == "22P02 expected a right parenthesis");
  REQUIRE(Code([] { SplitNameAndArgs("length(text,)"); }) == "22P02 expected a type name");
  REQUIRE(Code([] { SplitNameAndArgs("f(numeric(1)"); }) == "22P02 improper type name");
}

TEST_CASE("reg* casts follow pg_cast", "[types][reg]") {
  REQUIRE(CastAvailability(TypeId::kOid, TypeId::kRegtype) == CastContext::kImplicit);
  REQUIRE(CastAvailability(TypeId::kInt8, TypeId::kRegrole) == CastContext::kImplicit);
  REQUIRE(CastAvailability(TypeId::kRegproc, TypeId::kInt4) == CastContext::kAssignment);
  REQUIRE(CastAvailability(TypeId::kRegproc, TypeId::kRegprocedure) == CastContext::kImplicit);
  REQUIRE(!CastAvailability(TypeId::kRegtype, TypeId::kRegclass));
  REQUIRE(Cast(Value::Int(-1), Type{TypeId::kInt4, -1}, Type{TypeId::kRegtype, -1}, CastContext::kExplicit).as_int() ==
          4294967295LL);
  REQUIRE(Code([] {
            Cast(Value::Int(-1), Type{TypeId::kInt8, -1}, Type{TypeId::kRegtype, -1}, CastContext::kExplicit);
          }) == "22003 OID out of range");
}

TEST_CASE("reg* binary form is the 4-byte OID", "[types][reg]") {
  std::string out;
  AppendBinary(Value::Int(2206), Type{TypeId::kRegtype, -1}, out);
  REQUIRE(out == std::string("\0\0\x08\x9e", 4));
  REQUIRE(ParseBinary(out, Type{TypeId::kRegnamespace, -1}).as_int() == 2206);
  REQUIRE(!HasBinaryFormat(TypeId::kAclItem));
  REQUIRE(HasBinaryFormat(TypeId::kRegtypeArray));
}

TEST_CASE("aclitem text form", "[types][aclitem]") {
  REQUIRE(ParseAclItem("basalt=Aa*r/basalt") == "basalt=a*rA/basalt");
  REQUIRE(ParseAclItem("=r/basalt") == "=r/basalt");
  REQUIRE(ParseAclItem(" group \"Bob X\"=r/basalt ") == "\"Bob X\"=r/basalt");
  REQUIRE(ParseAclItem("\"a\"\"b\"=/x") == "\"a\"\"b\"=/x");
  REQUIRE(Code([] { ParseAclItem("basalt=q/basalt"); }) ==
          "22P02 invalid mode character: must be one of \"arwdDxtXUCTcsA\"");
  REQUIRE(Code([] { ParseAclItem("basalt=r/"); }) == "22P02 a name must follow the \"/\" sign");
  REQUIRE(Code([] { ParseAclItem("basalt r"); }) == "22P02 unrecognized key word: \"basalt\"");
  REQUIRE(Code([] { ParseAclItem("group"); }) == "22P02 missing name");
  REQUIRE(Code([] { ParseAclItem("a=r/b x"); }) == "22P02 extra garbage at the end of the ACL specification");
  REQUIRE(ToText(ParseText("{=r/basalt,basalt=arwdDxt/basalt}", Type{TypeId::kAclItemArray, -1}),
                 Type{TypeId::kAclItemArray, -1}) == "{=r/basalt,basalt=arwdDxt/basalt}");
}
