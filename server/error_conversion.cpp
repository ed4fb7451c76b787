// server/error_conversion.cpp
#include "server/error_conversion.hpp"

namespace basalt::server {

protocol::ErrorFields ToErrorFields(const engine::DbError& error) {
  protocol::ErrorFields f;
  f.severity = engine::SeverityName(error.severity());
  f.code = std::string(error.code().code());
  f.message = error.message();
  f.detail = error.detail();
  f.hint = error.hint();
  f.position = error.position();
  f.context = error.context();
  f.schema_name = error.schema_name();
  f.table_name = error.table_name();
  f.column_name = error.column_name();
  f.datatype_name = error.datatype_name();
  f.constraint_name = error.constraint_name();
  return f;
}

engine::DbError FatalError(engine::SqlState code, std::string message) {
  engine::DbError e(code, std::move(message));
  e.WithSeverity(engine::Severity::kFatal);
  return e;
}

}  // namespace basalt::server
