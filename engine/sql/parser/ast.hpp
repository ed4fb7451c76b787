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
  kSubscript,   // args[0][args[1]], or the slice args[0][args[1]:args[2]] (symmetric = true)
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
  bool ordinality = false;  // WITH ORDINALITY

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

// One option of CREATE/ALTER SEQUENCE or of an identity column.
struct SequenceOption {
  std::string name;               // "as", "increment", "minvalue", "maxvalue", "start", "restart", "cache",
                                  // "cycle", "owned_by", "sequence_name"
  bool has_value = false;         // false: NO MINVALUE / NO MAXVALUE / RESTART without WITH
  std::string value;              // the number as written (may have a sign)
  bool flag = false;              // CYCLE (true) / NO CYCLE (false)
  TypeName type;                  // AS type
  std::vector<std::string> names; // OWNED BY t.c (or {"none"}), SEQUENCE NAME
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
  std::vector<SequenceOption> sequence_options;  // GENERATED ... AS IDENTITY (options)
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
  std::vector<std::string> options;     // WITH (fillfactor=100): "fillfactor=100" (pg_class.reloptions)
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

// COPY table [(cols)] FROM/TO ... | COPY (query) TO ... (engine/session_copy.cpp).
struct CopyOption {
  std::string name;                  // lower-cased: "format", "delimiter", "force_quote", ...
  std::optional<std::string> value;  // absent for bare flags (CSV, HEADER, BINARY)
  std::vector<std::string> columns;  // FORCE_QUOTE (a, b) / FORCE_NOT_NULL (a)
  bool star = false;                 // FORCE_QUOTE *
  int location = -1;
};

struct CopyStmt {
  std::optional<RangeVar> table;     // null for COPY (query) TO
  std::shared_ptr<Statement> query;  // COPY (query) TO
  std::vector<std::string> columns;
  bool is_from = false;
  bool is_program = false;
  std::string filename;              // "" = STDIN/STDOUT
  std::vector<CopyOption> options;
  bool has_where = false;
};

// DECLARE name [BINARY] [NO SCROLL|SCROLL] CURSOR [WITH HOLD] FOR query (engine/session_cursor.cpp).
struct DeclareCursorStmt {
  std::string name;
  int options = 0;  // PostgreSQL's CURSOR_OPT_* bits
  std::shared_ptr<Statement> query;
};

// FETCH / MOVE. direction: 0 forward, 1 backward, 2 absolute, 3 relative;
// count 0 with FORWARD/BACKWARD means ALL (libpg_query's FETCH_ALL is LONG_MAX).
struct FetchStmt {
  std::string name;
  int direction = 0;
  int64_t count = 1;
  bool is_move = false;
};

// CLOSE name | CLOSE ALL (name "").
struct ClosePortalStmt {
  std::string name;
};

// LISTEN / UNLISTEN (name "" = UNLISTEN *) / NOTIFY channel [, payload].
struct ListenStmt {
  std::string channel;
  bool unlisten = false;
};
struct NotifyStmt {
  std::string channel;
  std::string payload;
};

// DDL of sequences, TRUNCATE, VACUUM/ANALYZE, ALTER TABLE, schemas
// (engine/sql/exec/ddl_*.cpp).
struct CreateSequenceStmt {
  RangeVar sequence;
  bool if_not_exists = false;
  std::vector<SequenceOption> options;
};

struct AlterSequenceStmt {
  RangeVar sequence;
  bool if_exists = false;
  std::vector<SequenceOption> options;
};

struct TruncateStmt {
  std::vector<RangeVar> tables;
  bool restart_identity = false;
  bool cascade = false;
};

// VACUUM [FULL] [ANALYZE] [VERBOSE] [t, ...] and ANALYZE [VERBOSE] [t, ...].
struct VacuumStmt {
  bool is_vacuum = true;
  bool full = false;
  bool analyze = false;
  bool verbose = false;
  std::vector<RangeVar> tables;
};

enum class AlterTableKind {
  kAddColumn, kDropColumn, kAlterColumnType, kSetDefault, kDropDefault, kSetNotNull, kDropNotNull,
  kAddConstraint, kDropConstraint, kAddIdentity, kDropIdentity, kSetOptions, kOther
};

struct AlterTableCmd {
  AlterTableKind kind = AlterTableKind::kOther;
  std::string name;                 // column or constraint name
  std::unique_ptr<ColumnDef> column;  // ADD COLUMN / ALTER COLUMN TYPE (type, USING in `expr`)
  std::unique_ptr<Constraint> constraint;
  ExprPtr expr;                     // SET DEFAULT / USING
  bool missing_ok = false;          // IF [NOT] EXISTS
  bool cascade = false;
  std::string node_name;            // kOther: PostgreSQL's AlterTableType name
  int location = -1;
};

struct AlterTableStmt {
  RangeVar table;
  ObjectKind kind = ObjectKind::kTable;
  bool if_exists = false;
  std::vector<AlterTableCmd> cmds;
};

// ALTER TABLE/SEQUENCE ... RENAME [COLUMN a] TO b, ALTER SCHEMA ... RENAME.
struct RenameStmt {
  ObjectKind kind = ObjectKind::kTable;  // of the renamed object
  bool column = false;                   // RENAME COLUMN
  bool constraint = false;               // RENAME CONSTRAINT
  RangeVar relation;
  std::string subname;                   // the column / constraint / schema renamed
  std::string new_name;
  bool if_exists = false;
};

struct CreateSchemaStmt {
  std::string name;                 // "" = the AUTHORIZATION role's name
  std::string authorization;
  bool if_not_exists = false;
  bool has_elements = false;        // CREATE SCHEMA s CREATE TABLE ...
};

// ---- User-defined types, SQL functions, comments (transform_user_objects.cpp) ----
struct ObjectName {  // [schema.]name
  std::string schema;
  std::string name;
  int location = -1;
};
// CREATE TYPE name AS ENUM ('a', 'b')
struct CreateEnumStmt {
  ObjectName name;
  std::vector<std::string> labels;
};
// ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'v' [BEFORE|AFTER 'n'] / RENAME VALUE 'a' TO 'b'
struct AlterEnumStmt {
  ObjectName name;
  std::string old_label;    // RENAME VALUE: the label renamed; empty for ADD VALUE
  std::string new_label;
  std::string neighbor;     // ADD VALUE ... BEFORE/AFTER neighbor; empty = at the end
  bool after = false;
  bool if_not_exists = false;
};
struct FunctionParam {
  std::string name;  // "" when unnamed
  TypeName type;
  char mode = 'i';   // 'i' IN, 'o' OUT, 'b' INOUT, 'v' VARIADIC, 't' TABLE
  ExprPtr default_expr;
};
// CREATE [OR REPLACE] FUNCTION name(params) RETURNS type LANGUAGE sql ... AS 'body'
struct CreateFunctionStmt {
  ObjectName name;
  bool replace = false;
  bool is_procedure = false;
  std::vector<FunctionParam> params;
  std::optional<TypeName> return_type;  // nullopt: no RETURNS clause
  bool returns_set = false;
  std::string language;                 // "" when absent
  std::optional<std::string> body;      // AS 'body'
  ExprPtr return_expr;                  // SQL-standard body: RETURN expr
  bool sql_body_other = false;          // SQL-standard BEGIN ATOMIC ... END
  char volatility = 'v';
  bool strict = false;
  int location = -1;
};
// A function named with an optional argument type list (DROP FUNCTION, COMMENT ON FUNCTION).
struct FunctionRef {
  ObjectName name;
  bool has_args = false;
  std::vector<TypeName> arg_types;
};
// DROP TYPE / DROP FUNCTION
struct DropUserObjectStmt {
  enum class Kind { kType, kFunction } kind = Kind::kType;
  std::vector<FunctionRef> objects;  // types: name only
  bool if_exists = false;
  bool cascade = false;
};
// COMMENT ON <kind> <object> IS 'text' | NULL
struct CommentStmt {
  std::string kind;                 // "table", "column", "view", "index", "sequence", "schema",
                                    // "type", "function", "database"
  std::vector<std::string> names;   // dotted name (column: [schema.]table.column)
  FunctionRef function;             // kind "function"
  std::optional<std::string> text;  // nullopt: IS NULL (or '')
};

// Statements Basalt parses but does not support yet keep their PostgreSQL node
// name so the binder can say exactly what is unsupported (0A000).
struct UnsupportedStmt {
  std::string node_name;  // e.g. "CreateTrigStmt"
};

// CREATE [OR REPLACE] [TEMP] VIEW name [(columns)] AS query.
struct CreateViewStmt {
  RangeVar view;
  bool replace = false;
  bool temporary = false;
  std::vector<std::string> columns;
  std::unique_ptr<SelectStmt> query;
  std::string query_sql;  // the query deparsed to SQL text by libpg_query (what the catalog stores)
  bool has_options = false;       // WITH (...) options or WITH CHECK OPTION
};

// CREATE ROLE / USER / GROUP and ALTER ROLE / USER: options as PostgreSQL's
// grammar names them ("superuser", "canlogin", "password", "connectionlimit",
// "validUntil", "createdb", "createrole", "inherit", "isreplication",
// "bypassrls", "addroleto", "rolemembers", "adminmembers", "sysid").
struct RoleOption {
  std::string name;
  std::optional<std::string> value;  // nullopt: PASSWORD NULL (or a flag's absence of a value)
  int location = -1;
};

struct CreateRoleStmt {
  bool is_user = false;  // CREATE USER: LOGIN by default
  std::string name;
  std::vector<RoleOption> options;
  int location = -1;
};

struct AlterRoleStmt {
  std::string name;  // "" with current_user/session_user resolved by the session
  bool current_user = false;
  std::vector<RoleOption> options;
  int location = -1;
};

using StatementBody = std::variant<
    SelectStmt, InsertStmt, UpdateStmt, DeleteStmt, CreateTableStmt, DropStmt, TransactionStmt,
    CreateDatabaseStmt, DropDatabaseStmt, VariableSetStmt, VariableShowStmt, ExplainStmt,
    CreateIndexStmt, PrepareStmt, ExecuteStmt, DeallocateStmt, DiscardStmt, CopyStmt, DeclareCursorStmt,
    FetchStmt, ClosePortalStmt, ListenStmt, NotifyStmt, CreateSequenceStmt, AlterSequenceStmt, TruncateStmt,
    VacuumStmt, AlterTableStmt, RenameStmt, CreateSchemaStmt, CreateEnumStmt, AlterEnumStmt, CreateFunctionStmt,
    DropUserObjectStmt, CommentStmt, CreateViewStmt, CreateRoleStmt, AlterRoleStmt, UnsupportedStmt>;

struct Statement {
  StatementBody body;
  int stmt_location = 0;  // byte offset of this statement in the query string
  int stmt_len = 0;       // 0 = to end of string
};

}  // namespace basalt::engine::sql::ast
