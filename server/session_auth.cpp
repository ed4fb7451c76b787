// server/session_auth.cpp
//
// Password authentication, following PostgreSQL's auth.c / auth-scram.c:
//   scram-sha-256  AuthenticationSASL, SASLContinue, SASLFinal (two client
//                  messages); needs a SCRAM verifier.
//   md5            AuthenticationMD5Password with a random salt when the role
//                  has an md5 verifier; with a SCRAM verifier the exchange is
//                  SCRAM instead (as PostgreSQL does, so md5 in hba.conf keeps
//                  working after password_encryption moved to SCRAM).
//   password       AuthenticationCleartextPassword, checked against either form.
// An unknown role, a role without a password or without a usable verifier
// runs the same exchange against a mock and fails at the end: the client sees
// 28P01 `password authentication failed for user "..."` in every case, and
// only the server log says why. auth_delay.milliseconds delays that answer.
#include <openssl/rand.h>
#include <spdlog/spdlog.h>

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <array>
#include <mutex>

#include "auth/scram.hpp"
#include "server/error_conversion.hpp"
#include "server/run_blocking.hpp"
#include "server/server_log.hpp"
#include "server/session.hpp"

namespace basalt::server {

namespace asio = boost::asio;
using engine::SqlState;

struct Session::PendingAuth {
  enum class Kind { kScram, kMd5, kCleartext } kind = Kind::kScram;
  std::optional<std::string> verifier;  // the role's stored verifier, if any
  std::string failure_reason;           // for the log only
  std::optional<auth::ScramExchange> scram;
  bool scram_started = false;
  std::array<uint8_t, 4> md5_salt{};
};

namespace {

// Per-process secret for mock SCRAM salts of unknown roles.
const std::string& MockSecret() {
  static const std::string secret = [] {
    std::string s(32, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(s.data()), static_cast<int>(s.size())) != 1) {
      s = "basalt-mock-secret";
    }
    return s;
  }();
  return secret;
}

}  // namespace

asio::awaitable<void> Session::BeginPasswordAuth(auth::AuthMethod method) {
  auto pending = std::make_shared<PendingAuth>();
  std::optional<engine::RoleInfo> role;
  std::string lookup_error;
  const std::string user = user_;
  co_await RunBlocking(ctx_.pool, [&] {
    try {
      role = ctx_.engine.FindRole(user);
    } catch (const std::exception& e) {
      lookup_error = e.what();
    }
  });
  if (!role) {
    pending->failure_reason = lookup_error.empty() ? "Role \"" + user_ + "\" does not exist." : lookup_error;
  } else if (!role->password_verifier || role->password_verifier->empty()) {
    pending->failure_reason = "User \"" + user_ + "\" has no password assigned.";
  } else {
    pending->verifier = role->password_verifier;
  }

  const bool stored_md5 = pending->verifier && auth::IsMd5Verifier(*pending->verifier);
  switch (method) {
    case auth::AuthMethod::kPassword:
      pending->kind = PendingAuth::Kind::kCleartext;
      break;
    case auth::AuthMethod::kMd5:
      // md5 when the stored secret is md5 (or there is none and new secrets
      // would be md5); otherwise SCRAM, exactly as CheckPWChallengeAuth.
      if (stored_md5 || (!pending->verifier && ctx_.settings.GetString("password_encryption") == "md5")) {
        pending->kind = PendingAuth::Kind::kMd5;
      } else {
        pending->kind = PendingAuth::Kind::kScram;
      }
      break;
    default:
      pending->kind = PendingAuth::Kind::kScram;
      break;
  }

  switch (pending->kind) {
    case PendingAuth::Kind::kCleartext:
      out_.AuthenticationCleartextPassword();
      break;
    case PendingAuth::Kind::kMd5:
      RAND_bytes(pending->md5_salt.data(), static_cast<int>(pending->md5_salt.size()));
      out_.AuthenticationMd5Password(pending->md5_salt);
      break;
    case PendingAuth::Kind::kScram: {
      std::optional<auth::ScramVerifier> scram;
      if (pending->verifier) {
        scram = auth::ParseScramVerifier(*pending->verifier);
        if (!scram) pending->failure_reason = "User \"" + user_ + "\" does not have a valid SCRAM secret.";
      }
      pending->scram.emplace(std::move(scram), user_, MockSecret());
      const std::string_view mechanisms[] = {auth::kScramMechanism};
      out_.AuthenticationSasl(mechanisms);
      break;
    }
  }
  auth_ = std::move(pending);
  state_ = State::kAuthenticating;
}

