#include "engine/sql/binder/param_types.hpp"

namespace basalt::engine::sql {
namespace {
// One bind runs on one thread from start to end, so a thread-local stack of
// scopes is exactly the statement being bound.
thread_local ParamScope* current_scope = nullptr;
}  // namespace

ParamScope::ParamScope(std::vector<Type>& types, const std::vector<Value>* values)
    : types_(types), values_(values), previous_(current_scope) {
  current_scope = this;
}

ParamScope::~ParamScope() { current_scope = previous_; }

ParamScope* ParamScope::Current() { return current_scope; }

}  // namespace basalt::engine::sql
