// Builds the operator candidate list. The rows mirror PostgreSQL 15's
// pg_operator (queried from a real server) restricted to Basalt's types; the
// foreign rows list, per operator name, the argument categories of the rows
// on other types (G geometric, D date/time, T timespan, I network, U user,
// A array, V bit string, Z internal, P pseudo/polymorphic, N money).
#include "engine/sql/types/operator_catalog.hpp"

#include <memory>
#include <string>

#include "engine/sql/types/compare.hpp"
#include "engine/sql/types/operator_functions.hpp"

namespace basalt::engine::sql {
namespace {

template <Value (*F)(const Value&, const Value&)>
Value Strict(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value::Null();
  return F(a, b);
}

template <Value (*F)(const Value&)>
Value Strict1(const Value& a) {
  if (a.is_null()) return Value::Null();
  return F(a);
}

template <Value (*F)(const Value&, const Value&, TypeId), TypeId R>
Value IntBinary(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value::Null();
  return F(a, b, R);
}

template <Value (*F)(const Value&, TypeId), TypeId R>
Value IntUnary(const Value& a) {
  if (a.is_null()) return Value::Null();
  return F(a, R);
}

enum class CmpOp { kEq, kNe, kLt, kLe, kGt, kGe };

// `Rep` is the type whose Compare rules apply (kInt8 for every integer width
// and oid, kFloat8 for float4/float8, kNumeric, kText for text and name).
template <TypeId Rep, CmpOp Op>
Value Cmp(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value::Null();
  int c = Compare(a, b, Rep);
  switch (Op) {
    case CmpOp::kEq: return Value::Bool(c == 0);
    case CmpOp::kNe: return Value::Bool(c != 0);
    case CmpOp::kLt: return Value::Bool(c < 0);
    case CmpOp::kLe: return Value::Bool(c <= 0);
    case CmpOp::kGt: return Value::Bool(c > 0);
    case CmpOp::kGe: return Value::Bool(c >= 0);
  }
  return Value::Null();
}

Value Identity(const Value& a) { return a; }
Value IntAnd(const Value& a, const Value& b) { return Value::Int(a.as_int() & b.as_int()); }
Value IntOr(const Value& a, const Value& b) { return Value::Int(a.as_int() | b.as_int()); }
Value IntXor(const Value& a, const Value& b) { return Value::Int(a.as_int() ^ b.as_int()); }
Value IntNot(const Value& a) { return Value::Int(~a.as_int()); }

CandidateArg T(TypeId id) { return CandidateArg{CandidateArg::Kind::kType, id, TypeCategory(id), IsPreferredType(id)}; }

const char* Short(TypeId id) {
  switch (id) {
    case TypeId::kInt2: return "int2";
    case TypeId::kInt4: return "int4";
    case TypeId::kInt8: return "int8";
    case TypeId::kFloat4: return "float4";
    case TypeId::kFloat8: return "float8";
    default: return "";
  }
}

// proc names must outlive the catalog: keep them in a stable store.
std::string_view Intern(std::string s) {
  static std::vector<std::unique_ptr<std::string>> store;
  store.push_back(std::make_unique<std::string>(std::move(s)));
  return *store.back();
}

struct Builder {
  std::vector<OperatorDef> defs;

  void Bin(std::string_view name, TypeId l, TypeId r, TypeId result, BinaryOperatorFn fn, std::string_view proc) {
    OperatorDef d;
    d.name = name;
    d.left = T(l);
    d.right = T(r);
    d.result = result;
    d.fn = fn;
    d.proc_name = proc;
    defs.push_back(d);
  }
  void Pre(std::string_view name, TypeId arg, TypeId result, UnaryOperatorFn fn, std::string_view proc) {
    OperatorDef d;
    d.name = name;
    d.prefix = true;
    d.right = T(arg);
    d.result = result;
    d.unary_fn = fn;
    d.proc_name = proc;
    defs.push_back(d);
  }

