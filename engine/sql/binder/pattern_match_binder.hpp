// engine/sql/binder/pattern_match_binder.hpp
//
// Binds the regex family of pattern matches: `x ~ p`, `~*`, `!~`, `!~*` and
// `x [NOT] SIMILAR TO p [ESCAPE e]`. As in PostgreSQL, SIMILAR TO is the regex
// match of similar_to_escape(p, e); both become calls of textregexeq /
// texticregexeq (functions/regex_functions.cpp), wrapped in NOT when negated.
#pragma once

#include "engine/sql/binder/expr_binder.hpp"

namespace basalt::engine::sql {

BoundExprPtr BindRegexMatch(ExprBinder& binder, const ast::Expr& e);

}  // namespace basalt::engine::sql
