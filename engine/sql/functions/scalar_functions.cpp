#include "engine/sql/functions/scalar_functions.hpp"

#include "engine/sql/functions/function_registry.hpp"

#include <cmath>

#include "engine/error/db_error.hpp"
#include "engine/sql/exec/exec_context.hpp"
#include "engine/sql/types/casts.hpp"

namespace basalt::engine::sql {
namespace {

const Type kText{TypeId::kText, -1};
const Type kInt4{TypeId::kInt4, -1};
const Type kInt8{TypeId::kInt8, -1};
const Type kFloat8{TypeId::kFloat8, -1};

std::string MapAscii(const std::string& s, bool upper) {
  std::string out = s;
  for (char& c : out) {
    if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Value Lower(std::span<const Value> a, const std::vector<Type>&, Type, EvalContext&) {
  return Value::String(MapAscii(a[0].as_string(), false));
}
Value Upper(std::span<const Value> a, const std::vector<Type>&, Type, EvalContext&) {
  return Value::String(MapAscii(a[0].as_string(), true));
}
Value Length(std::span<const Value> a, const std::vector<Type>&, Type, EvalContext&) {
  int64_t n = 0;
  for (unsigned char c : a[0].as_string()) n += (c & 0xC0) != 0x80;
  return Value::Int(n);
}
}  // namespace

Value FnVersion(std::span<const Value>, const std::vector<Type>&, Type, EvalContext&);
Value FnCurrentDatabase(std::span<const Value>, const std::vector<Type>&, Type, EvalContext&);
Value FnCurrentUser(std::span<const Value>, const std::vector<Type>&, Type, EvalContext&);
Value FnSessionUser(std::span<const Value>, const std::vector<Type>&, Type, EvalContext&);
Value FnCurrentSchema(std::span<const Value>, const std::vector<Type>&, Type, EvalContext&);
Value FnCurrentSetting(std::span<const Value>, const std::vector<Type>&, Type, EvalContext&);
Value FnSetConfig(std::span<const Value>, const std::vector<Type>&, Type, EvalContext&);

Value FnNow(std::span<const Value>, const std::vector<Type>&, Type, EvalContext&);
Value FnClockTimestamp(std::span<const Value>, const std::vector<Type>&, Type, EvalContext&);
Value FnCurrentDate(std::span<const Value>, const std::vector<Type>&, Type, EvalContext&);
Value FnLocalTimestamp(std::span<const Value>, const std::vector<Type>&, Type, EvalContext&);
Value FnLocalTime(std::span<const Value>, const std::vector<Type>&, Type, EvalContext&);
Value FnCurrentTime(std::span<const Value>, const std::vector<Type>&, Type, EvalContext&);
Value FnDateTrunc(std::span<const Value>, const std::vector<Type>&, Type, EvalContext&);
Value FnDatePart(std::span<const Value>, const std::vector<Type>&, Type, EvalContext&);
Value FnExtract(std::span<const Value>, const std::vector<Type>&, Type, EvalContext&);
Value FnAge2(std::span<const Value>, const std::vector<Type>&, Type, EvalContext&);
Value FnAge1(std::span<const Value>, const std::vector<Type>&, Type, EvalContext&);
Value FnToChar(std::span<const Value>, const std::vector<Type>&, Type, EvalContext&);
Value FnMakeDate(std::span<const Value>, const std::vector<Type>&, Type, EvalContext&);

namespace {

const Type kName{TypeId::kName, -1};
const Type kDate{TypeId::kDate, -1};
const Type kTime{TypeId::kTime, -1};
const Type kTimeTz{TypeId::kTimeTz, -1};
const Type kTs{TypeId::kTimestamp, -1};
const Type kTsTz{TypeId::kTimestampTz, -1};
const Type kInterval{TypeId::kInterval, -1};
const Type kNumericT{TypeId::kNumeric, -1};
const Type kBool{TypeId::kBool, -1};

using Entry = FunctionEntry;

std::vector<Entry> BaseEntries() {
  return {
      {"lower", {{kText}, kText, &Lower}},
      {"upper", {{kText}, kText, &Upper}},
      {"length", {{kText}, kInt4, &Length}},
      {"char_length", {{kText}, kInt4, &Length}},
      {"character_length", {{kText}, kInt4, &Length}},
      {"version", {{}, kText, &FnVersion}},
      {"current_database", {{}, kName, &FnCurrentDatabase}},
      {"current_user", {{}, kName, &FnCurrentUser}},
      {"session_user", {{}, kName, &FnSessionUser}},
      {"current_schema", {{}, kName, &FnCurrentSchema}},
      {"current_setting", {{kText}, kText, &FnCurrentSetting}},
      {"current_setting", {{kText, kBool}, kText, &FnCurrentSetting}},
      {"set_config", {{kText, kText, kBool}, kText, &FnSetConfig, /*strict=*/false}},
      {"now", {{}, kTsTz, &FnNow}},
      {"current_timestamp", {{}, kTsTz, &FnNow}},
      {"transaction_timestamp", {{}, kTsTz, &FnNow}},
      {"statement_timestamp", {{}, kTsTz, &FnNow}},
      {"clock_timestamp", {{}, kTsTz, &FnClockTimestamp}},
      {"current_date", {{}, kDate, &FnCurrentDate}},
      {"localtimestamp", {{}, kTs, &FnLocalTimestamp}},
      {"localtime", {{}, kTime, &FnLocalTime}},
      {"current_time", {{}, kTimeTz, &FnCurrentTime}},
      {"date_trunc", {{kText, kTsTz}, kTsTz, &FnDateTrunc}},
      {"date_trunc", {{kText, kTs}, kTs, &FnDateTrunc}},
      {"date_trunc", {{kText, kInterval}, kInterval, &FnDateTrunc}},
      {"date_part", {{kText, kTsTz}, kFloat8, &FnDatePart}},
      {"date_part", {{kText, kTs}, kFloat8, &FnDatePart}},
      {"date_part", {{kText, kDate}, kFloat8, &FnDatePart}},
      {"date_part", {{kText, kTime}, kFloat8, &FnDatePart}},
      {"date_part", {{kText, kInterval}, kFloat8, &FnDatePart}},
      {"extract", {{kText, kTsTz}, kNumericT, &FnExtract}},
      {"extract", {{kText, kTs}, kNumericT, &FnExtract}},
      {"extract", {{kText, kDate}, kNumericT, &FnExtract}},
      {"extract", {{kText, kTime}, kNumericT, &FnExtract}},
      {"extract", {{kText, kTimeTz}, kNumericT, &FnExtract}},
      {"extract", {{kText, kInterval}, kNumericT, &FnExtract}},
      {"age", {{kTsTz, kTsTz}, kInterval, &FnAge2}},
      {"age", {{kTs, kTs}, kInterval, &FnAge2}},
      {"age", {{kTsTz}, kInterval, &FnAge1}},
      {"age", {{kTs}, kInterval, &FnAge1}},
      {"to_char", {{kTsTz, kText}, kText, &FnToChar}},
      {"to_char", {{kTs, kText}, kText, &FnToChar}},
      {"make_date", {{kInt4, kInt4, kInt4}, kDate, &FnMakeDate}},
  };
}

}  // namespace

const std::vector<FunctionEntry>& FunctionRegistry() {
  static const std::vector<FunctionEntry> entries = [] {
    std::vector<FunctionEntry> v = BaseEntries();
    RegisterStringFunctions(v);
    RegisterRegexFunctions(v);
    RegisterMathFunctions(v);
    RegisterTimeFunctionsExtra(v);
    RegisterSequenceFunctions(v);
    RegisterArrayFunctions(v);
    RegisterByteaFunctions(v);
    RegisterJsonFunctions(v);
    RegisterSessionControlFunctions(v);
    RegisterCatalogFunctions(v);
    RegisterBackupFunctions(v);
    return v;
  }();
  return entries;
}

}  // namespace basalt::engine::sql
