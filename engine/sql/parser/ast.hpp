// engine/sql/parser/ast.hpp
//
// Basalt's abstract syntax tree: what the Transformer makes of libpg_query's
// protobuf tree. No pg_query:: type is visible past engine/sql/parser/; the
// binder only ever sees these structs.
//
// Expressions use one node type (Expr) tagged by ExprKind, which keeps the
// transformer and binder small; statements get one struct each. Every node
// carries the byte offset of its start in the query text (`location`, -1 when
// unknown) so errors can report PostgreSQL's cursor position.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace basalt::engine::sql::ast {

struct Expr;
struct SelectStmt;
using ExprPtr = std::unique_ptr<Expr>;

// A type as written: `varchar(20)`, `int4`, `double precision`, `text[]`.
struct TypeName {
  std::vector<std::string> names;  // qualified name as parsed, e.g. {"pg_catalog", "int4"}
  std::vector<int64_t> modifiers;  // typmod arguments, e.g. {20} or {10, 2}
  int array_bounds = 0;            // number of [] suffixes
  int location = -1;
};

enum class ExprKind {
  kConst,       // literal: const_kind + text
  kColumnRef,   // names = {"t", "c"} or {"c"}; star = true for t.* / *
  kParam,       // $n: param_number
  kOp,          // operator: names = {"+"} (or {"pg_catalog","+"}), args = 1 (prefix) or 2
                //   quantifier kAny/kAll: args[0] op ANY/ALL (args[1]), args[1] an array
  kAnd,         // args >= 2
  kOr,          // args >= 2
  kNot,         // args = 1
  kFunc,        // function call: names, args, star (count(*)), distinct, filter, agg_order
  kCast,        // args[0]::type_name
  kNullTest,    // args[0] IS [NOT] NULL (negated = IS NOT NULL)
  kBoolTest,    // args[0] IS [NOT] TRUE/FALSE/UNKNOWN: bool_test, negated
  kCase,        // args: [arg?] when/then pairs in `whens`, default in `else_expr`
  kIn,          // args[0] [NOT] IN (args[1..]) (negated = NOT IN)
  kLike,        // args[0] [NOT] LIKE/ILIKE args[1] [ESCAPE args[2]]: like_kind, negated
                //   also SIMILAR TO (kSimilar) and the operators ~ ~* !~ !~* (kRegex, kRegexI)
  kBetween,     // args[0] [NOT] BETWEEN [SYMMETRIC] args[1] AND args[2]
  kDistinctFrom,// args[0] IS [NOT] DISTINCT FROM args[1] (negated = IS NOT DISTINCT FROM)
  kNullIf,      // NULLIF(args[0], args[1])
  kCoalesce,    // COALESCE(args...)
  kGreatest,    // GREATEST(args...)
  kLeast,       // LEAST(args...)
  kSubLink,     // subquery: sublink_kind, subquery, args[0] = test expr for ANY/ALL/IN
  kArray,       // ARRAY[args...]
  kRow,         // ROW(args...) or (a, b)
  kDefault,     // DEFAULT in INSERT VALUES / UPDATE SET
  kSqlValue,    // CURRENT_DATE, CURRENT_USER, ...: names = {"current_date"}
  kCollate,     // args[0] COLLATE names
};

enum class ConstKind { kNull, kInteger, kNumeric, kString, kBool, kBitString };
enum class BoolTestKind { kTrue, kFalse, kUnknown };
enum class LikeKind { kLike, kILike, kSimilar, kRegex, kRegexI };
enum class SubLinkKind { kExists, kAny, kAll, kExpr, kArray };
// kOp over an array: `args[0] op ANY (args[1])` / `args[0] op ALL (args[1])`.
enum class OpQuantifier { kNone, kAny, kAll };

struct SortBy;

struct Expr {
  ExprKind kind;
  int location = -1;

  // kConst
  ConstKind const_kind = ConstKind::kNull;
  std::string text;        // integer/numeric digits, string contents, "t"/"f" for bools
  int64_t int_value = 0;   // kInteger

