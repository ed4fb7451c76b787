// CREATE TYPE ... AS ENUM, ALTER TYPE (enum values), CREATE FUNCTION,
// DROP TYPE / DROP FUNCTION and COMMENT ON.
#include "engine/sql/parser/transformer.hpp"

namespace basalt::engine::sql {
namespace {

ast::ObjectName NameFromList(const std::vector<std::string>& names, int location) {
  ast::ObjectName out;
  out.location = location;
  if (!names.empty()) out.name = names.back();
  if (names.size() >= 2) out.schema = names[names.size() - 2];
  return out;
}

}  // namespace

ast::CreateEnumStmt Transformer::TransformCreateEnum(const pg_query::CreateEnumStmt& node) {
  ast::CreateEnumStmt out;
  std::vector<std::string> names = StringList(node.type_name());
  if (names.size() > 2) SyntaxError("improper qualified name (too many dotted names)");
  out.name = NameFromList(names, -1);
  for (const auto& v : node.vals()) out.labels.push_back(StringValue(v));
  return out;
}

ast::AlterEnumStmt Transformer::TransformAlterEnum(const pg_query::AlterEnumStmt& node) {
  ast::AlterEnumStmt out;
  out.name = NameFromList(StringList(node.type_name()), -1);
  out.old_label = node.old_val();
  out.new_label = node.new_val();
  out.neighbor = node.new_val_neighbor();
  out.after = node.new_val_is_after();
  out.if_not_exists = node.skip_if_new_val_exists();
  return out;
}

ast::CreateFunctionStmt Transformer::TransformCreateFunction(const pg_query::CreateFunctionStmt& node) {
  ast::CreateFunctionStmt out;
  out.is_procedure = node.is_procedure();
  out.replace = node.replace();
  out.name = NameFromList(StringList(node.funcname()), -1);
  for (const auto& p : node.parameters()) {
    if (!p.has_function_parameter()) Unsupported(NodeName(p), NodeLocation(p));
    const auto& fp = p.function_parameter();
    ast::FunctionParam param;
    param.name = fp.name();
    switch (fp.mode()) {
      case pg_query::FUNC_PARAM_OUT: param.mode = 'o'; break;
      case pg_query::FUNC_PARAM_INOUT: param.mode = 'b'; break;
      case pg_query::FUNC_PARAM_VARIADIC: param.mode = 'v'; break;
      case pg_query::FUNC_PARAM_TABLE: param.mode = 't'; break;
      default: param.mode = 'i'; break;
    }
    if (fp.arg_type().setof()) Unsupported("SETOF argument types", fp.arg_type().location());
    param.type = TransformTypeName(fp.arg_type());
    if (fp.has_defexpr()) param.default_expr = TransformExpr(fp.defexpr());
    out.params.push_back(std::move(param));
  }
  if (node.has_return_type()) {
    pg_query::TypeName rt = node.return_type();
    out.returns_set = rt.setof();
    rt.set_setof(false);
    out.return_type = TransformTypeName(rt);
  }
  for (const auto& o : node.options()) {
    if (!o.has_def_elem()) continue;
    const auto& d = o.def_elem();
    const std::string& n = d.defname();
    if (n == "language") {
      out.language = DefElemText(d);
    } else if (n == "as") {
      if (d.arg().has_list()) {
        const auto& items = d.arg().list().items();
        if (items.size() != 1) SyntaxError("only one AS item needed for language \"sql\"", d.location());
        out.body = StringValue(items[0]);
      } else {
        out.body = DefElemText(d);
      }
    } else if (n == "volatility") {
      std::string v = DefElemText(d);
      out.volatility = v == "immutable" ? 'i' : (v == "stable" ? 's' : 'v');
    } else if (n == "strict") {
      out.strict = DefElemBool(d);
    }
    // SECURITY, LEAKPROOF, PARALLEL, COST, ROWS and SET change nothing Basalt
    // does with a SQL function.
  }
  if (node.has_sql_body()) {
    const auto& b = node.sql_body();
    if (b.has_return_stmt()) {
      out.return_expr = TransformExpr(b.return_stmt().returnval());
    } else {
      out.sql_body_other = true;
    }
  }
  return out;
}

ast::FunctionRef Transformer::TransformFunctionRef(const pg_query::ObjectWithArgs& node) {
  ast::FunctionRef out;
  std::vector<std::string> names = StringList(node.objname());
  if (names.size() > 2) SyntaxError("improper qualified name (too many dotted names)");
  out.name = NameFromList(names, -1);
  out.has_args = !node.args_unspecified();
  for (const auto& a : node.objargs()) {
    if (!a.has_type_name()) Unsupported(NodeName(a), NodeLocation(a));
    out.arg_types.push_back(TransformTypeName(a.type_name()));
  }
  return out;
}

ast::DropUserObjectStmt Transformer::TransformDropUserObject(const pg_query::DropStmt& node) {
  ast::DropUserObjectStmt out;
  out.kind = node.remove_type() == pg_query::OBJECT_TYPE ? ast::DropUserObjectStmt::Kind::kType
                                                          : ast::DropUserObjectStmt::Kind::kFunction;
  out.if_exists = node.missing_ok();
  out.cascade = node.behavior() == pg_query::DROP_CASCADE;
  for (const auto& obj : node.objects()) {
    ast::FunctionRef ref;
    if (obj.has_type_name()) {
      ast::TypeName tn = TransformTypeName(obj.type_name());
      if (tn.names.size() > 2) SyntaxError("improper qualified name (too many dotted names)", tn.location);
      ref.name = NameFromList(tn.names, tn.location);
    } else if (obj.has_object_with_args()) {
      ref = TransformFunctionRef(obj.object_with_args());
    } else {
      Unsupported(NodeName(obj), NodeLocation(obj));
    }
    out.objects.push_back(std::move(ref));
  }
  return out;
}

ast::CommentStmt Transformer::TransformComment(const pg_query::CommentStmt& node) {
  ast::CommentStmt out;
  const auto& obj = node.object();
  switch (node.objtype()) {
    case pg_query::OBJECT_TABLE: out.kind = "table"; break;
    case pg_query::OBJECT_COLUMN: out.kind = "column"; break;
    case pg_query::OBJECT_VIEW: out.kind = "view"; break;
    case pg_query::OBJECT_MATVIEW: out.kind = "materialized view"; break;
    case pg_query::OBJECT_INDEX: out.kind = "index"; break;
    case pg_query::OBJECT_SEQUENCE: out.kind = "sequence"; break;
    case pg_query::OBJECT_SCHEMA: out.kind = "schema"; break;
    case pg_query::OBJECT_TYPE: out.kind = "type"; break;
    case pg_query::OBJECT_FUNCTION: out.kind = "function"; break;
    case pg_query::OBJECT_DATABASE: out.kind = "database"; break;
    default: Unsupported("COMMENT ON this kind of object");
  }
  if (obj.has_list()) {
    out.names = StringList(obj.list().items());
  } else if (obj.has_string()) {
    out.names = {obj.string().sval()};
  } else if (obj.has_type_name()) {
    out.names = TransformTypeName(obj.type_name()).names;
  } else if (obj.has_object_with_args()) {
    out.function = TransformFunctionRef(obj.object_with_args());
  } else {
    Unsupported(NodeName(obj), NodeLocation(obj));
  }
  if (!node.comment().empty()) out.text = node.comment();
  return out;
}

}  // namespace basalt::engine::sql
