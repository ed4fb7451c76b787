// protocol/frontend_encoder.hpp
//
// The client side of the framing: appends a FrontendMessage as a client would
// send it. Used by tests, fuzz seeds and wire-level tools; the server never
// calls it.
#pragma once

#include <string>

#include "protocol/frontend_messages.hpp"

namespace basalt::protocol {

// Appends the complete frame of `message` to `out`.
void EncodeFrontend(const FrontendMessage& message, std::string& out);

}  // namespace basalt::protocol