  // kColumnRef, kOp, kFunc, kSqlValue, kCollate
  std::vector<std::string> names;
  bool star = false;
  OpQuantifier quantifier = OpQuantifier::kNone;  // kOp only

  // kParam
  int param_number = 0;

  std::vector<ExprPtr> args;

  // kFunc
  bool distinct = false;
  ExprPtr filter;                    // agg(...) FILTER (WHERE filter)
  std::vector<SortBy> agg_order;     // agg(x ORDER BY ...) / WITHIN GROUP (...)
  bool within_group = false;
  std::shared_ptr<struct WindowSpec> over;  // agg(...) OVER (...) / OVER name

  // kCast
  TypeName type_name;

  // kNullTest, kIn, kLike, kBetween, kDistinctFrom, kBoolTest
  bool negated = false;
  BoolTestKind bool_test = BoolTestKind::kTrue;
  LikeKind like_kind = LikeKind::kLike;
  bool symmetric = false;  // BETWEEN SYMMETRIC

  // kCase
  struct When;
  std::vector<When> whens;
  ExprPtr else_expr;

  // kSubLink
  SubLinkKind sublink_kind = SubLinkKind::kExpr;
  std::vector<std::string> sublink_op;  // operator for ANY/ALL, e.g. {"="}
  std::unique_ptr<SelectStmt> subquery;

  explicit Expr(ExprKind k, int loc = -1) : kind(k), location(loc) {}
};

struct Expr::When {
  ExprPtr condition;
  ExprPtr result;
};

enum class SortDir { kDefault, kAsc, kDesc };
enum class NullsOrder { kDefault, kFirst, kLast };

struct SortBy {
  ExprPtr expr;
  SortDir dir = SortDir::kDefault;
  NullsOrder nulls = NullsOrder::kDefault;
  int location = -1;
};

struct WindowSpec {
  std::string name;             // OVER name, or the WINDOW clause's name
  std::string ref_name;         // WINDOW w AS (base_name ...)
  std::vector<ExprPtr> partition_by;
  std::vector<SortBy> order_by;
  int frame_options = 0;        // PostgreSQL FRAMEOPTION_* bits, as parsed
  ExprPtr frame_start;
  ExprPtr frame_end;
  int location = -1;
};

struct ResTarget {
  ExprPtr expr;
  std::string alias;  // AS name ("" when absent)
  int location = -1;
};

// FROM-clause items.
struct TableRef;
using TableRefPtr = std::unique_ptr<TableRef>;

struct RangeVar {
  std::string catalog;  // database, rarely given
  std::string schema;
  std::string name;
  int location = -1;
};

struct Alias {
  std::string name;
  std::vector<std::string> columns;
};

enum class JoinKind { kInner, kLeft, kRight, kFull, kCross };

struct TableRef {
  enum class Kind { kTable, kJoin, kSubquery, kFunction, kValues } kind;
  int location = -1;
  std::optional<Alias> alias;
  // kTable
  RangeVar table;
  // kJoin
  JoinKind join_kind = JoinKind::kInner;
  bool natural = false;
  TableRefPtr left;
  TableRefPtr right;
  ExprPtr on;
  std::vector<std::string> using_columns;
  // kSubquery / kValues
  std::unique_ptr<SelectStmt> subquery;
  bool lateral = false;
  // kFunction: a set-returning function in FROM (generate_series(...))
  ExprPtr function;

  explicit TableRef(Kind k) : kind(k) {}
};

struct CommonTableExpr {
  std::string name;
  std::vector<std::string> columns;
  std::unique_ptr<SelectStmt> query;
  int location = -1;
};

enum class SetOpKind { kNone, kUnion, kIntersect, kExcept };
enum class LockStrength { kNone, kForKeyShare, kForShare, kForNoKeyUpdate, kForUpdate };
enum class LockWait { kBlock, kSkipLocked, kNoWait };

struct LockingClause {
  LockStrength strength = LockStrength::kNone;
  LockWait wait = LockWait::kBlock;
  std::vector<RangeVar> tables;  // FOR UPDATE OF ...
};

