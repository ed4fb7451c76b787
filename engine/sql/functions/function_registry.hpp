// engine/sql/functions/function_registry.hpp
//
// The scalar function catalog as a list of (name, signature, implementation)
// entries, PostgreSQL's pg_proc for the functions Basalt implements. Each
// family of functions lives in its own file and appends its entries through a
// Register*Functions hook that scalar_functions.cpp calls once when the
// registry is first built. Resolution (function_resolution.cpp) follows
// PostgreSQL's func_select_candidate over these entries.
#pragma once

#include <string_view>
#include <vector>

#include "engine/sql/functions/scalar_functions.hpp"

namespace basalt::engine::sql {

struct FunctionEntry {
  std::string_view name;
  FunctionInfo info;
};

// The whole catalog (built on first use, immutable afterwards).
const std::vector<FunctionEntry>& FunctionRegistry();

void RegisterStringFunctions(std::vector<FunctionEntry>& out);
void RegisterRegexFunctions(std::vector<FunctionEntry>& out);
void RegisterMathFunctions(std::vector<FunctionEntry>& out);
void RegisterTimeFunctionsExtra(std::vector<FunctionEntry>& out);
void RegisterSequenceFunctions(std::vector<FunctionEntry>& out);
void RegisterArrayFunctions(std::vector<FunctionEntry>& out);   // array_functions.cpp
void RegisterByteaFunctions(std::vector<FunctionEntry>& out);   // bytea_functions.cpp (also uuid)
void RegisterJsonFunctions(std::vector<FunctionEntry>& out);    // json_functions.cpp  // sequence_functions.cpp
void RegisterSessionControlFunctions(std::vector<FunctionEntry>& out);  // session_control_functions.cpp
void RegisterCatalogFunctions(std::vector<FunctionEntry>& out);   // catalog_functions.cpp
void RegisterBackupFunctions(std::vector<FunctionEntry>& out);    // backup_functions.cpp

}  // namespace basalt::engine::sql
