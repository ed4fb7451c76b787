// Backup and archiving functions (superuser only, 42501 otherwise):
//   basalt_backup_start(label text) -> text      takes a checkpoint, returns
//       "backup_id <id>" and the file listing (backup_manifest.hpp format)
//   basalt_backup_read(id, path, offset int8, length int4) -> bytea
//   basalt_backup_stop(id text) -> text          ends it, returns the listing
//   basalt_backup(dir text [, incremental_from text]) -> text
//       a complete backup written by the server into `dir`
//   basalt_create_restore_point(name text) -> text   (like
//       pg_create_restore_point; returns the HLC timestamp, in decimal)
// The CLI (`basalt backup`) drives the first three over an ordinary
// connection, so it works from any host. All are volatile: never folded.
#include <filesystem>

#include "engine/sql/exec/exec_context.hpp"
#include "engine/sql/functions/function_registry.hpp"
#include "engine/storage/backup_services.hpp"
#include "engine/storage/backup_source.hpp"
#include "engine/storage/wal_archiver.hpp"

namespace basalt::engine::sql {
namespace {

const Type kText{TypeId::kText, -1};
const Type kInt4{TypeId::kInt4, -1};
const Type kInt8{TypeId::kInt8, -1};
const Type kBytea{TypeId::kBytea, -1};

// Restore point names are bounded as in PostgreSQL (MAXFNAMELEN - 1).
constexpr size_t kMaxRestorePointName = 63;
constexpr int64_t kMaxChunk = int64_t{16} << 20;

storage::BackupServices& Services(EvalContext& ctx, std::string_view function) {
  if (ctx.session == nullptr || ctx.session->GetSetting("is_superuser").value_or("off") != "on")
    throw DbError(SqlState::kInsufficientPrivilege, "permission denied for function " + std::string(function))
        .WithHint("Only superusers may run backups.");
  storage::BackupServices* s = storage::CurrentBackupServices();
  if (s == nullptr || s->source == nullptr)
    throw DbError(SqlState::kFeatureNotSupported, std::string(function) + " is not available in this process");
  return *s;
}

Value BackupStart(std::span<const Value> a, const std::vector<Type>&, Type, EvalContext& ctx) {
  auto& s = Services(ctx, "basalt_backup_start");
  return Value::String(storage::BackupSource::EncodeStarted(s.source->Start(a[0].as_string())));
}

Value BackupRead(std::span<const Value> a, const std::vector<Type>&, Type, EvalContext& ctx) {
  auto& s = Services(ctx, "basalt_backup_read");
  int64_t offset = a[2].as_int();
  int64_t len = a[3].as_int();
  if (offset < 0 || len < 0 || len > kMaxChunk)
    throw DbError(SqlState::kInvalidParameterValue, "invalid offset or length for basalt_backup_read");
  return Value::String(s.source->Read(a[0].as_string(), a[1].as_string(), static_cast<uint64_t>(offset),
                                      static_cast<size_t>(len)));
}

Value BackupStop(std::span<const Value> a, const std::vector<Type>&, Type, EvalContext& ctx) {
  auto& s = Services(ctx, "basalt_backup_stop");
  return Value::String(storage::EncodeManifest(s.source->Stop(a[0].as_string())));
}

Value BackupTo(std::span<const Value> a, const std::vector<Type>&, Type, EvalContext& ctx) {
  auto& s = Services(ctx, "basalt_backup");
  std::optional<std::filesystem::path> previous;
  if (a.size() > 1) previous = std::filesystem::path(a[1].as_string());
  return Value::String(s.source->BackupTo(std::filesystem::path(a[0].as_string()), previous, "basalt_backup"));
}

Value CreateRestorePoint(std::span<const Value> a, const std::vector<Type>&, Type, EvalContext& ctx) {
  auto& s = Services(ctx, "basalt_create_restore_point");
  const std::string& name = a[0].as_string();
  if (name.size() > kMaxRestorePointName)
    throw DbError(SqlState::kInvalidParameterValue,
                  "value too long for restore point (maximum " + std::to_string(kMaxRestorePointName) + " characters)");
  if (s.archiver == nullptr)
    throw DbError(SqlState::kObjectNotInPrerequisiteState, "archiving is not enabled, cannot create restore point")
        .WithHint("archive_mode must be set to on at server start.");
  return Value::String(std::to_string(s.archiver->CreateRestorePoint(name, s.now_ts())));
}

FunctionInfo Volatile(std::vector<Type> args, Type result, ScalarFn fn) {
  FunctionInfo info{std::move(args), result, fn, /*strict=*/true};
  info.is_volatile = true;
  return info;
}

}  // namespace

void RegisterBackupFunctions(std::vector<FunctionEntry>& out) {
  out.push_back({"basalt_backup_start", Volatile({kText}, kText, &BackupStart)});
  out.push_back({"basalt_backup_read", Volatile({kText, kText, kInt8, kInt4}, kBytea, &BackupRead)});
  out.push_back({"basalt_backup_stop", Volatile({kText}, kText, &BackupStop)});
  out.push_back({"basalt_backup", Volatile({kText}, kText, &BackupTo)});
  out.push_back({"basalt_backup", Volatile({kText, kText}, kText, &BackupTo)});
  out.push_back({"basalt_create_restore_point", Volatile({kText}, kText, &CreateRestorePoint)});
}

}  // namespace basalt::engine::sql
