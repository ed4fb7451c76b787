// protocol/frontend_encoder.cpp
#include "protocol/frontend_encoder.hpp"

#include "protocol/wire_bytes.hpp"

namespace basalt::protocol {
namespace {

using wire::AppendCString;
using wire::AppendInt16;
using wire::AppendInt32;

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};

void AppendValues(std::string& out, const std::vector<std::optional<std::string>>& values) {
  AppendInt16(out, static_cast<uint16_t>(values.size()));
  for (const auto& v : values) {
    if (!v) {
      AppendInt32(out, 0xffffffffu);
    } else {
      AppendInt32(out, static_cast<uint32_t>(v->size()));
      out.append(*v);
    }
  }
}

void AppendFormats(std::string& out, const std::vector<int16_t>& formats) {
  AppendInt16(out, static_cast<uint16_t>(formats.size()));
  for (int16_t f : formats) AppendInt16(out, static_cast<uint16_t>(f));
}

}  // namespace

void EncodeFrontend(const FrontendMessage& message, std::string& out) {
  size_t start = out.size();
  bool typed = true;
  std::visit(Overloaded{
                 [&](const StartupMessage& m) {
                   typed = false;
                   AppendInt32(out, 0);
                   AppendInt32(out, static_cast<uint32_t>(m.protocol_version));
                   for (const auto& [k, v] : m.parameters) {
                     AppendCString(out, k);
                     AppendCString(out, v);
                   }
                   out.push_back('\0');
                 },
                 [&](const SslRequest&) {
                   typed = false;
                   AppendInt32(out, 0);
                   AppendInt32(out, kSslRequestCode);
                 },
                 [&](const GssEncRequest&) {
                   typed = false;
                   AppendInt32(out, 0);
                   AppendInt32(out, kGssEncRequestCode);
                 },
                 [&](const CancelRequest& m) {
                   typed = false;
                   AppendInt32(out, 0);
                   AppendInt32(out, kCancelRequestCode);
                   AppendInt32(out, static_cast<uint32_t>(m.process_id));
                   AppendInt32(out, static_cast<uint32_t>(m.secret_key));
                 },
                 [&](const Query& m) {
                   out.push_back('Q');
                   AppendInt32(out, 0);
                   AppendCString(out, m.sql);
                 },
                 [&](const Parse& m) {
                   out.push_back('P');
                   AppendInt32(out, 0);
                   AppendCString(out, m.name);
                   AppendCString(out, m.query);
                   AppendInt16(out, static_cast<uint16_t>(m.param_types.size()));
                   for (uint32_t t : m.param_types) AppendInt32(out, t);
                 },
                 [&](const Bind& m) {
                   out.push_back('B');
                   AppendInt32(out, 0);
                   AppendCString(out, m.portal);
                   AppendCString(out, m.statement);
                   AppendFormats(out, m.param_formats);
                   AppendValues(out, m.params);
                   AppendFormats(out, m.result_formats);
                 },
                 [&](const Describe& m) {
                   out.push_back('D');
                   AppendInt32(out, 0);
                   out.push_back(m.kind);
                   AppendCString(out, m.name);
                 },
                 [&](const Execute& m) {
                   out.push_back('E');
                   AppendInt32(out, 0);
                   AppendCString(out, m.portal);
                   AppendInt32(out, static_cast<uint32_t>(m.max_rows));
                 },
                 [&](const Sync&) {
                   out.push_back('S');
                   AppendInt32(out, 0);
                 },
                 [&](const Flush&) {
                   out.push_back('H');
                   AppendInt32(out, 0);
                 },
                 [&](const Close& m) {
                   out.push_back('C');
                   AppendInt32(out, 0);
                   out.push_back(m.kind);
                   AppendCString(out, m.name);
                 },
                 [&](const Terminate&) {
                   out.push_back('X');
                   AppendInt32(out, 0);
                 },
                 [&](const PasswordMessage& m) {
                   out.push_back('p');
                   AppendInt32(out, 0);
                   out.append(m.payload);
                 },
                 [&](const CopyData& m) {
                   out.push_back('d');
                   AppendInt32(out, 0);
                   out.append(m.data);
                 },
                 [&](const CopyDone&) {
                   out.push_back('c');
                   AppendInt32(out, 0);
                 },
                 [&](const CopyFail& m) {
                   out.push_back('f');
                   AppendInt32(out, 0);
                   AppendCString(out, m.message);
                 },
                 [&](const FunctionCall& m) {
                   out.push_back('F');
                   AppendInt32(out, 0);
                   AppendInt32(out, m.function_oid);
                   AppendFormats(out, m.arg_formats);
                   AppendValues(out, m.args);
                   AppendInt16(out, static_cast<uint16_t>(m.result_format));
                 },
             },
             message);
  size_t len_at = typed ? start + 1 : start;
  wire::PatchInt32(out, len_at, static_cast<uint32_t>(out.size() - len_at));
}

}  // namespace basalt::protocol