  // proc names are stem + eq/ne/lt/... + suffix (nameeqtext).
  template <TypeId Rep>
  void Comparisons(TypeId l, TypeId r, std::string_view stem, std::string_view suffix = "") {
    std::string st(stem), su(suffix);
    Bin("=", l, r, TypeId::kBool, Cmp<Rep, CmpOp::kEq>, Intern(st + "eq" + su));
    Bin("<>", l, r, TypeId::kBool, Cmp<Rep, CmpOp::kNe>, Intern(st + "ne" + su));
    Bin("<", l, r, TypeId::kBool, Cmp<Rep, CmpOp::kLt>, Intern(st + "lt" + su));
    Bin("<=", l, r, TypeId::kBool, Cmp<Rep, CmpOp::kLe>, Intern(st + "le" + su));
    Bin(">", l, r, TypeId::kBool, Cmp<Rep, CmpOp::kGt>, Intern(st + "gt" + su));
    Bin(">=", l, r, TypeId::kBool, Cmp<Rep, CmpOp::kGe>, Intern(st + "ge" + su));
  }

  template <TypeId R>
  void IntArith(TypeId l, TypeId r, const std::string& stem) {
    Bin("+", l, r, R, IntBinary<ops::IntAdd, R>, Intern(stem + "pl"));
    Bin("-", l, r, R, IntBinary<ops::IntSub, R>, Intern(stem + "mi"));
    Bin("*", l, r, R, IntBinary<ops::IntMul, R>, Intern(stem + "mul"));
    Bin("/", l, r, R, IntBinary<ops::IntDiv, R>, Intern(stem + "div"));
  }

  template <TypeId R>
  void IntSameType(const std::string& p) {
    Bin("%", R, R, R, IntBinary<ops::IntMod, R>, Intern(p + "mod"));
    Bin("&", R, R, R, Strict<IntAnd>, Intern(p + "and"));
    Bin("|", R, R, R, Strict<IntOr>, Intern(p + "or"));
    Bin("#", R, R, R, Strict<IntXor>, Intern(p + "xor"));
    Pre("-", R, R, IntUnary<ops::IntNeg, R>, Intern(p + "um"));
    Pre("+", R, R, Strict1<Identity>, Intern(p + "up"));
    Pre("@", R, R, IntUnary<ops::IntAbs, R>, Intern(p + "abs"));
    Pre("~", R, R, Strict1<IntNot>, Intern(p + "not"));
  }

