// server/error_conversion.hpp
//
// The one conversion point from engine errors to protocol ErrorResponse /
// NoticeResponse fields. protocol/ knows only the fields; engine/ knows only
// DbError.
#pragma once

#include <string>

#include "engine/error/db_error.hpp"
#include "protocol/backend_messages.hpp"

namespace basalt::server {

// Fields for an ErrorResponse or NoticeResponse carrying `error`.
protocol::ErrorFields ToErrorFields(const engine::DbError& error);

// A DbError with FATAL severity (the connection closes after it is sent).
engine::DbError FatalError(engine::SqlState code, std::string message);

}  // namespace basalt::server
