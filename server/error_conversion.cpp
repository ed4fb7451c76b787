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
  return f;
}

engine::DbError FatalError(engine::SqlState code, std::string message) {
  engine::DbError e(code, std::move(message));
  e.WithSeverity(engine::Severity::kFatal);
  return e;
}

}  // namespace basalt::server