  void Foreign(std::string_view name, std::string_view left, std::string_view right);
};

CandidateArg ParseSpec(std::string_view spec) {
  if (spec.substr(0, 2) == "F:") {
    return CandidateArg{CandidateArg::Kind::kForeign, TypeId::kVoid, spec[2], spec[3] == '1'};
  }
  static const std::pair<std::string_view, TypeId> kNames[] = {
      {"smallint", TypeId::kInt2}, {"integer", TypeId::kInt4}, {"bigint", TypeId::kInt8},
      {"real", TypeId::kFloat4},   {"double precision", TypeId::kFloat8},
      {"numeric", TypeId::kNumeric}, {"text", TypeId::kText}};
  for (const auto& [n, id] : kNames) {
    if (n == spec) return T(id);
  }
  return CandidateArg{CandidateArg::Kind::kForeign, TypeId::kVoid, 'U', false};
}

void Builder::Foreign(std::string_view name, std::string_view left, std::string_view right) {
  // Date/time (D) and timespan (T) rows are real now: AppendDateTimeOperators.
  auto datetime_spec = [](std::string_view spec) { return spec == "F:D0" || spec == "F:D1" || spec == "F:T1"; };
  if (datetime_spec(left) || datetime_spec(right)) return;
  OperatorDef d;
  d.name = name;
  d.prefix = left == "-";
  if (!d.prefix) d.left = ParseSpec(left);
  d.right = ParseSpec(right);
  d.foreign = true;
  d.proc_name = "foreign";
  defs.push_back(d);
}

// From pg_operator: rows with at least one argument type Basalt lacks.
// Format: name|left|right, left "-" for prefix operators.
constexpr std::string_view kForeignRows =
    "*|F:G0|F:G0 *|F:N0|bigint *|F:N0|double precision *|F:N0|integer *|F:N0|real *|F:N0|smallint *|F:P0|F:P0 "
    "*|F:T1|double precision *|bigint|F:N0 *|double precision|F:N0 *|double precision|F:T1 *|integer|F:N0 "
    "*|real|F:N0 *|smallint|F:N0 +|F:A0|F:U0 +|F:D0|F:D0 +|F:D0|F:T1 +|F:D0|integer +|F:D1|F:T1 +|F:G0|F:G0 "
    "+|F:I1|bigint +|F:N0|F:N0 +|F:P0|F:P0 +|F:T1|F:D0 +|F:T1|F:D1 +|F:T1|F:T1 +|F:U0|numeric +|bigint|F:I1 "
    "+|integer|F:D0 +|numeric|F:U0 -|-|F:T1 -|F:A0|F:U0 -|F:D0|F:D0 -|F:D0|F:T1 -|F:D0|integer -|F:D1|F:D1 "
    "-|F:D1|F:T1 -|F:G0|F:G0 -|F:I1|F:I1 -|F:I1|bigint -|F:N0|F:N0 -|F:P0|F:P0 -|F:T1|F:T1 -|F:U0|F:A0 "
    "-|F:U0|F:U0 -|F:U0|integer -|F:U0|numeric -|F:U0|text /|F:G0|F:G0 /|F:N0|F:N0 /|F:N0|bigint "
    "/|F:N0|double precision /|F:N0|integer /|F:N0|real /|F:N0|smallint /|F:T1|double precision "
    "<|F:A0|F:A0 <|F:D0|F:D0 <|F:D0|F:D1 <|F:D1|F:D0 <|F:D1|F:D1 <|F:G0|F:G0 <|F:I1|F:I1 <|F:N0|F:N0 "
    "<|F:P0|F:P0 <|F:T1|F:T1 <|F:U0|F:U0 <|F:V0|F:V0 <|F:V1|F:V1 <|F:Z0|F:Z0 "
    "<=|F:A0|F:A0 <=|F:D0|F:D0 <=|F:D0|F:D1 <=|F:D1|F:D0 <=|F:D1|F:D1 <=|F:G0|F:G0 <=|F:I1|F:I1 "
    "<=|F:N0|F:N0 <=|F:P0|F:P0 <=|F:T1|F:T1 <=|F:U0|F:U0 <=|F:V0|F:V0 <=|F:V1|F:V1 <=|F:Z0|F:Z0 "
    "<>|F:A0|F:A0 <>|F:D0|F:D0 <>|F:D0|F:D1 <>|F:D1|F:D0 <>|F:D1|F:D1 <>|F:G0|F:G0 <>|F:I1|F:I1 "
    "<>|F:N0|F:N0 <>|F:P0|F:P0 <>|F:T1|F:T1 <>|F:U0|F:U0 <>|F:U0|integer <>|F:V0|F:V0 <>|F:V1|F:V1 "
    "<>|F:Z0|F:Z0 =|F:A0|F:A0 =|F:D0|F:D0 =|F:D0|F:D1 =|F:D1|F:D0 =|F:D1|F:D1 =|F:G0|F:G0 =|F:I1|F:I1 "
    "=|F:N0|F:N0 =|F:P0|F:P0 =|F:T1|F:T1 =|F:U0|F:U0 =|F:U0|integer =|F:V0|F:V0 =|F:V1|F:V1 =|F:Z0|F:Z0 "
    ">|F:A0|F:A0 >|F:D0|F:D0 >|F:D0|F:D1 >|F:D1|F:D0 >|F:D1|F:D1 >|F:G0|F:G0 >|F:I1|F:I1 >|F:N0|F:N0 "
    ">|F:P0|F:P0 >|F:T1|F:T1 >|F:U0|F:U0 >|F:V0|F:V0 >|F:V1|F:V1 >|F:Z0|F:Z0 "
    ">=|F:A0|F:A0 >=|F:D0|F:D0 >=|F:D0|F:D1 >=|F:D1|F:D0 >=|F:D1|F:D1 >=|F:G0|F:G0 >=|F:I1|F:I1 "
    ">=|F:N0|F:N0 >=|F:P0|F:P0 >=|F:T1|F:T1 >=|F:U0|F:U0 >=|F:V0|F:V0 >=|F:V1|F:V1 >=|F:Z0|F:Z0 "
    "|||F:P0|F:P0 |||F:U0|F:U0 |||F:V1|F:V1";

std::vector<OperatorDef> Build() {
  Builder b;
  using I = TypeId;
  const I ints[] = {I::kInt2, I::kInt4, I::kInt8};
  auto wider = [](I x, I y) { return x == I::kInt8 || y == I::kInt8 ? I::kInt8 : (x == I::kInt4 || y == I::kInt4 ? I::kInt4 : I::kInt2); };
  for (I l : ints) {
    for (I r : ints) {
      // pg_operator's procs: int4pl for same widths, int48pl for mixed ones.
      std::string stem = l == r ? Short(l) : std::string("int") + Short(l)[3] + Short(r)[3];
      switch (wider(l, r)) {
        case I::kInt2: b.IntArith<I::kInt2>(l, r, stem); break;
        case I::kInt4: b.IntArith<I::kInt4>(l, r, stem); break;
        default: b.IntArith<I::kInt8>(l, r, stem); break;
      }
      b.Comparisons<I::kInt8>(l, r, stem);
    }
  }
  b.IntSameType<I::kInt2>("int2");
  b.IntSameType<I::kInt4>("int4");
  b.IntSameType<I::kInt8>("int8");

  b.Bin("+", I::kFloat4, I::kFloat4, I::kFloat4, Strict<ops::Float4Add>, "float4pl");
  b.Bin("-", I::kFloat4, I::kFloat4, I::kFloat4, Strict<ops::Float4Sub>, "float4mi");
  b.Bin("*", I::kFloat4, I::kFloat4, I::kFloat4, Strict<ops::Float4Mul>, "float4mul");
  b.Bin("/", I::kFloat4, I::kFloat4, I::kFloat4, Strict<ops::Float4Div>, "float4div");
  const std::pair<I, I> float8_pairs[] = {{I::kFloat4, I::kFloat8}, {I::kFloat8, I::kFloat4}, {I::kFloat8, I::kFloat8}};
  for (auto [l, r] : float8_pairs) {
    std::string stem = l == r ? "float8" : (l == I::kFloat4 ? "float48" : "float84");
    b.Bin("+", l, r, I::kFloat8, Strict<ops::Float8Add>, Intern(stem + "pl"));
    b.Bin("-", l, r, I::kFloat8, Strict<ops::Float8Sub>, Intern(stem + "mi"));
    b.Bin("*", l, r, I::kFloat8, Strict<ops::Float8Mul>, Intern(stem + "mul"));
    b.Bin("/", l, r, I::kFloat8, Strict<ops::Float8Div>, Intern(stem + "div"));
  }
  b.Comparisons<I::kFloat8>(I::kFloat4, I::kFloat4, "float4");
  b.Comparisons<I::kFloat8>(I::kFloat4, I::kFloat8, "float48");
  b.Comparisons<I::kFloat8>(I::kFloat8, I::kFloat4, "float84");
  b.Comparisons<I::kFloat8>(I::kFloat8, I::kFloat8, "float8");
  b.Bin("^", I::kFloat8, I::kFloat8, I::kFloat8, Strict<ops::Float8Pow>, "dpow");
  for (I f : {I::kFloat4, I::kFloat8}) {
    std::string p = Short(f);
    b.Pre("-", f, f, Strict1<ops::FloatNeg>, Intern(p + "um"));
    b.Pre("+", f, f, Strict1<Identity>, Intern(p + "up"));
    b.Pre("@", f, f, Strict1<ops::FloatAbs>, Intern(p + "abs"));
  }
  b.Pre("|/", I::kFloat8, I::kFloat8, Strict1<ops::Float8Sqrt>, "dsqrt");

  b.Bin("+", I::kNumeric, I::kNumeric, I::kNumeric, Strict<ops::NumericAdd>, "numeric_add");
  b.Bin("-", I::kNumeric, I::kNumeric, I::kNumeric, Strict<ops::NumericSub>, "numeric_sub");
  b.Bin("*", I::kNumeric, I::kNumeric, I::kNumeric, Strict<ops::NumericMul>, "numeric_mul");
  b.Bin("/", I::kNumeric, I::kNumeric, I::kNumeric, Strict<ops::NumericDiv>, "numeric_div");
  b.Bin("%", I::kNumeric, I::kNumeric, I::kNumeric, Strict<ops::NumericMod>, "numeric_mod");
  b.Bin("^", I::kNumeric, I::kNumeric, I::kNumeric, Strict<ops::NumericPow>, "numeric_power");
  b.Comparisons<I::kNumeric>(I::kNumeric, I::kNumeric, "numeric_");
  b.Pre("-", I::kNumeric, I::kNumeric, Strict1<ops::NumericNeg>, "numeric_uminus");
  b.Pre("+", I::kNumeric, I::kNumeric, Strict1<Identity>, "numeric_uplus");
  b.Pre("@", I::kNumeric, I::kNumeric, Strict1<ops::NumericAbs>, "numeric_abs");

  b.Comparisons<I::kBool>(I::kBool, I::kBool, "bool");
  b.Comparisons<I::kInt8>(I::kOid, I::kOid, "oid");
  b.Comparisons<I::kText>(I::kText, I::kText, "text");
  b.Comparisons<I::kText>(I::kName, I::kName, "name");
  b.Comparisons<I::kText>(I::kName, I::kText, "name", "text");
  b.Comparisons<I::kText>(I::kText, I::kName, "text", "name");
  b.Comparisons<I::kBpchar>(I::kBpchar, I::kBpchar, "bpchar");

  b.Bin("||", I::kText, I::kText, I::kText, Strict<ops::TextConcat>, "textcat");
  OperatorDef any;
  any.name = "||";
  any.result = I::kText;
  any.fn = Strict<ops::TextConcat>;
  any.left = T(I::kText);
  any.right = CandidateArg{CandidateArg::Kind::kAnyNonArray, I::kVoid, 'P', false};
  any.proc_name = "textanycat";
  b.defs.push_back(any);
  std::swap(any.left, any.right);
  any.proc_name = "anytextcat";
  b.defs.push_back(any);

  AppendDateTimeOperators(b.defs);
  AppendContainerOperators(b.defs);
  AppendJsonOperators(b.defs);

  std::string_view rows = kForeignRows;
  while (!rows.empty()) {
    // Rows are separated by " F" / " x" boundaries; split on "|" fields, the
    // third field ending at the next space that precedes an operator name.
    size_t bar1 = rows.find('|', rows.substr(0, 2) == "||" ? 2 : 1);
    std::string_view name = rows.substr(0, bar1);
    size_t bar2 = rows.find('|', bar1 + 1);
    std::string_view left = rows.substr(bar1 + 1, bar2 - bar1 - 1);
    size_t end = bar2 + 1;
    // The right field may contain a space ("double precision"): it ends at the
    // next space followed by a row start, or at the end.
    std::string_view right;
    if (rows.substr(end, 2) == "F:") {
      right = rows.substr(end, 4);
      end += 4;
    } else {
      static const std::string_view kTypeNames[] = {"double precision", "smallint", "integer", "bigint",
                                                    "real", "numeric", "text"};
      for (auto n : kTypeNames) {
        if (rows.substr(end, n.size()) == n) {
          right = n;
          end += n.size();
          break;
        }
      }
    }
    b.Foreign(name, left, right);
    rows = end < rows.size() ? rows.substr(end + 1) : std::string_view();
  }
  return std::move(b.defs);
}

}  // namespace

const std::vector<OperatorDef>& OperatorCatalog() {
  static const std::vector<OperatorDef> catalog = Build();
  return catalog;
}

}  // namespace basalt::engine::sql
