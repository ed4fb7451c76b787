#include "engine/sql/parser/transformer.hpp"

#include <fmt/format.h>

#include <cctype>

namespace basalt::engine::sql {

ast::Statement Transformer::TransformStatement(const pg_query::Node& node) {
  using N = pg_query::Node;
  switch (node.node_case()) {
    case N::kSelectStmt: return {TransformSelect(node.select_stmt())};
    case N::kViewStmt: return {TransformCreateView(node.view_stmt())};
    case N::kInsertStmt: return {TransformInsert(node.insert_stmt())};
    case N::kUpdateStmt: return {TransformUpdate(node.update_stmt())};
    case N::kDeleteStmt: return {TransformDelete(node.delete_stmt())};
    case N::kCreateStmt: return {TransformCreateTable(node.create_stmt())};
    case N::kCreateTableAsStmt: return {TransformCreateTableAs(node.create_table_as_stmt())};
    case N::kDropStmt:
      if (node.drop_stmt().remove_type() == pg_query::OBJECT_TYPE ||
          node.drop_stmt().remove_type() == pg_query::OBJECT_FUNCTION) {
        return {TransformDropUserObject(node.drop_stmt())};
      }
      return {TransformDrop(node.drop_stmt())};
    case N::kCreateEnumStmt: return {TransformCreateEnum(node.create_enum_stmt())};
    case N::kAlterEnumStmt: return {TransformAlterEnum(node.alter_enum_stmt())};
    case N::kCreateFunctionStmt: return {TransformCreateFunction(node.create_function_stmt())};
    case N::kCommentStmt: return {TransformComment(node.comment_stmt())};
    case N::kDropRoleStmt: return {TransformDropRole(node.drop_role_stmt())};
    case N::kCreateRoleStmt: return {TransformCreateRole(node.create_role_stmt())};
    case N::kAlterRoleStmt: return {TransformAlterRole(node.alter_role_stmt())};
    case N::kTransactionStmt: return {TransformTransaction(node.transaction_stmt())};
    case N::kVariableSetStmt: return {TransformVariableSet(node.variable_set_stmt())};
    case N::kVariableShowStmt: return {TransformVariableShow(node.variable_show_stmt())};
    case N::kCreatedbStmt: return {TransformCreateDatabase(node.createdb_stmt())};
    case N::kDropdbStmt: return {TransformDropDatabase(node.dropdb_stmt())};
    case N::kExplainStmt: return {TransformExplain(node.explain_stmt())};
    case N::kIndexStmt: return {TransformIndex(node.index_stmt())};
    case N::kPrepareStmt: return {TransformPrepare(node.prepare_stmt())};
    case N::kExecuteStmt: return {TransformExecute(node.execute_stmt())};
    case N::kDeallocateStmt: return {ast::DeallocateStmt{node.deallocate_stmt().name()}};
    case N::kDiscardStmt: return {TransformDiscard(node.discard_stmt())};
    case N::kCopyStmt: return {TransformCopy(node.copy_stmt())};
    case N::kDeclareCursorStmt: return {TransformDeclareCursor(node.declare_cursor_stmt())};
    case N::kFetchStmt: return {TransformFetch(node.fetch_stmt())};
    case N::kClosePortalStmt: return {ast::ClosePortalStmt{node.close_portal_stmt().portalname()}};
    case N::kListenStmt: return {ast::ListenStmt{node.listen_stmt().conditionname(), false}};
    case N::kUnlistenStmt: return {ast::ListenStmt{node.unlisten_stmt().conditionname(), true}};
    case N::kNotifyStmt: return {ast::NotifyStmt{node.notify_stmt().conditionname(), node.notify_stmt().payload()}};
    case N::kCreateSeqStmt: return {TransformCreateSequence(node.create_seq_stmt())};
    case N::kAlterSeqStmt: return {TransformAlterSequence(node.alter_seq_stmt())};
    case N::kTruncateStmt: return {TransformTruncate(node.truncate_stmt())};
    case N::kVacuumStmt: return {TransformVacuum(node.vacuum_stmt())};
    case N::kCreateSchemaStmt: return {TransformCreateSchema(node.create_schema_stmt())};
    case N::kAlterTableStmt: return {TransformAlterTable(node.alter_table_stmt())};
    case N::kRenameStmt: return {TransformRename(node.rename_stmt())};
    default: return {ast::UnsupportedStmt{NodeName(node)}};
  }
}

std::string Transformer::StringValue(const pg_query::Node& node) const {
  if (node.has_string()) return node.string().sval();
  Unsupported(NodeName(node));
}

std::vector<std::string> Transformer::StringList(
    const google::protobuf::RepeatedPtrField<pg_query::Node>& nodes) const {
  std::vector<std::string> out;
  out.reserve(nodes.size());
  for (const auto& n : nodes) out.push_back(StringValue(n));
  return out;
}

std::string Transformer::NodeName(const pg_query::Node& node) {
  // The oneof field's message type is named exactly like PostgreSQL's node tag.
  const auto* field = pg_query::Node::descriptor()->FindFieldByNumber(node.node_case());
  if (field == nullptr || field->message_type() == nullptr) return "empty node";
  return field->message_type()->name();
}

int Transformer::NodeLocation(const pg_query::Node& node) {
  const auto* field = pg_query::Node::descriptor()->FindFieldByNumber(node.node_case());
  if (field == nullptr || field->message_type() == nullptr) return -1;
  const auto& msg = node.GetReflection()->GetMessage(node, field);
  const auto* loc = msg.GetDescriptor()->FindFieldByName("location");
  if (loc == nullptr || loc->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_INT32) {
    return -1;
  }
  return msg.GetReflection()->GetInt32(msg, loc);
}

void Transformer::Unsupported(const std::string& what, int location) const {
  DbError error(SqlState::kFeatureNotSupported, fmt::format("{} is not supported", what));
  if (location >= 0) error.WithPosition(CharPosition(sql_, location));
  throw error;
}

void Transformer::SyntaxError(const std::string& message, int location) const {
  DbError error(SqlState::kSyntaxError, message);
  if (location >= 0) error.WithPosition(CharPosition(sql_, location));
  throw error;
}

std::string Transformer::DefElemText(const pg_query::DefElem& def) const {
  if (!def.has_arg()) return "";
  const pg_query::Node& arg = def.arg();
  switch (arg.node_case()) {
    case pg_query::Node::kString: return arg.string().sval();
    case pg_query::Node::kInteger: return std::to_string(arg.integer().ival());
    case pg_query::Node::kFloat: return arg.float_().fval();
    case pg_query::Node::kBoolean: return arg.boolean().boolval() ? "true" : "false";
    case pg_query::Node::kAConst: {
      const auto& c = arg.a_const();
      if (c.has_sval()) return c.sval().sval();
      if (c.has_ival()) return std::to_string(c.ival().ival());
      if (c.has_fval()) return c.fval().fval();
      if (c.has_boolval()) return c.boolval().boolval() ? "true" : "false";
      break;
    }
    case pg_query::Node::kTypeName: {
      // Grammar rules like `OWNER = name` may hand a TypeName for a plain word.
      const auto& names = arg.type_name().names();
      if (names.size() == 1 && !arg.type_name().typmods_size()) return StringValue(names[0]);
      break;
    }
    default: break;
  }
  Unsupported(fmt::format("value of option \"{}\"", def.defname()), def.location());
}

bool Transformer::DefElemBool(const pg_query::DefElem& def) const {
  if (!def.has_arg()) return true;
  // PostgreSQL's defGetBoolean: 0/1, true/false, on/off (any case).
  std::string v = DefElemText(def);
  for (auto& ch : v) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (v == "true" || v == "on" || v == "1") return true;
  if (v == "false" || v == "off" || v == "0") return false;
  SyntaxError(fmt::format("{} requires a Boolean value", def.defname()), def.location());
}

}  // namespace basalt::engine::sql
