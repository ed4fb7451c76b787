// tests/unit/types/numeric_test.cpp
//
// Numeric against PostgreSQL 15. Every expected string in the tables below is
// what a PostgreSQL 15 server returned for the same expression (SELECT
// (a op b)::text, numeric_in, numeric(p,s) casts, ...); errors are its SQLSTATE
// and message, with " | detail" appended when PostgreSQL sent one.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <cstring>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/numeric.hpp"

namespace {

using basalt::engine::DbError;
using basalt::engine::sql::Numeric;

struct Case {
  const char* op;
  const char* a;
  const char* b;
  const char* c;
  const char* sqlstate;  // "" for success
  const char* expected;  // result text, or "message[ | detail]"
};

int32_t Typmod(int precision, int scale) { return ((precision << 16) | (scale & 0x7ff)) + 4; }

std::string Eval(const Case& c) {
  std::string op = c.op;
  if (op == "in") return Numeric::Parse(c.a).ToString();
  Numeric a = Numeric::Parse(c.a);
  if (op == "typmod") return a.ApplyTypmod(Typmod(std::stoi(c.b), std::stoi(c.c))).ToString();
  if (op == "round") return a.Round(std::stoi(c.b)).ToString();
  if (op == "trunc") return a.Trunc(std::stoi(c.b)).ToString();
  if (op == "ceil") return a.Ceil().ToString();
  if (op == "floor") return a.Floor().ToString();
  if (op == "sign") return a.Sign().ToString();
  if (op == "abs") return a.Abs().ToString();
  if (op == "neg") return a.Neg().ToString();
  if (op == "sqrt") return a.Sqrt().ToString();
  if (op == "ln") return a.Ln().ToString();
  if (op == "exp") return a.Exp().ToString();
  if (op == "int8") return std::to_string(a.ToInt64());
  Numeric b = Numeric::Parse(c.b);
  if (op == "+") return Numeric::Add(a, b).ToString();
  if (op == "-") return Numeric::Sub(a, b).ToString();
  if (op == "*") return Numeric::Mul(a, b).ToString();
  if (op == "/") return Numeric::Div(a, b).ToString();
  if (op == "%") return Numeric::Mod(a, b).ToString();
  if (op == "div") return Numeric::DivTrunc(a, b).ToString();
  if (op == "^") return Numeric::Power(a, b).ToString();
  FAIL("unknown op " << op);
  return "";
}

void Check(const Case& c) {
  INFO(c.op << " [" << c.a << "] [" << c.b << "] [" << c.c << "]");
  if (*c.sqlstate == '\0') {
    CHECK(Eval(c) == c.expected);
    return;
  }
  try {
    std::string got = Eval(c);
    FAIL("expected " << c.sqlstate << ", got " << got);
  } catch (const DbError& e) {
    CHECK(e.code().code() == c.sqlstate);
    std::string text = e.message();
    if (e.detail()) text += " | " + *e.detail();
    CHECK(text == c.expected);
  }
}

const Case kIoCases[] = {
    {"in", "0", "", "", "", "0"},
    {"in", "-0", "", "", "", "0"},
    {"in", "-0.000", "", "", "", "0.000"},
    {"in", "+12.50", "", "", "", "12.50"},
    {"in", "  42  ", "", "", "", "42"},
    {"in", "\t-7\n", "", "", "", "-7"},
    {"in", "1.5e3", "", "", "", "1500"},
    {"in", "1e-3", "", "", "", "0.001"},
    {"in", "1.", "", "", "", "1"},
    {"in", ".5", "", "", "", "0.5"},
    {"in", "-.5", "", "", "", "-0.5"},
    {"in", "00012.3400", "", "", "", "12.3400"},
    {"in", "1E+5", "", "", "", "100000"},
    {"in", "1e 5", "", "", "", "100000"},
    {"in", "1.5e-7", "", "", "", "0.00000015"},
    {"in", "0e10", "", "", "", "0"},
    {"in", "0.0e-10", "", "", "", "0.00000000000"},
    {"in", "123456789012345678901234567890.123456789012345678901234567890", "", "", "", "123456789012345678901234567890.123456789012345678901234567890"},
    {"in", "1e-20", "", "", "", "0.00000000000000000001"},
    {"in", "9999.9999", "", "", "", "9999.9999"},
    {"in", "10000", "", "", "", "10000"},
    {"in", "0.0001", "", "", "", "0.0001"},
    {"in", "0.00001", "", "", "", "0.00001"},
    {"in", "NaN", "", "", "", "NaN"},
    {"in", "nan", "", "", "", "NaN"},
    {"in", " NAN ", "", "", "", "NaN"},
    {"in", "Infinity", "", "", "", "Infinity"},
    {"in", "+Infinity", "", "", "", "Infinity"},
    {"in", "-Infinity", "", "", "", "-Infinity"},
    {"in", "infinity", "", "", "", "Infinity"},
    {"in", "INF", "", "", "", "Infinity"},
    {"in", "+inf", "", "", "", "Infinity"},
    {"in", "-inf", "", "", "", "-Infinity"},
    {"in", "", "", "", "22P02", "invalid input syntax for type numeric: \"\""},
    {"in", " ", "", "", "22P02", "invalid input syntax for type numeric: \" \""},
    {"in", ".", "", "", "22P02", "invalid input syntax for type numeric: \".\""},
    {"in", "-", "", "", "22P02", "invalid input syntax for type numeric: \"-\""},
    {"in", "abc", "", "", "22P02", "invalid input syntax for type numeric: \"abc\""},
    {"in", "1.2.3", "", "", "22P02", "invalid input syntax for type numeric: \"1.2.3\""},
    {"in", "1e", "", "", "22P02", "invalid input syntax for type numeric: \"1e\""},
    {"in", "1e+", "", "", "22P02", "invalid input syntax for type numeric: \"1e+\""},
    {"in", "12a", "", "", "22P02", "invalid input syntax for type numeric: \"12a\""},
    {"in", "- 1", "", "", "22P02", "invalid input syntax for type numeric: \"- 1\""},
    {"in", "0x10", "", "", "22P02", "invalid input syntax for type numeric: \"0x10\""},
    {"in", "1_000", "", "", "22P02", "invalid input syntax for type numeric: \"1_000\""},
    {"in", "infin", "", "", "22P02", "invalid input syntax for type numeric: \"infin\""},
    {"in", "nanx", "", "", "22P02", "invalid input syntax for type numeric: \"nanx\""},
    {"in", "1 2", "", "", "22P02", "invalid input syntax for type numeric: \"1 2\""},
    {"in", "1e131072", "", "", "22003", "value overflows numeric format"},
    {"in", "1e-16384", "", "", "22003", "value overflows numeric format"},
    {"in", "1e1073741823", "", "", "22003", "value overflows numeric format"},
    {"in", "1e99999999999999999999", "", "", "22003", "value overflows numeric format"},
};

const Case kArithCases[] = {
    {"/", "1", "3", "", "", "0.33333333333333333333"},
    {"/", "10", "4", "", "", "2.5000000000000000"},
    {"/", "2", "3", "", "", "0.66666666666666666667"},
    {"/", "1", "7", "", "", "0.14285714285714285714"},
    {"/", "2.00", "3", "", "", "0.66666666666666666667"},
    {"/", "1", "3.000000000000000000000", "", "", "0.333333333333333333333"},
    {"/", "123456789012345678901234567890", "7", "", "", "17636684144620811271604938270"},
    {"/", "1", "123456789012345678901234567890", "", "", "0.000000000000000000000000000008100000072900000663"},
    {"/", "-7.5", "2", "", "", "-3.7500000000000000"},
    {"/", "7.5", "-2", "", "", "-3.7500000000000000"},
    {"/", "0", "5", "", "", "0.00000000000000000000"},
    {"/", "1", "0", "", "22012", "division by zero"},
    {"/", "0", "0", "", "22012", "division by zero"},
    {"/", "9999", "9999", "", "", "1.00000000000000000000"},
    {"/", "1e-20", "3", "", "", "0.0000000000000000000033333333333333333333"},
    {"/", "100", "0.001", "", "", "100000.000000000000"},
    {"/", "6", "3", "", "", "2.0000000000000000"},
    {"/", "1.5", "0.5", "", "", "3.0000000000000000"},
    {"/", "-1", "3", "", "", "-0.33333333333333333333"},
    {"+", "1.10", "2.205", "", "", "3.305"},
    {"-", "1.10", "2.205", "", "", "-1.105"},
    {"*", "1.10", "2.205", "", "", "2.42550"},
    {"+", "-5.5", "5.5", "", "", "0.0"},
    {"-", "-5.5", "5.5", "", "", "-11.0"},
    {"*", "-5.5", "5.5", "", "", "-30.25"},
    {"+", "0.1", "0.2", "", "", "0.3"},
    {"-", "0.1", "0.2", "", "", "-0.1"},
    {"*", "0.1", "0.2", "", "", "0.02"},
    {"+", "99999999999999999999", "1", "", "", "100000000000000000000"},
    {"-", "99999999999999999999", "1", "", "", "99999999999999999998"},
    {"*", "99999999999999999999", "1", "", "", "99999999999999999999"},
    {"+", "1e-30", "-1", "", "", "-0.999999999999999999999999999999"},
    {"-", "1e-30", "-1", "", "", "1.000000000000000000000000000001"},
    {"*", "1e-30", "-1", "", "", "-0.000000000000000000000000000001"},
    {"+", "-1.000", "-2.00", "", "", "-3.000"},
    {"-", "-1.000", "-2.00", "", "", "1.000"},
    {"*", "-1.000", "-2.00", "", "", "2.00000"},
    {"%", "10", "3", "", "", "1"},
    {"div", "10", "3", "", "", "3"},
    {"%", "-10", "3", "", "", "-1"},
    {"div", "-10", "3", "", "", "-3"},
    {"%", "10", "-3", "", "", "1"},
    {"div", "10", "-3", "", "", "-3"},
    {"%", "10.5", "3", "", "", "1.5"},
    {"div", "10.5", "3", "", "", "3"},
    {"%", "-10.5", "-0.7", "", "", "0.0"},
    {"div", "-10.5", "-0.7", "", "", "15"},
    {"%", "5", "0", "", "22012", "division by zero"},
    {"div", "5", "0", "", "22012", "division by zero"},
    {"%", "1e20", "7", "", "", "2"},
    {"div", "1e20", "7", "", "", "14285714285714285714"},
    {"%", "0.0001", "0.00003", "", "", "0.00001"},
    {"div", "0.0001", "0.00003", "", "", "3"},
    {"+", "NaN", "1", "", "", "NaN"},
    {"-", "NaN", "1", "", "", "NaN"},
    {"*", "NaN", "1", "", "", "NaN"},
    {"/", "NaN", "1", "", "", "NaN"},
    {"%", "NaN", "1", "", "", "NaN"},
    {"+", "1", "NaN", "", "", "NaN"},
    {"-", "1", "NaN", "", "", "NaN"},
    {"*", "1", "NaN", "", "", "NaN"},
    {"/", "1", "NaN", "", "", "NaN"},
    {"%", "1", "NaN", "", "", "NaN"},
    {"+", "NaN", "NaN", "", "", "NaN"},
    {"-", "NaN", "NaN", "", "", "NaN"},
    {"*", "NaN", "NaN", "", "", "NaN"},
    {"/", "NaN", "NaN", "", "", "NaN"},
    {"%", "NaN", "NaN", "", "", "NaN"},
    {"+", "Infinity", "1", "", "", "Infinity"},
    {"-", "Infinity", "1", "", "", "Infinity"},
    {"*", "Infinity", "1", "", "", "Infinity"},
    {"/", "Infinity", "1", "", "", "Infinity"},
    {"%", "Infinity", "1", "", "", "NaN"},
    {"+", "Infinity", "-Infinity", "", "", "NaN"},
    {"-", "Infinity", "-Infinity", "", "", "Infinity"},
    {"*", "Infinity", "-Infinity", "", "", "-Infinity"},
    {"/", "Infinity", "-Infinity", "", "", "NaN"},
    {"%", "Infinity", "-Infinity", "", "", "NaN"},
    {"+", "Infinity", "Infinity", "", "", "Infinity"},
    {"-", "Infinity", "Infinity", "", "", "NaN"},
    {"*", "Infinity", "Infinity", "", "", "Infinity"},
    {"/", "Infinity", "Infinity", "", "", "NaN"},
    {"%", "Infinity", "Infinity", "", "", "NaN"},
    {"+", "-Infinity", "2", "", "", "-Infinity"},
    {"-", "-Infinity", "2", "", "", "-Infinity"},
    {"*", "-Infinity", "2", "", "", "-Infinity"},
    {"/", "-Infinity", "2", "", "", "-Infinity"},
    {"%", "-Infinity", "2", "", "", "NaN"},
    {"+", "3", "-Infinity", "", "", "-Infinity"},
    {"-", "3", "-Infinity", "", "", "Infinity"},
    {"*", "3", "-Infinity", "", "", "-Infinity"},
    {"/", "3", "-Infinity", "", "", "0"},
    {"%", "3", "-Infinity", "", "", "3"},
    {"+", "Infinity", "0", "", "", "Infinity"},
    {"-", "Infinity", "0", "", "", "Infinity"},
    {"*", "Infinity", "0", "", "", "NaN"},
    {"/", "Infinity", "0", "", "22012", "division by zero"},
    {"%", "Infinity", "0", "", "22012", "division by zero"},
    {"round", "2.5", "0", "", "", "3"},
    {"trunc", "2.5", "0", "", "", "2"},
    {"round", "-2.5", "0", "", "", "-3"},
    {"trunc", "-2.5", "0", "", "", "-2"},
    {"round", "3.5", "0", "", "", "4"},
    {"trunc", "3.5", "0", "", "", "3"},
    {"round", "-0.5", "0", "", "", "-1"},
    {"trunc", "-0.5", "0", "", "", "0"},
    {"round", "0.4", "0", "", "", "0"},
    {"trunc", "0.4", "0", "", "", "0"},
    {"round", "1.2345", "2", "", "", "1.23"},
    {"trunc", "1.2345", "2", "", "", "1.23"},
    {"round", "1.235", "2", "", "", "1.24"},
    {"trunc", "1.235", "2", "", "", "1.23"},
    {"round", "-1.235", "2", "", "", "-1.24"},
    {"trunc", "-1.235", "2", "", "", "-1.23"},
    {"round", "1234.5", "-2", "", "", "1200"},
    {"trunc", "1234.5", "-2", "", "", "1200"},
    {"round", "1250", "-2", "", "", "1300"},
    {"trunc", "1250", "-2", "", "", "1200"},
    {"round", "-1250", "-2", "", "", "-1300"},
    {"trunc", "-1250", "-2", "", "", "-1200"},
    {"round", "0.0005", "3", "", "", "0.001"},
    {"trunc", "0.0005", "3", "", "", "0.000"},
    {"round", "9.99", "1", "", "", "10.0"},
    {"trunc", "9.99", "1", "", "", "9.9"},
    {"round", "99.95", "1", "", "", "100.0"},
    {"trunc", "99.95", "1", "", "", "99.9"},
    {"round", "1.23", "5", "", "", "1.23000"},
    {"trunc", "1.23", "5", "", "", "1.23000"},
    {"round", "NaN", "2", "", "", "NaN"},
    {"trunc", "NaN", "2", "", "", "NaN"},
    {"round", "Infinity", "1", "", "", "Infinity"},
    {"trunc", "Infinity", "1", "", "", "Infinity"},
    {"ceil", "1.5", "", "", "", "2"},
    {"floor", "1.5", "", "", "", "1"},
    {"sign", "1.5", "", "", "", "1"},
    {"abs", "1.5", "", "", "", "1.5"},
    {"neg", "1.5", "", "", "", "-1.5"},
    {"ceil", "-1.5", "", "", "", "-1"},
    {"floor", "-1.5", "", "", "", "-2"},
    {"sign", "-1.5", "", "", "", "-1"},
    {"abs", "-1.5", "", "", "", "1.5"},
    {"neg", "-1.5", "", "", "", "1.5"},
    {"ceil", "2", "", "", "", "2"},
    {"floor", "2", "", "", "", "2"},
    {"sign", "2", "", "", "", "1"},
    {"abs", "2", "", "", "", "2"},
    {"neg", "2", "", "", "", "-2"},
    {"ceil", "-2", "", "", "", "-2"},
    {"floor", "-2", "", "", "", "-2"},
    {"sign", "-2", "", "", "", "-1"},
    {"abs", "-2", "", "", "", "2"},
    {"neg", "-2", "", "", "", "2"},
    {"ceil", "0.0001", "", "", "", "1"},
    {"floor", "0.0001", "", "", "", "0"},
    {"sign", "0.0001", "", "", "", "1"},
    {"abs", "0.0001", "", "", "", "0.0001"},
    {"neg", "0.0001", "", "", "", "-0.0001"},
    {"ceil", "-0.0001", "", "", "", "0"},
    {"floor", "-0.0001", "", "", "", "-1"},
    {"sign", "-0.0001", "", "", "", "-1"},
    {"abs", "-0.0001", "", "", "", "0.0001"},
    {"neg", "-0.0001", "", "", "", "0.0001"},
    {"ceil", "0", "", "", "", "0"},
    {"floor", "0", "", "", "", "0"},
    {"sign", "0", "", "", "", "0"},
    {"abs", "0", "", "", "", "0"},
    {"neg", "0", "", "", "", "0"},
    {"ceil", "NaN", "", "", "", "NaN"},
    {"floor", "NaN", "", "", "", "NaN"},
    {"sign", "NaN", "", "", "", "NaN"},
    {"abs", "NaN", "", "", "", "NaN"},
    {"neg", "NaN", "", "", "", "NaN"},
    {"ceil", "Infinity", "", "", "", "Infinity"},
    {"floor", "Infinity", "", "", "", "Infinity"},
    {"sign", "Infinity", "", "", "", "1"},
    {"abs", "Infinity", "", "", "", "Infinity"},
    {"neg", "Infinity", "", "", "", "-Infinity"},
    {"ceil", "-Infinity", "", "", "", "-Infinity"},
    {"floor", "-Infinity", "", "", "", "-Infinity"},
    {"sign", "-Infinity", "", "", "", "-1"},
    {"abs", "-Infinity", "", "", "", "Infinity"},
    {"neg", "-Infinity", "", "", "", "Infinity"},
    {"ceil", "12.345", "", "", "", "13"},
    {"floor", "12.345", "", "", "", "12"},
    {"sign", "12.345", "", "", "", "1"},
    {"abs", "12.345", "", "", "", "12.345"},
    {"neg", "12.345", "", "", "", "-12.345"},
    {"sqrt", "2", "", "", "", "1.414213562373095"},
    {"sqrt", "3", "", "", "", "1.732050807568877"},
    {"sqrt", "0", "", "", "", "0.000000000000000"},
    {"sqrt", "1e-20", "", "", "", "0.0000000001000000000000000"},
    {"sqrt", "100", "", "", "", "10.000000000000000"},
    {"sqrt", "0.01", "", "", "", "0.10000000000000000"},
    {"sqrt", "12345678901234567890", "", "", "", "3513641828.8201443"},
    {"sqrt", "1.00000000000000000000000000000000000001", "", "", "", "1.00000000000000000000000000000000000000"},
    {"sqrt", "NaN", "", "", "", "NaN"},
    {"sqrt", "Infinity", "", "", "", "Infinity"},
    {"sqrt", "-1", "", "", "2201F", "cannot take square root of a negative number"},
    {"sqrt", "-Infinity", "", "", "2201F", "cannot take square root of a negative number"},
    {"ln", "2", "", "", "", "0.6931471805599453"},
    {"ln", "10", "", "", "", "2.3025850929940457"},
    {"ln", "0.5", "", "", "", "-0.6931471805599453"},
    {"ln", "1e-100", "", "", "", "-230.2585092994045684017991454684364207601101488628772976033327900967572609677352480235997205089598298342"},
    {"ln", "1.0000001", "", "", "", "0.00000009999999500000033"},
    {"ln", "Infinity", "", "", "", "Infinity"},
    {"ln", "0", "", "", "2201E", "cannot take logarithm of zero"},
    {"ln", "-1", "", "", "2201E", "cannot take logarithm of a negative number"},
    {"exp", "1", "", "", "", "2.7182818284590452"},
    {"exp", "0", "", "", "", "1.0000000000000000"},
    {"exp", "-1", "", "", "", "0.3678794411714423"},
    {"exp", "10", "", "", "", "22026.465794806717"},
    {"exp", "-100", "", "", "", "0.00000000000000000000000000000000000000000003720075976020836"},
    {"exp", "0.5", "", "", "", "1.6487212707001281"},
    {"exp", "6000", "", "", "22003", "value overflows numeric format"},
    {"exp", "-Infinity", "", "", "", "0"},
    {"exp", "Infinity", "", "", "", "Infinity"},
    {"^", "2", "10", "", "", "1024.0000000000000000"},
    {"^", "2", "-3", "", "", "0.1250000000000000"},
    {"^", "2", "0.5", "", "", "1.4142135623730950"},
    {"^", "1.5", "2.5", "", "", "2.7556759606310754"},
    {"^", "10", "100", "", "", "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000.0000000000000000"},
    {"^", "0.1", "20", "", "", "0.0000000000000000"},
    {"^", "-2", "3", "", "", "-8.0000000000000000"},
    {"^", "-2", "0.5", "", "2201F", "a negative number raised to a non-integer power yields a complex result"},
    {"^", "0", "-1", "", "2201F", "zero raised to a negative power is undefined"},
    {"^", "0", "0", "", "", "1.0000000000000000"},
    {"^", "0", "2.5", "", "", "0.0000000000000000"},
    {"^", "NaN", "0", "", "", "1"},
    {"^", "1", "NaN", "", "", "1"},
    {"^", "-Infinity", "3", "", "", "-Infinity"},
    {"^", "-Infinity", "2", "", "", "Infinity"},
    {"^", "0.5", "-Infinity", "", "", "Infinity"},
    {"^", "2", "1e10", "", "22003", "value overflows numeric format"},
    {"^", "10", "-20", "", "", "0.0000000000000000"},
    {"^", "9", "0.5", "", "", "3.0000000000000000"},
    {"int8", "2.5", "", "", "", "3"},
    {"int8", "-2.5", "", "", "", "-3"},
    {"int8", "9223372036854775807", "", "", "", "9223372036854775807"},
    {"int8", "9223372036854775807.5", "", "", "22003", "bigint out of range"},
    {"int8", "-9223372036854775808", "", "", "", "-9223372036854775808"},
    {"int8", "-9223372036854775808.5", "", "", "22003", "bigint out of range"},
    {"int8", "NaN", "", "", "0A000", "cannot convert NaN to bigint"},
    {"int8", "Infinity", "", "", "0A000", "cannot convert infinity to bigint"},
};

const Case kTypmodCases[] = {
    {"typmod", "1234.5678", "5", "2", "22003", "numeric field overflow | A field with precision 5, scale 2 must round to an absolute value less than 10^3."},
    {"typmod", "999.995", "5", "2", "22003", "numeric field overflow | A field with precision 5, scale 2 must round to an absolute value less than 10^3."},
    {"typmod", "999.994", "5", "2", "", "999.99"},
    {"typmod", "-999.995", "5", "2", "22003", "numeric field overflow | A field with precision 5, scale 2 must round to an absolute value less than 10^3."},
    {"typmod", "0.001", "1", "3", "", "0.001"},
    {"typmod", "0.0005", "1", "3", "", "0.001"},
    {"typmod", "12345", "3", "-2", "", "12300"},
    {"typmod", "99950", "3", "-2", "22003", "numeric field overflow | A field with precision 3, scale -2 must round to an absolute value less than 10^5."},
    {"typmod", "99949", "3", "-2", "", "99900"},
    {"typmod", "123456", "3", "-2", "22003", "numeric field overflow | A field with precision 3, scale -2 must round to an absolute value less than 10^5."},
    {"typmod", "9.5", "1", "0", "22003", "numeric field overflow | A field with precision 1, scale 0 must round to an absolute value less than 10^1."},
    {"typmod", "0.95", "1", "1", "22003", "numeric field overflow | A field with precision 1, scale 1 must round to an absolute value less than 1."},
    {"typmod", "NaN", "5", "2", "", "NaN"},
    {"typmod", "Infinity", "5", "2", "22003", "numeric field overflow | A field with precision 5, scale 2 cannot hold an infinite value."},
    {"typmod", "-Infinity", "3", "0", "22003", "numeric field overflow | A field with precision 3, scale 0 cannot hold an infinite value."},
    {"typmod", "0", "1", "0", "", "0"},
    {"typmod", "5", "2", "5", "22003", "numeric field overflow | A field with precision 2, scale 5 must round to an absolute value less than 10^-3."},
    {"typmod", "0.000999999", "2", "5", "22003", "numeric field overflow | A field with precision 2, scale 5 must round to an absolute value less than 10^-3."},
    {"typmod", "2.345", "10", "2", "", "2.35"},
    {"typmod", "2", "10", "2", "", "2.00"},
    {"typmod", "0.666666", "10", "2", "", "0.67"},
};

Numeric N(const char* s) { return Numeric::Parse(s); }

std::string Key(const Numeric& n) {
  std::string k;
  n.AppendKey(k);
  return k;
}

}  // namespace

