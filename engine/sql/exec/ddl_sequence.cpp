#include "engine/sql/exec/ddl_sequence.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>

#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/types/typmod.hpp"

namespace basalt::engine::sql {
namespace {

DbError ParamError(std::string message) { return DbError(SqlState::kInvalidParameterValue, std::move(message)); }

int64_t OptionInt(const ast::SequenceOption& o) {
  const std::string& text = o.value;
  errno = 0;
  char* end = nullptr;
  long long v = std::strtoll(text.c_str(), &end, 10);
  if (errno == ERANGE || end == text.c_str() || *end != '\0') {
    throw AtLocation(DbError(SqlState::kNumericValueOutOfRange,
                             fmt::format("value \"{}\" is out of range for type bigint", text)),
                     o.location);
  }
  return v;
}

void TypeBounds(TypeId t, int64_t& lo, int64_t& hi) {
  switch (t) {
    case TypeId::kInt2: lo = INT16_MIN, hi = INT16_MAX; break;
    case TypeId::kInt4: lo = INT32_MIN, hi = INT32_MAX; break;
    default: lo = INT64_MIN, hi = INT64_MAX; break;
  }
}

}  // namespace

void ApplySequenceOptions(const std::vector<ast::SequenceOption>& options, bool is_create, bool for_identity,
                          catalog::SequenceDef& seq, int64_t& last_value, bool* restarted,
                          std::vector<std::string>* owned_by) {
  const ast::SequenceOption *as_type = nullptr, *increment = nullptr, *max_value = nullptr, *min_value = nullptr,
                            *start = nullptr, *restart = nullptr, *cache = nullptr, *cycle = nullptr,
                            *owned = nullptr;
  for (const ast::SequenceOption& o : options) {
    const ast::SequenceOption** slot = nullptr;
    if (o.name == "as") slot = &as_type;
    else if (o.name == "increment") slot = &increment;
    else if (o.name == "maxvalue") slot = &max_value;
    else if (o.name == "minvalue") slot = &min_value;
    else if (o.name == "start") slot = &start;
    else if (o.name == "restart") slot = &restart;
    else if (o.name == "cache") slot = &cache;
    else if (o.name == "cycle") slot = &cycle;
    else if (o.name == "owned_by" && !for_identity) slot = &owned;
    else if (o.name == "sequence_name" && for_identity) continue;
    else {
      throw AtLocation(DbError(SqlState::kSyntaxError, fmt::format("option \"{}\" not recognized", o.name)), o.location);
    }
    if (*slot) throw AtLocation(DbError(SqlState::kSyntaxError, "conflicting or redundant options"), o.location);
    *slot = &o;
  }
  if (restart && is_create) {
    throw AtLocation(DbError(SqlState::kSyntaxError, "option \"restart\" not recognized"), restart->location);
  }
  bool reset_max = false, reset_min = false;
  if (as_type) {
    auto t = LookupType(as_type->type.names, as_type->type.modifiers);
    if (!t || (t->id != TypeId::kInt2 && t->id != TypeId::kInt4 && t->id != TypeId::kInt8) ||
        as_type->type.array_bounds > 0) {
      throw ParamError(for_identity ? "identity column type must be smallint, integer, or bigint"
                                    : "sequence type must be smallint, integer, or bigint");
    }
    if (!is_create) {
      // Bounds that were the old type's limits follow the type change.
      int64_t lo, hi;
      TypeBounds(seq.type, lo, hi);
      reset_max = seq.max_value == hi;
      reset_min = seq.min_value == lo;
    }
    seq.type = t->id;
  } else if (is_create) {
    seq.type = TypeId::kInt8;
  }
  if (increment) {
    seq.increment = OptionInt(*increment);
    if (seq.increment == 0) throw ParamError("INCREMENT must not be zero");
  } else if (is_create) {
    seq.increment = 1;
  }
  if (cycle) seq.cycle = cycle->flag;
  else if (is_create) seq.cycle = false;

  int64_t type_min, type_max;
  TypeBounds(seq.type, type_min, type_max);
  const std::string type_name = FormatType(Type{seq.type, -1});
  if (max_value && max_value->has_value) {
    seq.max_value = OptionInt(*max_value);
  } else if (is_create || max_value || reset_max) {
    seq.max_value = (seq.increment > 0 || reset_max) ? type_max : -1;
  }
  if (seq.max_value < type_min || seq.max_value > type_max) {
    throw ParamError(fmt::format("MAXVALUE ({}) is out of range for sequence data type {}", seq.max_value, type_name));
  }
  if (min_value && min_value->has_value) {
    seq.min_value = OptionInt(*min_value);
  } else if (is_create || min_value || reset_min) {
    seq.min_value = (seq.increment < 0 || reset_min) ? type_min : 1;
  }
  if (seq.min_value < type_min || seq.min_value > type_max) {
    throw ParamError(fmt::format("MINVALUE ({}) is out of range for sequence data type {}", seq.min_value, type_name));
  }
  if (seq.min_value >= seq.max_value) {
    throw ParamError(fmt::format("MINVALUE ({}) must be less than MAXVALUE ({})", seq.min_value, seq.max_value));
  }
  if (start) {
    seq.start = OptionInt(*start);
  } else if (is_create) {
    seq.start = seq.increment > 0 ? seq.min_value : seq.max_value;
  }
  if (seq.start < seq.min_value) {
    throw ParamError(fmt::format("START value ({}) cannot be less than MINVALUE ({})", seq.start, seq.min_value));
  }
  if (seq.start > seq.max_value) {
    throw ParamError(fmt::format("START value ({}) cannot be greater than MAXVALUE ({})", seq.start, seq.max_value));
  }
  *restarted = false;
  if (restart) {
    last_value = restart->has_value ? OptionInt(*restart) : seq.start;
    *restarted = true;
  } else if (is_create) {
    last_value = seq.start;
  }
  if (last_value < seq.min_value) {
    throw ParamError(fmt::format("RESTART value ({}) cannot be less than MINVALUE ({})", last_value, seq.min_value));
  }
  if (last_value > seq.max_value) {
    throw ParamError(fmt::format("RESTART value ({}) cannot be greater than MAXVALUE ({})", last_value, seq.max_value));
  }
  if (cache) {
    seq.cache = OptionInt(*cache);
    if (seq.cache <= 0) throw ParamError(fmt::format("CACHE ({}) must be greater than zero", seq.cache));
  } else if (is_create) {
    seq.cache = 1;
  }
  if (owned_by) *owned_by = owned ? owned->names : std::vector<std::string>{};
}

}  // namespace basalt::engine::sql
