// Backend messages: Encoder output decoded back by BackendDecoder.
#include <catch2/catch.hpp>

#include "protocol/backend_decoder.hpp"
#include "protocol/encoder.hpp"
#include "protocol/protocol_error.hpp"

using namespace basalt::protocol;
namespace b = basalt::protocol::backend;

namespace {
std::vector<b::Message> DecodeAll(std::string_view bytes) {
  BackendDecoder d;
  d.Feed(bytes);
  std::vector<b::Message> out;
  while (auto m = d.Next()) out.push_back(std::move(*m));
  REQUIRE(d.buffered() == 0);
  return out;
}
}  // namespace

TEST_CASE("every backend message round trips", "[protocol][encoder]") {
  Encoder e;
  std::vector<std::string_view> mechs = {"SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"};
  std::vector<FieldDescription> fields = {{"id", 16384, 1, 23, 4, -1, 0}, {"name", 0, 0, 25, -1, -1, 1}};
  std::vector<uint32_t> oids = {23, 25};
  std::vector<int16_t> fmts = {0, 1};
  std::vector<std::string> opts = {"_pq_.foo"};
  ErrorFields err;
  err.code = "23505";
  err.message = "duplicate key value violates unique constraint \"t_pkey\"";
  err.detail = "Key (id)=(1) already exists.";
  err.hint = "a hint";
  err.position = 15;
  err.schema_name = "public";
  err.table_name = "t";
  err.column_name = "id";
  err.datatype_name = "int4";
  err.constraint_name = "t_pkey";
  ErrorFields notice;
  notice.severity = "NOTICE";
  notice.code = "00000";
  notice.message = "table \"t\" does not exist, skipping";

  e.AuthenticationOk();
  e.AuthenticationCleartextPassword();
  e.AuthenticationMd5Password({1, 2, 3, 4});
  e.AuthenticationSasl(mechs);
  e.AuthenticationSaslContinue("r=abc,s=xyz,i=4096");
  e.AuthenticationSaslFinal("v=sig");
  e.ParameterStatus("server_version", "15.0");
  e.BackendKeyData(77, -12345);
  e.NegotiateProtocolVersion(0, opts);
  e.RowDescription(fields);
  e.BeginDataRow(3);
  e.AppendField("1");
  e.AppendNull();
  e.AppendField("");
  e.EndDataRow();
  e.CommandComplete("SELECT 1");
  e.EmptyQueryResponse();
  e.ErrorResponse(err);
  e.NoticeResponse(notice);
  e.ParseComplete();
  e.BindComplete();
  e.CloseComplete();
  e.NoData();
  e.ParameterDescription(oids);
  e.PortalSuspended();
  e.CopyInResponse(0, fmts);
  e.CopyOutResponse(1, fmts);
  e.CopyData(std::string("a\0b", 3));
  e.CopyDone();
  e.NotificationResponse(77, "chan", "payload");
  e.ReadyForQuery('T');

  std::vector<b::Message> expected = {
      b::Authentication{AuthCode::kOk, ""},
      b::Authentication{AuthCode::kCleartextPassword, ""},
      b::Authentication{AuthCode::kMd5Password, std::string("\x01\x02\x03\x04", 4)},
      b::Authentication{AuthCode::kSasl, std::string("SCRAM-SHA-256-PLUS\0SCRAM-SHA-256\0\0", 34)},
      b::Authentication{AuthCode::kSaslContinue, "r=abc,s=xyz,i=4096"},
      b::Authentication{AuthCode::kSaslFinal, "v=sig"},
      b::ParameterStatus{"server_version", "15.0"},
      b::BackendKeyData{77, -12345},
      b::NegotiateProtocolVersion{0, {"_pq_.foo"}},
      b::RowDescription{fields},
      b::DataRow{{std::string("1"), std::nullopt, std::string()}},
      b::CommandComplete{"SELECT 1"},
      b::EmptyQueryResponse{},
      b::ErrorResponse{err},
      b::NoticeResponse{notice},
      b::ParseComplete{},
      b::BindComplete{},
      b::CloseComplete{},
      b::NoData{},
      b::ParameterDescription{oids},
      b::PortalSuspended{},
      b::CopyInResponse{0, fmts},
      b::CopyOutResponse{1, fmts},
      b::CopyData{std::string("a\0b", 3)},
      b::CopyDone{},
      b::NotificationResponse{77, "chan", "payload"},
      b::ReadyForQuery{'T'},
  };
  auto got = DecodeAll(e.data());
  REQUIRE(got.size() == expected.size());
  for (size_t i = 0; i < got.size(); ++i) {
    INFO("message " << i);
    REQUIRE(got[i] == expected[i]);
  }
}

TEST_CASE("exact bytes of common messages", "[protocol][encoder]") {
  Encoder e;
  e.ReadyForQuery('I');
  REQUIRE(e.data() == std::string_view("Z\0\0\0\x05I", 6));
  e.Clear();
  e.EncryptionResponse('N');
  REQUIRE(e.data() == "N");
  e.Clear();
  e.BeginDataRow(1);
  e.AppendField("42");
  e.EndDataRow();
  REQUIRE(e.data() == std::string_view("D\0\0\0\x0c\0\x01\0\0\0\x02" "42", 13));
}

TEST_CASE("an abandoned DataRow leaves no bytes behind", "[protocol][encoder]") {
  Encoder e;
  e.CommandComplete("SELECT 0");
  size_t before = e.size();
  e.BeginDataRow(2);
  e.AppendField("x");
  REQUIRE(e.in_message());
  e.AbortMessage();
  REQUIRE_FALSE(e.in_message());
  REQUIRE(e.size() == before);
  e.ReadyForQuery('I');
  REQUIRE(DecodeAll(e.data()).size() == 2);
}

TEST_CASE("clear keeps capacity so encoding does not reallocate", "[protocol][encoder]") {
  Encoder e;
  for (int i = 0; i < 1000; ++i) e.CommandComplete("INSERT 0 1");
  e.Clear();
  const char* p = e.data().data();
  for (int i = 0; i < 1000; ++i) e.CommandComplete("INSERT 0 1");
  REQUIRE(e.data().data() == p);
}

TEST_CASE("backend decoder rejects malformed frames", "[protocol][encoder]") {
  BackendDecoder d;
  d.Feed(std::string("Z\0\0\0\x02", 5));
  REQUIRE_THROWS_AS(d.Next(), ProtocolError);
  BackendDecoder u;
  u.Feed(std::string("?\0\0\0\x04", 5));
  REQUIRE_THROWS_AS(u.Next(), ProtocolError);
}