TEST_CASE("numeric text input and output match PostgreSQL", "[types][numeric]") {
  for (const Case& c : kIoCases) Check(c);
}

TEST_CASE("numeric arithmetic and functions match PostgreSQL", "[types][numeric]") {
  for (const Case& c : kArithCases) Check(c);
}

TEST_CASE("numeric(p,s) coercion matches PostgreSQL", "[types][numeric]") {
  for (const Case& c : kTypmodCases) Check(c);
  CHECK(N("2").ApplyTypmod(-1).ToString() == "2");
  // 2/3 stored into numeric(10,2).
  CHECK(Numeric::Div(N("2"), N("3")).ApplyTypmod(Typmod(10, 2)).ToString() == "0.67");
}

TEST_CASE("numeric handles PostgreSQL's extreme sizes", "[types][numeric]") {
  const std::string nines(1000, '9');
  CHECK(N(nines.c_str()).ToString() == nines);
  CHECK(Numeric::Add(N(nines.c_str()), N("1")).ToString() == "1" + std::string(1000, '0'));
  CHECK(Numeric::Div(N(nines.c_str()), N("9")).ToString() == std::string(1000, '1'));
  const std::string thirds = "0." + std::string(1000, '3');
  CHECK(Numeric::Mul(N(thirds.c_str()), N("3")).ToString() == "0." + std::string(1000, '9'));
  CHECK(N("1e131071").ToString() == "1" + std::string(131071, '0'));
  CHECK(N("1e-16383").ToString() == "0." + std::string(16382, '0') + "1");
  CHECK(N("-6000").Exp().ToString() == "0." + std::string(1000, '0'));
  CHECK(Numeric::Div(N("100000000000000000000000000000000000000000000000001"), N("7")).ToString() ==
        "14285714285714285714285714285714285714285714285714");
  CHECK(Numeric::Div(N("1"), N("7")).ToString() == "0.14285714285714285714");
}