asio::awaitable<void> Session::HandleAuthMessage(const protocol::PasswordMessage& message) {
  PendingAuth& a = *auth_;
  try {
    switch (a.kind) {
      case PendingAuth::Kind::kCleartext: {
        std::string password = protocol::ParsePasswordPayload(message);
        bool ok = false;
        if (password.empty()) {
          a.failure_reason = "Empty password given.";
        } else if (a.verifier) {
          if (auth::IsMd5Verifier(*a.verifier)) {
            ok = auth::MakeMd5Verifier(password, user_) == *a.verifier;
          } else if (auto scram = auth::ParseScramVerifier(*a.verifier)) {
            ok = auth::ScramVerifyPassword(password, *scram);
          }
          if (!ok) a.failure_reason = "Password does not match for user \"" + user_ + "\".";
        }
        if (!ok) {
          co_await FailAuthentication();
          co_return;
        }
        break;
      }
      case PendingAuth::Kind::kMd5: {
        std::string response = protocol::ParsePasswordPayload(message);
        bool ok = a.verifier && auth::Md5VerifyResponse(*a.verifier, response, a.md5_salt.data());
        if (!ok) {
          if (a.failure_reason.empty()) a.failure_reason = "Password does not match for user \"" + user_ + "\".";
          co_await FailAuthentication();
          co_return;
        }
        break;
      }
      case PendingAuth::Kind::kScram: {
        if (!a.scram_started) {
          protocol::SaslInitialResponse initial = protocol::ParseSaslInitialResponse(message);
          a.scram_started = true;
          std::string server_first = a.scram->ClientFirst(initial.mechanism, initial.data.value_or(""));
          out_.AuthenticationSaslContinue(server_first);
          co_return;  // wait for client-final
        }
        std::optional<std::string> server_final = a.scram->ClientFinal(protocol::SaslResponseData(message));
        if (!server_final) {
          if (a.failure_reason.empty()) a.failure_reason = "Password does not match for user \"" + user_ + "\".";
          co_await FailAuthentication();
          co_return;
        }
        out_.AuthenticationSaslFinal(*server_final);
        break;
      }
    }
  } catch (const auth::ScramProtocolError& e) {
    engine::DbError error = FatalError(SqlState::kProtocolViolation, e.message);
    if (!e.detail.empty()) error.WithDetail(e.detail);
    Log()->info("conn {}: SCRAM exchange failed for user \"{}\": {} {}", id_.value, user_, e.message, e.detail);
    SendError(error);
    co_return;
  } catch (const protocol::ProtocolError& e) {
    SendProtocolError(e);
    co_return;
  }
  auth_.reset();
  out_.AuthenticationOk();
  co_await FinishStartup();
}

asio::awaitable<void> Session::FailAuthentication() {
  Log()->info("conn {}: password authentication failed for user \"{}\": {}", id_.value, user_,
              auth_ ? auth_->failure_reason : std::string());
  auth_.reset();
  int64_t delay_ms = ctx_.settings.GetInt("auth_delay.milliseconds");
  if (delay_ms > 0) {
    asio::steady_timer timer(socket_.get_executor());
    timer.expires_after(std::chrono::milliseconds(delay_ms));
    boost::system::error_code ec;
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
  SendFatal(SqlState::kInvalidPassword, "password authentication failed for user \"" + user_ + "\"");
}

}  // namespace basalt::server
