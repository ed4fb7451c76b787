// protocol/frontend_messages.cpp
#include "protocol/frontend_messages.hpp"

#include "protocol/wire_bytes.hpp"

namespace basalt::protocol {

namespace {
template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
}  // namespace

const char* MessageName(const FrontendMessage& message) {
  return std::visit(
      Overloaded{
          [](const StartupMessage&) { return "StartupMessage"; }, [](const SslRequest&) { return "SSLRequest"; },
          [](const GssEncRequest&) { return "GSSENCRequest"; }, [](const CancelRequest&) { return "CancelRequest"; },
          [](const Query&) { return "Query"; }, [](const Parse&) { return "Parse"; },
          [](const Bind&) { return "Bind"; }, [](const Describe&) { return "Describe"; },
          [](const Execute&) { return "Execute"; }, [](const Sync&) { return "Sync"; },
          [](const Flush&) { return "Flush"; }, [](const Close&) { return "Close"; },
          [](const Terminate&) { return "Terminate"; }, [](const PasswordMessage&) { return "PasswordMessage"; },
          [](const CopyData&) { return "CopyData"; }, [](const CopyDone&) { return "CopyDone"; },
          [](const CopyFail&) { return "CopyFail"; }, [](const FunctionCall&) { return "FunctionCall"; }},
      message);
}

std::string ParsePasswordPayload(const PasswordMessage& message) {
  wire::ByteReader r(message.payload, 'p');
  std::string password = r.ReadCString();
  r.ExpectEnd();
  return password;
}

SaslInitialResponse ParseSaslInitialResponse(const PasswordMessage& message) {
  wire::ByteReader r(message.payload, 'p');
  SaslInitialResponse out;
  out.mechanism = r.ReadCString();
  out.data = r.ReadNullableValue();
  r.ExpectEnd();
  return out;
}

}  // namespace basalt::protocol