TEST_CASE("numeric aggregates: exact sums and PostgreSQL's avg scale", "[types][numeric]") {
  // avg(int) = sum / count through numeric_div.
  CHECK(Numeric::Div(Numeric::FromInt64(1 + 2 + 3 + 4), Numeric::FromInt64(4)).ToString() == "2.5000000000000000");
  CHECK(Numeric::Div(Numeric::FromInt64(1 + 2), Numeric::FromInt64(2)).ToString() == "1.5000000000000000");
  Numeric sum;
  for (int i = 0; i < 10000; ++i) sum = Numeric::Add(sum, N("0.1"));
  CHECK(sum.ToString() == "1000.0");
  Numeric s2 = Numeric::Add(Numeric::Add(N("1.5"), N("2.25")), N("3"));
  CHECK(Numeric::Div(s2, Numeric::FromInt64(3)).ToString() == "2.2500000000000000");
  // sum(int8) can exceed bigint.
  Numeric big = Numeric::Add(Numeric::FromInt64(INT64_MAX), Numeric::FromInt64(INT64_MAX));
  CHECK(big.ToString() == "18446744073709551614");
  CHECK(Numeric::FromInt64(INT64_MIN).ToString() == "-9223372036854775808");
}

TEST_CASE("numeric conversions to and from integers and floats", "[types][numeric]") {
  CHECK(N("2.5").ToInt64() == 3);
  CHECK(N("-2.5").ToInt64() == -3);
  CHECK(N("-9223372036854775808").ToInt64() == INT64_MIN);
  CHECK(N("2147483647.4").ToInt32() == 2147483647);
  CHECK_THROWS_WITH(N("2147483647.5").ToInt32(), "integer out of range");
  CHECK_THROWS_WITH(N("32767.5").ToInt16(), "smallint out of range");
  CHECK_THROWS_WITH(N("NaN").ToInt32(), "cannot convert NaN to integer");
  CHECK_THROWS_WITH(N("-Infinity").ToInt16(), "cannot convert infinity to smallint");

  // float8_numeric prints 15 significant digits first.
  CHECK(Numeric::FromDouble(0.1).ToString() == "0.1");
  CHECK(Numeric::FromDouble(1.0 / 3).ToString() == "0.333333333333333");
  CHECK(Numeric::FromDouble(1e20).ToString() == "100000000000000000000");
  CHECK(Numeric::FromDouble(-1.5e-7).ToString() == "-0.00000015");
  CHECK(Numeric::FromDouble(-0.0).ToString() == "0");
  CHECK(Numeric::FromDouble(12345678901234567.0).ToString() == "12345678901234600");
  CHECK(Numeric::FromFloat(0.1f).ToString() == "0.1");
  CHECK(Numeric::FromFloat(1.0f / 3).ToString() == "0.333333");
  CHECK(Numeric::FromDouble(std::numeric_limits<double>::infinity()).ToString() == "Infinity");
  CHECK(Numeric::FromDouble(std::nan("")).IsNaN());

  CHECK(N("123.456").ToDouble() == 123.456);
  CHECK(Numeric::Div(N("1.0"), N("3")).ToDouble() == 0.3333333333333333);
  CHECK(N("4.9e-324").ToDouble() > 0);  // a denormal is fine
  CHECK(std::isinf(N("-Infinity").ToDouble()));
  try {
    N("1e400").ToDouble();
    FAIL("expected 22003");
  } catch (const DbError& e) {
    CHECK(e.code().code() == "22003");
    CHECK(e.message() == "\"1" + std::string(400, '0') + "\" is out of range for type double precision");
  }
  CHECK_THROWS_WITH(N("1e-400").ToFloat(), Catch::Contains("is out of range for type real"));
}