struct SelectStmt {
  // WITH
  std::vector<CommonTableExpr> with;
  bool with_recursive = false;

  // A set operation (op != kNone) has only larg/rarg plus order/limit.
  SetOpKind op = SetOpKind::kNone;
  bool all = false;
  std::unique_ptr<SelectStmt> larg;
  std::unique_ptr<SelectStmt> rarg;

  // VALUES (...), (...) when non-empty
  std::vector<std::vector<ExprPtr>> values;

  bool distinct = false;              // SELECT DISTINCT
  std::vector<ExprPtr> distinct_on;   // SELECT DISTINCT ON (...)
  std::vector<ResTarget> targets;
  std::vector<TableRefPtr> from;
  ExprPtr where;
  std::vector<ExprPtr> group_by;      // grouping sets are kFunc named "grouping sets"/"rollup"/"cube"
  ExprPtr having;
  std::vector<std::shared_ptr<WindowSpec>> windows;  // WINDOW clause
  std::vector<SortBy> order_by;
  ExprPtr limit;   // null = no LIMIT (LIMIT ALL is also null)
  ExprPtr offset;
  std::vector<LockingClause> locking;
  std::optional<RangeVar> into;  // SELECT ... INTO (CREATE TABLE AS)
  int location = -1;
};

struct ColumnDef;

enum class ConstraintKind { kNotNull, kNull, kDefault, kPrimaryKey, kUnique, kCheck, kForeignKey, kIdentity, kGenerated };

struct Constraint {
  ConstraintKind kind;
  std::string name;                 // CONSTRAINT name, "" if unnamed
  std::vector<std::string> columns; // table constraints: key columns
  ExprPtr expr;                     // DEFAULT / CHECK expression
  // FOREIGN KEY
  RangeVar ref_table;
  std::vector<std::string> ref_columns;
  char on_delete = 'a';  // PostgreSQL's action letters: a no action, r restrict, c cascade, n set null, d set default
  char on_update = 'a';
  bool deferrable = false;
  bool initially_deferred = false;
  char identity_kind = 0;  // 'a' ALWAYS, 'd' BY DEFAULT
  int location = -1;
};

struct ColumnDef {
  std::string name;
  TypeName type;
  std::vector<std::string> collation;  // COLLATE name, empty when absent
  std::vector<Constraint> constraints;
  int location = -1;
};

struct CreateTableStmt {
  RangeVar table;
  bool if_not_exists = false;
  bool temporary = false;
  bool unlogged = false;
  std::vector<ColumnDef> columns;
  std::vector<Constraint> constraints;  // table-level constraints
  std::unique_ptr<SelectStmt> as_query; // CREATE TABLE AS
  std::vector<std::string> as_columns;  // CREATE TABLE t (a, b) AS ...
  bool skip_data = false;               // CREATE TABLE AS ... WITH NO DATA
};

enum class ObjectKind { kTable, kIndex, kView, kSequence, kSchema, kDatabase, kRole, kOther };

struct DropStmt {
  ObjectKind kind = ObjectKind::kTable;
  std::vector<RangeVar> objects;
  bool if_exists = false;
  bool cascade = false;
  int location = -1;
};

struct InsertStmt {
  RangeVar table;
  std::optional<std::string> alias;
  std::vector<std::string> columns;
  std::vector<int> column_locations;
  std::unique_ptr<SelectStmt> source;  // null = DEFAULT VALUES
  std::vector<ResTarget> returning;
  // ON CONFLICT
  bool has_on_conflict = false;
  bool on_conflict_do_update = false;
  std::vector<std::string> conflict_columns;
  std::string conflict_constraint;      // ON CONFLICT ON CONSTRAINT name
  std::vector<ResTarget> conflict_set;  // alias = column name
  ExprPtr conflict_where;
  std::vector<CommonTableExpr> with;
};

struct UpdateStmt {
  RangeVar table;
  std::optional<std::string> alias;
  std::vector<ResTarget> set;  // alias = target column name
  std::vector<TableRefPtr> from;
  ExprPtr where;
  std::vector<ResTarget> returning;
  std::vector<CommonTableExpr> with;
};

