// pg_stat_archiver: the WAL archiver's counters (engine/storage/wal_archiver.hpp)
// in PostgreSQL's columns. One row, as in PostgreSQL; all zero/NULL while
// archive_mode = off. "WAL" names are Basalt's RocksDB sequence numbers: the
// last archived batch's, and for failures the last error message.
#include "engine/sql/system/row_builder.hpp"
#include "engine/sql/system/row_generators.hpp"
#include "engine/storage/backup_services.hpp"
#include "engine/storage/wal_archiver.hpp"

namespace basalt::engine::sql::system {

namespace {
// Unix microseconds -> PostgreSQL timestamptz microseconds (since 2000-01-01).
constexpr int64_t kPgEpochUnixMicros = 946'684'800'000'000;
}  // namespace

void GenPgStatArchiver(SystemScan&, std::vector<Row>& out) {
  storage::ArchiverStatus st;
  if (auto* services = storage::CurrentBackupServices(); services != nullptr && services->archiver != nullptr)
    st = services->archiver->status();
  RowBuilder b(PgCatalog("pg_stat_archiver"));
  auto ts = [&](std::string_view col, uint64_t unix_us) {
    if (unix_us == 0) {
      b.Null(col);
    } else {
      b.Int(col, static_cast<int64_t>(unix_us) - kPgEpochUnixMicros);
    }
  };
  b.Int("archived_count", static_cast<int64_t>(st.archived_count));
  if (st.last_archived_time_us == 0) {
    b.Null("last_archived_wal");
  } else {
    b.Str("last_archived_wal", std::to_string(st.last_archived_seq));
  }
  ts("last_archived_time", st.last_archived_time_us);
  b.Int("failed_count", static_cast<int64_t>(st.failed_count));
  if (st.last_failed_error.empty()) {
    b.Null("last_failed_wal");
  } else {
    b.Str("last_failed_wal", st.last_failed_error);
  }
  ts("last_failed_time", st.last_failed_time_us);
  ts("stats_reset", st.stats_reset_time_us);
  b.Emit(out);
}

}  // namespace basalt::engine::sql::system