TEST_CASE("numeric comparison: NaN equal to itself and largest", "[types][numeric]") {
  CHECK(Numeric::Compare(N("1.0"), N("1.00")) == 0);
  CHECK(N("1.0") == N("1.00"));
  CHECK(N("-0.5") < N("0"));
  CHECK(N("NaN") == N("nan"));
  CHECK(N("NaN") > N("Infinity"));
  CHECK(N("Infinity") > N("1e131071"));
  CHECK(N("-Infinity") < N("-1e131071"));
  CHECK(N("1.0").Hash() == N("1.00").Hash());
  CHECK(N("0").Hash() == N("-0.000").Hash());
  CHECK(N("1e5").Hash() == N("100000").Hash());
  CHECK(N("1").Hash() != N("2").Hash());
}

TEST_CASE("numeric key bytes sort like Compare", "[types][numeric][keys]") {
  std::mt19937_64 rng(42);
  auto random_numeric = [&rng]() -> Numeric {
    switch (rng() % 20) {
      case 0: return Numeric::NaN();
      case 1: return Numeric::PositiveInfinity();
      case 2: return Numeric::NegativeInfinity();
      case 3: return Numeric();
      default: break;
    }
    std::string s = (rng() % 2) ? "-" : "";
    int int_digits = static_cast<int>(rng() % 12);
    int frac_digits = static_cast<int>(rng() % 12);
    s += int_digits ? "" : "0";
    for (int i = 0; i < int_digits; ++i) s += static_cast<char>('0' + rng() % 10);
    if (frac_digits) s += ".";
    for (int i = 0; i < frac_digits; ++i) s += static_cast<char>('0' + rng() % (i % 3 == 0 ? 2 : 10));
    if (rng() % 4 == 0) s += "e" + std::to_string(static_cast<int>(rng() % 80) - 40);
    return Numeric::Parse(s);
  };
  std::vector<Numeric> values;
  for (int i = 0; i < 3000; ++i) values.push_back(random_numeric());
  // Equal values with different scales and lengths must share keys.
  values.push_back(N("1.5"));
  values.push_back(N("1.50000"));
  values.push_back(N("15e-1"));
  values.push_back(N("1.5001"));
  values.push_back(N("-1.5"));
  values.push_back(N("-1.50"));
  values.push_back(N("-1.4999"));
  values.push_back(N("10000"));
  values.push_back(N("9999.9999"));
  values.push_back(N("0.0000"));

  for (const Numeric& a : values) {
    for (int j = 0; j < 20; ++j) {
      const Numeric& b = values[rng() % values.size()];
      int c = Numeric::Compare(a, b);
      int k = Key(a).compare(Key(b));
      INFO(a.ToString() << " vs " << b.ToString());
      CHECK((c < 0) == (k < 0));
      CHECK((c == 0) == (k == 0));
      if (c == 0) CHECK(a.Hash() == b.Hash());
    }
  }
  std::vector<Numeric> by_compare = values, by_key = values;
  std::sort(by_compare.begin(), by_compare.end(), [](const Numeric& x, const Numeric& y) { return x < y; });
  std::sort(by_key.begin(), by_key.end(), [](const Numeric& x, const Numeric& y) { return Key(x) < Key(y); });
  for (size_t i = 0; i < values.size(); ++i) REQUIRE(Numeric::Compare(by_compare[i], by_key[i]) == 0);

  // A following key column never changes the order of distinct numerics.
  std::string k1 = Key(N("1")) + std::string("\xff\xff");
  std::string k2 = Key(N("1.5")) + std::string("\x00", 1);
  CHECK(k1 < k2);
  std::string k3 = Key(N("-1.5")) + std::string("\xff\xff");
  std::string k4 = Key(N("-1")) + std::string("\x00", 1);
  CHECK(k3 < k4);
}

TEST_CASE("numeric storage form round-trips exactly", "[types][numeric]") {
  for (const char* s : {"0", "0.000", "1", "-1", "1.50", "-123456789.123456789000", "1e-20", "NaN", "Infinity", "-Infinity",
                        "99999999999999999999999999999999999999", "1e131071", "0.00001"}) {
    Numeric n = N(s);
    Numeric back = Numeric::Deserialize(n.Serialize());
    CHECK(back.ToString() == n.ToString());
    CHECK(back.dscale() == n.dscale());
  }
  CHECK(N("1.50").Serialize().size() <= 7);
  CHECK_THROWS_AS(Numeric::Deserialize(""), DbError);
  CHECK_THROWS_AS(Numeric::Deserialize(std::string("\x09", 1)), DbError);
  CHECK_THROWS_AS(Numeric::Deserialize(std::string("\x00\x00\x00\xff\xff", 5)), DbError);
}
