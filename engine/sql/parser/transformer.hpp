// engine/sql/parser/transformer.hpp
//
// PRIVATE to engine/sql/parser/: only parser/*.cpp may include this header,
// because it is the one place where libpg_query's generated pg_query:: types
// are visible. Everything past the parser sees ast:: structs only.
//
// The Transformer turns one pg_query::RawStmt tree into an ast::Statement. It is
// split one file per statement kind (transform_select.cpp, transform_insert.cpp,
// ...), plus transform_expr.cpp for every expression node, transform_table_ref.cpp
// for FROM items and transform_type_name.cpp for types.
//
// Invariants:
//  - It never silently drops syntax it cannot represent: such constructs throw
//    DbError(kFeatureNotSupported) with the cursor position of the construct.
//  - Statement nodes Basalt does not know become ast::UnsupportedStmt carrying
//    PostgreSQL's node name, so the caller decides how to report them.
//  - Locations stay byte offsets into the query text; only error positions are
//    converted to PostgreSQL's 1-based character positions (CharPosition).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/error/db_error.hpp"
#include "engine/sql/parser/ast.hpp"
#include "pg_query.pb.h"

namespace basalt::engine::sql {

class Transformer {
 public:
  explicit Transformer(std::string_view sql) : sql_(sql) {}

  // One top-level statement (a RawStmt's `stmt`), without stmt_location/len.
  ast::Statement TransformStatement(const pg_query::Node& node);

  // Statements (one file each).
  ast::SelectStmt TransformSelect(const pg_query::SelectStmt& node);
  ast::CreateViewStmt TransformCreateView(const pg_query::ViewStmt& node);  // transform_view.cpp
  ast::InsertStmt TransformInsert(const pg_query::InsertStmt& node);
  ast::UpdateStmt TransformUpdate(const pg_query::UpdateStmt& node);
  ast::DeleteStmt TransformDelete(const pg_query::DeleteStmt& node);
  ast::CreateTableStmt TransformCreateTable(const pg_query::CreateStmt& node);
  ast::CreateTableStmt TransformCreateTableAs(const pg_query::CreateTableAsStmt& node);
  ast::DropStmt TransformDrop(const pg_query::DropStmt& node);
  ast::DropStmt TransformDropRole(const pg_query::DropRoleStmt& node);
  ast::CreateRoleStmt TransformCreateRole(const pg_query::CreateRoleStmt& node);  // transform_role.cpp
  ast::AlterRoleStmt TransformAlterRole(const pg_query::AlterRoleStmt& node);
  ast::TransactionStmt TransformTransaction(const pg_query::TransactionStmt& node);
  ast::VariableSetStmt TransformVariableSet(const pg_query::VariableSetStmt& node);
  ast::VariableShowStmt TransformVariableShow(const pg_query::VariableShowStmt& node);
  ast::CreateDatabaseStmt TransformCreateDatabase(const pg_query::CreatedbStmt& node);
  ast::DropDatabaseStmt TransformDropDatabase(const pg_query::DropdbStmt& node);
  ast::ExplainStmt TransformExplain(const pg_query::ExplainStmt& node);
  ast::CreateIndexStmt TransformIndex(const pg_query::IndexStmt& node);
  ast::PrepareStmt TransformPrepare(const pg_query::PrepareStmt& node);
  ast::ExecuteStmt TransformExecute(const pg_query::ExecuteStmt& node);
  ast::DiscardStmt TransformDiscard(const pg_query::DiscardStmt& node);
  // transform_sequence.cpp / transform_alter_table.cpp (DDL engineer)
  ast::CreateSequenceStmt TransformCreateSequence(const pg_query::CreateSeqStmt& node);
  ast::AlterSequenceStmt TransformAlterSequence(const pg_query::AlterSeqStmt& node);
  std::vector<ast::SequenceOption> TransformSequenceOptions(
      const google::protobuf::RepeatedPtrField<pg_query::Node>& nodes);
  ast::TruncateStmt TransformTruncate(const pg_query::TruncateStmt& node);
  ast::VacuumStmt TransformVacuum(const pg_query::VacuumStmt& node);
  ast::CreateSchemaStmt TransformCreateSchema(const pg_query::CreateSchemaStmt& node);
  ast::AlterTableStmt TransformAlterTable(const pg_query::AlterTableStmt& node);
  ast::RenameStmt TransformRename(const pg_query::RenameStmt& node);
  ast::CopyStmt TransformCopy(const pg_query::CopyStmt& node);                       // transform_copy.cpp
  ast::DeclareCursorStmt TransformDeclareCursor(const pg_query::DeclareCursorStmt& node);
  ast::FetchStmt TransformFetch(const pg_query::FetchStmt& node);
  // CREATE TYPE AS ENUM, ALTER TYPE (enum), CREATE FUNCTION, DROP TYPE/FUNCTION,
  // COMMENT (transform_user_objects.cpp).
  ast::CreateEnumStmt TransformCreateEnum(const pg_query::CreateEnumStmt& node);
  ast::AlterEnumStmt TransformAlterEnum(const pg_query::AlterEnumStmt& node);
  ast::CreateFunctionStmt TransformCreateFunction(const pg_query::CreateFunctionStmt& node);
  ast::DropUserObjectStmt TransformDropUserObject(const pg_query::DropStmt& node);
  ast::CommentStmt TransformComment(const pg_query::CommentStmt& node);
  ast::FunctionRef TransformFunctionRef(const pg_query::ObjectWithArgs& node);

