#include "engine/sql/binder/pattern_match_binder.hpp"

#include <fmt/format.h>

#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/functions/scalar_functions.hpp"

namespace basalt::engine::sql {
namespace {

const Type kText{TypeId::kText, -1};
const Type kBool{TypeId::kBool, -1};

std::string TypeText(Type t) { return t.id == TypeId::kUnknown ? "unknown" : FormatType(Type{t.id, -1}); }

BoundExprPtr Call(std::string_view name, std::vector<BoundExprPtr> args, int location) {
  std::vector<Type> types;
  for (const auto& a : args) types.push_back(a->type);
  auto info = ResolveFunction(name, types);
  if (!info) throw AtLocation(DbError(SqlState::kInternalError, fmt::format("{} is missing", name)), location);
  auto out = std::make_unique<BoundExpr>(BoundKind::kFunction, info->result);
  out->scalar_fn = info->fn;
  out->name = std::string(name);
  out->location = location;
  for (size_t i = 0; i < args.size(); ++i) {
    out->args.push_back(TryCoerce(std::move(args[i]), info->arg_types[i], CastContext::kImplicit));
  }
  return out;
}

}  // namespace

BoundExprPtr BindRegexMatch(ExprBinder& binder, const ast::Expr& e) {
  const bool similar = e.like_kind == ast::LikeKind::kSimilar;
  std::vector<BoundExprPtr> args;
  for (const auto& a : e.args) args.push_back(binder.Bind(*a));
  for (size_t i = 0; i < args.size(); ++i) {
    Type t = args[i]->type;
    if (!IsString(t.id) && t.id != TypeId::kUnknown) {
      std::string op = similar ? (e.negated ? "!~" : "~")
                               : std::string(e.negated ? "!" : "") + (e.like_kind == ast::LikeKind::kRegexI ? "~*" : "~");
      Type l = args[0]->type, r = args.size() > 1 ? args[1]->type : Type{};
      throw AtLocation(DbError(SqlState::kUndefinedFunction,
                               fmt::format("operator does not exist: {} {} {}", TypeText(l), op, TypeText(r)))
                           .WithHint("No operator matches the given name and argument types. You might need to add "
                                     "explicit type casts."),
                       e.location);
    }
  }
  BoundExprPtr subject = std::move(args[0]);
  BoundExprPtr pattern;
  if (similar) {
    std::vector<BoundExprPtr> esc_args;
    for (size_t i = 1; i < args.size(); ++i) esc_args.push_back(std::move(args[i]));
    pattern = Call("similar_to_escape", std::move(esc_args), e.location);
  } else {
    pattern = std::move(args[1]);
  }
  std::vector<BoundExprPtr> match_args;
  match_args.push_back(std::move(subject));
  match_args.push_back(std::move(pattern));
  BoundExprPtr match = Call(e.like_kind == ast::LikeKind::kRegexI ? "texticregexeq" : "textregexeq",
                            std::move(match_args), e.location);
  if (!e.negated) return match;
  auto out = std::make_unique<BoundExpr>(BoundKind::kNot, kBool);
  out->location = e.location;
  out->args.push_back(std::move(match));
  return out;
}

}  // namespace basalt::engine::sql