struct DeleteStmt {
  RangeVar table;
  std::optional<std::string> alias;
  std::vector<TableRefPtr> using_tables;
  ExprPtr where;
  std::vector<ResTarget> returning;
  std::vector<CommonTableExpr> with;
};

enum class TransactionKind {
  kBegin, kStart, kCommit, kRollback, kSavepoint, kRelease, kRollbackTo,
  kPrepare, kCommitPrepared, kRollbackPrepared
};

struct TransactionOption {
  std::string name;   // "transaction_isolation", "transaction_read_only", "transaction_deferrable"
  std::string value;  // "read committed", "true", ...
};

struct TransactionStmt {
  TransactionKind kind;
  std::vector<TransactionOption> options;
  std::string savepoint_name;
  std::string gid;  // PREPARE TRANSACTION / COMMIT PREPARED / ROLLBACK PREPARED 'gid'
  bool chain = false;
};

struct CreateDatabaseStmt {
  std::string name;
  std::vector<std::pair<std::string, std::string>> options;
};

struct DropDatabaseStmt {
  std::string name;
  bool if_exists = false;
};

enum class SetKind { kValue, kDefault, kCurrent, kMulti, kReset, kResetAll };

struct VariableSetStmt {
  SetKind kind = SetKind::kValue;
  std::string name;                 // lower-cased; "" for RESET ALL
  std::vector<std::string> values;  // each value as text (identifiers and literals)
  bool is_local = false;
  // kMulti: name is "transaction" (SET TRANSACTION ...) or "session characteristics"
  // (SET SESSION CHARACTERISTICS AS TRANSACTION ...), with the modes here; for
  // "transaction snapshot" values[0] is the snapshot id.
  std::vector<TransactionOption> transaction_options;
};

struct VariableShowStmt {
  std::string name;  // "all" for SHOW ALL
};

struct ExplainStmt {
  std::unique_ptr<struct Statement> query;
  bool analyze = false;
  bool verbose = false;
  bool costs = true;
  std::string format = "text";
};

struct IndexElem {
  std::string column;  // "" when expr is set
  ExprPtr expr;
  SortDir dir = SortDir::kDefault;
  NullsOrder nulls = NullsOrder::kDefault;
};

struct CreateIndexStmt {
  std::string name;
  RangeVar table;
  bool unique = false;
  bool if_not_exists = false;
  std::vector<IndexElem> elems;
  ExprPtr where;
};

struct Statement;

// PREPARE name [(types)] AS statement: the inner statement is parsed with it.
struct PrepareStmt {
  std::string name;
  std::vector<TypeName> arg_types;
  std::shared_ptr<Statement> query;
};

// EXECUTE name [(args)].
struct ExecuteStmt {
  std::string name;
  std::vector<ExprPtr> params;
};

// DEALLOCATE [PREPARE] name | ALL.
struct DeallocateStmt {
  std::string name;  // empty = ALL
};

// DISCARD ALL | PLANS | SEQUENCES | TEMP.
struct DiscardStmt {
  std::string target;  // "all", "plans", "sequences", "temp"
};

// Statements Basalt parses but does not support yet keep their PostgreSQL node
// name so the binder can say exactly what is unsupported (0A000).
struct UnsupportedStmt {
  std::string node_name;  // e.g. "CreateTrigStmt"
};

using StatementBody = std::variant<
    SelectStmt, InsertStmt, UpdateStmt, DeleteStmt, CreateTableStmt, DropStmt, TransactionStmt,
    CreateDatabaseStmt, DropDatabaseStmt, VariableSetStmt, VariableShowStmt, ExplainStmt,
    CreateIndexStmt, PrepareStmt, ExecuteStmt, DeallocateStmt, DiscardStmt, UnsupportedStmt>;

struct Statement {
  StatementBody body;
  int stmt_location = 0;  // byte offset of this statement in the query string
  int stmt_len = 0;       // 0 = to end of string
};

}  // namespace basalt::engine::sql::ast