  // Expressions (transform_expr.cpp and friends).
  ast::ExprPtr TransformExpr(const pg_query::Node& node);
  // Null when the node is unset (optional clauses like WHERE).
  ast::ExprPtr TransformOptionalExpr(const pg_query::Node& node);
  std::vector<ast::ExprPtr> TransformExprList(
      const google::protobuf::RepeatedPtrField<pg_query::Node>& nodes);
  ast::ExprPtr TransformConst(const pg_query::A_Const& node);
  ast::ExprPtr TransformAExpr(const pg_query::A_Expr& node);
  ast::ExprPtr TransformFuncCall(const pg_query::FuncCall& node);
  ast::ExprPtr TransformSubLink(const pg_query::SubLink& node);
  ast::SortBy TransformSortBy(const pg_query::SortBy& node);
  std::vector<ast::SortBy> TransformSortList(
      const google::protobuf::RepeatedPtrField<pg_query::Node>& nodes);
  std::shared_ptr<ast::WindowSpec> TransformWindowDef(const pg_query::WindowDef& node);
  std::vector<ast::ResTarget> TransformTargetList(
      const google::protobuf::RepeatedPtrField<pg_query::Node>& nodes);
  // SET list of UPDATE and ON CONFLICT DO UPDATE: alias = column name, with
  // (a, b) = ROW(...) expanded into one target per column.
  std::vector<ast::ResTarget> TransformSetList(
      const google::protobuf::RepeatedPtrField<pg_query::Node>& nodes);

  // FROM items and names (transform_table_ref.cpp).
  ast::TableRefPtr TransformTableRef(const pg_query::Node& node);
  std::vector<ast::TableRefPtr> TransformFromList(
      const google::protobuf::RepeatedPtrField<pg_query::Node>& nodes);
  ast::RangeVar TransformRangeVar(const pg_query::RangeVar& node);
  std::optional<ast::Alias> TransformAlias(const pg_query::Alias& node);
  std::vector<ast::CommonTableExpr> TransformWith(const pg_query::WithClause& node);

  ast::TypeName TransformTypeName(const pg_query::TypeName& node);

  // Helpers shared by the files above (transformer.cpp).
  // The text of a String node; throws 0A000 for anything else.
  std::string StringValue(const pg_query::Node& node) const;
  std::vector<std::string> StringList(
      const google::protobuf::RepeatedPtrField<pg_query::Node>& nodes) const;
  // PostgreSQL's node name of the set oneof case ("CreateTrigStmt").
  static std::string NodeName(const pg_query::Node& node);
  // The node's own `location` field (byte offset), -1 when it has none.
  static int NodeLocation(const pg_query::Node& node);
  // 0A000 "<what> is not supported", positioned at `location` when known.
  [[noreturn]] void Unsupported(const std::string& what, int location = -1) const;
  // 42601 with `message`, positioned at `location` when known.
  [[noreturn]] void SyntaxError(const std::string& message, int location = -1) const;
  // A DefElem's argument as text (strings, numbers, identifiers); "" when absent.
  std::string DefElemText(const pg_query::DefElem& def) const;
  // PostgreSQL's defGetBoolean: absent argument means true.
  bool DefElemBool(const pg_query::DefElem& def) const;

 private:
  ast::TableRefPtr TransformJoin(const pg_query::JoinExpr& node);
  ast::TableRefPtr TransformRangeSubselect(const pg_query::RangeSubselect& node);
  ast::TableRefPtr TransformRangeFunction(const pg_query::RangeFunction& node);
  ast::ExprPtr TransformLikeExpr(const pg_query::A_Expr& node, ast::LikeKind kind,
                                 const char* escape_func);
  ast::ExprPtr TransformSqlValueFunction(const pg_query::SQLValueFunction& node);
  ast::ExprPtr TransformGroupingSet(const pg_query::GroupingSet& node);
  ast::Constraint TransformConstraint(const pg_query::Constraint& node);
  ast::ColumnDef TransformColumnDef(const pg_query::ColumnDef& node);
  std::vector<ast::TransactionOption> TransformTransactionOptions(
      const google::protobuf::RepeatedPtrField<pg_query::Node>& nodes);

  std::string_view sql_;
};

}  // namespace basalt::engine::sql
